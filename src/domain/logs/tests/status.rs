use serde_json::json;

use crate::api::node::info::parse_info;
use crate::api::node::result::parse_result;
use crate::domain::logs::status::*;

const JOB: &str = "JobAddr1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

#[test]
fn labels_and_tones() {
    assert_eq!(status_label("running"), ("Running".into(), Tone::Running));
    assert_eq!(status_label("FINISHED"), ("Finished".into(), Tone::Done));
    assert_eq!(status_label("failed"), ("Failed".into(), Tone::Failed));
    assert_eq!(status_label("pending"), ("Waiting".into(), Tone::Waiting));
    assert_eq!(
        status_label("weird-new"),
        ("weird-new".into(), Tone::Unknown)
    );
    assert_eq!(status_label(""), ("Unknown".into(), Tone::Unknown));
    assert_eq!(exit_code_text(Some(0)), "Exit code 0");
    assert_eq!(exit_code_text(Some(137)), "Exit code 137 (killed)");
    assert_eq!(exit_code_text(None), "");
}

#[test]
fn ops_from_a_node_frame() {
    let info = parse_info(&json!({
        "status": "RUNNING",
        "opStates": [
            {"operationId": "init", "status": "finished", "exitCode": 0},
            {"operationId": "web", "status": "running", "exitCode": null,
             "diagnostics": {"OOMKilled": false, "RestartCount": 2, "Health": {"Status": "unhealthy", "FailingStreak": 3}}},
            {"operationId": "bad", "status": "finished", "exitCode": 1, "errors": [{"event": "exit", "message": "boom"}]}
        ],
        "secrets": {JOB: {"urls": {"web-80": {"url": "https://u", "status": "ONLINE"}, "api": {"status": "OFFLINE"}}}}
    }).to_string())
    .unwrap();
    let ops = ops_from_info(&info);
    assert_eq!(ops.len(), 3);
    assert_eq!(
        (ops[0].tone, ops[0].exit_text.as_str()),
        (Tone::Done, "Exit code 0")
    );
    assert_eq!(ops[1].tone, Tone::Running);
    assert_eq!(
        ops[1].notes,
        vec!["restarted 2 times", "health check failing (3 in a row)"]
    );
    assert_eq!(ops[2].tone, Tone::Failed, "finished with a non-zero code");
    assert_eq!(ops[2].notes, vec!["exit: boom"]);
    let eps = endpoints(&info, JOB);
    assert_eq!(
        eps.iter()
            .map(|(e, h)| (e.id.as_str(), *h))
            .collect::<Vec<_>>(),
        vec![("api", Health::Down), ("web-80", Health::Up)]
    );
    assert_eq!(Health::parse("???").label(), "UNKNOWN");
}

#[test]
fn ops_from_an_ended_job() {
    let result = parse_result(&json!({"status": "failed", "opStates": [
        {"operationId": "web", "status": "success", "exitCode": 0},
        {"operationId": "train", "status": "failed", "exitCode": 137, "errors": [{"event": "", "message": "OOM"}]}
    ]}))
    .unwrap();
    let ops = ops_from_result(&result);
    assert_eq!(
        (ops[0].label.as_str(), ops[0].tone),
        ("Finished", Tone::Done)
    );
    assert_eq!(
        (ops[1].tone, ops[1].exit_text.as_str()),
        (Tone::Failed, "Exit code 137 (killed)")
    );
    assert_eq!(ops[1].notes, vec!["OOM"]);
}

#[test]
fn error_shapes() {
    assert!(error_notes(&json!(null)).is_empty());
    assert!(error_notes(&json!([])).is_empty());
    assert_eq!(error_notes(&json!("x")), vec!["x"]);
    assert_eq!(
        error_notes(&json!([{"message": "m"}, "s", {"event": "e"}])),
        vec!["m", "s", "e"]
    );
    assert_eq!(
        diagnostic_notes(&json!({"OOMKilled": true, "Error": "died"})),
        vec!["killed: out of memory", "error: died"]
    );
}
