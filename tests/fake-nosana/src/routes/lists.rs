//! The paged lists, their filters, the job detail, markets and credits.
//! Query checks come before the deployment lookup, as schema validation
//! comes before the handler in the real service.

use serde_json::{json, Value};

use super::query::Query;
use crate::errors::*;
use crate::model::{Deployment, JobState, Status, Strategy, TaskKind};
use crate::pagination::{paginate, Key};
use crate::state::App;
use crate::store::Record;

fn key(t: &chrono::DateTime<chrono::Utc>, tie: String) -> Key {
    (t.timestamp_millis(), tie)
}

fn not_found() -> ApiError {
    ApiError::NotFound(DEPLOYMENT_NOT_FOUND)
}

pub fn deployments(app: &App, q: &Query) -> ApiResult {
    let page = q.page()?;
    let statuses = q.list("status", Status::parse)?;
    let strategies = q.list("strategy", Strategy::parse)?;
    let dates = q.dates()?;
    let search = q.get("search").map(str::to_lowercase);
    let matches = |d: &Deployment| {
        search
            .as_deref()
            .is_none_or(|s| d.id.to_lowercase().contains(s) || d.name.to_lowercase().contains(s))
            && q.get("id").is_none_or(|id| d.id == id)
            && q.get("name").is_none_or(|name| d.name == name)
            && q.get("vault").is_none_or(|vault| d.vault == vault)
            && statuses.as_ref().is_none_or(|s| s.contains(&d.status))
            && strategies.as_ref().is_none_or(|s| s.contains(&d.strategy))
            && dates.contains(&d.created_at)
    };
    let store = app.store();
    let items: Vec<&Record> = store.records.iter().filter(|r| matches(&r.dep)).collect();
    let page = paginate(items, |r| key(&r.dep.created_at, r.dep.id.clone()), &page);
    let deployments: Vec<Value> = page.items.iter().map(|r| r.dep.to_json()).collect();
    ok(json!({ "deployments": deployments, "pagination": page.pagination }))
}

pub fn jobs(app: &App, id: &str, q: &Query) -> ApiResult {
    let page = q.page()?;
    q.refuse_revision()?;
    let states = q.list("state", JobState::parse)?;
    let dates = q.dates()?;
    let store = app.store();
    let rec = store.get(id).ok_or_else(not_found)?;
    let items: Vec<_> = rec
        .jobs
        .iter()
        .filter(|j| states.as_ref().is_none_or(|s| s.contains(&j.state)))
        .filter(|j| q.get("job").is_none_or(|job| j.job == job))
        .filter(|j| dates.contains(&j.created_at))
        .collect();
    let page = paginate(items, |j| key(&j.created_at, j.job.clone()), &page);
    let jobs: Vec<Value> = page.items.iter().map(|j| j.list_json()).collect();
    ok(json!({ "jobs": jobs, "pagination": page.pagination }))
}

pub fn job(app: &App, id: &str, job: &str) -> ApiResult {
    let store = app.store();
    let rec = store.get(id).ok_or_else(not_found)?;
    let found = rec
        .jobs
        .iter()
        .find(|j| j.job == job)
        .ok_or(ApiError::NotFound(JOB_NOT_FOUND))?;
    let definition = rec.definition_of(found.revision);
    ok(found.detail_json(&definition, rec.dep.confidential))
}

pub fn revisions(app: &App, id: &str, q: &Query) -> ApiResult {
    let page = q.page()?;
    q.refuse_revision()?;
    let store = app.store();
    let rec = store.get(id).ok_or_else(not_found)?;
    let items: Vec<_> = rec.revisions.iter().collect();
    let page = paginate(
        items,
        |r| key(&r.created_at, format!("{:012}", r.revision)),
        &page,
    );
    let revisions: Vec<Value> = page.items.iter().map(|r| r.to_json()).collect();
    ok(json!({ "revisions": revisions, "pagination": page.pagination }))
}

pub fn events(app: &App, id: &str, q: &Query) -> ApiResult {
    let page = q.page()?;
    let category = q.one("category", |c| {
        ["Deployment", "Event"].contains(&c).then(|| c.to_string())
    })?;
    let types = q.list("type", |t| (!t.is_empty()).then(|| t.to_string()))?;
    let dates = q.dates()?;
    let store = app.store();
    let rec = store.get(id).ok_or_else(not_found)?;
    let items: Vec<_> = rec
        .events
        .iter()
        .filter(|e| category.as_ref().is_none_or(|c| e.category == *c))
        .filter(|e| types.as_ref().is_none_or(|t| t.contains(&e.kind)))
        .filter(|e| dates.contains(&e.created_at))
        .collect();
    let page = paginate(
        items,
        |e| key(&e.created_at, format!("{:012}", e.seq)),
        &page,
    );
    let events: Vec<Value> = page.items.iter().map(|e| e.list_json()).collect();
    ok(json!({ "events": events, "pagination": page.pagination }))
}

pub fn tasks(app: &App, id: &str, q: &Query) -> ApiResult {
    let page = q.page()?;
    let kind = q.one("task", TaskKind::parse)?;
    let store = app.store();
    let rec = store.get(id).ok_or_else(not_found)?;
    let items: Vec<_> = rec
        .tasks
        .iter()
        .filter(|t| kind.is_none_or(|k| t.task == k))
        .collect();
    let page = paginate(items, |t| key(&t.created_at, t.id.clone()), &page);
    let tasks: Vec<Value> = page.items.iter().map(|t| t.list_json()).collect();
    ok(json!({ "tasks": tasks, "pagination": page.pagination }))
}

pub fn markets(app: &App) -> ApiResult {
    ok(Value::Array(app.store().markets.clone()))
}

pub fn credits(app: &App) -> ApiResult {
    ok(app.store().credits.clone())
}
