//! The `/flog` WebSocket exactly as the contract has it: handshake, replay grouped by op,
//! then live lines; `data` as JSON text; no job id in frames; the close codes.
use std::time::Duration;

use crate::node_support::*;
use crate::support::*;
use futures_util::SinkExt;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

#[tokio::test]
async fn replays_held_lines_grouped_by_op_then_sends_live_ones() {
    let app = quiet().await;
    let OnNode { job, header, addr } = on_node(&app).await;
    let mut ws = flog(addr, &job.node, &header, &job.job, json!({})).await;
    let (frames, end) = read(&mut ws, usize::MAX, Duration::from_millis(500)).await;
    assert_eq!(end, End::Quiet, "the socket stays open");
    let logs: Vec<Value> = frames.iter().map(|f| task_log(f)).collect();
    assert!(logs.len() > 10);
    for (frame, log) in frames.iter().zip(&logs) {
        assert!(!frame.contains(&job.job), "frames name no job: {frame}");
        let keys: Vec<&String> = log.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["opId", "group", "type", "timestamp", "message"]);
        assert!(["container", "info", "error"].contains(&log["type"].as_str().unwrap()));
    }
    // Grouped by op: each op's lines together, in time order; not in time order overall.
    let ops: Vec<&str> = logs.iter().map(|l| l["opId"].as_str().unwrap()).collect();
    let mut runs = ops.clone();
    runs.dedup();
    let mut distinct = runs.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(runs.len(), distinct.len(), "one run per op: {runs:?}");
    assert!(ops.contains(&"system"));
    let ts: Vec<i64> = logs
        .iter()
        .map(|l| l["timestamp"].as_i64().unwrap())
        .collect();
    assert!(
        ts.windows(2).any(|w| w[0] > w[1]),
        "replay is not in time order"
    );
    let mut sorted = ts.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ts.len(), "timestamps are unique");
    // The image pull shows as progress objects; program output may carry ANSI colours.
    assert!(logs
        .iter()
        .any(|l| l["message"]["type"] == "multi-process-bar-update"
            && l["message"]["payload"]["event"]["progressDetail"]["total"].is_u64()));
    assert!(logs.iter().any(|l| l["type"] == "container"
        && l["message"]
            .as_str()
            .is_some_and(|m| m.contains('\u{1b}') && m.ends_with('\n'))));

    let pushed = control(
        &app,
        "POST",
        &format!("/jobs/{}/logs", job.job),
        Some(json!({ "lines": ["hello\n", { "type": "info", "message": "node says hi\n" }] })),
    )
    .await;
    assert_eq!(pushed.status, 200, "{}", pushed.text);
    let (live, _) = read(&mut ws, 2, WAIT).await;
    let live: Vec<Value> = live.iter().map(|f| task_log(f)).collect();
    assert_eq!(live[0]["message"], "hello\n");
    assert_eq!(live[0]["type"], "container");
    assert_eq!(live[1]["opId"], "system");
    assert_eq!(live[1]["type"], "info");
    let newest = *ts.iter().max().unwrap();
    assert!(live[0]["timestamp"].as_i64().unwrap() > newest);
    assert!(live[1]["timestamp"].as_i64().unwrap() > live[0]["timestamp"].as_i64().unwrap());
    assert_eq!(pushed.json()["last_timestamp"], live[1]["timestamp"]);
}

#[tokio::test]
async fn narrowing_to_an_op_or_group() {
    let app = quiet().await;
    let OnNode { job, header, addr } = on_node(&app).await;
    let lines = json!({ "lines": [
        { "opId": "sidecar", "group": "extra", "message": "from the sidecar\n" },
        "from the main op\n"
    ] });
    control(
        &app,
        "POST",
        &format!("/jobs/{}/logs", job.job),
        Some(lines),
    )
    .await;
    for extra in [json!({ "opId": "sidecar" }), json!({ "group": "extra" })] {
        let mut ws = flog(addr, &job.node, &header, &job.job, extra.clone()).await;
        let (frames, _) = read(&mut ws, usize::MAX, Duration::from_millis(300)).await;
        let logs: Vec<Value> = frames.iter().map(|f| task_log(f)).collect();
        assert_eq!(logs.len(), 1, "{extra}");
        assert_eq!(logs[0]["message"], "from the sidecar\n");
    }
}

#[tokio::test]
async fn refusals_are_close_codes() {
    let app = quiet().await;
    let job = running_job(&app).await;
    let header = node_header(&app).await;
    let signature = header.strip_prefix("nosana-auth:").unwrap().to_string();
    let addr = listen(app.clone()).await;
    let other_node = {
        let all = seeded(&app).await;
        let mut nodes = Vec::new();
        for dep in &all {
            let id = dep["id"].as_str().unwrap();
            for j in get(&app, &format!("/deployments/{id}/jobs?limit=100"))
                .await
                .json()["jobs"]
                .as_array()
                .unwrap()
            {
                if let Some(n) = j["node"].as_str() {
                    nodes.push(n.to_string());
                }
            }
        }
        nodes.into_iter().find(|n| *n != job.node).unwrap()
    };
    let completed = job_in_state(&app, "COMPLETED").await;
    let unknown_job = "7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU";
    let cases: Vec<(&str, String, String, &str, u16)> = vec![
        (
            "bare signature",
            job.node.clone(),
            signature.clone(),
            &job.job,
            3000,
        ),
        (
            "Bearer",
            job.node.clone(),
            format!("Bearer {header}"),
            &job.job,
            3000,
        ),
        (
            "API key",
            job.node.clone(),
            "Bearer nos_test_key".into(),
            &job.job,
            3000,
        ),
        (
            "no such job",
            job.node.clone(),
            header.clone(),
            unknown_job,
            1007,
        ),
        (
            "another node",
            other_node.clone(),
            header.clone(),
            &job.job,
            1008,
        ),
        (
            "ended job",
            completed["node"].as_str().unwrap().to_string(),
            header.clone(),
            completed["job"].as_str().unwrap(),
            1008,
        ),
    ];
    for (what, node, h, j, code) in cases {
        let mut ws = flog(addr, &node, &h, j, json!({})).await;
        let (frames, end) = read(&mut ws, 1, WAIT).await;
        assert!(frames.is_empty(), "{what}");
        assert_eq!(end, End::Closed(code), "{what}");
    }
    for bad in [
        "not json".to_string(),
        json!({ "path": "/log", "header": header, "body": { "jobAddress": job.job } }).to_string(),
        json!({ "path": "/flog", "header": header, "body": {} }).to_string(),
        json!({ "path": "/flog", "body": { "jobAddress": job.job } }).to_string(),
    ] {
        let mut ws = open(addr, &job.node).await;
        ws.send(Message::Text(bad.clone().into())).await.unwrap();
        assert_eq!(read(&mut ws, 1, WAIT).await.1, End::Closed(1011), "{bad}");
    }
    // A node the fake does not know cannot be reached.
    let res = send(&app, "GET", &format!("/nodes/{unknown_job}/"), &[], None).await;
    assert_eq!(res.status, 502);
}

#[tokio::test]
async fn a_rotated_signature_is_refused_until_signed_again() {
    let app = quiet().await;
    let job = running_job(&app).await;
    let old = node_header(&app).await;
    let addr = listen(app.clone()).await;
    control(&app, "POST", "/nodes/rotate-signature", None).await;
    let mut ws = flog(addr, &job.node, &old, &job.job, json!({})).await;
    assert_eq!(read(&mut ws, 1, WAIT).await.1, End::Closed(3000));
    let new = node_header(&app).await;
    assert_ne!(new, old);
    let mut ws = flog(addr, &job.node, &new, &job.job, json!({})).await;
    assert_eq!(read(&mut ws, 1, WAIT).await.1, End::Enough);
}

#[tokio::test]
async fn an_ended_job_keeps_its_socket_quiet_then_the_node_closes_it() {
    let app = quiet().await;
    configure(&app, json!({ "result_delay_ms": 400 })).await;
    let OnNode { job, header, addr } = on_node(&app).await;
    let mut ws = flog(addr, &job.node, &header, &job.job, json!({})).await;
    read(&mut ws, usize::MAX, Duration::from_millis(200)).await;
    let lines = json!({ "lines": [
        "to stdout\n",
        { "message": "to stderr\n", "stream": "stderr" }
    ] });
    control(
        &app,
        "POST",
        &format!("/jobs/{}/logs", job.job),
        Some(lines),
    )
    .await;
    read(&mut ws, 2, WAIT).await;

    let ended = control(&app, "POST", &format!("/jobs/{}/end", job.job), None).await;
    assert_eq!(ended.status, 200, "{}", ended.text);
    let detail_path = format!("/deployments/{}/jobs/{}", job.deployment, job.job);
    let detail = get(&app, &detail_path).await.json();
    assert_eq!(detail["state"], 2);
    assert!(detail["jobResult"].is_null(), "uploaded later");
    // No end frame; the node closes once it has uploaded the result.
    let (frames, end) = read(&mut ws, 1, WAIT).await;
    assert!(frames.is_empty());
    assert_eq!(end, End::Closed(1008));
    let detail = wait_for_result(&app, &job.deployment, &job.job).await;
    let result = &detail["jobResult"];
    assert_eq!(result["status"], "success");
    let op = &result["opStates"][0];
    assert_eq!(op["exitCode"], 0);
    let logs = op["logs"].as_array().unwrap();
    let find = |text: &str| logs.iter().find(|l| l["log"] == text).cloned().unwrap();
    assert_eq!(find("to stdout\n")["type"], "stdout");
    assert_eq!(find("to stderr\n")["type"], "stderr");
    let ts = find("to stderr\n")["timestamp"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(chrono::DateTime::parse_from_rfc3339(&ts).is_ok());
    assert_eq!(
        ts.split('.').nth(1).unwrap().len(),
        "123456789Z".len(),
        "{ts}"
    );
    // A new socket for the ended job is refused.
    let mut again = flog(addr, &job.node, &header, &job.job, json!({})).await;
    assert_eq!(read(&mut again, 1, WAIT).await.1, End::Closed(1008));
}

#[tokio::test]
async fn dropping_cuts_the_connection_without_a_close_frame() {
    let app = quiet().await;
    let OnNode { job, header, addr } = on_node(&app).await;
    let mut ws = flog(addr, &job.node, &header, &job.job, json!({})).await;
    read(&mut ws, usize::MAX, Duration::from_millis(200)).await;
    let res = control(&app, "POST", &format!("/jobs/{}/drop", job.job), None).await;
    assert_eq!(res.json()["listeners"], 1);
    assert_eq!(read(&mut ws, 1, WAIT).await.1, End::Cut);
    // The job runs on: a new socket replays and follows it.
    let mut ws = flog(addr, &job.node, &header, &job.job, json!({})).await;
    assert_eq!(read(&mut ws, 1, WAIT).await.1, End::Enough);
}

#[tokio::test]
async fn a_hundred_thousand_history_lines_are_seeded_and_replayed_quickly() {
    let app = quiet().await;
    let OnNode { job, header, addr } = on_node(&app).await;
    let started = std::time::Instant::now();
    let res = control(
        &app,
        "POST",
        &format!("/jobs/{}/history", job.job),
        Some(json!({ "lines": 100_000 })),
    )
    .await;
    assert_eq!(res.status, 200, "{}", res.text);
    let held = res.json()["held_lines"].as_u64().unwrap() as usize;
    assert!(held >= 100_000);
    let mut ws = flog(addr, &job.node, &header, &job.job, json!({})).await;
    let (frames, end) = read(&mut ws, held, Duration::from_secs(10)).await;
    assert_eq!((frames.len(), end), (held, End::Enough));
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "seeding and replaying took {:?}",
        started.elapsed()
    );
    let last = task_log(frames.last().unwrap());
    assert!(last["message"]
        .as_str()
        .unwrap()
        .contains("history line 100000 of 100000"));
    assert_eq!(
        control(
            &app,
            "POST",
            &format!("/jobs/{}/history", job.job),
            Some(json!({ "lines": "many" }))
        )
        .await
        .status,
        400
    );
}
