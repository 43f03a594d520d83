use serde_json::json;

use super::address::*;
use super::errors::*;
use super::flog::*;
use super::header::*;
use super::info::*;
use super::result::*;
use crate::api::request::Method;

const NODE: &str = "9DcLW6JkuanvWP2CbKsohChFWGCEiTnAGxA4xdAYHVNq";
const JOB: &str = "Hc4UjTV5YCk9mD6TrxNwZAjfiuosxrSNsZKXNi8Bdrgq";

#[test]
fn no_node_means_nothing_to_connect_to() {
    assert_eq!(job_node(None), None);
    assert_eq!(job_node(Some("")), None);
    assert_eq!(job_node(Some("11111111111111111111111111111111")), None);
    assert_eq!(job_node(Some(NODE)), Some(NODE));
    assert_eq!(node_base(MAINNET_API, None, "http://x", None), None);
}

const MAINNET_API: &str = "https://dashboard.k8s.prd.nos.ci/api";

#[test]
fn node_base_follows_the_api_and_config() {
    assert_eq!(
        node_base(MAINNET_API, Some("/nodes/{node}"), "http://app", Some(NODE)).unwrap(),
        format!("https://{NODE}.node.k8s.prd.nos.ci")
    );
    assert_eq!(
        node_base(
            "https://dashboard.k8s.dev.nos.ci/api/",
            None,
            "http://app",
            Some(NODE)
        )
        .unwrap(),
        format!("https://{NODE}.node.k8s.dev.nos.ci")
    );
    assert_eq!(
        node_base(
            "http://127.0.0.1:8080/api",
            Some("/nodes/{node}"),
            "http://127.0.0.1:8080/",
            Some(NODE)
        )
        .unwrap(),
        format!("http://127.0.0.1:8080/nodes/{NODE}")
    );
    assert_eq!(
        node_base(
            "https://my.proxy/api",
            Some("https://{node}.n.example/"),
            "http://app",
            Some(NODE)
        )
        .unwrap(),
        format!("https://{NODE}.n.example")
    );
    // Custom API without config: mainnet's nodes.
    assert_eq!(
        node_base("https://my.proxy/api", None, "http://app", Some(NODE)).unwrap(),
        format!("https://{NODE}.node.k8s.prd.nos.ci")
    );
    assert_eq!(
        node_base("https://my.proxy/api", Some("  "), "http://app", Some(NODE)).unwrap(),
        format!("https://{NODE}.node.k8s.prd.nos.ci")
    );
}

#[test]
fn websocket_and_info_urls() {
    assert_eq!(
        websocket_url("https://a.node.k8s.prd.nos.ci"),
        "wss://a.node.k8s.prd.nos.ci/"
    );
    assert_eq!(
        websocket_url("http://127.0.0.1:8080/nodes/X/"),
        "ws://127.0.0.1:8080/nodes/X/"
    );
    assert_eq!(
        info_url("http://h/nodes/X/", JOB),
        format!("http://h/nodes/X/job/{JOB}/info")
    );
}

#[test]
fn handshake_is_the_contract_json() {
    let v: serde_json::Value =
        serde_json::from_str(&handshake("nosana-auth:SIG", JOB, None)).unwrap();
    assert_eq!(
        v,
        json!({"path": "/flog", "header": "nosana-auth:SIG", "body": {"jobAddress": JOB}})
    );
    let v: serde_json::Value = serde_json::from_str(&handshake("h", JOB, Some("web"))).unwrap();
    assert_eq!(v["body"]["opId"], "web");
}

fn frame(data: serde_json::Value) -> String {
    json!({"path": "flog", "data": data.to_string()}).to_string()
}

#[test]
fn text_frames_parse() {
    let log = parse_frame(&frame(json!({
        "opId": "web", "group": "web", "type": "container",
        "timestamp": 1733230000123_i64, "message": "\u{1b}[32mready\u{1b}[0m\n"
    })))
    .unwrap();
    assert_eq!(log.op_id, "web");
    assert_eq!(log.group.as_deref(), Some("web"));
    assert_eq!(log.kind, TaskLogKind::Container);
    assert_eq!(log.timestamp, 1733230000123);
    assert_eq!(
        log.message,
        TaskMessage::Text("\u{1b}[32mready\u{1b}[0m\n".into())
    );
    let sys = parse_frame(&frame(
        json!({"opId": "system", "type": "info", "timestamp": 5, "message": "Pulling"}),
    ))
    .unwrap();
    assert!(sys.kind.is_system());
    let err = parse_frame(&frame(
        json!({"opId": "system", "type": "error", "timestamp": 6, "message": "x"}),
    ))
    .unwrap();
    assert_eq!(err.kind, TaskLogKind::Error);
}

#[test]
fn progress_frames_parse() {
    let progress = |event, id: Option<&str>, status: Option<&str>, current, total| Progress {
        event,
        id: id.map(str::to_string),
        status: status.map(str::to_string),
        current,
        total,
    };
    let cases = [
        (
            json!({"type": "multi-process-bar-update", "payload": {"event": {
                "id": "3f4e", "status": "Downloading", "progressDetail": {"current": 500, "total": 1000}
            }}}),
            progress(
                ProgressEvent::MultiUpdate,
                Some("3f4e"),
                Some("Downloading"),
                Some(500),
                Some(1000),
            ),
        ),
        (
            json!({"type": "process-bar-start", "payload": {"total": 42}}),
            progress(ProgressEvent::Start, None, None, None, Some(42)),
        ),
        (
            json!({"type": "process-bar-update", "payload": {"current": 21}}),
            progress(ProgressEvent::Update, None, None, Some(21), None),
        ),
    ];
    for (message, want) in cases {
        let log = parse_frame(&frame(
            json!({"opId": "web", "type": "info", "timestamp": 7, "message": message}),
        ))
        .unwrap();
        assert_eq!(log.message, TaskMessage::Progress(want), "{message}");
    }
}

#[test]
fn unknown_objects_are_kept_as_text() {
    let log = parse_frame(&frame(
        json!({"opId": "web", "type": "info", "timestamp": 1,
        "message": {"type": "something-new", "payload": {"a": 1}}}),
    ))
    .unwrap();
    let TaskMessage::Unknown(text) = log.message else {
        panic!()
    };
    assert!(text.contains("something-new"));
    let log = parse_frame(&frame(
        json!({"opId": "web", "type": "info", "timestamp": 1, "message": 12}),
    ))
    .unwrap();
    assert_eq!(log.message, TaskMessage::Unknown("12".into()));
}

#[test]
fn bad_frames_are_errors_not_panics() {
    assert_eq!(parse_frame("not json"), Err(FrameError::NotJson));
    assert_eq!(
        parse_frame(r#"{"path":"flog","data":"{broken"}"#),
        Err(FrameError::BadData)
    );
    assert_eq!(
        parse_frame(r#"{"path":"flog","data":5}"#),
        Err(FrameError::BadData)
    );
    assert_eq!(
        parse_frame(r#"{"path":"other","data":"{}"}"#),
        Err(FrameError::OtherPath("other".into()))
    );
    // Lenient: data as an object.
    let log = parse_frame(
        r#"{"path":"flog","data":{"opId":"a","type":"container","timestamp":3,"message":"x"}}"#,
    )
    .unwrap();
    assert_eq!(log.timestamp, 3);
}

#[test]
fn sign_message_request_and_header() {
    let req = sign_message();
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.path, "/auth/sign-message/external");
    assert_eq!(
        req.body,
        Some(json!({"message": "nosana-auth", "includeTime": false}))
    );
    let signed = req
        .decode(
            200,
            r#"{"signature":"5Kx9","message":"nosana-auth","userAddress":"Owner1"}"#,
        )
        .unwrap();
    assert_eq!(signed.header(), "nosana-auth:5Kx9");
    assert!(
        !format!("{signed:?}").contains("5Kx9"),
        "Debug must hide the signature"
    );
    assert!(req.decode(401, "Unauthorized").is_err());
}

#[test]
fn fallback_header() {
    let req = header_fallback("Dep1");
    assert_eq!(req.method, Method::Get);
    assert_eq!(
        req.url("http://h/api"),
        "http://h/api/deployments/Dep1/header?message=nosana-auth&includeTime=false"
    );
    assert_eq!(req.body, None);
    let bare = req.decode(200, r#"{"header":"SIG"}"#).unwrap();
    assert_eq!(bare.header(), "nosana-auth:SIG");
    let full = req.decode(200, r#"{"header":"nosana-auth:SIG"}"#).unwrap();
    assert_eq!(full.header(), "nosana-auth:SIG");
    assert!(!format!("{full:?}").contains("SIG"));
}

#[test]
fn info_frames_are_read_leniently() {
    let info = parse_info(&json!({
        "status": "RUNNING", "startTime": 1733230000000_i64, "endTime": null, "errors": [],
        "opStates": [
            {"operationId": "web", "group": "web", "status": "running", "startTime": 1, "endTime": null, "exitCode": null},
            {"operationId": "init", "status": "finished", "exitCode": 0},
            "garbage"
        ],
        "operations": {"all": ["web"], "currentGroup": "web", "currentGroupStatus": "running"},
        "secrets": {JOB: {"urls": {"web-80": {"opID": "web", "port": 80, "url": "https://x.node", "status": "ONLINE"}}}}
    }).to_string())
    .unwrap();
    assert_eq!(info.status, "RUNNING");
    assert_eq!(info.op_states.len(), 2);
    assert_eq!(info.op_states[0].exit_code, None);
    assert_eq!(info.op_states[1].exit_code, Some(0));
    assert_eq!(info.op_states[1].status, "finished");
    assert_eq!(
        info.operations.as_ref().unwrap().current_group.as_deref(),
        Some("web")
    );
    assert_eq!(
        info.endpoints(JOB)[0].url.as_deref(),
        Some("https://x.node")
    );
}

#[test]
fn info_endpoints_and_odd_frames() {
    let info = parse_info(&json!({
        "status": null, "opStates": null,
        "secrets": {JOB: {"urls": {"b": {"opID": "web", "url": "https://b", "status": "OFFLINE"}, "a": {"url": "https://a"}}}}
    }).to_string())
    .unwrap();
    assert_eq!(info.status, "");
    assert!(info.op_states.is_empty());
    let eps = info.endpoints(JOB);
    assert_eq!(eps.len(), 2);
    assert_eq!(
        (eps[0].id.as_str(), eps[0].status.as_str()),
        ("a", "UNKNOWN")
    );
    assert_eq!(
        (eps[1].op_id.as_deref(), eps[1].status.as_str()),
        (Some("web"), "OFFLINE")
    );
    assert!(info.endpoints("other").is_empty());
    assert_eq!(parse_info("keep-alive"), None);
    assert_eq!(parse_info("[1,2]"), None);
}

#[test]
fn result_logs_with_nanosecond_timestamps() {
    let result = parse_result(&json!({
        "status": "success",
        "opStates": [{
            "operationId": "web", "group": "web", "status": "success", "exitCode": 0,
            "startTime": 1, "endTime": 2,
            "logs": [
                {"type": "stdout", "log": "hello\n", "timestamp": "2025-01-31T12:00:00.123456789Z"},
                {"type": "stderr", "log": "warn", "timestamp": "2025-01-31T12:00:01.5+01:00"},
                {"type": "nodeerr", "log": "node says"},
                {"type": "stdout", "log": null, "timestamp": "not a time"},
                7
            ],
            "errors": [{"event": "oom", "message": "killed"}]
        }, {"operationId": "second", "exitCode": 137, "logs": null}]
    }))
    .unwrap();
    assert_eq!(result.status, "success");
    assert_eq!(result.ops.len(), 2);
    let web = &result.ops[0];
    assert_eq!(web.exit_code, Some(0));
    assert_eq!(web.logs.len(), 4);
    assert_eq!(web.logs[0].stream, ResultStream::Stdout);
    assert_eq!(web.logs[0].timestamp, Some(1738324800123));
    assert_eq!(web.logs[1].stream, ResultStream::Stderr);
    assert_eq!(web.logs[1].timestamp, Some(1738324801500 - 3_600_000));
    assert_eq!(web.logs[2].stream, ResultStream::NodeErr);
    assert_eq!(web.logs[2].timestamp, None);
    assert_eq!(web.logs[3].log, "");
    assert_eq!(web.logs[3].timestamp, None);
    assert_eq!(
        web.errors,
        vec![ResultError {
            event: "oom".into(),
            message: "killed".into()
        }]
    );
    assert_eq!(result.ops[1].exit_code, Some(137));
    assert!(result.ops[1].logs.is_empty());
    assert_eq!(parse_result(&serde_json::Value::Null), None);
}

#[test]
fn close_codes_in_plain_words() {
    assert_eq!(close_reason(1008).1, CloseAdvice::Stop);
    assert!(close_reason(1008).0.contains("not running the job"));
    assert_eq!(close_reason(3000).1, CloseAdvice::RefreshHeader);
    assert_eq!(close_reason(1007).1, CloseAdvice::Stop);
    assert!(close_reason(1007).0.contains("does not know this job"));
    assert_eq!(close_reason(1011).1, CloseAdvice::Stop);
    assert_eq!(close_reason(1006).1, CloseAdvice::Reconnect);
    assert!(http_status_message(401).contains("authorization"));
    assert!(http_status_message(404).contains("no such job"));
    assert!(http_status_message(502).contains("502"));
}
