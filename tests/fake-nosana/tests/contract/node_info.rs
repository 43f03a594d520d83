//! `GET /nodes/{node}/job/{job}/info`: SSE with the node header; 401, 404; frames on open
//! and per change; the stream ends with the job. CORS for any origin.
use crate::node_support::*;
use crate::support::*;
use serde_json::json;

#[tokio::test]
async fn follows_the_job_until_it_ends() {
    let app = fake();
    control(
        &app,
        "POST",
        "/config",
        Some(json!({ "node_output": false })),
    )
    .await;
    let job = running_job(&app).await;
    let header = node_header(&app).await;
    let addr = listen(app.clone()).await;
    let path = format!("/nodes/{}/job/{}/info", job.node, job.job);
    let mut conn = raw(addr, "GET", &path, &[("Authorization", &header)]).await;
    let text = read_until(&mut conn, "data: ", 1, WAIT).await;
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(text
        .to_lowercase()
        .contains("content-type: text/event-stream"));
    let first = &frames(&text)[0];
    assert_eq!(first["status"], "running");
    let op = &first["opStates"][0];
    assert_eq!(op["status"], "running");
    assert!(op["operationId"].is_string() && op["group"].is_string());
    assert!(op["exitCode"].is_null());
    assert!(first["operations"]["all"].is_array());
    assert!(
        first.get("logs").is_none() && op.get("logs").is_none(),
        "no logs in /info"
    );

    control(
        &app,
        "POST",
        &format!("/jobs/{}/end", job.job),
        Some(json!({ "state": "STOPPED" })),
    )
    .await;
    let text = read_until(&mut conn, "data: ", 2, WAIT).await;
    let last = frames(&text).pop().unwrap();
    assert_eq!(last["status"], "stopped");
    assert_eq!(last["opStates"][0]["status"], "stopped");
    assert!(last["endTime"].is_i64());
    // The stream ended: the chunked body's last chunk came.
    assert!(text.ends_with("0\r\n\r\n"), "{text}");
}

#[tokio::test]
async fn refuses_a_bad_header_and_unknown_jobs() {
    let app = fake();
    let job = running_job(&app).await;
    let header = node_header(&app).await;
    let path = format!("/nodes/{}/job/{}/info", job.node, job.job);
    for bad in [None, Some("Bearer nos_test_key"), Some(&header[12..])] {
        let headers: Vec<(&str, &str)> = bad.map(|h| ("authorization", h)).into_iter().collect();
        let res = send(&app, "GET", &path, &headers, None).await;
        assert_eq!(res.status, 401, "{bad:?}");
        assert!(res.text.starts_with("Unauthorized"));
    }
    let queued = job_in_state(&app, "QUEUED").await;
    let completed = job_in_state(&app, "COMPLETED").await;
    let node = job.node.clone();
    for (node, j) in [
        (
            node.clone(),
            "7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU".to_string(),
        ),
        (node.clone(), queued["job"].as_str().unwrap().to_string()),
        (
            completed["node"].as_str().unwrap().to_string(),
            completed["job"].as_str().unwrap().to_string(),
        ),
    ] {
        let res = send(
            &app,
            "GET",
            &format!("/nodes/{node}/job/{j}/info"),
            &[("authorization", &header)],
            None,
        )
        .await;
        assert_eq!(res.status, 404, "{j}");
    }
    // Never `/results` on a node; and unknown node paths are express's 404.
    let res = send(
        &app,
        "GET",
        &format!("/nodes/{}/job/{}/results", job.node, job.job),
        &[("authorization", &header)],
        None,
    )
    .await;
    assert_eq!(res.status, 404);
    assert_eq!(res.text, format!("Cannot GET /job/{}/results", job.job));
}

#[tokio::test]
async fn node_routes_answer_cors_for_any_origin() {
    let app = fake();
    let job = running_job(&app).await;
    let path = format!("/nodes/{}/job/{}/info", job.node, job.job);
    let preflight = send(
        &app,
        "OPTIONS",
        &path,
        &[
            ("origin", "https://deployments.example"),
            ("access-control-request-method", "GET"),
            ("access-control-request-headers", "authorization"),
        ],
        None,
    )
    .await;
    assert_eq!(preflight.status, 200);
    assert_eq!(preflight.header("access-control-allow-origin"), Some("*"));
    assert!(preflight
        .header("access-control-allow-headers")
        .unwrap()
        .contains("authorization"));
    assert_eq!(preflight.header("access-control-allow-credentials"), None);
    let header = node_header(&app).await;
    let _ = header;
    let refused = send(&app, "GET", &path, &[("origin", "https://x.example")], None).await;
    assert_eq!(refused.header("access-control-allow-origin"), Some("*"));
    // The API keeps its own policy: the request's origin reflected.
    let api_preflight = send(
        &app,
        "OPTIONS",
        "/api/deployments",
        &[
            ("origin", "https://x.example"),
            ("access-control-request-method", "GET"),
        ],
        None,
    )
    .await;
    assert_eq!(
        api_preflight.header("access-control-allow-origin"),
        Some("https://x.example")
    );
}
