//! The typed readings of frames and results (`parse_frame`, `result_parts`) give exactly
//! what the lenient `Value` readings give, for usual and hostile input alike.

use serde_json::{json, Value};

use super::flog::*;
use super::result::*;

fn frame(data: &Value) -> String {
    json!({"path": "flog", "data": data.to_string()}).to_string()
}

fn same_frame(text: &str) {
    assert_eq!(parse_frame(text), parse_frame_lenient(text), "{text}");
}

#[test]
fn frames_read_typed_match_the_lenient_reading() {
    let big = "x".repeat(1 << 20);
    let datas = [
        json!({"opId": "web", "group": "web", "type": "container", "timestamp": 17, "message": "ok\n"}),
        // Broken ANSI, quotes, escapes, control characters, non-ASCII.
        json!({"opId": "web", "type": "container", "timestamp": 18,
            "message": "\u{1b}[31mred \u{1b}[38;5;\u{1b}[ \"quoted\" \\ back\tslash \u{0}\u{7} ü 日本 😀\n"}),
        json!({"opId": "web", "type": "container", "timestamp": 19, "message": big}),
        json!({"opId": "web", "type": "container", "timestamp": 20, "message": "<script>alert(1)</script>"}),
        // Defaults: no op, no type, no timestamp, a null message.
        json!({"message": null}),
        json!({}),
        // Odd types the typed fields do not fit: the lenient reading decides.
        json!({"opId": 5, "type": "info", "timestamp": 1, "message": "x"}),
        json!({"opId": "web", "type": 3, "timestamp": 1.5, "message": "x"}),
        json!({"opId": "web", "timestamp": 1e3, "message": "x"}),
        json!({"opId": "web", "timestamp": u64::MAX, "message": "x"}),
        json!({"opId": "web", "timestamp": "12", "message": "x"}),
        json!({"opId": "web", "timestamp": 2, "message": 12}),
        json!({"opId": "web", "timestamp": 2, "message": [1, "a"]}),
        json!({"opId": "web", "timestamp": 2, "message": {"type": "process-bar-update", "payload": {"current": 3}}}),
        json!({"opId": "web", "timestamp": 2, "message": {"type": "new-kind", "payload": {"b": 1, "a": 2}}}),
        json!({"opId": "web", "type": "something-new", "timestamp": 2, "message": "x"}),
        json!([1, 2, 3]),
        json!("just text"),
        json!(null),
        json!(42),
    ];
    for data in &datas {
        same_frame(&frame(data));
        // Leniently, `data` as the object itself.
        same_frame(&json!({"path": "flog", "data": data}).to_string());
    }
    let log = parse_frame(&frame(&datas[2])).unwrap();
    assert_eq!(log.message, TaskMessage::Text("x".repeat(1 << 20)));
    for text in [
        "not json",
        "",
        "[]",
        r#"{"path":"flog"}"#,
        r#"{"path":"/flog","data":"{\"opId\":\"a\",\"timestamp\":4,\"message\":\"m\"}"}"#,
        r#"{"data":"{\"opId\":\"a\",\"timestamp\":4,\"message\":\"m\"}"}"#,
        r#"{"path":"other","data":"{}"}"#,
        r#"{"path":5,"data":"{}"}"#,
        r#"{"path":"flog","data":"{broken"}"#,
        r#"{"path":"flog","data":"  {\"opId\":\"a\",\"timestamp\":4}"}"#,
        r#"{"path":"flog","data":"[\"a\",null,\"container\",4,\"m\"]"}"#,
        // Duplicate keys: the lenient reading keeps the last.
        r#"{"path":"flog","data":"{\"opId\":\"a\",\"opId\":\"b\",\"timestamp\":4}"}"#,
        r#"{"path":"flog","path":"other","data":"{}"}"#,
    ] {
        same_frame(text);
    }
}

fn same_result(result: &Value) {
    same_result_text(&result.to_string());
}

fn same_result_text(text: &str) {
    let typed = result_parts(text).map(ResultParts::read_all);
    let value: Value = serde_json::from_str(text).unwrap();
    assert_eq!(typed, parse_result(&value), "{text}");
}

fn line(kind: Value, log: Value, ts: Value) -> Value {
    json!({"type": kind, "log": log, "timestamp": ts})
}

#[test]
fn results_read_typed_match_the_lenient_reading() {
    let ts = json!("2025-01-31T12:00:00.123456789Z");
    let lines: Vec<Value> = vec![
        line(json!("stdout"), json!("hello\n"), ts.clone()),
        line(
            json!("stderr"),
            json!("\u{1b}[1;31mfail\u{1b}[0"),
            json!("2025-01-31T12:00:01.5+01:00"),
        ),
        line(
            json!("nodeerr"),
            json!("</div><img src=x onerror=alert(1)>"),
            json!(null),
        ),
        line(json!("stdin"), json!(null), json!("not a time")),
        line(json!(null), json!("no type"), ts.clone()),
        line(json!("weird"), json!("unknown stream"), ts.clone()),
        line(json!("stdout"), json!("x".repeat(1 << 20)), ts.clone()),
        // Shapes only the lenient reading takes.
        line(json!("stdout"), json!(12), ts.clone()),
        line(json!("stdout"), json!({"a": [1]}), ts.clone()),
        line(json!(5), json!("numeric type"), ts.clone()),
        line(
            json!("stdout"),
            json!("numeric time"),
            json!(1738324800123_i64),
        ),
        json!({"log": "only a log"}),
        json!({}),
        json!(7),
        json!("a bare string"),
        json!([1, 2]),
        json!(null),
    ];
    let op = |logs: Value| {
        json!({"operationId": "web", "group": "g", "status": "success", "exitCode": 0,
            "startTime": 1, "endTime": 2, "logs": logs,
            "errors": [{"event": "oom", "message": "killed"}, {"event": 3, "message": {"x": 1}}]})
    };
    same_result(&json!({"status": "success", "errors": [], "opStates": [op(json!(lines))]}));
    same_result(&json!({"status": "failed", "opStates": [
        op(json!(lines)),
        {"operationId": null, "status": null, "logs": null},
        {"operationId": "bad-exit", "exitCode": 1.5, "logs": lines},
        {"operationId": "bad-logs", "logs": "not a list"},
        {"operationId": "dup", "logs": [], "logs": lines},
        {"operationId": "no-logs"},
        7,
        null,
        [1]
    ]}));
    for result in [
        json!(null),
        json!("text"),
        json!([]),
        json!({}),
        json!({"opStates": null}),
        json!({"opStates": "no"}),
        json!({"status": 5, "opStates": []}),
        json!({"status": "a", "errors": {"x": 1}, "opStates": [], "status": "b"}),
    ] {
        same_result(&result);
    }
    // Duplicate keys (the lenient reading keeps the last).
    for text in [
        r#"{"status":"a","status":"b","opStates":[]}"#,
        r#"{"opStates":[],"opStates":[{"operationId":"x","logs":[{"log":"1"}]}]}"#,
        r#"{"opStates":[{"operationId":"x","logs":[],"logs":[{"log":"1"}]}]}"#,
        r#"{"opStates":[{"operationId":"x","logs":[{"log":"1","log":"2","type":"stderr"}]}]}"#,
        r#"{"opStates":[{"operationId":"x","logs":[ {"log":"spaced"} ]}]}"#,
    ] {
        same_result_text(text);
    }
    // The typed reading did read the lines itself (not only through the fallback).
    let text = json!({"opStates": [op(json!(lines[..7]))]}).to_string();
    let parts = result_parts(&text).unwrap();
    assert_eq!(parts.ops[0].lines.len(), 7);
    let mut first = Vec::new();
    read_lines(&parts.ops[0].lines[..2], &mut first);
    assert_eq!(first[0].log, "hello\n");
    assert_eq!(first[1].stream, ResultStream::Stderr);
}

#[test]
fn a_result_read_in_slices_equals_one_read() {
    let lines: Vec<Value> = (0..1000)
        .map(|i| json!({"type": if i % 3 == 0 { "stderr" } else { "stdout" }, "log": format!("line {i}\n"),
            "timestamp": format!("2025-01-31T12:00:{:02}.{:09}Z", i / 100, i)}))
        .collect();
    let text = json!({"opStates": [{"operationId": "a", "logs": lines}]}).to_string();
    let whole = result_parts(&text).unwrap().read_all();
    let parts = result_parts(&text).unwrap();
    for size in [1, 7, 333, 5000] {
        let mut logs = Vec::new();
        for slice in parts.ops[0].lines.chunks(size) {
            read_lines(slice, &mut logs);
        }
        assert_eq!(logs, whole.ops[0].logs, "slices of {size}");
    }
    assert_eq!(whole.ops[0].logs.len(), 1000);
}
