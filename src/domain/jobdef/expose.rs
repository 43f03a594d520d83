//! `args.expose`: ports, placeholders, port objects with health checks, and
//! lists of them with no port exposed twice.

use serde_json::Value;

use super::checker::{kind, Checker};
use super::path;

const SERVICE_TYPES: &[&str] = &["web", "api", "websocket", "webapi", "none"];
const METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE"];
const HTTP_CHECK_KEYS: &[&str] = &[
    "type",
    "path",
    "method",
    "expected_status",
    "headers",
    "body",
    "continuous",
];

const SHAPES: &str = "must be a port number, a %%ops.…%% or %%global.…%% placeholder, a {port, type, health_checks} object, or a list of these";

pub fn expose(c: &mut Checker, v: &Value, at: &str) {
    match v {
        Value::Number(_) => {}
        Value::String(s) => placeholder_string(c, s, at),
        Value::Object(_) => exposed_object(c, v, at),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let here = path::index(at, i);
                match item {
                    Value::Number(_) => {}
                    Value::String(s) => placeholder_string(c, s, &here),
                    Value::Object(_) => exposed_object(c, item, &here),
                    other => c.fail(&here, format!("{SHAPES}, not {}", kind(other))),
                }
            }
            unique_ports(c, items, at);
        }
        other => c.fail(at, format!("{SHAPES}, not {}", kind(other))),
    }
}

/// The validator's uniqueness rule: numeric ports, bare or in port objects,
/// must differ; placeholders and spread markers are not counted.
fn unique_ports(c: &mut Checker, items: &[Value], at: &str) {
    let mut seen: Vec<f64> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let port = match item {
            Value::Number(n) => n.as_f64(),
            Value::Object(o) if o.get("__spread__").is_some_and(truthy) => None,
            Value::Object(o) => o.get("port").and_then(Value::as_f64),
            _ => None,
        };
        let Some(port) = port else { continue };
        if seen.contains(&port) {
            c.fail(
                &path::index(at, i),
                format!("port {port} is exposed more than once"),
            );
        }
        seen.push(port);
    }
}

/// JavaScript truthiness, which the validator's uniqueness rule relies on.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

fn placeholder_string(c: &mut Checker, s: &str, at: &str) {
    if !is_placeholder(s) {
        c.fail(at, format!("{SHAPES}; \"{s}\" is none of them"));
    }
}

/// The validator's pattern `^%%(ops|global).[^%]+%%$`, where `.` is any one
/// character but a line break.
pub fn is_placeholder(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("%%") else {
        return false;
    };
    let Some(rest) = rest
        .strip_prefix("ops")
        .or_else(|| rest.strip_prefix("global"))
    else {
        return false;
    };
    let mut chars = rest.chars();
    match chars.next() {
        None | Some('\n' | '\r' | '\u{2028}' | '\u{2029}') => return false,
        Some(_) => {}
    }
    let Some(middle) = chars.as_str().strip_suffix("%%") else {
        return false;
    };
    !middle.is_empty() && !middle.contains('%')
}

/// An object in `expose` (or in `resources`): a `{__spread__}` marker when it
/// has that key, else a port object.
fn exposed_object(c: &mut Checker, v: &Value, at: &str) {
    let Some(map) = c.object(v, at) else {
        return;
    };
    if map.contains_key("__spread__") {
        spread_marker(c, v, at);
        return;
    }
    let Some(p) = c.closed(v, at, &["port", "type", "health_checks"]) else {
        return;
    };
    c.mandatory(p, at, "port", Checker::number);
    if let Some(t) = p.get("type") {
        c.one_of(t, &path::key(at, "type"), SERVICE_TYPES);
    }
    if let Some(checks) = p.get("health_checks") {
        health_checks(c, checks, &path::key(at, "health_checks"));
    }
}

pub fn spread_marker(c: &mut Checker, v: &Value, at: &str) {
    let Some(m) = c.closed(v, at, &["__spread__", "chunked"]) else {
        return;
    };
    if let Some(s) = c.required(m, at, "__spread__") {
        if !s.as_str().is_some_and(is_placeholder) {
            c.fail(
                &path::key(at, "__spread__"),
                "must be a placeholder like %%ops.<id>.results.<name>%%",
            );
        }
    }
    c.optional(m, at, "chunked", Checker::boolean);
}

fn health_checks(c: &mut Checker, v: &Value, at: &str) {
    c.each(v, at, "of health checks", health_check);
}

fn health_check(c: &mut Checker, v: &Value, at: &str) {
    let Some(map) = c.object(v, at) else {
        return;
    };
    let type_at = path::key(at, "type");
    match map.get("type").and_then(Value::as_str) {
        Some("http") => {
            let Some(h) = c.closed(v, at, HTTP_CHECK_KEYS) else {
                return;
            };
            c.mandatory(h, at, "path", Checker::string);
            if let Some(m) = c.required(h, at, "method") {
                c.one_of(m, &path::key(at, "method"), METHODS);
            }
            c.mandatory(h, at, "expected_status", Checker::number);
            c.optional(h, at, "headers", Checker::string_map);
            c.mandatory(h, at, "continuous", Checker::boolean);
        }
        Some("websocket") => {
            let keys = ["type", "expected_response", "continuous"];
            let Some(w) = c.closed(v, at, &keys) else {
                return;
            };
            c.mandatory(w, at, "expected_response", Checker::string);
            c.mandatory(w, at, "continuous", Checker::boolean);
        }
        _ if !map.contains_key("type") => c.fail(&type_at, "required (\"http\" or \"websocket\")"),
        _ => c.fail(&type_at, "must be \"http\" or \"websocket\""),
    }
}
