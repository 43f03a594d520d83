//! One deployment: read, create, the status actions and delete.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde_json::{json, Map, Value};

use super::dispatch::Action;
use crate::clock;
use crate::errors::*;
use crate::model::{Deployment, Revision, Status};
use crate::state::App;
use crate::store::{endpoints, Record};
use crate::validate::{bodies, cron};

pub fn get(app: &App, id: &str) -> ApiResult {
    let store = app.store();
    let rec = store
        .get(id)
        .ok_or(ApiError::NotFound(DEPLOYMENT_NOT_FOUND))?;
    ok(rec.dep.to_json())
}

pub fn create(app: &App, body: &Value) -> ApiResult {
    let new = bodies::deployment_create(body).map_err(ApiError::Validation)?;
    let due = app.transition_due();
    let mut store = app.store();
    if !store.has_market(&new.market) {
        return Err(ApiError::BadRequest(MARKET_NOT_FOUND));
    }
    if new.schedule.as_deref().is_some_and(|s| !cron::is_valid(s)) {
        return Err(ApiError::BadRequest(INVALID_CRON));
    }
    if new.rotation_time.is_some_and(|r| r > new.timeout - 10) {
        return Err(ApiError::BadRequest(ROTATION_TOO_LONG));
    }
    let now = clock::now();
    let ctx = &mut store.ctx;
    let id = ctx.rng.address();
    let vault = new.vault.unwrap_or_else(|| ctx.rng.address());
    let revision = Revision {
        revision: 1,
        deployment: id.clone(),
        ipfs_definition_hash: ctx.rng.ipfs_hash(),
        job_definition: new.job_definition,
        created_at: now,
    };
    let dep = Deployment {
        endpoints: endpoints(&id, &revision.job_definition),
        id,
        name: new.name,
        vault,
        market: new.market,
        owner: ctx.owner.clone(),
        status: Status::Draft,
        replicas: new.replicas,
        timeout: new.timeout,
        confidential: new.confidential,
        active_revision: 1,
        active_jobs: 0,
        strategy: new.strategy,
        schedule: new.schedule,
        rotation_time: new.rotation_time,
        created_at: now,
        updated_at: now,
        extra: Map::new(),
    };
    let mut rec = Record {
        dep,
        revisions: vec![revision],
        jobs: Vec::new(),
        events: Vec::new(),
        tasks: Vec::new(),
        pending: None,
    };
    if new.autostart {
        ctx.start(&mut rec, now, due);
    }
    let out = rec.dep.to_json();
    store.records.push(rec);
    ok(out)
}

pub fn action(app: &App, id: &str, action: Action) -> ApiResult {
    let due = app.transition_due();
    let mut store = app.store();
    let (rec, ctx) = store
        .find(id)
        .ok_or(ApiError::NotFound(DEPLOYMENT_NOT_FOUND))?;
    let status = rec.dep.status;
    let allowed = match action {
        Action::Start => matches!(
            status,
            Status::Draft | Status::Stopped | Status::Error | Status::InsufficientFunds
        ),
        Action::Stop => matches!(
            status,
            Status::Running | Status::Error | Status::InsufficientFunds
        ),
        Action::Archive => status == Status::Stopped,
    };
    if !allowed {
        return Err(ApiError::Refused(INCORRECT_STATE));
    }
    let now = clock::now();
    match action {
        Action::Start => ctx.start(rec, now, due),
        Action::Stop => ctx.stop(rec, now, due),
        Action::Archive => {
            rec.dep.status = Status::Archived;
            rec.pending = None;
            rec.touch(now);
            ctx.emit_change(rec);
        }
    }
    ok(json!({ "status": rec.dep.status.as_str(), "updated_at": clock::iso(&now) }))
}

pub fn delete(app: &App, id: &str) -> ApiResult {
    let mut store = app.store();
    let rec = store
        .get(id)
        .ok_or(ApiError::NotFound(DEPLOYMENT_NOT_FOUND))?;
    if rec.dep.status != Status::Stopped {
        return Err(ApiError::Refused(INCORRECT_STATE));
    }
    store.remove(id);
    Ok(StatusCode::NO_CONTENT.into_response())
}
