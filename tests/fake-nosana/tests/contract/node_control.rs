//! The node double's control side: automatic output (paused and running), reset, the
//! request log of the nodes, and job ends made by the API (stop) reaching the nodes.
use std::time::Duration;

use crate::node_support::*;
use crate::support::*;
use serde_json::json;

async fn held(app: &axum::Router, job: &str) -> u64 {
    control(app, "GET", &format!("/jobs/{job}"), None)
        .await
        .json()["held_lines"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn automatic_output_runs_and_pauses() {
    let app = quiet().await;
    let OnNode { job, header, addr } = on_node(&app).await;
    let mut ws = flog(addr, &job.node, &header, &job.job, json!({})).await;
    let (replayed, end) = read(&mut ws, usize::MAX, Duration::from_millis(300)).await;
    assert_eq!(end, End::Quiet);
    assert_eq!(replayed.len() as u64, held(&app, &job.job).await);

    let on = json!({ "node_output": true, "node_output_ms": 20 });
    configure(&app, on).await;
    let (frames, _) = read(&mut ws, 3, WAIT).await;
    assert_eq!(frames.len(), 3, "live lines arrive by themselves");

    pause_output(&app).await;
    // Whatever was under way has arrived once a read stays quiet; then nothing more comes.
    read(&mut ws, usize::MAX, Duration::from_millis(200)).await;
    let before = held(&app, &job.job).await;
    let (more, end) = read(&mut ws, 1, Duration::from_millis(300)).await;
    assert_eq!((more.len(), end), (0, End::Quiet));
    assert_eq!(held(&app, &job.job).await, before);

    // Steps on request, paused or not: a burst is 40 lines at step 28.
    let res = control(
        &app,
        "POST",
        &format!("/jobs/{}/output", job.job),
        Some(json!({ "steps": 29 })),
    )
    .await;
    assert!(res.json()["written"].as_u64().unwrap() >= 29 + 39);
}

#[tokio::test]
async fn reset_forgets_what_the_nodes_held() {
    let app = quiet().await;
    let job = running_job(&app).await;
    let start = held(&app, &job.job).await;
    control(
        &app,
        "POST",
        &format!("/jobs/{}/logs", job.job),
        Some(json!({ "lines": ["x\n"] })),
    )
    .await;
    assert_eq!(held(&app, &job.job).await, start + 1);
    control(&app, "POST", "/reset", None).await;
    assert_eq!(held(&app, &job.job).await, start, "only the start-up again");
    assert_eq!(
        control(&app, "GET", "/node-requests", None).await.json(),
        json!([])
    );
}

#[tokio::test]
async fn the_nodes_log_what_reached_them() {
    let app = fake();
    let OnNode { job, header, addr } = on_node(&app).await;
    let mut ws = flog(addr, &job.node, &header, &job.job, json!({})).await;
    read(&mut ws, 1, WAIT).await;
    ws.close(None).await.unwrap();
    send(
        &app,
        "GET",
        &format!("/nodes/{}/job/{}/info", job.node, job.job),
        &[("authorization", "wrong")],
        None,
    )
    .await;
    let deadline = tokio::time::Instant::now() + WAIT;
    let log = loop {
        let log = control(&app, "GET", "/node-requests", None).await.json();
        if log[0]["closed_by_client"] == true || tokio::time::Instant::now() > deadline {
            break log;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(log[0]["kind"], "flog");
    assert_eq!(log[0]["node"], job.node.as_str());
    let hs: serde_json::Value =
        serde_json::from_str(log[0]["handshake"].as_str().unwrap()).unwrap();
    assert_eq!(
        hs,
        json!({ "path": "/flog", "header": header, "body": { "jobAddress": job.job } })
    );
    assert_eq!(log[0]["closed_by_client"], true);
    assert_eq!(log[1]["kind"], "info");
    assert_eq!(log[1]["authorization"], "wrong");
    assert_eq!(log[1]["status"], 401);
}

#[tokio::test]
async fn control_routes_refuse_what_they_cannot_do() {
    let app = fake();
    let queued = job_in_state(&app, "QUEUED").await;
    let completed = job_in_state(&app, "COMPLETED").await;
    for job in [&queued, &completed] {
        let j = job["job"].as_str().unwrap();
        let res = control(
            &app,
            "POST",
            &format!("/jobs/{j}/logs"),
            Some(json!({ "lines": ["x"] })),
        )
        .await;
        assert_eq!(res.status, 409, "{job}");
    }
    let j = completed["job"].as_str().unwrap();
    assert_eq!(
        control(&app, "POST", &format!("/jobs/{j}/end"), None)
            .await
            .status,
        409
    );
    let unknown = "/jobs/7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU/end";
    assert_eq!(control(&app, "POST", unknown, None).await.status, 404);
    let job = running_job(&app).await;
    let bad = [
        json!({ "lines": [{ "message": "x", "kind": "info" }] }),
        json!({ "lines": [{ "message": "x", "type": "debug" }] }),
        json!({ "lines": [{ "message": "x", "stream": "stdin" }] }),
        json!({ "line": "x" }),
    ];
    for body in bad {
        let res = control(
            &app,
            "POST",
            &format!("/jobs/{}/logs", job.job),
            Some(body.clone()),
        )
        .await;
        assert_eq!(res.status, 400, "{body}");
    }
    let res = control(
        &app,
        "POST",
        &format!("/jobs/{}/end", job.job),
        Some(json!({ "state": "FAILED" })),
    )
    .await;
    assert_eq!(res.status, 400);
}

#[tokio::test]
async fn a_stop_through_the_api_reaches_the_node_and_the_result_follows() {
    let app = fake();
    configure(
        &app,
        json!({ "transition_ms": 10, "result_delay_ms": 10, "node_output": false }),
    )
    .await;
    let OnNode { job, header, addr } = on_node(&app).await;
    let mut ws = flog(addr, &job.node, &header, &job.job, json!({})).await;
    read(&mut ws, 1, WAIT).await;
    api(
        &app,
        "POST",
        &format!("/deployments/{}/stop", job.deployment),
        None,
    )
    .await;
    let (_, end) = read(&mut ws, usize::MAX, WAIT).await;
    assert_eq!(end, End::Closed(1008));
    let detail = wait_for_result(&app, &job.deployment, &job.job).await;
    assert_eq!(detail["state"], 3);
    assert_eq!(detail["jobResult"]["status"], "stopped");
    assert_eq!(detail["jobResult"]["opStates"][0]["exitCode"], 143);
}

#[tokio::test]
async fn end_gives_the_first_op_the_exit_code_in_info_and_result() {
    let app = fake();
    control(
        &app,
        "POST",
        "/config",
        Some(json!({ "result_delay_ms": 0, "node_output": false })),
    )
    .await;
    let dep = find_seeded(&app, |d| {
        d["status"] == "RUNNING" && d["active_jobs"].as_i64().unwrap_or(0) > 1
    })
    .await;
    let id = dep["id"].as_str().unwrap().to_string();
    let active = dep["active_jobs"].as_i64().unwrap();
    let jobs = get(&app, &format!("/deployments/{id}/jobs?state=RUNNING"))
        .await
        .json();
    let job = jobs["jobs"][0]["job"].as_str().unwrap().to_string();
    let end = format!("/jobs/{job}/end");

    for body in [
        json!({ "state": "COMPLETED", "exit": 1 }),
        json!({ "state": "RUNNING", "exit_code": 1 }),
        json!({ "exit_code": 256 }),
        json!({ "exit_code": -1 }),
        json!({ "exit_code": "137" }),
    ] {
        let res = control(&app, "POST", &end, Some(body.clone())).await;
        assert_eq!(res.status, 400, "{body}");
    }
    let body = json!({ "state": "COMPLETED", "exit_code": 137 });
    let ended = control(&app, "POST", &end, Some(body.clone())).await;
    assert_eq!(ended.status, 200);
    assert_eq!(ended.json()["state"], "COMPLETED");
    assert_eq!(ended.json()["result_uploaded"], true);
    let detail = get(&app, &format!("/deployments/{id}/jobs/{job}"))
        .await
        .json();
    assert_eq!(detail["state"], 2);
    let result = &detail["jobResult"];
    assert_eq!(result["status"], "failed");
    assert_eq!(result["opStates"][0]["exitCode"], 137);
    assert_eq!(result["opStates"][0]["status"], "failed");
    let after = get(&app, &format!("/deployments/{id}")).await.json();
    assert_eq!(after["active_jobs"].as_i64().unwrap(), active - 1);
    assert_eq!(
        control(&app, "POST", &end, Some(body)).await.status,
        409,
        "ended already"
    );

    // Without an exit code: 0 when it completes, 143 when it is stopped.
    let other = jobs["jobs"][1]["job"].as_str().unwrap();
    let stop = json!({ "state": "STOPPED" });
    control(&app, "POST", &format!("/jobs/{other}/end"), Some(stop)).await;
    let detail = get(&app, &format!("/deployments/{id}/jobs/{other}"))
        .await
        .json();
    assert_eq!(detail["jobResult"]["status"], "stopped");
    assert_eq!(detail["jobResult"]["opStates"][0]["exitCode"], 143);
}
