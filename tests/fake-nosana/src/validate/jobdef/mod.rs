//! Job definition (version 0.1) validation: the contract's "Job definition"
//! rules, refined to the shapes of the official validator (`@nosana/types`)
//! as recorded in the shared fixtures `tests/fixtures/jobdefs`. The first
//! broken rule is reported, worded like the service's schema errors:
//! `body/ops/0/args must have required property 'image'`.
//!
//! A present `null` is a wrong value, never "absent". Every level is closed
//! (unknown keys refused) except `meta` and `results`, whose keys are free.
//! Like the official validator (and unlike the contract's prose), `ops` may be
//! empty and an op id may be empty: the id only must not contain a space.
//! `tests.rs` checks every shared fixture against the verdict in its name; the
//! test suite checks those names against the official validator itself.

mod args;
mod expose;
mod resources;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use serde_json::Value;

use super::schema::*;

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
const OP_TYPES: &[&str] = &["container/run", "container/create-volume"];
const GLOBAL_KEYS: &[&str] = &["image", "gpu", "entrypoint", "env", "work_dir", "variables"];
const LOG_TYPES: &[&str] = &["stdin", "stdout", "stderr", "nodeerr"];

/// Validates `def` found at `at` (`body` for create-revision,
/// `body/job_definition` inside a create body).
pub fn validate(def: &Value, at: &str) -> Check<()> {
    let m = object(def, at)?;
    required(m, at, &["version", "type", "ops"])?;
    no_additional(m, at, TOP_KEYS)?;
    constant(&m["version"], &child(at, "version"), "0.1")?;
    constant(&m["type"], &child(at, "type"), "container")?;
    if let Some(v) = m.get("deployment_id") {
        string(v, &child(at, "deployment_id"))?;
    }
    if let Some(v) = m.get("meta") {
        meta(v, &child(at, "meta"))?;
    }
    if let Some(v) = m.get("global") {
        global(v, &child(at, "global"))?;
    }
    if let Some(v) = m.get("logistics") {
        logistics(v, &child(at, "logistics"))?;
    }
    let ops_at = child(at, "ops");
    let ops = array(&m["ops"], &ops_at)?;
    let mut ids = HashSet::new();
    for (i, op) in ops.iter().enumerate() {
        let op_at = item(&ops_at, i);
        let id = operation(op, &op_at)?;
        if !ids.insert(id) {
            return Err(format!("{op_at}/id must be unique"));
        }
    }
    Ok(())
}

/// Returns the op's id for the uniqueness check.
fn operation<'a>(op: &'a Value, at: &str) -> Check<&'a str> {
    let m = object(op, at)?;
    required(m, at, &["type", "id", "args"])?;
    no_additional(m, at, OP_KEYS)?;
    let type_at = child(at, "type");
    let kind = one_of(string(&m["type"], &type_at)?, &type_at, OP_TYPES)?;
    let id_at = child(at, "id");
    // Only the space character is refused: "" and "a\tb" are accepted ids.
    let id = string(&m["id"], &id_at)?;
    if id.contains(' ') {
        return Err(format!("{id_at} must match pattern \"^[^ ]*$\""));
    }
    args::args(&m["args"], &child(at, "args"), kind)?;
    if let Some(v) = m.get("results") {
        results(v, &child(at, "results"))?;
    }
    if let Some(v) = m.get("execution") {
        execution(v, &child(at, "execution"))?;
    }
    Ok(id)
}

/// Free-form labels, but only strings, numbers, and lists or maps of them.
fn meta(v: &Value, at: &str) -> Check<()> {
    for (key, value) in object(v, at)? {
        let here = child(at, key);
        match key.as_str() {
            "trigger" => {
                string(value, &here)?;
            }
            "system_resources" => {
                for (k, x) in object(value, &here)? {
                    scalar(x, &child(&here, k))?;
                }
            }
            _ => match value {
                Value::String(_) | Value::Number(_) => {}
                Value::Array(items) => scalars(items, &here)?,
                Value::Object(inner) => {
                    for (k, x) in inner {
                        let x_at = child(&here, k);
                        match x {
                            Value::String(_) | Value::Number(_) => {}
                            Value::Array(items) => scalars(items, &x_at)?,
                            _ => return Err(format!("{x_at} must be string,number,array")),
                        }
                    }
                }
                _ => return Err(format!("{here} must be string,number,array,object")),
            },
        }
    }
    Ok(())
}

fn scalar(v: &Value, at: &str) -> Check<()> {
    if v.is_string() || v.is_number() {
        Ok(())
    } else {
        Err(format!("{at} must be string,number"))
    }
}

fn scalars(items: &[Value], at: &str) -> Check<()> {
    for (i, x) in items.iter().enumerate() {
        scalar(x, &item(at, i))?;
    }
    Ok(())
}

fn global(v: &Value, at: &str) -> Check<()> {
    let m = object(v, at)?;
    no_additional(m, at, GLOBAL_KEYS)?;
    if let Some(x) = m.get("image") {
        string(x, &child(at, "image"))?;
    }
    if let Some(x) = m.get("gpu") {
        boolean(x, &child(at, "gpu"))?;
    }
    if let Some(x) = m.get("entrypoint") {
        string_or_strings(x, &child(at, "entrypoint"))?;
    }
    for key in ["env", "variables"] {
        if let Some(x) = m.get(key) {
            string_map(x, &child(at, key))?;
        }
    }
    if let Some(x) = m.get("work_dir") {
        string(x, &child(at, "work_dir"))?;
    }
    Ok(())
}

/// `{send, receive}`, each `{type: api | api-listen, args: {endpoint?}}`.
fn logistics(v: &Value, at: &str) -> Check<()> {
    let m = object(v, at)?;
    required(m, at, &["send", "receive"])?;
    no_additional(m, at, &["send", "receive"])?;
    for key in ["send", "receive"] {
        let side_at = child(at, key);
        let side = object(&m[key], &side_at)?;
        required(side, &side_at, &["type", "args"])?;
        no_additional(side, &side_at, &["type", "args"])?;
        let type_at = child(&side_at, "type");
        one_of(
            string(&side["type"], &type_at)?,
            &type_at,
            &["api", "api-listen"],
        )?;
        let args_at = child(&side_at, "args");
        let args = object(&side["args"], &args_at)?;
        no_additional(args, &args_at, &["endpoint"])?;
        if let Some(e) = args.get("endpoint") {
            string(e, &child(&args_at, "endpoint"))?;
        }
    }
    Ok(())
}

/// Each result is a string, or `{regex, logType}` with 1-4 distinct log types.
fn results(v: &Value, at: &str) -> Check<()> {
    for (key, value) in object(v, at)? {
        let here = child(at, key);
        if value.is_string() {
            continue;
        }
        let r = object(value, &here)?;
        required(r, &here, &["regex", "logType"])?;
        no_additional(r, &here, &["regex", "logType"])?;
        string(&r["regex"], &child(&here, "regex"))?;
        let types_at = child(&here, "logType");
        let types = array(&r["logType"], &types_at)?;
        min_items(types, &types_at, 1)?;
        if types.len() > LOG_TYPES.len() {
            return Err(format!("{types_at} must NOT have more than 4 items"));
        }
        for (i, t) in types.iter().enumerate() {
            let t_at = item(&types_at, i);
            one_of(string(t, &t_at)?, &t_at, LOG_TYPES)?;
            if types[..i].contains(t) {
                return Err(format!("{types_at} must NOT have duplicate items"));
            }
        }
    }
    Ok(())
}

/// `stop_if_dependent_stops` only goes with `depends_on`.
fn execution(v: &Value, at: &str) -> Check<()> {
    let keys = ["group", "depends_on", "stop_if_dependent_stops"];
    let m = object(v, at)?;
    no_additional(m, at, &keys)?;
    if m.contains_key("stop_if_dependent_stops") && !m.contains_key("depends_on") {
        return Err(format!(
            "{at} must have property depends_on when property stop_if_dependent_stops is present"
        ));
    }
    if let Some(g) = m.get("group") {
        string(g, &child(at, "group"))?;
    }
    if let Some(d) = m.get("depends_on") {
        strings(d, &child(at, "depends_on"))?;
    }
    if let Some(s) = m.get("stop_if_dependent_stops") {
        boolean(s, &child(at, "stop_if_dependent_stops"))?;
    }
    Ok(())
}
