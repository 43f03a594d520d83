//! Helpers for the node double: the node header, a running job (on a listening,
//! quiet fake), and a WebSocket client
//! that reads `/flog` frames until a close.

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{connect_async, MaybeTlsStream, WebSocketStream};

use crate::support::*;

pub type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

pub const WAIT: Duration = Duration::from_secs(5);

/// The node header the sign route gives the test key.
pub async fn node_header(app: &Router) -> String {
    let res = api(
        app,
        "POST",
        "/auth/sign-message/external",
        Some(json!({ "message": "nosana-auth", "includeTime": false })),
    )
    .await;
    assert_eq!(res.status, 200, "{}", res.text);
    let v = res.json();
    format!(
        "{}:{}",
        v["message"].as_str().unwrap(),
        v["signature"].as_str().unwrap()
    )
}

/// The fake with its automatic output paused, so every line is one a test asked for.
pub async fn quiet() -> Router {
    let app = fake();
    pause_output(&app).await;
    app
}

pub async fn pause_output(app: &Router) {
    configure(app, json!({ "node_output": false })).await;
}

/// A running job, the header of its node, and the fake listening on a port.
pub struct OnNode {
    pub job: RunningJob,
    pub header: String,
    pub addr: SocketAddr,
}

pub async fn on_node(app: &Router) -> OnNode {
    let job = running_job(app).await;
    let header = node_header(app).await;
    let addr = listen(app.clone()).await;
    OnNode { job, header, addr }
}

pub struct RunningJob {
    pub deployment: String,
    pub job: String,
    pub node: String,
}

/// The first running job (with a node) of the seeded deployment with many jobs (index 2).
pub async fn running_job(app: &Router) -> RunningJob {
    let dep = seeded(app).await[2].clone();
    assert_eq!(dep["status"], "RUNNING");
    let id = dep["id"].as_str().unwrap().to_string();
    let jobs = get(app, &format!("/deployments/{id}/jobs?state=RUNNING"))
        .await
        .json();
    let j = &jobs["jobs"][0];
    RunningJob {
        deployment: id,
        job: j["job"].as_str().unwrap().to_string(),
        node: j["node"].as_str().unwrap().to_string(),
    }
}

/// A seeded job of the deployment in another state (COMPLETED, STOPPED, QUEUED).
pub async fn job_in_state(app: &Router, state: &str) -> Value {
    for dep in seeded(app).await {
        let id = dep["id"].as_str().unwrap();
        let jobs = get(
            app,
            &format!("/deployments/{id}/jobs?state={state}&limit=100"),
        )
        .await
        .json();
        if let Some(j) = jobs["jobs"].as_array().and_then(|a| a.first()) {
            return j.clone();
        }
    }
    panic!("no {state} job")
}

pub async fn open(addr: SocketAddr, node: &str) -> Socket {
    let (ws, _) = connect_async(format!("ws://{addr}/nodes/{node}/"))
        .await
        .expect("the upgrade succeeds");
    ws
}

/// Opens a socket and sends the handshake for `job`, with `extra` merged into its body.
pub async fn flog(addr: SocketAddr, node: &str, header: &str, job: &str, extra: Value) -> Socket {
    let mut ws = open(addr, node).await;
    let mut body = json!({ "jobAddress": job });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    let hs = json!({ "path": "/flog", "header": header, "body": body });
    ws.send(Message::Text(hs.to_string().into())).await.unwrap();
    ws
}

/// How a read ended.
#[derive(Debug, PartialEq)]
pub enum End {
    /// Enough frames arrived; the socket is still open.
    Enough,
    /// A close frame with this code.
    Closed(u16),
    /// The connection ended without a close frame.
    Cut,
    /// Nothing more within the wait.
    Quiet,
}

/// Reads text frames until `count` arrived, a close, a cut or `wait` without anything.
pub async fn read(ws: &mut Socket, count: usize, wait: Duration) -> (Vec<String>, End) {
    let mut got = Vec::new();
    loop {
        if got.len() >= count {
            return (got, End::Enough);
        }
        match tokio::time::timeout(wait, ws.next()).await {
            Err(_) => return (got, End::Quiet),
            Ok(None) | Ok(Some(Err(_))) => return (got, End::Cut),
            Ok(Some(Ok(Message::Text(t)))) => got.push(t.to_string()),
            Ok(Some(Ok(Message::Close(frame)))) => {
                return (got, End::Closed(frame.map_or(1005, |f| u16::from(f.code))))
            }
            Ok(Some(Ok(_))) => {}
        }
    }
}

/// The TaskLog inside a frame, checking the frame's exact shape on the way.
pub fn task_log(frame: &str) -> Value {
    let v: Value = serde_json::from_str(frame).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["path", "data"], "{frame}");
    assert_eq!(v["path"], "flog");
    let data = v["data"].as_str().expect("data is JSON text");
    serde_json::from_str(data).unwrap()
}

/// Polls the job detail until its result is no longer null.
pub async fn wait_for_result(app: &Router, deployment: &str, job: &str) -> Value {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let detail = get(app, &format!("/deployments/{deployment}/jobs/{job}"))
            .await
            .json();
        if !detail["jobResult"].is_null() {
            return detail;
        }
        assert!(tokio::time::Instant::now() < deadline, "no result arrived");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A running job's routes on its node (`/nodes/{node}/job/{job}`), asked with its header.
pub struct JobRoutes {
    pub base: String,
    pub header: String,
}

impl JobRoutes {
    pub async fn of(app: &Router, job: &RunningJob) -> Self {
        JobRoutes {
            base: format!("/nodes/{}/job/{}", job.node, job.job),
            header: node_header(app).await,
        }
    }

    /// `method` on the job's route `rest` (such as `/ops`), with the node header.
    pub async fn ask(&self, app: &Router, method: &str, rest: &str) -> Res {
        let auth = [("authorization", self.header.as_str())];
        send(app, method, &format!("{}{rest}", self.base), &auth, None).await
    }

    /// The fake listening, and a GET of the job's stream route `rest` with the node header,
    /// its connection left open for reading.
    pub async fn stream(&self, app: &Router, rest: &str) -> TcpStream {
        let addr = listen(app.clone()).await;
        let path = format!("{}{rest}", self.base);
        raw(addr, "GET", &path, &[("Authorization", &self.header)]).await
    }
}
