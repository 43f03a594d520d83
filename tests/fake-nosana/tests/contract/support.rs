//! Helpers: drive the router in-process (most tests), or a real socket when the
//! connection itself matters (streams, dropped connections).

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderMap, Request};
use axum::Router;
use fake_nosana::{build_app, serve, Options};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tower::ServiceExt;

pub const AUTH: &str = "Bearer nos_test_key";

pub fn fake() -> Router {
    build_app(&Options::default())
}

pub fn fake_with(opts: Options) -> Router {
    build_app(&opts)
}

pub struct Res {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
}

impl Res {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The `message` of a Fastify error, or the `error` of a service error.
    pub fn message(&self) -> String {
        let v = self.json();
        v["message"]
            .as_str()
            .or(v["error"].as_str())
            .unwrap_or_default()
            .to_string()
    }
}

pub async fn send(
    app: &Router,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Res {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req
        .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    Res {
        status,
        headers,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// An authorized API call; a body goes out as JSON.
pub async fn api(app: &Router, method: &str, path: &str, body: Option<Value>) -> Res {
    let uri = format!("/api{path}");
    match body {
        Some(b) => {
            let text = b.to_string();
            let headers = [
                ("authorization", AUTH),
                ("content-type", "application/json"),
            ];
            send(app, method, &uri, &headers, Some(&text)).await
        }
        None => send(app, method, &uri, &[("authorization", AUTH)], None).await,
    }
}

pub async fn get(app: &Router, path: &str) -> Res {
    api(app, "GET", path, None).await
}

pub async fn control(app: &Router, method: &str, path: &str, body: Option<Value>) -> Res {
    let text = body.map(|b| b.to_string());
    send(app, method, &format!("/__fake{path}"), &[], text.as_deref()).await
}

/// Changes the fake's settings (`POST /__fake/config`), as a test's setup.
pub async fn configure(app: &Router, settings: Value) {
    let res = control(app, "POST", "/config", Some(settings)).await;
    assert_eq!(res.status, 200, "{}", res.text);
}

/// The whole store, in seed order.
pub async fn seeded(app: &Router) -> Vec<Value> {
    control(app, "GET", "/deployments", None)
        .await
        .json()
        .as_array()
        .cloned()
        .unwrap()
}

/// The first seeded deployment with this status.
pub async fn id_with_status(app: &Router, status: &str) -> String {
    seeded(app)
        .await
        .into_iter()
        .find(|d| d["status"] == status)
        .and_then(|d| d["id"].as_str().map(str::to_string))
        .unwrap_or_else(|| panic!("no {status} deployment"))
}

pub async fn find_seeded(app: &Router, pred: impl Fn(&Value) -> bool) -> Value {
    seeded(app)
        .await
        .into_iter()
        .find(|d| pred(d))
        .expect("a matching seeded deployment")
}

pub fn nginx_definition() -> Value {
    serde_json::json!({
        "version": "0.1",
        "type": "container",
        "ops": [{
            "type": "container/run",
            "id": "web",
            "args": { "image": "docker.io/nginx:latest", "expose": [{ "port": 80 }] }
        }]
    })
}

/// Serves `app` on a free port; the server lives as long as the test runtime.
pub async fn listen(app: Router) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(serve(listener, app));
    addr
}

/// Sends a raw HTTP/1.1 request and leaves the connection open for reading.
pub async fn raw(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
) -> TcpStream {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let mut text = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\n");
    for (k, v) in headers {
        text.push_str(&format!("{k}: {v}\r\n"));
    }
    text.push_str("\r\n");
    stream.write_all(text.as_bytes()).await.unwrap();
    stream
}

/// Reads until `needle` has appeared `times` times, the peer closes, or the
/// deadline passes; returns what was read.
pub async fn read_until(
    stream: &mut TcpStream,
    needle: &str,
    times: usize,
    wait: Duration,
) -> String {
    let mut seen = Vec::new();
    let deadline = tokio::time::Instant::now() + wait;
    let mut buf = [0u8; 8192];
    loop {
        let text = String::from_utf8_lossy(&seen).into_owned();
        if text.matches(needle).count() >= times {
            return text;
        }
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) | Err(_) => return text,
            Ok(Ok(n)) => seen.extend_from_slice(&buf[..n]),
        }
    }
}

/// The JSON payloads of the `data:` frames in an SSE text.
pub fn frames(text: &str) -> Vec<Value> {
    text.split("\n\n")
        .filter_map(|chunk| {
            chunk
                .lines()
                .find_map(|l| l.strip_prefix("data: "))
                .and_then(|d| serde_json::from_str(d).ok())
        })
        .collect()
}

/// Polls the deployment until `field` equals `expected` (automatic changes
/// run on a background tick); panics after a few seconds.
pub async fn wait_for(app: &Router, id: &str, field: &str, expected: Value) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        let dep = get(app, &format!("/deployments/{id}")).await.json();
        if dep[field] == expected {
            return dep;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{field} stayed {} instead of {expected}",
            dep[field]
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
