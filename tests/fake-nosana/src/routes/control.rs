//! `/__fake/*`: how tests steer the fake. No key needed; bodies are JSON
//! (the content type is not checked); unknown fields are refused so a typo in a
//! test fails loudly instead of silently doing nothing.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, patch, post};
use axum::Router;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::clock;
use crate::errors::{json_response, DEPLOYMENT_NOT_FOUND};
use crate::faults::FaultsBody;
use crate::model::{Deployment, Revision, Status, Strategy};
use crate::rng::is_address;
use crate::state::{App, SettingsPatch};
use crate::store::{endpoints, Record};

pub fn router() -> Router<App> {
    Router::new()
        .route("/__fake/reset", post(reset))
        .route("/__fake/requests", get(requests).delete(clear_requests))
        .route("/__fake/faults", get(faults).post(set_faults))
        .route("/__fake/config", get(config).post(set_config))
        .route("/__fake/deployments", get(deployments).post(insert))
        .route("/__fake/deployments/{id}", patch(update).get(deployment))
        .route("/__fake/push-event/{id}", post(push_event))
        .route("/__fake", any(unknown))
        .route("/__fake/{*rest}", any(unknown))
}

/// A refused control request: `{"error": ...}` with a status.
pub(crate) struct Refusal(StatusCode, String);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        json_response(self.0, &json!({ "error": self.1 }))
    }
}

pub(crate) type Reply = Result<Response, Refusal>;

pub(crate) fn ok(value: Value) -> Reply {
    Ok(json_response(StatusCode::OK, &value))
}

pub(crate) fn refuse(status: StatusCode, message: impl Into<String>) -> Refusal {
    Refusal(status, message.into())
}

pub(crate) fn bad(message: impl Into<String>) -> Refusal {
    refuse(StatusCode::BAD_REQUEST, message)
}

/// An empty body reads as `{}`.
pub(crate) fn parse<T: DeserializeOwned>(body: &Bytes) -> Result<T, Refusal> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    serde_json::from_slice(body).map_err(|e| bad(format!("invalid control body: {e}")))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResetBody {
    seed_count: Option<usize>,
    transition_ms: Option<u64>,
}

async fn reset(State(app): State<App>, body: Bytes) -> Reply {
    let body: ResetBody = parse(&body)?;
    app.reset(body.seed_count, body.transition_ms);
    let count = app.store().records.len();
    ok(json!({ "ok": true, "seed_count": count, "settings": app.settings() }))
}

async fn requests(State(app): State<App>) -> Reply {
    ok(serde_json::to_value(app.log().entries()).unwrap_or_default())
}

async fn clear_requests(State(app): State<App>) -> Reply {
    app.log().clear();
    ok(json!({ "ok": true }))
}

async fn faults(State(app): State<App>) -> Reply {
    ok(serde_json::to_value(&*app.faults()).unwrap_or_default())
}

async fn set_faults(State(app): State<App>, body: Bytes) -> Reply {
    let body: FaultsBody = parse(&body)?;
    let mut faults = app.faults();
    faults.apply(body).map_err(bad)?;
    ok(serde_json::to_value(&*faults).unwrap_or_default())
}

async fn config(State(app): State<App>) -> Reply {
    ok(serde_json::to_value(app.settings()).unwrap_or_default())
}

async fn set_config(State(app): State<App>, body: Bytes) -> Reply {
    let patch: SettingsPatch = parse(&body)?;
    app.settings_mut().apply(patch);
    ok(serde_json::to_value(app.settings()).unwrap_or_default())
}

/// Every deployment in store order (seeded ones first, by seed index), so tests
/// can pick ids by status.
async fn deployments(State(app): State<App>) -> Reply {
    let list: Vec<Value> = app
        .store()
        .records
        .iter()
        .map(|r| r.dep.to_json())
        .collect();
    ok(Value::Array(list))
}

async fn deployment(State(app): State<App>, Path(id): Path<String>) -> Reply {
    let store = app.store();
    let rec = store
        .get(&id)
        .ok_or_else(|| refuse(StatusCode::NOT_FOUND, DEPLOYMENT_NOT_FOUND))?;
    ok(rec.dep.to_json())
}

/// Stores any deployment, hostile data included. Missing fields get defaults;
/// `job_definition` (not a deployment field) sets the definition of every
/// revision up to `active_revision`, and is not validated.
async fn insert(State(app): State<App>, body: Bytes) -> Reply {
    let mut fields: Map<String, Value> = parse(&body)?;
    let definition = fields
        .remove("job_definition")
        .unwrap_or_else(default_definition);
    let mut store = app.store();
    let now = clock::now();
    let ctx = &mut store.ctx;
    let id = match fields.get("id") {
        Some(Value::String(id)) => id.clone(),
        Some(_) => return Err(bad("id must be a string")),
        None => ctx.rng.address(),
    };
    if !is_address(&id) {
        return Err(bad(
            "id must be 43-44 base58 characters, or the API could not reach it",
        ));
    }
    let defaults = Deployment {
        endpoints: endpoints(&id, &definition),
        id: id.clone(),
        name: "inserted-deployment".into(),
        vault: ctx.rng.address(),
        market: String::new(),
        owner: ctx.owner.clone(),
        status: Status::Draft,
        replicas: 1,
        timeout: 60,
        confidential: false,
        active_revision: 1,
        active_jobs: 0,
        strategy: Strategy::Simple,
        schedule: None,
        rotation_time: None,
        created_at: now,
        updated_at: now,
        extra: Map::new(),
    };
    let mut dep = overlay(&defaults, fields)?;
    if dep.market.is_empty() {
        dep.market = store.markets[0]["address"]
            .as_str()
            .unwrap_or_default()
            .to_string();
    }
    if store.get(&id).is_some() {
        return Err(refuse(
            StatusCode::CONFLICT,
            "a deployment with this id exists",
        ));
    }
    let revisions = (1..=dep.active_revision.max(1))
        .map(|n| Revision {
            revision: n,
            deployment: id.clone(),
            ipfs_definition_hash: store.ctx.rng.ipfs_hash(),
            job_definition: definition.clone(),
            created_at: dep.created_at,
        })
        .collect();
    let out = dep.to_json();
    store.records.push(Record {
        dep,
        revisions,
        jobs: Vec::new(),
        events: Vec::new(),
        tasks: Vec::new(),
        pending: None,
    });
    ok(out)
}

/// Overwrites fields as given. A status set here stays: any automatic change
/// that was pending is cancelled. Streams get a deployment change frame.
async fn update(State(app): State<App>, Path(id): Path<String>, body: Bytes) -> Reply {
    let fields: Map<String, Value> = parse(&body)?;
    if fields
        .get("id")
        .is_some_and(|v| v.as_str() != Some(id.as_str()))
    {
        return Err(bad("the id cannot change"));
    }
    let mut store = app.store();
    let (rec, ctx) = store
        .find(&id)
        .ok_or_else(|| refuse(StatusCode::NOT_FOUND, DEPLOYMENT_NOT_FOUND))?;
    let dep = overlay(&rec.dep, fields)?;
    if dep.status != rec.dep.status {
        rec.pending = None;
    }
    rec.dep = dep;
    ctx.emit_change(rec);
    ok(rec.dep.to_json())
}

fn overlay(base: &Deployment, fields: Map<String, Value>) -> Result<Deployment, Refusal> {
    let mut merged = base.to_json();
    if let Value::Object(m) = &mut merged {
        m.extend(fields);
    }
    serde_json::from_value(merged).map_err(|e| bad(format!("not a deployment: {e}")))
}

/// Injects something into the deployment's open streams:
/// `{"raw": "<text>"}` is written as is (for malformed frames);
/// `{"type": "event", "event"?, "category"?, "message"?, "tx"?}` is also
/// added to the events list; any other JSON object is sent as one frame, as is.
async fn push_event(State(app): State<App>, Path(id): Path<String>, body: Bytes) -> Reply {
    let frame: Map<String, Value> = parse(&body)?;
    let mut store = app.store();
    let (rec, ctx) = store
        .find(&id)
        .ok_or_else(|| refuse(StatusCode::NOT_FOUND, DEPLOYMENT_NOT_FOUND))?;
    if let Some(raw) = frame.get("raw") {
        let text = raw.as_str().ok_or_else(|| bad("raw must be a string"))?;
        ctx.hub.raw(&id, text.to_string());
        return ok(json!({ "raw": text }));
    }
    if frame.get("type").and_then(Value::as_str) != Some("event") {
        let value = Value::Object(frame);
        ctx.hub.frame(&id, &value);
        return ok(value);
    }
    let text = |key: &str, default: &str| {
        frame
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or(default)
            .to_string()
    };
    let kind = text("event", "FRPS_TUNNEL_LOST");
    let tx = frame.get("tx").and_then(Value::as_str).map(str::to_string);
    let message = text("message", "Injected event");
    match frame.get("category").and_then(Value::as_str) {
        Some(category) => ctx.log_event_in(rec, category, &kind, message, tx, clock::now()),
        None => ctx.log_event(rec, &kind, message, tx, clock::now()),
    }
    ok(rec.events.last().map_or(Value::Null, |e| e.frame()))
}

async fn unknown() -> Refusal {
    refuse(StatusCode::NOT_FOUND, "unknown control route")
}

fn default_definition() -> Value {
    json!({
        "version": "0.1",
        "type": "container",
        "ops": [{
            "type": "container/run",
            "id": "web",
            "args": { "image": "docker.io/nginx:latest", "expose": 80 }
        }]
    })
}
