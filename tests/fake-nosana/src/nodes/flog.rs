//! `GET /nodes/{node}/` upgraded to a WebSocket: the `/flog` log stream of one job.
//!
//! The client sends one text frame, `{"path":"/flog","header":"<node header>","body":
//! {"jobAddress":"<job>","opId"?,"group"?}}`; the node replays the lines it holds (grouped
//! by op), then sends live lines, each `{"path":"flog","data":"<TaskLog as JSON text>"}`.
//! Refusals are close codes: 1011 bad handshake, 3000 bad header, 1007 no such job,
//! 1008 not running on this node. No end frame: after the job ends the socket stays
//! quiet until the node forgets the job (its result uploaded), then closes with 1008.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use futures_util::SinkExt;
use serde_json::Value;
use tokio::sync::broadcast::error::RecvError;

use super::logs::{wanted, Line, Live};
use super::{auth, known_node, unknown_node, Lookup, NodeRequest};
use crate::state::App;

/// How long a node waits for the handshake.
const HANDSHAKE_WAIT: Duration = Duration::from_secs(10);

pub async fn socket(
    State(app): State<App>,
    Path(node): Path<String>,
    headers: HeaderMap,
    ws: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    if !known_node(&app, &node) {
        return unknown_node();
    }
    let ws = match ws {
        Ok(ws) => ws,
        Err(refused) => return refused.into_response(),
    };
    let index = app.nodes().record(NodeRequest {
        kind: "flog",
        node: node.clone(),
        method: "GET".into(),
        path: "/".into(),
        authorization: headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        handshake: None,
        status: None,
        closed_by_client: false,
        seq: 0,
    });
    ws.on_upgrade(move |socket| run(app, node, socket, index))
}

struct Handshake {
    header: String,
    job: String,
    op: Option<String>,
    group: Option<String>,
}

/// The handshake frame, or `None` when it is not one (1011).
fn handshake(text: &str) -> Option<Handshake> {
    let v: Value = serde_json::from_str(text).ok()?;
    if v["path"].as_str()? != "/flog" {
        return None;
    }
    let body = v["body"].as_object()?;
    let text_of = |k: &str| body.get(k).and_then(Value::as_str).map(str::to_string);
    Some(Handshake {
        header: v["header"].as_str()?.to_string(),
        job: text_of("jobAddress")?,
        op: text_of("opId"),
        group: text_of("group"),
    })
}

/// The first text frame, skipping pings; `None` if the client leaves or stays silent.
async fn first_text(socket: &mut WebSocket) -> Option<String> {
    let wait = async {
        while let Some(Ok(msg)) = socket.recv().await {
            match msg {
                Message::Text(t) => return Some(t.to_string()),
                Message::Binary(b) => return Some(String::from_utf8_lossy(&b).into_owned()),
                Message::Close(_) => return None,
                _ => {}
            }
        }
        None
    };
    tokio::time::timeout(HANDSHAKE_WAIT, wait)
        .await
        .ok()
        .flatten()
}

async fn run(app: App, node: String, mut socket: WebSocket, index: u64) {
    let Some(text) = first_text(&mut socket).await else {
        close(&app, socket, index, 1011, "Handshake expected").await;
        return;
    };
    app.nodes().handshake(index, &text);
    let Some(hs) = handshake(&text) else {
        close(&app, socket, index, 1011, "Invalid handshake").await;
        return;
    };
    let opened = {
        let store = app.store();
        let mut nodes = app.nodes();
        if !auth::is_valid(&hs.header, &store.ctx.owner, nodes.generation()) {
            Err((3000, "Unauthorized"))
        } else {
            match nodes.lookup(&store, &hs.job, &node) {
                Lookup::NoSuchJob => Err((1007, "Job not found")),
                Lookup::NotHere => Err((1008, "Job is not running on this node")),
                Lookup::Here => match nodes.jobs.get(&hs.job) {
                    Some(log) if log.ended.is_none() => Ok((
                        log.replay(hs.op.as_deref(), hs.group.as_deref()),
                        log.feed.subscribe(),
                    )),
                    _ => Err((1008, "Job is not running on this node")),
                },
            }
        }
    };
    let (replay, mut feed) = match opened {
        Ok(opened) => opened,
        Err((code, reason)) => {
            close(&app, socket, index, code, reason).await;
            return;
        }
    };
    let mut last = i64::MIN;
    if send_all(&mut socket, &replay, &mut last).await.is_err() {
        app.nodes().finish(index, None, true);
        return;
    }
    drop(replay);
    let (op, group) = (hs.op.as_deref(), hs.group.as_deref());
    loop {
        tokio::select! {
            live = feed.recv() => match live {
                Ok(Live::Line(line)) => {
                    if line.ts > last && wanted(&line, op, group) {
                        last = line.ts;
                        if socket.send(Message::Text(line.frame.clone())).await.is_err() {
                            app.nodes().finish(index, None, true);
                            return;
                        }
                    }
                }
                Ok(Live::Changed) => {}
                Ok(Live::Close(code, reason)) => {
                    close(&app, socket, index, code, reason).await;
                    return;
                }
                // Dropping the socket closes the TCP connection without a close frame.
                Ok(Live::Cut) | Err(RecvError::Closed) => {
                    app.nodes().finish(index, Some(1006), false);
                    return;
                }
                Err(RecvError::Lagged(_)) => {
                    let missed = app
                        .nodes()
                        .jobs
                        .get(&hs.job)
                        .map(|log| log.after(last, op, group))
                        .unwrap_or_default();
                    if send_all(&mut socket, &missed, &mut last).await.is_err() {
                        app.nodes().finish(index, None, true);
                        return;
                    }
                }
            },
            incoming = socket.recv() => match incoming {
                // The client's frames after the handshake mean nothing to the node.
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => {
                    app.nodes().finish(index, None, true);
                    return;
                }
                Some(Ok(_)) => {}
            },
        }
    }
}

/// Sends lines in one go (flushed once), noting the newest timestamp sent.
async fn send_all(socket: &mut WebSocket, lines: &[Arc<Line>], last: &mut i64) -> Result<(), ()> {
    for line in lines {
        socket
            .feed(Message::Text(line.frame.clone()))
            .await
            .map_err(|_| ())?;
        *last = (*last).max(line.ts);
    }
    socket.flush().await.map_err(|_| ())
}

/// Sends a close frame and waits (briefly) for the client's, so the code arrives cleanly.
async fn close(app: &App, mut socket: WebSocket, index: u64, code: u16, reason: &'static str) {
    app.nodes().finish(index, Some(code), false);
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    if socket.send(Message::Close(Some(frame))).await.is_err() {
        return;
    }
    let _ = tokio::time::timeout(Duration::from_secs(2), async {
        while let Some(Ok(msg)) = socket.recv().await {
            if matches!(msg, Message::Close(_)) {
                break;
            }
        }
    })
    .await;
}
