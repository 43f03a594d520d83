//! Changes to a deployment: a new revision and the one-field PATCH routes.
//! Sending the value a field already has changes nothing, `updated_at` included.

use serde_json::{json, Value};

use super::dispatch::Update;
use crate::clock;
use crate::errors::*;
use crate::model::{Revision, Status, Strategy};
use crate::state::App;
use crate::store::{endpoints, Ctx, Record, Store};
use crate::validate::{bodies, cron, jobdef};

/// The record, if it exists and may still be modified.
fn modifiable<'a>(
    store: &'a mut Store,
    id: &str,
) -> Result<(&'a mut Record, &'a mut Ctx), ApiError> {
    let (rec, ctx) = store
        .find(id)
        .ok_or(ApiError::NotFound(DEPLOYMENT_NOT_FOUND))?;
    if rec.dep.status == Status::Archived {
        return Err(ApiError::Refused(ARCHIVED));
    }
    Ok((rec, ctx))
}

pub fn create_revision(app: &App, id: &str, body: &Value) -> ApiResult {
    jobdef::validate(body, "body").map_err(ApiError::Validation)?;
    let mut store = app.store();
    let (rec, ctx) = modifiable(&mut store, id)?;
    let now = clock::now();
    let number = rec.revisions.iter().map(|r| r.revision).max().unwrap_or(0) + 1;
    rec.revisions.push(Revision {
        revision: number,
        deployment: rec.dep.id.clone(),
        ipfs_definition_hash: ctx.rng.ipfs_hash(),
        job_definition: body.clone(),
        created_at: now,
    });
    activate(rec, number);
    rec.touch(now);
    ctx.emit_change(rec);
    let revisions: Vec<Value> = rec.revisions.iter().map(Revision::to_json).collect();
    ok(json!({
        "active_revision": number,
        "endpoints": rec.dep.endpoints,
        "revisions": revisions,
        "updated_at": clock::iso(&now),
    }))
}

fn activate(rec: &mut Record, number: i64) {
    rec.dep.active_revision = number;
    rec.dep.endpoints = endpoints(&rec.dep.id, &rec.definition_of(number));
}

pub fn update(app: &App, id: &str, which: Update, body: &Value) -> ApiResult {
    match which {
        Update::ActiveRevision => {
            let n =
                bodies::single_integer(body, "active_revision", 1).map_err(ApiError::Validation)?;
            active_revision(app, id, n)
        }
        Update::ReplicaCount => {
            let n = bodies::single_integer(body, "replicas", 0).map_err(ApiError::Validation)?;
            replicas(app, id, n)
        }
        Update::Schedule => {
            let s = bodies::single_string(body, "schedule", 0).map_err(ApiError::Validation)?;
            schedule(app, id, s)
        }
        Update::Timeout => {
            let n = bodies::single_integer(body, "timeout", 60).map_err(ApiError::Validation)?;
            timeout(app, id, n)
        }
        Update::Name => {
            let s = bodies::single_string(body, "name", 1).map_err(ApiError::Validation)?;
            name(app, id, s)
        }
    }
}

fn active_revision(app: &App, id: &str, n: i64) -> ApiResult {
    let mut store = app.store();
    let (rec, ctx) = modifiable(&mut store, id)?;
    if rec.revision(n).is_none() {
        return Err(ApiError::BadRequest(REVISION_NOT_FOUND));
    }
    if rec.dep.active_revision != n {
        activate(rec, n);
        rec.touch(clock::now());
        ctx.emit_change(rec);
    }
    ok(json!({
        "active_revision": n,
        "endpoints": rec.dep.endpoints,
        "updated_at": clock::iso(&rec.dep.updated_at),
    }))
}

fn replicas(app: &App, id: &str, n: i64) -> ApiResult {
    let due = app.transition_due();
    let mut store = app.store();
    let (rec, ctx) = modifiable(&mut store, id)?;
    if rec.dep.replicas != n {
        rec.dep.replicas = n;
        rec.touch(clock::now());
        ctx.emit_change(rec);
        ctx.schedule_reconcile(rec, due);
    }
    ok(json!({ "replicas": n, "updated_at": clock::iso(&rec.dep.updated_at) }))
}

fn schedule(app: &App, id: &str, schedule: String) -> ApiResult {
    let mut store = app.store();
    let (rec, _) = modifiable(&mut store, id)?;
    if rec.dep.strategy != Strategy::Scheduled {
        return Err(ApiError::BadRequest(WRONG_STRATEGY));
    }
    if !cron::is_valid(&schedule) {
        return Err(ApiError::BadRequest(INVALID_CRON));
    }
    if rec.dep.schedule.as_deref() != Some(schedule.as_str()) {
        rec.dep.schedule = Some(schedule.clone());
        rec.touch(clock::now());
    }
    ok(json!({ "schedule": schedule, "updated_at": clock::iso(&rec.dep.updated_at) }))
}

fn timeout(app: &App, id: &str, n: i64) -> ApiResult {
    let mut store = app.store();
    let (rec, _) = modifiable(&mut store, id)?;
    // An INFINITE deployment lists its replacement `rotation_time` minutes
    // before the timeout; the timeout cannot shrink below that.
    if rec.dep.rotation_time.is_some_and(|r| r > n - 10) {
        return Err(ApiError::BadRequest(ROTATION_TOO_LONG));
    }
    if rec.dep.timeout != n {
        rec.dep.timeout = n;
        rec.touch(clock::now());
    }
    ok(json!({ "timeout": n, "updated_at": clock::iso(&rec.dep.updated_at) }))
}

/// Allowed in any status, archived included.
fn name(app: &App, id: &str, name: String) -> ApiResult {
    let mut store = app.store();
    let (rec, _) = store
        .find(id)
        .ok_or(ApiError::NotFound(DEPLOYMENT_NOT_FOUND))?;
    if rec.dep.name != name {
        rec.dep.name = name.clone();
        rec.touch(clock::now());
    }
    ok(json!({ "name": name, "updated_at": clock::iso(&rec.dep.updated_at) }))
}
