//! Container trouble on the node double (`POST /__fake/jobs/{job}/trouble`): out of memory,
//! restarts and failing health checks, as `/info` diagnostics and endpoint words say; the
//! newer routes in the node request log; an older node's 404 for a POST route.
use crate::node_support::*;
use crate::support::*;
use serde_json::{json, Value};

async fn first_info(app: &axum::Router, node: &str, job: &str, header: &str) -> Value {
    let addr = listen(app.clone()).await;
    let path = format!("/nodes/{node}/job/{job}/info");
    let mut conn = raw(addr, "GET", &path, &[("Authorization", header)]).await;
    let text = read_until(&mut conn, "data: ", 1, WAIT).await;
    frames(&text).remove(0)
}

/// A running job (on a node) of a seeded deployment with endpoints.
async fn job_with_endpoints(app: &axum::Router) -> RunningJob {
    for dep in seeded(app).await {
        if dep["status"] != "RUNNING" || dep["endpoints"].as_array().is_none_or(Vec::is_empty) {
            continue;
        }
        let id = dep["id"].as_str().unwrap().to_string();
        let jobs = get(app, &format!("/deployments/{id}/jobs?state=RUNNING"))
            .await
            .json();
        if let Some(j) = jobs["jobs"]
            .as_array()
            .and_then(|j| j.iter().find(|j| j["node"].is_string()))
        {
            return RunningJob {
                deployment: id,
                job: j["job"].as_str().unwrap().to_string(),
                node: j["node"].as_str().unwrap().to_string(),
            };
        }
    }
    panic!("no running job of a deployment with endpoints");
}

#[tokio::test]
async fn trouble_shows_in_diagnostics_and_endpoints() {
    let app = fake();
    let job = job_with_endpoints(&app).await;
    let routes = JobRoutes::of(&app, &job).await;
    let header = routes.header.clone();

    let info = first_info(&app, &job.node, &job.job, &header).await;
    let op = info["opStates"][0]["operationId"]
        .as_str()
        .unwrap()
        .to_string();
    let d = &info["opStates"][0]["diagnostics"];
    assert_eq!(
        (d["OOMKilled"].clone(), d["RestartCount"].clone()),
        (json!(false), json!(0))
    );

    let failing = control(
        &app,
        "POST",
        &format!("/jobs/{}/trouble", job.job),
        Some(json!({ "event": "health-failing", "output": "HTTP 503" })),
    )
    .await;
    assert_eq!(failing.status, 200, "{}", failing.text);
    assert_eq!(failing.json()["Health"]["Status"], "unhealthy");
    assert_eq!(failing.json()["Health"]["FailingStreak"], 3);
    assert_eq!(failing.json()["Health"]["Log"][0]["Output"], "HTTP 503");
    let endpoints = routes.ask(&app, "GET", "/endpoints").await.json();
    let urls = endpoints["urls"].as_object().unwrap();
    assert!(
        !urls.is_empty(),
        "the running job's deployment has endpoints"
    );
    assert!(urls
        .values()
        .filter(|u| u["opID"] == op)
        .all(|u| u["status"] == "OFFLINE"));
    assert_eq!(endpoints["status"], "OFFLINE");
    control(
        &app,
        "POST",
        &format!("/jobs/{}/trouble", job.job),
        Some(json!({ "event": "healthy" })),
    )
    .await;
    let endpoints = routes.ask(&app, "GET", "/endpoints").await.json();
    assert_eq!(endpoints["status"], "ONLINE");

    for event in ["restart", "oom"] {
        let res = control(
            &app,
            "POST",
            &format!("/jobs/{}/trouble", job.job),
            Some(json!({ "opId": op, "event": event })),
        )
        .await;
        assert_eq!(res.status, 200, "{}", res.text);
    }
    let info = first_info(&app, &job.node, &job.job, &header).await;
    let state = &info["opStates"][0];
    assert_eq!(
        (state["status"].clone(), state["exitCode"].clone()),
        (json!("failed"), json!(137))
    );
    assert_eq!(state["diagnostics"]["OOMKilled"], true);
    assert_eq!(state["diagnostics"]["RestartCount"], 1);

    // A restart through the op controls brings a clean container; it is in the node log.
    let restart = routes
        .ask(&app, "POST", &format!("/group/{op}/operation/{op}/restart"))
        .await;
    assert_eq!(restart.status, 200);
    let info = first_info(&app, &job.node, &job.job, &header).await;
    assert_eq!(info["opStates"][0]["status"], "running");
    assert_eq!(info["opStates"][0]["diagnostics"]["OOMKilled"], false);
    let log = control(&app, "GET", "/node-requests", None).await.json();
    let posts: Vec<&Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "control")
        .collect();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0]["method"], "POST");
    assert_eq!(posts[0]["status"], 200);
    assert_eq!(posts[0]["authorization"], header.as_str());
}

#[tokio::test]
async fn trouble_is_checked_and_older_nodes_lack_the_post_routes() {
    let app = fake();
    let job = running_job(&app).await;
    let path = format!("/jobs/{}/trouble", job.job);
    for body in [
        json!({ "event": "melt" }),
        json!({ "event": "oom", "opId": "nope" }),
        json!({ "event": "oom", "extra": 1 }),
    ] {
        assert_eq!(
            control(&app, "POST", &path, Some(body.clone()))
                .await
                .status,
            400,
            "{body}"
        );
    }
    let ended = job_in_state(&app, "COMPLETED").await;
    let res = control(
        &app,
        "POST",
        &format!("/jobs/{}/trouble", ended["job"].as_str().unwrap()),
        Some(json!({ "event": "oom" })),
    )
    .await;
    assert_eq!(res.status, 409);

    control(
        &app,
        "POST",
        "/config",
        Some(json!({ "older_nodes": true })),
    )
    .await;
    let header = node_header(&app).await;
    let route = format!("/job/{}/group/g/operation/o/restart", job.job);
    let res = send(
        &app,
        "POST",
        &format!("/nodes/{}{route}", job.node),
        &[("authorization", header.as_str())],
        None,
    )
    .await;
    assert_eq!(
        (res.status, res.text),
        (404, format!("Cannot POST {route}"))
    );
}
