//! Warnings: things the server accepts but that are almost certainly mistakes.
//! They never block a save; the checker's verdict stays the server's.

use serde_json::Value;

use super::checker::Checker;
use super::{path, Problem};

pub fn warnings(v: &Value) -> Vec<Problem> {
    let mut c = Checker::default();
    let Some(ops) = v.get("ops").and_then(Value::as_array) else {
        return c.problems;
    };
    if ops.is_empty() {
        c.fail("ops", "no operations: this job would do nothing");
    }
    for (i, op) in ops.iter().enumerate() {
        let at = path::index("ops", i);
        if op.get("id").and_then(Value::as_str) == Some("") {
            c.fail(&path::key(&at, "id"), "is empty: give the operation a name");
        }
        let args_at = path::key(&at, "args");
        let Some(args) = op.get("args") else { continue };
        let op_type = op.get("type").and_then(Value::as_str);
        let has = |k: &str| args.get(k).is_some();
        match op_type {
            Some("container/run") if !has("image") && has("name") => c.fail(
                &args_at,
                "a container/run operation needs an image; these look like container/create-volume args",
            ),
            Some("container/create-volume") if has("image") => c.fail(
                &args_at,
                "a container/create-volume operation takes only a name; these look like container/run args",
            ),
            _ => {}
        }
        if args.get("image").and_then(Value::as_str) == Some("") {
            c.fail(
                &path::key(&args_at, "image"),
                "is empty: name a container image",
            );
        }
        if let Some(expose) = args.get("expose") {
            ports(&mut c, expose, &path::key(&args_at, "expose"));
        }
    }
    c.problems
}

/// Ports outside 1-65535, or with a fraction, pass the validator but cannot work.
fn ports(c: &mut Checker, v: &Value, at: &str) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                ports(c, item, &path::index(at, i));
            }
        }
        Value::Object(o) => {
            if let Some(p) = o.get("port") {
                ports(c, p, &path::key(at, "port"));
            }
        }
        Value::Number(n) => {
            let ok = n.as_u64().is_some_and(|p| (1..=65_535).contains(&p));
            if !ok {
                c.fail(at, format!("{n} is not a usable port (1-65535)"));
            }
        }
        _ => {}
    }
}
