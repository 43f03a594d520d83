use serde_json::json;

use super::super::is_placeholder;
use super::*;

fn exposing(expose: Value) -> Value {
    with_args(json!({ "image": "x", "expose": expose }))
}

#[test]
fn expose_takes_numbers_placeholders_objects_and_lists() {
    valid(exposing(json!(8080)));
    valid(exposing(json!("%%ops.tunnel.results.port%%")));
    valid(exposing(json!({ "port": 80, "type": "web" })));
    valid(exposing(
        json!([80, "%%global.port%%", { "port": 443, "type": "api" }]),
    ));
    valid(exposing(
        json!({ "__spread__": "%%ops.a.results.ports%%", "chunked": true }),
    ));
    valid(exposing(json!([])));
}

#[test]
fn expose_refuses_other_shapes() {
    let shapes = "must be a port number, a %%ops.…%% or %%global.…%% placeholder, a {port, type, health_checks} object, or a list of these";
    refused(
        exposing(json!(true)),
        &[&format!("ops[0].args.expose: {shapes}, not true/false")],
    );
    refused(
        exposing(json!("80")),
        &[&format!(
            "ops[0].args.expose: {shapes}; \"80\" is none of them"
        )],
    );
    refused(
        exposing(json!([null])),
        &[&format!("ops[0].args.expose[0]: {shapes}, not null")],
    );
    refused(
        exposing(json!([[80]])),
        &[&format!("ops[0].args.expose[0]: {shapes}, not a list")],
    );
}

#[test]
fn exposed_port_objects() {
    refused(
        exposing(json!({ "type": "web" })),
        &["ops[0].args.expose.port: required"],
    );
    refused(
        exposing(json!({ "port": "80", "type": "http", "path": "/" })),
        &[
            "ops[0].args.expose.path: unknown property (allowed here: port, type, health_checks)",
            "ops[0].args.expose.port: must be a number, not a string",
            "ops[0].args.expose.type: must be one of \"web\", \"api\", \"websocket\", \"webapi\", \"none\"",
        ],
    );
}

#[test]
fn ports_are_unique() {
    valid(exposing(json!([80, 81, "%%ops.a.b%%", "%%ops.a.b%%"])));
    refused(
        exposing(json!([80, { "port": 80 }])),
        &["ops[0].args.expose[1]: port 80 is exposed more than once"],
    );
    refused(
        exposing(json!([8000, 8000.0])),
        &["ops[0].args.expose[1]: port 8000 is exposed more than once"],
    );
}

#[test]
fn spread_markers() {
    refused(
        exposing(json!({ "__spread__": "ops.a", "chunked": "yes", "port": 1 })),
        &[
            "ops[0].args.expose.port: unknown property (allowed here: __spread__, chunked)",
            "ops[0].args.expose.__spread__: must be a placeholder like %%ops.<id>.results.<name>%%",
            "ops[0].args.expose.chunked: must be true or false, not a string",
        ],
    );
}

#[test]
fn placeholders_follow_the_validators_pattern() {
    assert!(is_placeholder("%%ops.web.results.port%%"));
    assert!(is_placeholder("%%global.x%%"));
    assert!(is_placeholder("%%opsXy%%"));
    assert!(is_placeholder("%%ops%y%%"));
    assert!(!is_placeholder("%%ops.%%"));
    assert!(!is_placeholder("%%ops.a%b%%"));
    assert!(!is_placeholder("%%env.a%%"));
    assert!(!is_placeholder("%%ops\na%%"));
    assert!(!is_placeholder("ops.a"));
    assert!(!is_placeholder("%%ops.a%%%"));
}

fn checking(check: Value) -> Value {
    exposing(json!([{ "port": 80, "health_checks": [check] }]))
}

#[test]
fn http_health_checks() {
    valid(checking(json!({
        "type": "http", "path": "/", "method": "GET", "expected_status": 200, "continuous": false
    })));
    valid(checking(json!({
        "type": "http", "path": "/v1", "method": "POST", "expected_status": 201,
        "headers": { "X": "y" }, "body": null, "continuous": true
    })));
    refused(
        checking(json!({ "type": "http", "path": "/", "method": "HEAD", "headers": { "X": 1 }, "timeout": 5 })),
        &[
            "ops[0].args.expose[0].health_checks[0].timeout: unknown property (allowed here: type, path, method, expected_status, headers, body, continuous)",
            "ops[0].args.expose[0].health_checks[0].method: must be one of \"GET\", \"POST\", \"PUT\", \"DELETE\"",
            "ops[0].args.expose[0].health_checks[0].expected_status: required",
            "ops[0].args.expose[0].health_checks[0].headers.X: must be a string, not a number",
            "ops[0].args.expose[0].health_checks[0].continuous: required",
        ],
    );
}

#[test]
fn websocket_health_checks() {
    valid(checking(
        json!({ "type": "websocket", "expected_response": "pong", "continuous": true }),
    ));
    refused(
        checking(json!({ "type": "websocket", "path": "/" })),
        &[
            "ops[0].args.expose[0].health_checks[0].path: unknown property (allowed here: type, expected_response, continuous)",
            "ops[0].args.expose[0].health_checks[0].expected_response: required",
            "ops[0].args.expose[0].health_checks[0].continuous: required",
        ],
    );
}

#[test]
fn health_checks_need_a_known_type() {
    refused(
        checking(json!({ "type": "tcp" })),
        &["ops[0].args.expose[0].health_checks[0].type: must be \"http\" or \"websocket\""],
    );
    refused(
        checking(json!({ "path": "/" })),
        &["ops[0].args.expose[0].health_checks[0].type: required (\"http\" or \"websocket\")"],
    );
    refused(
        exposing(json!({ "port": 80, "health_checks": {} })),
        &["ops[0].args.expose.health_checks: must be a list of health checks, not an object"],
    );
}
