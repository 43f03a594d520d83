//! The top level of a job definition and its operations, as the official
//! validator (`validateJobDefinition` in `@nosana/types` 2.1.6) sees them.

use std::collections::HashMap;

use serde_json::Value;

use super::checker::{kind, Checker, Rule};
use super::{path, run_args};

const TOP_KEYS: &[&str] = &[
    "version",
    "type",
    "meta",
    "ops",
    "global",
    "logistics",
    "deployment_id",
];
const OP_KEYS: &[&str] = &["type", "id", "args", "results", "execution"];
pub const OP_TYPES: &[&str] = &["container/run", "container/create-volume"];
const GLOBAL_KEYS: &[&str] = &["image", "gpu", "entrypoint", "env", "work_dir", "variables"];
/// What each key of `global` must hold.
const GLOBAL_RULES: &[(&str, Rule)] = &[
    ("image", Checker::string),
    ("gpu", Checker::boolean),
    ("entrypoint", Checker::string_or_strings),
    ("env", Checker::string_map),
    ("work_dir", Checker::string),
    ("variables", Checker::string_map),
];
const LOG_TYPES: &[&str] = &["stdin", "stdout", "stderr", "nodeerr"];

pub fn job_definition(c: &mut Checker, v: &Value) {
    if !v.is_object() {
        c.fail(
            "",
            format!("a job definition is a JSON object, not {}", kind(v)),
        );
        return;
    }
    let Some(top) = c.closed(v, "", TOP_KEYS) else {
        return;
    };
    if let Some(version) = c.required(top, "", "version") {
        if version.as_str() != Some("0.1") {
            c.fail("version", "must be \"0.1\"");
        }
    }
    if let Some(t) = c.required(top, "", "type") {
        if t.as_str() != Some("container") {
            c.fail("type", "must be \"container\"");
        }
    }
    c.optional(top, "", "deployment_id", Checker::string);
    c.optional(top, "", "meta", meta);
    c.optional(top, "", "global", global);
    c.optional(top, "", "logistics", logistics);
    if let Some(ops_value) = c.required(top, "", "ops") {
        ops(c, ops_value);
    }
}

fn ops(c: &mut Checker, v: &Value) {
    let Some(list) = c.list(v, "ops", "of operations") else {
        return;
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, op_value) in list.iter().enumerate() {
        let at = path::index("ops", i);
        operation(c, op_value, &at);
        if let Some(id) = op_value.get("id").and_then(Value::as_str) {
            match seen.get(id) {
                Some(first) => c.fail(
                    &path::key(&at, "id"),
                    format!("\"{id}\" is already the id of ops[{first}]; ids must be unique"),
                ),
                None => {
                    seen.insert(id, i);
                }
            }
        }
    }
}

fn operation(c: &mut Checker, v: &Value, at: &str) {
    let Some(op) = c.closed(v, at, OP_KEYS) else {
        return;
    };
    let op_type = c.required(op, at, "type").and_then(Value::as_str);
    if let Some(t) = op.get("type") {
        c.one_of(t, &path::key(at, "type"), OP_TYPES);
    }
    if let Some(id) = c.required(op, at, "id") {
        let id_at = path::key(at, "id");
        match id.as_str() {
            Some(s) if s.contains(' ') => c.fail(&id_at, "must not contain spaces"),
            Some(_) => {}
            None => c.string(id, &id_at),
        }
    }
    if let Some(args) = c.required(op, at, "args") {
        run_args::args(c, args, &path::key(at, "args"), op_type);
    }
    c.optional(op, at, "results", results);
    c.optional(op, at, "execution", execution);
}

/// Free-form labels; only a few shapes of value are allowed.
fn meta(c: &mut Checker, v: &Value, at: &str) {
    c.entries(v, at, |c, key, value, here| match key {
        "trigger" => c.string(value, here),
        "system_resources" => scalar_map(c, value, here),
        _ => match value {
            Value::String(_) | Value::Number(_) => {}
            Value::Array(_) => scalar_list(c, value, here),
            Value::Object(_) => c.entries(value, here, |c, _, item, item_at| match item {
                Value::String(_) | Value::Number(_) => {}
                Value::Array(_) => scalar_list(c, item, item_at),
                other => c.fail(
                    item_at,
                    format!(
                        "must be a string, a number or a list of them, not {}",
                        kind(other)
                    ),
                ),
            }),
            other => c.fail(
                here,
                format!(
                    "must be a string, a number, a list or an object, not {}",
                    kind(other)
                ),
            ),
        },
    });
}

fn scalar_map(c: &mut Checker, v: &Value, at: &str) {
    c.entries(v, at, |c, _, value, here| {
        if !(value.is_string() || value.is_number()) {
            let msg = format!("must be a string or a number, not {}", kind(value));
            c.fail(here, msg);
        }
    });
}

fn scalar_list(c: &mut Checker, v: &Value, at: &str) {
    if let Value::Array(items) = v {
        for (i, item) in items.iter().enumerate() {
            if !(item.is_string() || item.is_number()) {
                let msg = format!("must be a string or a number, not {}", kind(item));
                c.fail(&path::index(at, i), msg);
            }
        }
    }
}

fn global(c: &mut Checker, v: &Value, at: &str) {
    let Some(g) = c.closed(v, at, GLOBAL_KEYS) else {
        return;
    };
    c.optionals(g, at, GLOBAL_RULES);
}

fn logistics(c: &mut Checker, v: &Value, at: &str) {
    let Some(l) = c.closed(v, at, &["send", "receive"]) else {
        return;
    };
    for key in ["send", "receive"] {
        c.mandatory(l, at, key, logistic);
    }
}

fn logistic(c: &mut Checker, v: &Value, at: &str) {
    let Some(l) = c.closed(v, at, &["type", "args"]) else {
        return;
    };
    if let Some(t) = c.required(l, at, "type") {
        c.one_of(t, &path::key(at, "type"), &["api", "api-listen"]);
    }
    if let Some(args) = c.required(l, at, "args") {
        let args_at = path::key(at, "args");
        if let Some(a) = c.closed(args, &args_at, &["endpoint"]) {
            c.optional(a, &args_at, "endpoint", Checker::string);
        }
    }
}

/// Each result is a string or a `{regex, logType}` pair.
fn results(c: &mut Checker, v: &Value, at: &str) {
    c.entries(v, at, |c, _, value, here| {
        if value.is_string() {
            return;
        }
        if !value.is_object() {
            c.fail(
                here,
                format!(
                    "must be a string or {{regex, logType}}, not {}",
                    kind(value)
                ),
            );
            return;
        }
        if let Some(r) = c.closed(value, here, &["regex", "logType"]) {
            c.mandatory(r, here, "regex", Checker::string);
            c.mandatory(r, here, "logType", log_types);
        }
    });
}

fn log_types(c: &mut Checker, v: &Value, at: &str) {
    let Some(items) = c.list(v, at, "like [\"stdout\"]") else {
        return;
    };
    if items.is_empty() || items.len() > 4 {
        c.fail(at, "must list 1 to 4 of stdin, stdout, stderr, nodeerr");
    }
    for (i, item) in items.iter().enumerate() {
        let here = path::index(at, i);
        c.one_of(item, &here, LOG_TYPES);
        if items[..i].contains(item) {
            c.fail(&here, "is listed twice");
        }
    }
}

/// `stop_if_dependent_stops` only means something next to `depends_on`.
fn execution(c: &mut Checker, v: &Value, at: &str) {
    let keys = ["group", "depends_on", "stop_if_dependent_stops"];
    let Some(e) = c.closed(v, at, &keys) else {
        return;
    };
    c.optional(e, at, "group", Checker::string);
    match e.get("depends_on") {
        Some(deps) => c.string_array(deps, &path::key(at, "depends_on")),
        None if e.contains_key("stop_if_dependent_stops") => c.fail(
            &path::key(at, "stop_if_dependent_stops"),
            "only allowed together with depends_on",
        ),
        None => {}
    }
    c.optional(e, at, "stop_if_dependent_stops", Checker::boolean);
}
