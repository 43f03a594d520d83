use serde_json::{json, Value};

use crate::api::endpoints::*;
use crate::api::models::{DeploymentCreate, Status, Strategy};
use crate::api::query::{DeploymentFilter, EventFilter, JobFilter, Page, PageSize, TaskFilter};
use crate::api::request::{ApiRequest, Method};

const ID: &str = "MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KT";
const JOB: &str = "bbrZNhFgtsqwDtGuSptFDaYPo22sJXHDmfPVtoPQ6F7F";

/// Method, path and body: what the server sees besides the query.
fn shape<T>(req: &ApiRequest<T>) -> (Method, &str, Option<&Value>) {
    (req.method, req.path.as_str(), req.body.as_ref())
}

#[test]
fn list_deployments_puts_filters_then_page_in_the_query() {
    let filter = DeploymentFilter {
        statuses: vec![Status::Running],
        ..Default::default()
    };
    let page = Page {
        limit: PageSize::Twenty,
        ..Default::default()
    };
    let req = list_deployments(&filter, &page);
    assert_eq!(shape(&req), (Method::Get, "/deployments", None));
    assert_eq!(
        req.url("https://x/api"),
        "https://x/api/deployments?status=RUNNING&limit=20&sort_order=desc"
    );
}

#[test]
fn reads_of_one_deployment() {
    assert_eq!(
        shape(&get_deployment(ID)),
        (
            Method::Get,
            "/deployments/MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KT",
            None
        )
    );
    let job = get_job(ID, JOB);
    assert_eq!(
        shape(&job),
        (Method::Get, "/deployments/MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KT/jobs/bbrZNhFgtsqwDtGuSptFDaYPo22sJXHDmfPVtoPQ6F7F", None)
    );
    assert!(job.query.is_empty());
}

#[test]
fn ids_are_percent_encoded_in_paths() {
    let req = get_deployment("../credits/balance?x=1");
    assert_eq!(req.path, "/deployments/..%2Fcredits%2Fbalance%3Fx%3D1");
    assert_eq!(stream_path("a/b"), "/deployments/a%2Fb/stream");
    assert_eq!(get_job("a b", "c/d").path, "/deployments/a%20b/jobs/c%2Fd");
}

#[test]
fn create_deployment_posts_the_create_body() {
    let body = DeploymentCreate {
        name: "demo".into(),
        market: "rxktcSSSS7XhS4D5EVB8Nf471dAb7Qg25xEgRAhHPfQX".into(),
        replicas: 1,
        timeout: 60,
        strategy: Strategy::Simple,
        schedule: None,
        rotation_time: None,
        job_definition: serde_json::from_str(fixture!("job_definition.json")).unwrap(),
        confidential: None,
        autostart: Some(true),
        vault: None,
    };
    let req = create_deployment(&body);
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.path, "/deployments/create");
    assert_eq!(req.body, Some(serde_json::to_value(&body).unwrap()));
    assert_eq!(req.content_type(), Some("application/json"));
}

#[test]
fn create_revision_sends_the_bare_job_definition() {
    let definition: Value = serde_json::from_str(fixture!("job_definition.json")).unwrap();
    let req = create_revision(ID, &definition);
    assert_eq!(
        shape(&req),
        (
            Method::Post,
            "/deployments/MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KT/create-revision",
            Some(&definition)
        )
    );
    assert!(req.body.as_ref().unwrap().get("job_definition").is_none());
    assert!(req
        .body_text()
        .unwrap()
        .starts_with(r#"{"version":"0.1","type":"container""#));
}

/// What the server sees besides the query, owned, so requests with different answer types share a table.
fn sent<T>(req: ApiRequest<T>) -> (Method, String, Option<Value>) {
    (req.method, req.path, req.body)
}

#[test]
fn patches_send_one_field_each() {
    #[rustfmt::skip]
    let cases = [
        (sent(update_active_revision(ID, 2)), "update-active-revision", json!({"active_revision": 2})),
        (sent(update_replica_count(ID, 0)), "update-replica-count", json!({"replicas": 0})),
        (sent(update_schedule(ID, "0 * * * *")), "update-schedule", json!({"schedule": "0 * * * *"})),
        (sent(update_timeout(ID, 90)), "update-timeout", json!({"timeout": 90})),
        (sent(update_name(ID, "new name")), "update-name", json!({"name": "new name"})),
    ];
    for (sent, route, body) in cases {
        let want = (
            Method::Patch,
            format!("/deployments/{ID}/{route}"),
            Some(body),
        );
        assert_eq!(sent, want, "{route}");
    }
}

#[test]
fn start_stop_archive_are_bodyless_posts() {
    for (req, action) in [
        (start(ID), "start"),
        (stop(ID), "stop"),
        (archive(ID), "archive"),
    ] {
        assert_eq!(req.method, Method::Post, "{action}");
        assert_eq!(req.path, format!("/deployments/{ID}/{action}"));
        assert_eq!(req.body, None);
        assert_eq!(req.content_type(), None, "no Content-Type without a body");
        let changed = req.decode(
            200,
            r#"{"status":"STARTING","updated_at":"2025-03-03T09:00:00.000Z"}"#,
        );
        assert_eq!(changed.unwrap().status, Status::Starting);
    }
}

#[test]
fn delete_is_a_bodyless_delete_answering_unit() {
    let req = delete(ID);
    assert_eq!(
        shape(&req),
        (
            Method::Delete,
            "/deployments/MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KT",
            None
        )
    );
    assert_eq!(req.content_type(), None);
    assert_eq!(req.decode(204, ""), Ok(()));
}

#[test]
fn sub_resource_lists_carry_filters_and_page() {
    let page = Page::default();
    let jobs = list_jobs(
        ID,
        &JobFilter {
            states: vec![crate::api::models::JobState::Running],
            ..Default::default()
        },
        &page,
    );
    assert_eq!(jobs.path, format!("/deployments/{ID}/jobs"));
    assert_eq!(
        jobs.url(""),
        format!("/deployments/{ID}/jobs?state=RUNNING&limit=10&sort_order=desc")
    );

    let revisions = list_revisions(ID, &page);
    assert_eq!(revisions.path, format!("/deployments/{ID}/revisions"));
    assert_eq!(
        revisions.url(""),
        format!("/deployments/{ID}/revisions?limit=10&sort_order=desc")
    );

    let events = list_events(ID, &EventFilter::default(), &page);
    assert_eq!(events.path, format!("/deployments/{ID}/events"));

    let tasks = list_tasks(ID, &TaskFilter::default(), &page);
    assert_eq!(tasks.path, format!("/deployments/{ID}/tasks"));

    for req in [jobs.method, revisions.method, events.method, tasks.method] {
        assert_eq!(req, Method::Get);
    }
}

#[test]
fn account_reads() {
    let markets = list_markets();
    assert_eq!(shape(&markets), (Method::Get, "/markets/", None));
    assert_eq!(markets.url("https://x/api/"), "https://x/api/markets/");
    assert_eq!(
        markets.decode(200, fixture!("markets.json")).unwrap().len(),
        3
    );
    let credits = credit_balance();
    assert_eq!(shape(&credits), (Method::Get, "/credits/balance", None));
    let balance = credits
        .decode(200, fixture!("credits_balance.json"))
        .unwrap();
    assert!((balance.available() - 50.25).abs() < 1e-9);
}

#[test]
fn stream_path_is_under_the_deployment() {
    assert_eq!(stream_path(ID), format!("/deployments/{ID}/stream"));
}
