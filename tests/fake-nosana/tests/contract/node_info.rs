//! `GET /nodes/{node}/job/{job}/info`: SSE with the node header; 401, 404; frames on open
//! and per change; the stream ends with the job. CORS for any origin.
use crate::node_support::*;
use crate::support::*;
use serde_json::json;

#[tokio::test]
async fn follows_the_job_until_it_ends() {
    let app = quiet().await;
    let OnNode { job, header, addr } = on_node(&app).await;
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
    assert_eq!(last["opStates"][0]["exitCode"], 143);
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

#[tokio::test]
async fn newer_nodes_report_ops_endpoints_and_themselves() {
    let app = fake();
    let job = running_job(&app).await;
    let routes = JobRoutes::of(&app, &job).await;
    let (header, base) = (routes.header.clone(), routes.base.clone());
    let ops = routes.ask(&app, "GET", "/ops").await;
    assert_eq!(ops.status, 200);
    let ops = ops.json();
    let ops = ops.as_object().unwrap();
    assert!(
        !ops.is_empty() && ops.values().all(|s| s == "running"),
        "{ops:?}"
    );
    let endpoints = routes.ask(&app, "GET", "/endpoints").await;
    assert_eq!(endpoints.json()["status"], "ONLINE");
    assert!(endpoints.json()["urls"].is_object());
    assert_eq!(
        send(&app, "GET", &format!("{base}/ops"), &[], None)
            .await
            .status,
        401
    );
    let info = send(
        &app,
        "GET",
        &format!("/nodes/{}/node/info", job.node),
        &[],
        None,
    )
    .await;
    assert_eq!(info.status, 200);
    assert!(info.json()["gpus"][0]["name"].is_string());
    let completed = job_in_state(&app, "COMPLETED").await;
    let ended = format!(
        "/nodes/{}/job/{}/ops",
        completed["node"].as_str().unwrap(),
        completed["job"].as_str().unwrap()
    );
    let auth = [("authorization", header.as_str())];
    let res = send(&app, "GET", &ended, &auth, None).await;
    assert_eq!(res.status, 404);
    assert!(res.text.starts_with("No running job with that address"));

    configure(&app, json!({ "older_nodes": true })).await;
    let old = routes.ask(&app, "GET", "/ops").await;
    assert_eq!(
        (old.status, old.text),
        (404, format!("Cannot GET /job/{}/ops", job.job))
    );
    let old = send(
        &app,
        "GET",
        &format!("/nodes/{}/node/info", job.node),
        &[],
        None,
    )
    .await;
    assert_eq!(old.status, 404);
}

#[tokio::test]
async fn stats_samples_and_op_controls() {
    let app = fake();
    let job = running_job(&app).await;
    let routes = JobRoutes::of(&app, &job).await;
    let base = routes.base.clone();
    let res = routes.ask(&app, "GET", "/stats?interval=60").await;
    assert_eq!(res.status, 200, "{}", res.text);
    let samples = res.json();
    let samples = samples.as_array().unwrap();
    // At most a day of 5 s samples per op (the node's retention), newest kept.
    assert!(!samples.is_empty() && samples.len() <= 17_280 * 8);
    let ts: Vec<i64> = samples
        .iter()
        .map(|s| s["timestamp"].as_i64().unwrap())
        .collect();
    assert!(ts.windows(2).all(|w| w[0] <= w[1]), "oldest first");
    let s = &samples[0];
    for key in ["opId", "timestamp", "cpu", "memory", "disk", "network"] {
        assert!(s.get(key).is_some(), "{key}");
    }
    assert!(s["memory"]["memory_limit"].is_number() && s["cpu"]["cpu_percent"].is_number());
    let end = ts[ts.len() - 1];
    let again = routes
        .ask(&app, "GET", &format!("/stats?interval=60&end={end}"))
        .await;
    assert_eq!(
        again.json().as_array().unwrap().last(),
        samples.last(),
        "the same figures"
    );

    let mut conn = routes.stream(&app, "/stats/stream?interval=1").await;
    let text = read_until(&mut conn, "data: ", 1, WAIT).await;
    let frame = &frames(&text)[0];
    assert!(frame.as_array().unwrap()[0]["cpu"]["cpu_percent"].is_number());

    let op = samples[0]["opId"].as_str().unwrap();
    let control_path = format!("/group/{op}/operation/{op}");
    let stop = routes
        .ask(&app, "POST", &format!("{control_path}/stop"))
        .await;
    assert_eq!(
        (stop.status, stop.json()),
        (200, json!({ "message": "Operation Stopped" }))
    );
    let ops = routes.ask(&app, "GET", "/ops").await.json();
    assert_eq!(ops[op], "stopped");
    let restart = routes
        .ask(&app, "POST", &format!("{control_path}/restart"))
        .await;
    assert_eq!(restart.json(), json!({ "message": "Operation restarted" }));
    let ops = routes.ask(&app, "GET", "/ops").await.json();
    assert_eq!(ops[op], "running");
    let wrong = routes
        .ask(&app, "POST", &format!("/group/{op}/operation/nope/stop"))
        .await;
    assert_eq!(wrong.status, 500);
    assert!(wrong.json()["error"].is_string());
    assert_eq!(
        send(
            &app,
            "POST",
            &format!("{base}{control_path}/stop"),
            &[],
            None
        )
        .await
        .status,
        401
    );
}
