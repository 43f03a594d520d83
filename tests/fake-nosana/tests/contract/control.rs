use crate::support::*;
use serde_json::{json, Value};

#[tokio::test]
async fn reset_reseeds_and_clears() {
    let app = fake();
    let before = seeded(&app).await;
    let id = id_with_status(&app, "DRAFT").await;
    api(&app, "POST", &format!("/deployments/{id}/start"), None).await;
    control(
        &app,
        "POST",
        "/faults",
        Some(json!({ "fail_next": { "count": 5, "status": 500 } })),
    )
    .await;
    configure(&app, json!({ "stream": false })).await;

    let res = control(&app, "POST", "/reset", None).await;
    assert_eq!(res.status, 200);
    assert_eq!(seeded(&app).await, before, "same data after reset");
    assert_eq!(
        control(&app, "GET", "/requests", None).await.json(),
        json!([])
    );
    assert_eq!(
        get(&app, "/deployments").await.status,
        200,
        "faults cleared"
    );
    assert_eq!(
        control(&app, "GET", "/config", None).await.json()["stream"],
        true
    );

    control(&app, "POST", "/reset", Some(json!({ "seed_count": 100 }))).await;
    assert_eq!(seeded(&app).await.len(), 100);
    assert_eq!(
        seeded(&app).await[..30],
        before[..],
        "the first 30 are the same"
    );
    assert_eq!(
        control(&app, "POST", "/reset", Some(json!({ "seeds": 1 })))
            .await
            .status,
        400
    );
}

#[tokio::test]
async fn request_log_records_what_was_sent() {
    let app = fake();
    let id = id_with_status(&app, "STOPPED").await;
    api(
        &app,
        "PATCH",
        &format!("/deployments/{id}/update-replica-count"),
        Some(json!({ "replicas": 3 })),
    )
    .await;
    send(
        &app,
        "GET",
        "/api/deployments?limit=20&status=RUNNING",
        &[],
        None,
    )
    .await;
    control(&app, "GET", "/deployments", None).await;

    let log = control(&app, "GET", "/requests", None).await.json();
    assert_eq!(
        log.as_array().unwrap().len(),
        2,
        "control requests are not logged"
    );
    assert_eq!(
        log[0],
        json!({
            "method": "PATCH",
            "path": format!("/deployments/{id}/update-replica-count"),
            "query": "",
            "authorization": AUTH,
            "content_type": "application/json",
            "body": "{\"replicas\":3}",
            "status": 200
        })
    );
    assert_eq!(log[1]["query"], "limit=20&status=RUNNING");
    assert_eq!(log[1]["authorization"], Value::Null);
    assert_eq!(log[1]["body"], Value::Null);
    assert_eq!(log[1]["status"], 401);

    control(&app, "DELETE", "/requests", None).await;
    assert_eq!(
        control(&app, "GET", "/requests", None).await.json(),
        json!([])
    );
}

#[tokio::test]
async fn hostile_deployments_are_stored_as_given() {
    let app = fake();
    let long = "x".repeat(10_000);
    let hostile = json!({
        "name": "<img src=x onerror=alert(1)>",
        "status": "RUNNING",
        "endpoints": [{ "opId": "web", "port": "80", "url": "javascript:alert(1)" }],
        "surprise": { "nested": true }
    });
    let res = control(&app, "POST", "/deployments", Some(hostile)).await;
    assert_eq!(res.status, 200, "{}", res.text);
    let stored = res.json();
    let id = stored["id"].as_str().unwrap();
    let read = get(&app, &format!("/deployments/{id}")).await.json();
    assert_eq!(read["name"], "<img src=x onerror=alert(1)>");
    assert_eq!(read["endpoints"][0]["url"], "javascript:alert(1)");
    assert_eq!(read["surprise"]["nested"], true);
    assert_eq!(read["status"], "RUNNING");
    assert!(read["market"].is_string() && read["created_at"].is_string());

    let res = control(&app, "POST", "/deployments", Some(json!({ "name": long }))).await;
    let id = res.json()["id"].as_str().unwrap().to_string();
    assert_eq!(
        get(&app, &format!("/deployments/{id}")).await.json()["name"]
            .as_str()
            .unwrap()
            .len(),
        10_000
    );

    assert_eq!(
        control(&app, "POST", "/deployments", Some(json!({ "id": "short" })))
            .await
            .status,
        400
    );
    assert_eq!(
        control(
            &app,
            "POST",
            "/deployments",
            Some(json!({ "status": "NAPPING" }))
        )
        .await
        .status,
        400
    );
}

#[tokio::test]
async fn patch_sets_fields_directly() {
    let app = fake();
    let id = id_with_status(&app, "DRAFT").await;
    let res = control(
        &app,
        "PATCH",
        &format!("/deployments/{id}"),
        Some(json!({ "status": "ERROR", "replicas": 7 })),
    )
    .await;
    assert_eq!(res.status, 200);
    let read = get(&app, &format!("/deployments/{id}")).await.json();
    assert_eq!(
        (read["status"].clone(), read["replicas"].clone()),
        (json!("ERROR"), json!(7))
    );
    let missing = control(
        &app,
        "PATCH",
        &format!("/deployments/{}", "1".repeat(44)),
        Some(json!({})),
    )
    .await;
    assert_eq!(missing.status, 404);
}

#[tokio::test]
async fn seeded_data_is_predictable() {
    let app = fake();
    let all = seeded(&app).await;
    assert_eq!(all.len(), 30);
    let statuses = [
        "DRAFT",
        "STARTING",
        "RUNNING",
        "STOPPING",
        "STOPPED",
        "ERROR",
        "INSUFFICIENT_FUNDS",
        "ARCHIVED",
    ];
    for (i, d) in all.iter().enumerate() {
        assert_eq!(d["status"], statuses[i % 8]);
    }
    for strategy in ["SIMPLE", "SIMPLE-EXTEND", "SCHEDULED", "INFINITE"] {
        assert!(all.iter().any(|d| d["strategy"] == strategy));
    }
    assert!(all.iter().any(|d| d["confidential"] == true));
    assert!(all
        .iter()
        .any(|d| d["endpoints"].as_array().unwrap().is_empty()));
    assert!(all
        .iter()
        .all(|d| d["strategy"] != "SCHEDULED" || d["schedule"].is_string()));
    assert!(all
        .iter()
        .all(|d| d["strategy"] != "INFINITE" || d["rotation_time"].is_number()));
    // Ids are the same on every run.
    assert_eq!(seeded(&fake()).await, all);
}

#[tokio::test]
async fn unknown_control_routes_are_404() {
    let app = fake();
    assert_eq!(control(&app, "GET", "/nothing", None).await.status, 404);
}
