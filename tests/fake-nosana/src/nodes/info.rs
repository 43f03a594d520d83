//! `GET /nodes/{node}/job/{job}/info`: the job's state on its node as server-sent events
//! (`Authorization: <node header>`): one unnamed `data:` frame on open and one per change,
//! `: keep-alive` comments, and the stream ends when the job ends.

use std::convert::Infallible;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, StreamExt};
use serde_json::{json, Map, Value};
use tokio::sync::broadcast::{error::RecvError, Receiver};
use tokio::time::{interval_at, Instant, Interval, MissedTickBehavior};

use super::logs::{JobLog, Live};
use super::{auth, known_node, unknown_node, Lookup, NodeRequest};
use crate::hub::sse_frame;
use crate::state::App;
use crate::store::Store;
use crate::stream::KEEP_ALIVE;

pub const UNAUTHORIZED: &str = "Unauthorized. The node header is missing or invalid.";
pub const NO_JOB: &str = "No running job with that address on this node.";

pub fn text(status: StatusCode, body: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The node header as sent, for the request log.
pub fn authorization(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
}

pub async fn info(
    State(app): State<App>,
    Path((node, job)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if !known_node(&app, &node) {
        return unknown_node();
    }
    let given = authorization(&headers);
    let seq = app.nodes().record(NodeRequest {
        seq: 0,
        kind: "info",
        node: node.clone(),
        method: "GET".into(),
        path: format!("/job/{job}/info"),
        authorization: given.clone(),
        handshake: None,
        status: None,
        closed_by_client: false,
    });
    let opened = {
        let store = app.store();
        let mut nodes = app.nodes();
        if !given
            .as_deref()
            .is_some_and(|h| auth::is_valid(h, &store.ctx.owner, nodes.generation()))
        {
            Err((StatusCode::UNAUTHORIZED, UNAUTHORIZED))
        } else {
            match nodes.lookup(&store, &job, &node) {
                Lookup::Here => {
                    let log = &nodes.jobs[&job];
                    Ok((
                        snapshot(&store, log),
                        log.feed.subscribe(),
                        log.ended.is_some(),
                    ))
                }
                _ => Err((StatusCode::NOT_FOUND, NO_JOB)),
            }
        }
    };
    let (first, feed, ended) = match opened {
        Ok(opened) => opened,
        Err((status, body)) => {
            app.nodes().finish(seq, Some(status.as_u16()), false);
            return text(status, body);
        }
    };
    app.nodes().finish(seq, Some(200), false);
    let period = Duration::from_millis(app.settings().keepalive_ms.max(1));
    let mut keepalive = interval_at(Instant::now() + period, period);
    keepalive.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let follow = Follow {
        app,
        job,
        feed,
        keepalive,
        done: ended,
    };
    let head = stream::once(async move { Ok::<_, Infallible>(sse_frame(&first)) });
    let body = head.chain(stream::unfold(follow, next_frame));
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "text/event-stream")
        .header(header::CACHE_CONTROL, "no-cache")
        .body(Body::from_stream(body))
        .unwrap_or_else(|_| text(StatusCode::INTERNAL_SERVER_ERROR, "stream failed"))
}

struct Follow {
    app: App,
    job: String,
    feed: Receiver<Live>,
    keepalive: Interval,
    /// The job ended: nothing more to send.
    done: bool,
}

async fn next_frame(mut f: Follow) -> Option<(Result<String, Infallible>, Follow)> {
    if f.done {
        return None;
    }
    loop {
        tokio::select! {
            live = f.feed.recv() => match live {
                Ok(Live::Changed) => {
                    let frame = {
                        let store = f.app.store();
                        let nodes = f.app.nodes();
                        let log = nodes.jobs.get(&f.job)?;
                        f.done = log.ended.is_some();
                        snapshot(&store, log)
                    };
                    return Some((Ok(sse_frame(&frame)), f));
                }
                Ok(Live::Line(_)) | Err(RecvError::Lagged(_)) => {}
                Ok(Live::Close(..)) | Ok(Live::Cut) | Err(RecvError::Closed) => return None,
            },
            _ = f.keepalive.tick() => return Some((Ok(KEEP_ALIVE.to_string()), f)),
        }
    }
}

/// The `/info` JSON: `{status, startTime, endTime, errors, opStates, operations, secrets}`.
pub fn snapshot(store: &Store, log: &JobLog) -> Value {
    let (status, op_end) = match log.ended {
        None => ("running", Value::Null),
        Some(e) => (e.status(), json!(e.at_ms)),
    };
    let op_states: Vec<Value> = log
        .ops
        .iter()
        .enumerate()
        .map(|(i, op)| {
            // An op that exited on its own (out of memory) while the job runs reports its code.
            let down = log.trouble.exited(&op.id).filter(|_| log.ended.is_none());
            let (op_status, exit_code) = match (log.ended, down) {
                (Some(e), _) => {
                    let code = e.op_exit_code(i);
                    (e.status_of(code), json!(code))
                }
                (None, Some(code)) => ("failed", json!(code)),
                (None, None) => (log.op_status(&op.id), Value::Null),
            };
            json!({
                "operationId": op.id,
                "group": op.group,
                "status": op_status,
                "startTime": log.start_ms,
                "endTime": op_end,
                "exitCode": exit_code,
                "diagnostics": log.trouble.diagnostics(&op.id, log.start_ms),
            })
        })
        .collect();
    let mut groups: Vec<&str> = Vec::new();
    for op in &log.ops {
        if !groups.contains(&op.group.as_str()) {
            groups.push(&op.group);
        }
    }
    let operations = json!({
        "all": groups,
        "currentGroup": if log.ended.is_some() { Value::Null } else { json!(groups.first()) },
        "currentGroupStatus": if log.ended.is_some() { Value::Null } else { json!("running") },
    });
    let mut secrets = Map::new();
    secrets.insert(log.job.clone(), json!({ "urls": urls(store, log) }));
    json!({
        "status": status,
        "startTime": log.start_ms,
        "endTime": op_end,
        "errors": [],
        "opStates": op_states,
        "operations": operations,
        "secrets": secrets,
    })
}

/// The job's endpoints as the node reports them: `{"<opId>-<port>": {opID, port, url, status}}`.
pub(super) fn urls(store: &Store, log: &JobLog) -> Value {
    let Some(rec) = store.get(&log.deployment) else {
        return json!({});
    };
    let mut out = Map::new();
    for e in &rec.dep.endpoints {
        let op = e["opId"].as_str().unwrap_or("op");
        let status = if log.ended.is_none() && log.trouble.endpoints_up(op) {
            "ONLINE"
        } else {
            "OFFLINE"
        };
        let port = &e["port"];
        let key = format!(
            "{op}-{}",
            port.as_str()
                .map_or_else(|| port.to_string(), str::to_string)
        );
        out.insert(
            key,
            json!({ "opID": op, "port": port, "url": e["url"], "status": status }),
        );
    }
    Value::Object(out)
}
