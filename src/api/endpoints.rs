//! One function per endpoint of the contract (`shared/nosana-api.md`): the only
//! place that knows the API's paths.

use serde_json::{json, Value};

use super::models::{
    ActiveRevisionUpdated, CreditBalance, Deployment, DeploymentCreate, DeploymentList, EventList,
    JobDetail, JobList, Market, NameUpdated, ReplicasUpdated, RevisionCreated, RevisionList,
    ScheduleUpdated, StatusChanged, TaskList, TimeoutUpdated,
};
use super::query::{encode_component, DeploymentFilter, EventFilter, JobFilter, Page, TaskFilter};
use super::request::{ApiRequest, Method};

fn deployment_path(id: &str, rest: &str) -> String {
    format!("/deployments/{}{rest}", encode_component(id))
}

fn with_page(mut pairs: Vec<(String, String)>, page: &Page) -> Vec<(String, String)> {
    pairs.extend(page.to_query_pairs());
    pairs
}

pub fn list_deployments(filter: &DeploymentFilter, page: &Page) -> ApiRequest<DeploymentList> {
    ApiRequest::new(Method::Get, "/deployments")
        .with_query(with_page(filter.to_query_pairs(), page))
}

pub fn get_deployment(id: &str) -> ApiRequest<Deployment> {
    ApiRequest::new(Method::Get, deployment_path(id, ""))
}

/// Answers with the new deployment: DRAFT, or STARTING with `autostart`.
pub fn create_deployment(body: &DeploymentCreate) -> ApiRequest<Deployment> {
    let body = serde_json::to_value(body).expect("a DeploymentCreate always serializes");
    ApiRequest::new(Method::Post, "/deployments/create").with_body(body)
}

/// The body is the job definition itself, not wrapped in an object.
pub fn create_revision(id: &str, job_definition: &Value) -> ApiRequest<RevisionCreated> {
    ApiRequest::new(Method::Post, deployment_path(id, "/create-revision"))
        .with_body(job_definition.clone())
}

/// `PATCH /deployments/{id}{route}` with a one-field body: how every setting is changed.
fn update<T>(id: &str, route: &str, body: Value) -> ApiRequest<T> {
    ApiRequest::new(Method::Patch, deployment_path(id, route)).with_body(body)
}

pub fn update_active_revision(id: &str, revision: u32) -> ApiRequest<ActiveRevisionUpdated> {
    update(
        id,
        "/update-active-revision",
        json!({ "active_revision": revision }),
    )
}

pub fn update_replica_count(id: &str, replicas: u32) -> ApiRequest<ReplicasUpdated> {
    update(id, "/update-replica-count", json!({ "replicas": replicas }))
}

/// `cron` is a 5-field expression; only SCHEDULED deployments accept it.
pub fn update_schedule(id: &str, cron: &str) -> ApiRequest<ScheduleUpdated> {
    update(id, "/update-schedule", json!({ "schedule": cron }))
}

pub fn update_timeout(id: &str, minutes: u32) -> ApiRequest<TimeoutUpdated> {
    update(id, "/update-timeout", json!({ "timeout": minutes }))
}

/// A newer route: an older gateway answers `ApiError::RouteNotFound`.
pub fn update_name(id: &str, name: &str) -> ApiRequest<NameUpdated> {
    update(id, "/update-name", json!({ "name": name }))
}

pub fn start(id: &str) -> ApiRequest<StatusChanged> {
    ApiRequest::new(Method::Post, deployment_path(id, "/start"))
}

pub fn stop(id: &str) -> ApiRequest<StatusChanged> {
    ApiRequest::new(Method::Post, deployment_path(id, "/stop"))
}

pub fn archive(id: &str) -> ApiRequest<StatusChanged> {
    ApiRequest::new(Method::Post, deployment_path(id, "/archive"))
}

/// Answers 204 with no body.
pub fn delete(id: &str) -> ApiRequest<()> {
    ApiRequest::new(Method::Delete, deployment_path(id, ""))
}

pub fn list_jobs(id: &str, filter: &JobFilter, page: &Page) -> ApiRequest<JobList> {
    ApiRequest::new(Method::Get, deployment_path(id, "/jobs"))
        .with_query(with_page(filter.to_query_pairs(), page))
}

pub fn get_job(id: &str, job: &str) -> ApiRequest<JobDetail> {
    let rest = format!("/jobs/{}", encode_component(job));
    ApiRequest::new(Method::Get, deployment_path(id, &rest))
}

pub fn list_revisions(id: &str, page: &Page) -> ApiRequest<RevisionList> {
    ApiRequest::new(Method::Get, deployment_path(id, "/revisions"))
        .with_query(page.to_query_pairs())
}

pub fn list_events(id: &str, filter: &EventFilter, page: &Page) -> ApiRequest<EventList> {
    ApiRequest::new(Method::Get, deployment_path(id, "/events"))
        .with_query(with_page(filter.to_query_pairs(), page))
}

pub fn list_tasks(id: &str, filter: &TaskFilter, page: &Page) -> ApiRequest<TaskList> {
    ApiRequest::new(Method::Get, deployment_path(id, "/tasks"))
        .with_query(with_page(filter.to_query_pairs(), page))
}

/// The server-sent-events route (read it with `http::open_stream`). A gateway
/// without it answers 404: fall back to polling.
pub fn stream_path(id: &str) -> String {
    deployment_path(id, "/stream")
}

/// The trailing slash is part of the route.
pub fn list_markets() -> ApiRequest<Vec<Market>> {
    ApiRequest::new(Method::Get, "/markets/")
}

pub fn credit_balance() -> ApiRequest<CreditBalance> {
    ApiRequest::new(Method::Get, "/credits/balance")
}
