//! Routes only newer nodes have (contract: "Resource usage, endpoint health and op
//! controls"): a job's op states and endpoint health, and the host's description. With the
//! `older_nodes` setting every node lacks them (express's 404 for the route itself).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

use super::info::{authorization, text, urls, NO_JOB, UNAUTHORIZED};
use super::logs::JobLog;
use super::{auth, known_node, unknown_node, Lookup, NodeRequest};
use crate::errors::json_response;
use crate::state::App;
use crate::store::Store;

/// Checks in a node's order (route, header, job) and answers `f` of the running job,
/// logged in the node request log.
pub(super) fn answer(
    app: &App,
    node: &str,
    job: &str,
    route: &str,
    headers: &HeaderMap,
    f: impl FnOnce(&Store, &JobLog) -> Value,
) -> Response {
    answer_logged(app, node, job, route, None, headers, f).0
}

/// `answer`, logged in the node request log (`kind` from the route, `path` with the
/// `query` when there is one, so tests see the range asked for); also returns the log
/// entry's handle, for a route that answers something else after the checks.
pub(super) fn answer_logged(
    app: &App,
    node: &str,
    job: &str,
    route: &str,
    query: Option<&str>,
    headers: &HeaderMap,
    f: impl FnOnce(&Store, &JobLog) -> Value,
) -> (Response, u64) {
    if !known_node(app, node) {
        return (unknown_node(), 0);
    }
    let control = route.starts_with("group/");
    let kind = match route {
        _ if control => "control",
        "ops" => "ops",
        "stats" => "stats",
        "stats/stream" => "stats/stream",
        _ => "endpoints",
    };
    let path = match query {
        Some(q) if !q.is_empty() => format!("/job/{job}/{route}?{q}"),
        _ => format!("/job/{job}/{route}"),
    };
    let seq = app.nodes().record(NodeRequest {
        seq: 0,
        kind,
        node: node.to_string(),
        method: if control { "POST" } else { "GET" }.into(),
        path,
        authorization: authorization(headers),
        handshake: None,
        status: None,
        closed_by_client: false,
    });
    let response = checked(app, node, job, route, headers, f);
    app.nodes()
        .finish(seq, Some(response.status().as_u16()), false);
    (response, seq)
}

fn checked(
    app: &App,
    node: &str,
    job: &str,
    route: &str,
    headers: &HeaderMap,
    f: impl FnOnce(&Store, &JobLog) -> Value,
) -> Response {
    if app.settings().older_nodes {
        return if route.starts_with("group/") {
            missing_post(&format!("/job/{job}/{route}"))
        } else {
            missing_route(&format!("/job/{job}/{route}"))
        };
    }
    let store = app.store();
    let mut nodes = app.nodes();
    let header = authorization(headers);
    if !header
        .as_deref()
        .is_some_and(|h| auth::is_valid(h, &store.ctx.owner, nodes.generation()))
    {
        return text(StatusCode::UNAUTHORIZED, UNAUTHORIZED);
    }
    match nodes.lookup(&store, job, node) {
        Lookup::Here => match nodes.jobs.get(job).filter(|l| l.ended.is_none()) {
            Some(log) => json_response(StatusCode::OK, &f(&store, log)),
            None => text(StatusCode::NOT_FOUND, NO_JOB),
        },
        _ => text(StatusCode::NOT_FOUND, NO_JOB),
    }
}

/// Express's 404 for a POST to a route the node lacks.
pub(super) fn missing_post(path: &str) -> Response {
    (
        StatusCode::NOT_FOUND,
        [(axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
        format!("Cannot POST {path}"),
    )
        .into_response()
}

fn missing_route(path: &str) -> Response {
    (
        StatusCode::NOT_FOUND,
        [(axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
        format!("Cannot GET {path}"),
    )
        .into_response()
}

/// `{"<opId>": "running"}`; an op whose image is still pulling is `starting`.
pub async fn ops(
    State(app): State<App>,
    Path((node, job)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    answer(&app, &node, &job, "ops", &headers, |_, log| {
        let mut out = Map::new();
        for op in &log.ops {
            let status = match log.op_status(&op.id) {
                _ if log.trouble.exited(&op.id).is_some() => "failed",
                "pulling" => "starting",
                other => other,
            };
            out.insert(op.id.clone(), json!(status));
        }
        Value::Object(out)
    })
}

/// `{"urls": {"<exposeId>": {opID, port, url, status}}, "status": "ONLINE"}`.
pub async fn endpoints(
    State(app): State<App>,
    Path((node, job)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    answer(&app, &node, &job, "endpoints", &headers, |store, log| {
        let urls = urls(store, log);
        let all_up = urls
            .as_object()
            .is_some_and(|m| m.values().all(|u| u["status"] == "ONLINE"));
        json!({ "urls": urls, "status": if all_up { "ONLINE" } else { "OFFLINE" } })
    })
}

/// `GET /node/info` (no header): the host.
pub async fn node_info(State(app): State<App>, Path(node): Path<String>) -> Response {
    if !known_node(&app, &node) {
        return unknown_node();
    }
    if app.settings().older_nodes {
        return missing_route("/node/info");
    }
    json_response(
        StatusCode::OK,
        &json!({
            "node": node,
            "country": "NL",
            "gpus": [{ "name": "NVIDIA GeForce RTX 4090", "memory": 24564 }],
            "cpu": { "model": "AMD EPYC 7313 16-Core Processor", "cores": 16 },
            "ram": { "total": 65536 },
            "versions": { "node": "1.0.40", "docker": "27.3.1" },
        }),
    )
}
