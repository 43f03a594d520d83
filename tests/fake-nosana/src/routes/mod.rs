//! Everything under `/api`: one entry point that logs the request, applies
//! injected faults, then checks in the real service's order: key, route,
//! body parsing, path parameters, query and body schemas, handler.

mod body;
pub mod control;
mod deployments;
mod dispatch;
mod lists;
mod query;
mod sign;
mod updates;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::errors::{json_response, ApiError, ApiResult};
use crate::faults::Injected;
use crate::requestlog::LogEntry;
use crate::server::ConnectionKill;
use crate::state::App;
use crate::validate::params;
use dispatch::Route;
use query::Query;

/// Fastify's default body limit (1 MiB).
const BODY_LIMIT: usize = 1024 * 1024;

struct ApiRequest {
    method: Method,
    /// As received, e.g. `/api/deployments/ID/start`.
    full_path: String,
    /// For the route-not-found message, which quotes the URL with its query.
    url: String,
    /// Relative to the API base, e.g. `/deployments/ID/start`.
    path: String,
    query: String,
    headers: HeaderMap,
    body: Bytes,
    too_large: bool,
}

pub async fn api(State(app): State<App>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let (body, too_large) = match axum::body::to_bytes(body, BODY_LIMIT).await {
        Ok(bytes) => (bytes, false),
        Err(_) => (Bytes::new(), true),
    };
    let full_path = parts.uri.path().to_string();
    let path = match full_path.strip_prefix("/api") {
        Some("") | None => "/".to_string(),
        Some(rest) => rest.to_string(),
    };
    let req = ApiRequest {
        method: parts.method,
        url: parts
            .uri
            .path_and_query()
            .map_or(full_path.clone(), |pq| pq.as_str().to_string()),
        full_path,
        path,
        query: parts.uri.query().unwrap_or("").to_string(),
        headers: parts.headers,
        body,
        too_large,
    };
    let seq = app.log().start(log_entry(&req));

    let latency = app.0.launch.latency_ms + app.faults().latency_for(&req.full_path);
    if latency > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(latency)).await;
    }
    let injected = app.faults().take(&req.full_path);
    let response = match injected {
        Some(Injected::Drop) => {
            app.log().finish(seq, None);
            return drop_connection(parts.extensions.get::<ConnectionKill>()).await;
        }
        Some(Injected::Fail { status, body }) => injected_failure(status, body),
        Some(Injected::Malformed) => malformed(handle(&app, &req)).await,
        None => handle(&app, &req),
    };
    app.log().finish(seq, Some(response.status().as_u16()));
    response
}

fn log_entry(req: &ApiRequest) -> LogEntry {
    let header = |name| {
        req.headers
            .get(name)
            .map(|v: &HeaderValue| String::from_utf8_lossy(v.as_bytes()).into_owned())
    };
    LogEntry {
        seq: 0,
        method: req.method.to_string(),
        path: req.path.clone(),
        query: req.query.clone(),
        authorization: header(header::AUTHORIZATION),
        content_type: header(header::CONTENT_TYPE),
        body: (!req.body.is_empty()).then(|| String::from_utf8_lossy(&req.body).into_owned()),
        status: None,
    }
}

fn handle(app: &App, req: &ApiRequest) -> Response {
    respond(app, req).unwrap_or_else(IntoResponse::into_response)
}

fn respond(app: &App, req: &ApiRequest) -> ApiResult {
    authorize(app, &req.headers)?;
    let not_found = || ApiError::RouteNotFound {
        method: req.method.to_string(),
        url: req.url.clone(),
    };
    let route = dispatch::route(&req.method, &req.path).ok_or_else(not_found)?;
    let settings = app.settings();
    let missing = match &route {
        Route::Stream(_) => !settings.stream,
        Route::Update(_, dispatch::Update::Name) => !settings.update_name,
        Route::Credits => !settings.credits,
        Route::SignMessage => !settings.sign_message,
        Route::Header(_) => !settings.deployment_header,
        _ => false,
    };
    if missing {
        return Err(not_found());
    }
    if req.too_large {
        return Err(ApiError::BodyTooLarge);
    }
    let body = body::parse(route.takes_body(), &req.method, &req.headers, &req.body)?;
    if let Some(id) = route.deployment_id() {
        params::address(id, "id").map_err(ApiError::Validation)?;
    }
    if let Route::Job(_, job) = &route {
        params::address(job, "job").map_err(ApiError::Validation)?;
    }
    let q = Query::parse(&req.query);
    let body = body.unwrap_or(Value::Null);
    match &route {
        Route::Deployments => lists::deployments(app, &q),
        Route::Create => deployments::create(app, &body),
        Route::Markets => lists::markets(app),
        Route::Credits => lists::credits(app),
        Route::Deployment(id) => deployments::get(app, id),
        Route::Delete(id) => deployments::delete(app, id),
        Route::CreateRevision(id) => updates::create_revision(app, id, &body),
        Route::Update(id, which) => updates::update(app, id, *which, &body),
        Route::Action(id, action) => deployments::action(app, id, *action),
        Route::Jobs(id) => lists::jobs(app, id, &q),
        Route::Job(id, job) => lists::job(app, id, job),
        Route::Revisions(id) => lists::revisions(app, id, &q),
        Route::Events(id) => lists::events(app, id, &q),
        Route::Tasks(id) => lists::tasks(app, id, &q),
        Route::Stream(id) => crate::stream::open(app, id),
        Route::SignMessage => sign::sign_message(app, &body),
        Route::Header(id) => sign::header(app, id, &q),
    }
}

/// `Authorization: Bearer nos_<key>`, not revoked. Anything else gets the
/// gateway's plain-text 401.
fn authorize(app: &App, headers: &HeaderMap) -> Result<(), ApiError> {
    let key = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or(ApiError::Unauthorized)?;
    let well_formed = key.len() > "nos_".len()
        && key.starts_with("nos_")
        && !key.chars().any(char::is_whitespace);
    if !well_formed || app.settings().revoked_keys.iter().any(|k| k == key) {
        return Err(ApiError::Unauthorized);
    }
    Ok(())
}

fn injected_failure(status: u16, body: Option<String>) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    match body {
        None => json_response(status, &serde_json::json!({ "error": "Injected failure" })),
        Some(text) => {
            let content_type = if serde_json::from_str::<Value>(&text).is_ok() {
                "application/json; charset=utf-8"
            } else {
                "text/plain; charset=utf-8"
            };
            (status, [(header::CONTENT_TYPE, content_type)], text).into_response()
        }
    }
}

/// The request is handled (its effects happen), but the answer is 200 with
/// the first half of the real body: what a cut connection or a broken proxy gives.
async fn malformed(real: Response) -> Response {
    let is_stream = real
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|ct| ct.as_bytes().starts_with(b"text/event-stream"));
    let bytes = if is_stream {
        Bytes::from_static(b"{\"type\":\"deployment\",\"id\":")
    } else {
        axum::body::to_bytes(real.into_body(), usize::MAX)
            .await
            .unwrap_or_default()
    };
    let mut cut = bytes[..bytes.len() / 2].to_vec();
    if cut.is_empty() || serde_json::from_slice::<Value>(&cut).is_ok() {
        cut = b"{\"truncated\":".to_vec();
    }
    let mut res = (StatusCode::OK, cut).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    res
}

/// Closes the connection without a response. Without a connection to close
/// (a test calling the router directly) the body fails instead.
async fn drop_connection(kill: Option<&ConnectionKill>) -> Response {
    if let Some(kill) = kill {
        kill.kill();
        // The connection task drops this future with the socket.
        std::future::pending::<()>().await;
    }
    let failing = futures_util::stream::once(async {
        Err::<Bytes, _>(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "connection dropped by fault injection",
        ))
    });
    Response::new(Body::from_stream(failing))
}
