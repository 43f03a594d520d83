//! The node double: what the nodes running jobs answer (contract: "Job logs and job
//! status: the nodes"), served under `/nodes/{node}/` on the fake's own origin, and the
//! `/config.json` that points the app at it.
//!
//! A job's node state (`JobLog`) is made when first needed (a socket, an `/info` stream,
//! a control route, or the job's end) from the store's job; the store stays the truth
//! about whether a job runs and where.

pub mod auth;
pub mod control;
mod flog;
mod info;
pub mod logs;
mod newer;
pub mod output;
mod result;
mod stats;
mod tick;
mod trouble;
mod usage;

use std::collections::HashMap;

use axum::extract::State;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::Router;
use serde::Serialize;
use serde_json::json;
use tower_http::cors::{AllowHeaders, Any, CorsLayer};

use crate::errors::json_response;
use crate::model::{Job, JobState};
use crate::state::App;
use crate::store::Store;
use logs::{JobLog, Live, Op};

pub use tick::tick;

/// A job that started this recently (ms) still pulls its image when first looked at.
const FRESH_MS: i64 = 20_000;

/// The template the app fills with a job's node address.
pub const NODES_TEMPLATE: &str = "/nodes/{node}";

/// What the nodes hold besides the store's jobs.
#[derive(Default)]
pub struct Nodes {
    /// Bumped by a rotation: every header issued before is refused.
    generation: u64,
    pub jobs: HashMap<String, JobLog>,
    /// When the automatic output writes next.
    pub next_output: Option<std::time::Instant>,
    pub requests: Vec<NodeRequest>,
    next_seq: u64,
    /// Whether the automatic output runs (kept by the tick): a job that starts meanwhile
    /// writes its start-up live.
    pub output_on: bool,
}

/// One request to a node, for tests to see what reached it (`GET /__fake/node-requests`).
#[derive(Debug, Clone, Serialize)]
pub struct NodeRequest {
    #[serde(skip)]
    pub seq: u64,
    /// `flog` (a socket), `info`, or another route's name.
    pub kind: &'static str,
    pub node: String,
    pub method: String,
    pub path: String,
    pub authorization: Option<String>,
    /// The socket's handshake (its first text frame), as sent.
    pub handshake: Option<String>,
    /// The HTTP status, or for a socket the close code the node sent (`null`: still
    /// open, or closed by the client).
    pub status: Option<u16>,
    pub closed_by_client: bool,
}

/// Where a job stands for one node.
pub enum Lookup {
    /// The store has no such job.
    NoSuchJob,
    /// This node does not run it (not started, moved, ended and forgotten).
    NotHere,
    /// The node has it (running, or ended and its result not uploaded yet).
    Here,
}

impl Nodes {
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn rotate(&mut self) -> u64 {
        self.generation += 1;
        self.generation
    }

    /// Forgets every job (their sockets are closed as by a restarting node).
    pub fn reset(&mut self) {
        for log in self.jobs.values() {
            log.tell(Live::Close(1001, "Node restarting"));
        }
        // Handles stay unique across resets: a socket from before must not mark a new entry.
        let (next_seq, output_on) = (self.next_seq, self.output_on);
        *self = Nodes {
            next_seq,
            output_on,
            ..Nodes::default()
        };
    }

    /// Whether `node` runs `job`, making its node state when it does.
    pub fn lookup(&mut self, store: &Store, job: &str, node: &str) -> Lookup {
        if let Some(log) = self.jobs.get(job) {
            return if log.node == node && !log.gone {
                Lookup::Here
            } else {
                Lookup::NotHere
            };
        }
        match find_job(store, job) {
            None => Lookup::NoSuchJob,
            Some(j) if j.state == JobState::Running && j.node.as_deref() == Some(node) => {
                self.ensure(store, job);
                Lookup::Here
            }
            Some(_) => Lookup::NotHere,
        }
    }

    /// The job's node state, made from the store's job if it has a node and ran.
    pub fn ensure(&mut self, store: &Store, job: &str) -> Option<&mut JobLog> {
        if !self.jobs.contains_key(job) {
            let (rec, j) = store
                .records
                .iter()
                .find_map(|r| r.jobs.iter().find(|j| j.job == job).map(|j| (r, j)))?;
            let node = j.node.as_deref()?;
            if j.state == JobState::Queued {
                return None;
            }
            let ops = Op::from_definition(&rec.definition_of(j.revision));
            let start_ms = if j.time_start > 0 {
                j.time_start * 1000
            } else {
                now_ms()
            };
            let mut log = JobLog::new(&rec.dep.id, job, node, ops, start_ms);
            let fresh = now_ms() - start_ms < FRESH_MS && j.state == JobState::Running;
            output::startup(&mut log, fresh && self.output_on);
            self.jobs.insert(job.to_string(), log);
        }
        self.jobs.get_mut(job)
    }

    /// Logs a request; returns its handle for `handshake` and `finish`.
    pub fn record(&mut self, mut request: NodeRequest) -> u64 {
        self.next_seq += 1;
        request.seq = self.next_seq;
        self.requests.push(request);
        self.next_seq
    }

    fn request(&mut self, seq: u64) -> Option<&mut NodeRequest> {
        self.requests.iter_mut().find(|r| r.seq == seq)
    }

    pub fn handshake(&mut self, seq: u64, text: &str) {
        if let Some(r) = self.request(seq) {
            r.handshake = Some(text.to_string());
        }
    }

    pub fn finish(&mut self, seq: u64, status: Option<u16>, by_client: bool) {
        if let Some(r) = self.request(seq) {
            r.status = status;
            r.closed_by_client = by_client;
        }
    }
}

pub fn find_job<'a>(store: &'a Store, job: &str) -> Option<&'a Job> {
    store
        .records
        .iter()
        .find_map(|r| r.jobs.iter().find(|j| j.job == job))
}

/// The node's clock.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// The node routes. They answer CORS for any origin, as nodes do (`*`, requested
/// headers allowed, no credentials).
pub fn router() -> Router<App> {
    let node_cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers(AllowHeaders::mirror_request());
    Router::new()
        .route(
            "/nodes/{node}",
            get(flog::socket).fallback(unknown_node_route),
        )
        .route(
            "/nodes/{node}/",
            get(flog::socket).fallback(unknown_node_route),
        )
        .route(
            "/nodes/{node}/job/{job}/info",
            get(info::info).fallback(unknown_node_route),
        )
        .route(
            "/nodes/{node}/job/{job}/ops",
            get(newer::ops).fallback(unknown_node_route),
        )
        .route(
            "/nodes/{node}/job/{job}/endpoints",
            get(newer::endpoints).fallback(unknown_node_route),
        )
        .route(
            "/nodes/{node}/job/{job}/stats",
            get(stats::stats).fallback(unknown_node_route),
        )
        .route(
            "/nodes/{node}/job/{job}/stats/stream",
            get(stats::stream).fallback(unknown_node_route),
        )
        .route(
            "/nodes/{node}/job/{job}/group/{group}/operation/{op}/{action}",
            post(stats::op_control).fallback(unknown_node_route),
        )
        .route(
            "/nodes/{node}/node/info",
            get(newer::node_info).fallback(unknown_node_route),
        )
        .route("/nodes/{node}/{*rest}", any(unknown_node_route))
        .layer(node_cors)
}

/// A path the node does not serve: express's default 404.
async fn unknown_node_route(method: Method, uri: axum::http::Uri) -> Response {
    let path = uri
        .path()
        .strip_prefix("/nodes/")
        .and_then(|rest| rest.find('/').map(|i| &rest[i..]))
        .unwrap_or("/");
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        format!("Cannot {method} {path}"),
    )
        .into_response()
}

/// A node the fake does not know: what the node gateway answers for a node that is offline.
pub fn unknown_node() -> Response {
    (
        StatusCode::BAD_GATEWAY,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Bad Gateway",
    )
        .into_response()
}

pub fn known_node(app: &App, node: &str) -> bool {
    app.store().ctx.nodes.iter().any(|n| n == node)
}

/// `{"api": "/api", "nodes": "/nodes/{node}"}`, or 404 with the `config_json` setting off.
pub async fn config_json(State(app): State<App>) -> Response {
    if !app.settings().config_json {
        return (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Not Found",
        )
            .into_response();
    }
    let mut res = json_response(
        StatusCode::OK,
        &json!({ "api": "/api", "nodes": NODES_TEMPLATE }),
    );
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}
