use std::time::{Duration, Instant};

use crate::support::*;
use serde_json::json;

#[tokio::test]
async fn fail_next_fails_that_many_requests() {
    let app = fake();
    let res = control(
        &app,
        "POST",
        "/faults",
        Some(json!({ "fail_next": { "count": 2, "status": 503 } })),
    )
    .await;
    assert_eq!(res.status, 200);
    for _ in 0..2 {
        let res = get(&app, "/deployments").await;
        assert_eq!(
            (res.status, res.json()),
            (503, json!({ "error": "Injected failure" }))
        );
    }
    assert_eq!(get(&app, "/deployments").await.status, 200);
}

#[tokio::test]
async fn fail_next_with_a_custom_body_and_path_filter() {
    let app = fake();
    let fault = json!({ "fail_next": { "count": 1, "status": 502, "body": "<html>Bad Gateway</html>" }, "path_contains": "/markets" });
    control(&app, "POST", "/faults", Some(fault)).await;
    assert_eq!(get(&app, "/deployments").await.status, 200);
    let res = get(&app, "/markets/").await;
    assert_eq!(
        (res.status, res.text.as_str()),
        (502, "<html>Bad Gateway</html>")
    );
    assert!(res
        .header("content-type")
        .unwrap()
        .starts_with("text/plain"));
    assert_eq!(get(&app, "/markets/").await.status, 200);
}

#[tokio::test]
async fn a_failed_request_has_no_effect() {
    let app = fake();
    let id = id_with_status(&app, "DRAFT").await;
    control(
        &app,
        "POST",
        "/faults",
        Some(json!({ "fail_next": { "count": 1, "status": 500 } })),
    )
    .await;
    assert_eq!(
        api(&app, "POST", &format!("/deployments/{id}/start"), None)
            .await
            .status,
        500
    );
    assert_eq!(
        get(&app, &format!("/deployments/{id}")).await.json()["status"],
        "DRAFT"
    );
}

#[tokio::test]
async fn malformed_next_answers_broken_json() {
    let app = fake();
    control(
        &app,
        "POST",
        "/faults",
        Some(json!({ "malformed_next": 1 })),
    )
    .await;
    let res = get(&app, "/deployments").await;
    assert_eq!(res.status, 200);
    assert!(res
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    assert!(
        serde_json::from_str::<serde_json::Value>(&res.text).is_err(),
        "{}",
        res.text
    );
    assert!(res.text.starts_with("{\"deployments\":"));
    assert_eq!(
        get(&app, "/deployments").await.json()["deployments"]
            .as_array()
            .unwrap()
            .len(),
        10
    );
}

#[tokio::test]
async fn latency_delays_api_answers_only() {
    let app = fake();
    control(&app, "POST", "/faults", Some(json!({ "latency_ms": 150 }))).await;
    let t = Instant::now();
    get(&app, "/markets/").await;
    assert!(t.elapsed() >= Duration::from_millis(150));
    let t = Instant::now();
    control(&app, "GET", "/deployments", None).await;
    assert!(t.elapsed() < Duration::from_millis(150));
}

#[tokio::test]
async fn drop_next_closes_the_connection_without_an_answer() {
    let app = fake();
    let addr = listen(app.clone()).await;
    control(&app, "POST", "/faults", Some(json!({ "drop_next": 1 }))).await;
    let mut conn = raw(addr, "GET", "/api/markets/", &[("Authorization", AUTH)]).await;
    let started = Instant::now();
    let got = read_until(&mut conn, "HTTP/1.1", 1, Duration::from_secs(5)).await;
    assert_eq!(got, "", "no response bytes at all");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "closed, not timed out"
    );

    let mut conn = raw(
        addr,
        "GET",
        "/api/markets/",
        &[("Authorization", AUTH), ("Connection", "close")],
    )
    .await;
    let got = read_until(&mut conn, "\r\n\r\n", 1, Duration::from_secs(5)).await;
    assert!(got.starts_with("HTTP/1.1 200"), "{got}");

    let log = control(&app, "GET", "/requests", None).await.json();
    assert_eq!(
        log[0]["status"],
        serde_json::Value::Null,
        "a dropped request has no status"
    );
    assert_eq!(log[1]["status"], 200);
}

#[tokio::test]
async fn preflights_are_never_faulted() {
    let app = fake();
    control(
        &app,
        "POST",
        "/faults",
        Some(json!({ "fail_next": { "count": 1, "status": 500 } })),
    )
    .await;
    let preflight = [
        ("origin", "http://elsewhere.test"),
        ("access-control-request-method", "DELETE"),
    ];
    assert_eq!(
        send(&app, "OPTIONS", "/api/deployments", &preflight, None)
            .await
            .status,
        200
    );
    assert_eq!(
        get(&app, "/deployments").await.status,
        500,
        "the fault was still pending"
    );
}

#[tokio::test]
async fn faults_refuse_unknown_fields() {
    let app = fake();
    let res = control(&app, "POST", "/faults", Some(json!({ "fail_nxt": 1 }))).await;
    assert_eq!(res.status, 400);
}

#[tokio::test]
async fn launch_option_fails_the_first_requests() {
    let app = fake_with(fake_nosana::Options {
        fail_next: Some((1, 503)),
        ..Default::default()
    });
    assert_eq!(get(&app, "/markets/").await.status, 503);
    assert_eq!(get(&app, "/markets/").await.status, 200);
}
