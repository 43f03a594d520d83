//! The node double's usage figures and what tests do to them (`POST /__fake/jobs/{job}/usage`):
//! a restart starts the cumulative counters again, a leak grows memory, history reaches
//! back before the job's start, a pause stops the samples; bad input changes nothing. Each
//! usage request is one entry of the node request log, with its query.
use crate::node_support::*;
use crate::support::*;
use serde_json::{json, Value};
use std::time::Duration;

async fn usage(app: &axum::Router, job: &str, body: Value) -> Res {
    control(app, "POST", &format!("/jobs/{job}/usage"), Some(body)).await
}

/// The op's sample in an SSE frame of `/stats/stream`.
fn of_op<'a>(frame: &'a Value, op: &str) -> &'a Value {
    frame
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["opId"] == op)
        .unwrap()
}

#[tokio::test]
async fn usage_control_restarts_leaks_backdates_and_pauses() {
    let app = fake();
    let job = running_job(&app).await;
    let routes = JobRoutes::of(&app, &job).await;

    let plain = usage(&app, &job.job, json!({})).await;
    assert_eq!(plain.status, 200, "{}", plain.text);
    let plain = plain.json();
    assert_eq!(plain["job"], job.job.as_str());
    assert_eq!(
        (&plain["restarts"], &plain["leaks"], &plain["paused"]),
        (&json!(0), &json!([]), &json!(false))
    );
    let op = plain["ops"][0].as_str().unwrap().to_string();
    let began = plain["first_ms"].as_i64().unwrap();

    // History: the figures begin hours before the job's start here.
    let back = usage(&app, &job.job, json!({ "history_hours": 2 }))
        .await
        .json();
    assert_eq!(back["first_ms"].as_i64().unwrap(), began - 7_200_000);
    let hourly = routes.ask(&app, "GET", "/stats?interval=3600").await.json();
    assert_eq!(hourly[0]["timestamp"], back["first_ms"]);
    usage(&app, &job.job, json!({ "history_hours": 0 })).await;

    // A restart starts the op's cumulative counters again; a leak grows its memory.
    let before = routes.ask(&app, "GET", "/stats?interval=60").await.json();
    let last = before
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|s| s["opId"] == op.as_str());
    assert!(last.unwrap()["disk"]["read"].as_f64().unwrap() > 10.0);
    let restarted = usage(&app, &job.job, json!({ "restart": op })).await.json();
    assert_eq!(restarted["restarts"], 1);
    let leaking = usage(&app, &job.job, json!({ "leak": op })).await.json();
    assert_eq!(leaking["leaks"], json!([op]));
    let mut conn = routes.stream(&app, "/stats/stream?interval=1").await;
    let text = read_until(&mut conn, "data: ", 3, WAIT).await;
    let frames = frames(&text);
    assert_eq!(frames.len(), 3, "{text}");
    assert!(of_op(&frames[0], &op)["disk"]["read"].as_f64().unwrap() < 3.0);
    // Three seconds of 100 MB/s on top of at most 3,299 MB.
    assert!(
        of_op(&frames[2], &op)["memory"]["memory_usage"]
            .as_f64()
            .unwrap()
            > 3_299.0
    );

    // A pause: no samples from then on, until it ends.
    let paused = usage(&app, &job.job, json!({ "pause": true })).await.json();
    assert_eq!(paused["paused"], true);
    // The samples up to the pause's own millisecond stay: a sample on the whole second the
    // pause fell on is one (a full run once met it), so "after" starts a millisecond later.
    let after = chrono::Utc::now().timestamp_millis() + 1;
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    let since = format!("/stats?interval=1&start={after}");
    let none = routes.ask(&app, "GET", &since).await.json();
    assert_eq!(none, json!([]));
    let resumed = usage(&app, &job.job, json!({ "pause": false }))
        .await
        .json();
    assert_eq!(resumed["paused"], false);
    let some = routes.ask(&app, "GET", &since).await.json();
    assert!(!some.as_array().unwrap().is_empty());
}

#[tokio::test]
async fn usage_control_refuses_bad_input_and_changes_nothing() {
    let app = fake();
    let job = running_job(&app).await;
    for (body, why) in [
        (
            json!({ "history_hours": 49 }),
            "history_hours must be between 0 and 48",
        ),
        (
            json!({ "history_hours": -1 }),
            "history_hours must be between 0 and 48",
        ),
        (json!({ "restart": "nope" }), "no such op in the job"),
        (json!({ "leak": "nope" }), "no such op in the job"),
    ] {
        let res = usage(&app, &job.job, body.clone()).await;
        assert_eq!(res.status, 400, "{body}");
        assert!(res.text.contains(why), "{body}: {}", res.text);
    }
    let unknown = usage(&app, &job.job, json!({ "speed": 2 })).await;
    assert_eq!(unknown.status, 400, "{}", unknown.text);
    let broken = send(
        &app,
        "POST",
        &format!("/__fake/jobs/{}/usage", job.job),
        &[],
        Some("{"),
    )
    .await;
    assert_eq!(broken.status, 400);
    let nothing = usage(&app, &job.job, json!({})).await.json();
    assert_eq!(
        (&nothing["restarts"], &nothing["leaks"], &nothing["paused"]),
        (&json!(0), &json!([]), &json!(false))
    );

    assert_eq!(usage(&app, "NoSuchJob", json!({})).await.status, 404);
    let ended = job_in_state(&app, "COMPLETED").await;
    let res = usage(&app, ended["job"].as_str().unwrap(), json!({})).await;
    assert_eq!(res.status, 409, "{}", res.text);
}

#[tokio::test]
async fn each_usage_request_is_logged_once_with_its_query() {
    let app = fake();
    let job = running_job(&app).await;
    let routes = JobRoutes::of(&app, &job).await;
    let base = routes.base.clone();
    let res = routes.ask(&app, "GET", "/stats?interval=60").await;
    assert_eq!(res.status, 200);
    let refused = send(&app, "GET", &format!("{base}/stats"), &[], None).await;
    assert_eq!(refused.status, 401);
    let mut conn = routes.stream(&app, "/stats/stream?interval=1").await;
    read_until(&mut conn, "data: ", 1, WAIT).await;

    let log = control(&app, "GET", "/node-requests", None).await.json();
    let usage: Vec<(String, String, Value)> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"].as_str().is_some_and(|k| k.starts_with("stats")))
        .map(|r| {
            (
                r["kind"].as_str().unwrap().to_string(),
                r["path"].as_str().unwrap().to_string(),
                r["status"].clone(),
            )
        })
        .collect();
    let path = format!("/job/{}", job.job);
    assert_eq!(
        usage,
        vec![
            (
                "stats".into(),
                format!("{path}/stats?interval=60"),
                json!(200)
            ),
            ("stats".into(), format!("{path}/stats"), json!(401)),
            (
                "stats/stream".into(),
                format!("{path}/stats/stream?interval=1"),
                json!(200)
            ),
        ]
    );
}
