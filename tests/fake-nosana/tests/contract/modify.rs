//! The PATCH routes and create-revision.
use crate::support::*;
use serde_json::{json, Value};

async fn patch(app: &axum::Router, id: &str, route: &str, body: Value) -> Res {
    api(
        app,
        "PATCH",
        &format!("/deployments/{id}/{route}"),
        Some(body),
    )
    .await
}

#[tokio::test]
async fn replica_count() {
    let app = fake();
    let id = id_with_status(&app, "STOPPED").await;
    let before = get(&app, &format!("/deployments/{id}")).await.json();
    let target = before["replicas"].as_i64().unwrap() + 1;
    let res = patch(
        &app,
        &id,
        "update-replica-count",
        json!({ "replicas": target }),
    )
    .await;
    assert_eq!(res.status, 200);
    let body = res.json();
    assert_eq!(
        body.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["replicas", "updated_at"]
    );
    assert_eq!(body["replicas"], target);
    assert_ne!(
        body["updated_at"], before["updated_at"],
        "a change bumps updated_at"
    );

    let cases = [
        (json!({ "replicas": -1 }), "body/replicas must be >= 0"),
        (json!({ "replicas": "3" }), "body/replicas must be integer"),
        (json!({ "replicas": 1.5 }), "body/replicas must be integer"),
        (json!({}), "body must have required property 'replicas'"),
        (
            json!({ "replicas": 1, "force": true }),
            "body must NOT have additional properties",
        ),
        (json!([1]), "body must be object"),
    ];
    for (body, message) in cases {
        let res = patch(&app, &id, "update-replica-count", body).await;
        assert_eq!(res.status, 400);
        assert_eq!(
            res.json(),
            json!({ "statusCode": 400, "code": "FST_ERR_VALIDATION", "error": "Bad Request", "message": message })
        );
    }
}

#[tokio::test]
async fn same_value_is_a_no_op() {
    let app = fake();
    let dep = find_seeded(&app, |d| d["status"] == "STOPPED").await;
    let id = dep["id"].as_str().unwrap();
    let res = patch(
        &app,
        id,
        "update-replica-count",
        json!({ "replicas": dep["replicas"] }),
    )
    .await;
    assert_eq!(res.status, 200);
    assert_eq!(res.json()["updated_at"], dep["updated_at"]);
    let res = patch(
        &app,
        id,
        "update-timeout",
        json!({ "timeout": dep["timeout"] }),
    )
    .await;
    assert_eq!(res.json()["updated_at"], dep["updated_at"]);
}

#[tokio::test]
async fn timeout_and_name() {
    let app = fake();
    let id = id_with_status(&app, "DRAFT").await;
    let res = patch(&app, &id, "update-timeout", json!({ "timeout": 59 })).await;
    assert_eq!(res.message(), "body/timeout must be >= 60");
    let res = patch(&app, &id, "update-timeout", json!({ "timeout": 600 })).await;
    assert_eq!(res.json()["timeout"], 600);

    let res = patch(&app, &id, "update-name", json!({ "name": "" })).await;
    assert_eq!(
        res.message(),
        "body/name must NOT have fewer than 1 characters"
    );
    let res = patch(&app, &id, "update-name", json!({ "name": "renamed" })).await;
    assert_eq!(
        res.json().as_object().unwrap().keys().collect::<Vec<_>>(),
        ["name", "updated_at"]
    );
    assert_eq!(
        get(&app, &format!("/deployments/{id}")).await.json()["name"],
        "renamed"
    );

    configure(&app, json!({ "update_name": false })).await;
    let res = patch(&app, &id, "update-name", json!({ "name": "again" })).await;
    assert_eq!(res.status, 404);
    assert_eq!(
        res.json()["message"],
        format!("Route PATCH:/api/deployments/{id}/update-name not found")
    );
}

#[tokio::test]
async fn schedule_only_for_scheduled_deployments() {
    let app = fake();
    let simple = find_seeded(&app, |d| {
        d["strategy"] == "SIMPLE" && d["status"] == "STOPPED"
    })
    .await;
    let res = patch(
        &app,
        simple["id"].as_str().unwrap(),
        "update-schedule",
        json!({ "schedule": "0 * * * *" }),
    )
    .await;
    assert_eq!(
        (res.status, res.json()),
        (
            400,
            json!({ "error": "Deployment is using an incorrect strategy." })
        )
    );

    let scheduled = find_seeded(&app, |d| {
        d["strategy"] == "SCHEDULED" && d["status"] != "ARCHIVED"
    })
    .await;
    let id = scheduled["id"].as_str().unwrap();
    for bad in ["61 * * * *", "* * * *", "every hour", "0 0 32 * *"] {
        let res = patch(&app, id, "update-schedule", json!({ "schedule": bad })).await;
        assert_eq!(
            (res.status, res.json()),
            (400, json!({ "error": "Invalid cron expression." })),
            "{bad}"
        );
    }
    let res = patch(
        &app,
        id,
        "update-schedule",
        json!({ "schedule": "*/5 9-17 * * 1-5" }),
    )
    .await;
    assert_eq!(res.status, 200);
    assert_eq!(res.json()["schedule"], "*/5 9-17 * * 1-5");
    assert_eq!(
        get(&app, &format!("/deployments/{id}")).await.json()["schedule"],
        "*/5 9-17 * * 1-5"
    );
}

#[tokio::test]
async fn active_revision() {
    let app = fake();
    let dep = find_seeded(&app, |d| {
        d["status"] == "STOPPED" && d["active_revision"] == 2
    })
    .await;
    let id = dep["id"].as_str().unwrap();
    let res = patch(
        &app,
        id,
        "update-active-revision",
        json!({ "active_revision": 1 }),
    )
    .await;
    assert_eq!(res.status, 200);
    let body = res.json();
    assert_eq!(
        body.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["active_revision", "endpoints", "updated_at"]
    );
    assert_eq!(body["active_revision"], 1);

    let res = patch(
        &app,
        id,
        "update-active-revision",
        json!({ "active_revision": 9 }),
    )
    .await;
    assert_eq!(
        (res.status, res.json()),
        (400, json!({ "error": "Revision not found." }))
    );
    let res = patch(
        &app,
        id,
        "update-active-revision",
        json!({ "active_revision": 0 }),
    )
    .await;
    assert_eq!(res.message(), "body/active_revision must be >= 1");
}

#[tokio::test]
async fn create_revision_activates_it() {
    let app = fake();
    let dep = find_seeded(&app, |d| d["status"] == "RUNNING").await;
    let id = dep["id"].as_str().unwrap();
    let res = api(
        &app,
        "POST",
        &format!("/deployments/{id}/create-revision"),
        Some(nginx_definition()),
    )
    .await;
    assert_eq!(res.status, 200, "{}", res.text);
    let body = res.json();
    assert_eq!(
        body.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["active_revision", "endpoints", "revisions", "updated_at"]
    );
    let next = dep["active_revision"].as_i64().unwrap() + 1;
    assert_eq!(body["active_revision"], next);
    assert_eq!(body["endpoints"][0]["port"], 80);
    assert_eq!(
        body["revisions"].as_array().unwrap().last().unwrap()["job_definition"],
        nginx_definition()
    );
    assert_eq!(
        get(&app, &format!("/deployments/{id}")).await.json()["active_revision"],
        next
    );

    let mut bad = nginx_definition();
    bad["ops"][0]["args"]
        .as_object_mut()
        .unwrap()
        .remove("image");
    let res = api(
        &app,
        "POST",
        &format!("/deployments/{id}/create-revision"),
        Some(bad),
    )
    .await;
    assert_eq!(res.status, 400);
    assert_eq!(
        res.message(),
        "body/ops/0/args must have required property 'image'"
    );
    // The wrapped form from the docs page is not a job definition.
    let wrapped = json!({ "job_definition": nginx_definition() });
    let res = api(
        &app,
        "POST",
        &format!("/deployments/{id}/create-revision"),
        Some(wrapped),
    )
    .await;
    assert_eq!(res.message(), "body must have required property 'version'");
}
