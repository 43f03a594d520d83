//! One passing and one failing case per rule, plus the fixture files.

mod api;
mod args;
mod expose;
mod fixtures;
mod resources;
mod top;

use serde_json::{json, Value};

use super::{check, Problem};

/// A definition with one container/run op whose args are `args`.
fn with_args(args: Value) -> Value {
    json!({
        "version": "0.1",
        "type": "container",
        "ops": [{ "type": "container/run", "id": "web", "args": args }]
    })
}

/// A definition whose first op has the extra keys of `op` merged in.
fn with_op(extra: Value) -> Value {
    let mut def = with_args(json!({ "image": "nginx" }));
    let op = def["ops"][0].as_object_mut().unwrap();
    for (k, v) in extra.as_object().unwrap() {
        op.insert(k.clone(), v.clone());
    }
    def
}

/// Problems as the UI shows them.
fn shown(v: &Value) -> Vec<String> {
    check(v).iter().map(Problem::to_string).collect()
}

#[track_caller]
fn valid(v: Value) {
    assert_eq!(shown(&v), Vec::<String>::new(), "{v}");
}

/// A definition's top-level `key`: with `good` the definition passes, with `bad` it is
/// refused with exactly `problems`.
#[track_caller]
fn top_level(key: &str, good: Value, bad: Value, problems: &[&str]) {
    let mut v = with_args(json!({ "image": "nginx" }));
    v[key] = good;
    valid(v.clone());
    v[key] = bad;
    refused(v, problems);
}

/// Asserts the value is refused with exactly these problems.
#[track_caller]
fn refused(v: Value, expected: &[&str]) {
    assert_eq!(shown(&v), expected, "{v}");
}
