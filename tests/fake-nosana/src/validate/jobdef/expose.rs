//! `args.expose`: a port, a placeholder, a port object (with health checks),
//! a spread marker, or a list of those with no numeric port twice.

use serde_json::{Map, Value};

use crate::validate::schema::*;

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
const PLACEHOLDER_PATTERN: &str = "^%%(ops|global).[^%]+%%$";

pub fn expose(v: &Value, at: &str) -> Check<()> {
    let Value::Array(items) = v else {
        return single(v, at);
    };
    // Numeric ports must differ as numbers (8000 and 8000.0 are one port, as
    // in JavaScript); placeholders and spreads are not counted.
    let mut ports: Vec<f64> = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let x_at = item(at, i);
        if x.is_array() {
            return Err(format!("{x_at} must match a schema in anyOf"));
        }
        single(x, &x_at)?;
        let port = match x {
            Value::Number(n) => n.as_f64(),
            Value::Object(o) if !o.contains_key("__spread__") => {
                o.get("port").and_then(Value::as_f64)
            }
            _ => None,
        };
        if let Some(p) = port {
            if ports.contains(&p) {
                return Err(format!("{at} must NOT have duplicate ports"));
            }
            ports.push(p);
        }
    }
    Ok(())
}

fn single(v: &Value, at: &str) -> Check<()> {
    match v {
        Value::Number(_) => Ok(()),
        Value::String(s) => placeholder(s, at),
        Value::Object(m) if m.contains_key("__spread__") => spread(m, at),
        Value::Object(m) => port_object(m, at),
        _ => Err(format!("{at} must match a schema in anyOf")),
    }
}

fn port_object(m: &Map<String, Value>, at: &str) -> Check<()> {
    required(m, at, &["port"])?;
    no_additional(m, at, &["port", "type", "health_checks"])?;
    number(&m["port"], &child(at, "port"))?;
    if let Some(t) = m.get("type") {
        let t_at = child(at, "type");
        one_of(string(t, &t_at)?, &t_at, SERVICE_TYPES)?;
    }
    if let Some(h) = m.get("health_checks") {
        let h_at = child(at, "health_checks");
        for (i, check) in array(h, &h_at)?.iter().enumerate() {
            health_check(check, &item(&h_at, i))?;
        }
    }
    Ok(())
}

fn health_check(v: &Value, at: &str) -> Check<()> {
    let m = object(v, at)?;
    required(m, at, &["type"])?;
    let type_at = child(at, "type");
    match one_of(
        string(&m["type"], &type_at)?,
        &type_at,
        &["http", "websocket"],
    )? {
        "http" => {
            required(m, at, &["path", "method", "expected_status", "continuous"])?;
            no_additional(m, at, HTTP_CHECK_KEYS)?;
            string(&m["path"], &child(at, "path"))?;
            let method_at = child(at, "method");
            one_of(string(&m["method"], &method_at)?, &method_at, METHODS)?;
            number(&m["expected_status"], &child(at, "expected_status"))?;
            if let Some(h) = m.get("headers") {
                string_map(h, &child(at, "headers"))?;
            }
        }
        _ => {
            required(m, at, &["expected_response", "continuous"])?;
            no_additional(m, at, &["type", "expected_response", "continuous"])?;
            string(&m["expected_response"], &child(at, "expected_response"))?;
        }
    }
    boolean(&m["continuous"], &child(at, "continuous")).map(|_| ())
}

/// `{__spread__: "<placeholder>", chunked?}`: a list filled in at run time
/// (also allowed in `resources`).
pub fn spread(m: &Map<String, Value>, at: &str) -> Check<()> {
    no_additional(m, at, &["__spread__", "chunked"])?;
    let s_at = child(at, "__spread__");
    placeholder(string(&m["__spread__"], &s_at)?, &s_at)?;
    if let Some(c) = m.get("chunked") {
        boolean(c, &child(at, "chunked"))?;
    }
    Ok(())
}

fn placeholder(s: &str, at: &str) -> Check<()> {
    if is_placeholder(s) {
        Ok(())
    } else {
        Err(format!("{at} must match pattern \"{PLACEHOLDER_PATTERN}\""))
    }
}

/// `^%%(ops|global).[^%]+%%$`, where `.` is any character but a line break.
pub fn is_placeholder(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("%%ops")
        .or_else(|| s.strip_prefix("%%global"))
    else {
        return false;
    };
    let mut chars = rest.chars();
    if matches!(
        chars.next(),
        None | Some('\n' | '\r' | '\u{2028}' | '\u{2029}')
    ) {
        return false;
    }
    match chars.as_str().strip_suffix("%%") {
        Some(middle) => !middle.is_empty() && !middle.contains('%'),
        None => false,
    }
}
