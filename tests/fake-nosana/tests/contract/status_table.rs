//! Every row of the contract's status table, allowed and refused.
use crate::support::*;
use serde_json::json;

const STATUSES: [&str; 8] = [
    "DRAFT",
    "STARTING",
    "RUNNING",
    "STOPPING",
    "STOPPED",
    "ERROR",
    "INSUFFICIENT_FUNDS",
    "ARCHIVED",
];

async fn try_action(action: &str, status: &str) -> Res {
    let app = fake();
    let id = id_with_status(&app, status).await;
    api(&app, "POST", &format!("/deployments/{id}/{action}"), None).await
}

async fn check_action(action: &str, allowed: &[&str], becomes: &str) {
    for status in STATUSES {
        let res = try_action(action, status).await;
        if allowed.contains(&status) {
            assert_eq!(res.status, 200, "{action} from {status}: {}", res.text);
            let body = res.json();
            assert_eq!(body["status"], becomes);
            assert!(body["updated_at"].is_string());
            assert_eq!(body.as_object().unwrap().len(), 2);
        } else {
            assert_eq!(res.status, 500, "{action} from {status}");
            assert_eq!(
                res.json(),
                json!({ "error": "Deployment is in the incorrect state." })
            );
        }
    }
}

#[tokio::test]
async fn start() {
    check_action(
        "start",
        &["DRAFT", "STOPPED", "ERROR", "INSUFFICIENT_FUNDS"],
        "STARTING",
    )
    .await;
}

#[tokio::test]
async fn stop() {
    check_action(
        "stop",
        &["RUNNING", "ERROR", "INSUFFICIENT_FUNDS"],
        "STOPPING",
    )
    .await;
}

#[tokio::test]
async fn archive() {
    check_action("archive", &["STOPPED"], "ARCHIVED").await;
}

#[tokio::test]
async fn delete_only_when_stopped() {
    for status in STATUSES {
        let app = fake();
        let id = id_with_status(&app, status).await;
        let res = api(&app, "DELETE", &format!("/deployments/{id}"), None).await;
        if status == "STOPPED" {
            assert_eq!(res.status, 204);
            assert_eq!(res.text, "");
            assert_eq!(get(&app, &format!("/deployments/{id}")).await.status, 404);
        } else {
            assert_eq!(res.status, 500, "{status}");
            assert_eq!(res.message(), "Deployment is in the incorrect state.");
        }
    }
}

#[tokio::test]
async fn archived_is_final_but_can_be_renamed() {
    let app = fake();
    let id = id_with_status(&app, "ARCHIVED").await;
    let refused = [
        ("POST", "create-revision", nginx_definition()),
        (
            "PATCH",
            "update-active-revision",
            json!({ "active_revision": 1 }),
        ),
        ("PATCH", "update-replica-count", json!({ "replicas": 2 })),
        (
            "PATCH",
            "update-schedule",
            json!({ "schedule": "0 * * * *" }),
        ),
        ("PATCH", "update-timeout", json!({ "timeout": 120 })),
    ];
    for (method, route, body) in refused {
        let res = api(
            &app,
            method,
            &format!("/deployments/{id}/{route}"),
            Some(body),
        )
        .await;
        assert_eq!(res.status, 500, "{route}");
        assert_eq!(
            res.json(),
            json!({ "error": "Cannot modify an archived deployment." })
        );
    }
    let renamed = api(
        &app,
        "PATCH",
        &format!("/deployments/{id}/update-name"),
        Some(json!({ "name": "old" })),
    )
    .await;
    assert_eq!(renamed.status, 200);
    assert_eq!(renamed.json()["name"], "old");
}

#[tokio::test]
async fn automatic_transitions() {
    let app = fake();
    // Long enough to see the in-between status, short enough for a test.
    control(
        &app,
        "POST",
        "/reset",
        Some(json!({ "transition_ms": 300 })),
    )
    .await;
    let dep = find_seeded(&app, |d| {
        d["status"] == "DRAFT" && d["replicas"].as_i64() > Some(1)
    })
    .await;
    let id = dep["id"].as_str().unwrap();
    let replicas = dep["replicas"].clone();

    api(&app, "POST", &format!("/deployments/{id}/start"), None).await;
    assert_eq!(
        get(&app, &format!("/deployments/{id}")).await.json()["status"],
        "STARTING"
    );
    let running = wait_for(&app, id, "status", json!("RUNNING")).await;
    assert_eq!(running["active_jobs"], replicas);
    let jobs = get(&app, &format!("/deployments/{id}/jobs?state=RUNNING"))
        .await
        .json();
    assert_eq!(jobs["pagination"]["total_items"], replicas);

    // A running deployment follows a new replica count.
    api(
        &app,
        "PATCH",
        &format!("/deployments/{id}/update-replica-count"),
        Some(json!({ "replicas": 1 })),
    )
    .await;
    wait_for(&app, id, "active_jobs", json!(1)).await;

    api(&app, "POST", &format!("/deployments/{id}/stop"), None).await;
    assert_eq!(
        get(&app, &format!("/deployments/{id}")).await.json()["status"],
        "STOPPING"
    );
    let stopped = wait_for(&app, id, "status", json!("STOPPED")).await;
    assert_eq!(stopped["active_jobs"], 0);
}

#[tokio::test]
async fn seeded_transitional_statuses_stay_put() {
    let app = fake();
    configure(&app, json!({ "transition_ms": 10 })).await;
    let id = id_with_status(&app, "STARTING").await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(
        get(&app, &format!("/deployments/{id}")).await.json()["status"],
        "STARTING"
    );
}
