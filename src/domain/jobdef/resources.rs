//! `args.resources`: files the node fetches before the container starts
//! (S3 buckets, Hugging Face repos, Ollama models).
//!
//! Like the official validator, an entry's shape is chosen by its keys, in
//! this order: `__spread__`, `bucket`, `buckets`, then `type` HF or Ollama,
//! else a plain S3 entry.

use serde_json::Value;

use super::checker::{kind, Checker, Obj};
use super::{expose, path};

const REMOVE_IF_EMPTY: &str = "__remove-if-empty__";

pub fn resources(c: &mut Checker, v: &Value, at: &str) {
    c.each(v, at, "of resources", |c, item, at| match item {
        Value::String(s) if s == REMOVE_IF_EMPTY => {}
        Value::Object(map) => resource(c, item, map, at),
        other => c.fail(
            at,
            format!(
                "must be a resource object (S3, HF or Ollama), not {}",
                kind(other)
            ),
        ),
    });
}

fn resource(c: &mut Checker, v: &Value, map: &Obj, at: &str) {
    if map.contains_key("__spread__") {
        expose::spread_marker(c, v, at);
    } else if map.contains_key("bucket") {
        s3(c, v, at, &["bucket"], &[]);
    } else if map.contains_key("buckets") {
        s3(c, v, at, &["buckets"], &[]);
    } else if map.get("type").and_then(Value::as_str) == Some("HF") {
        hugging_face(c, v, at);
    } else if map.get("type").and_then(Value::as_str) == Some("Ollama") {
        ollama(c, v, at);
    } else {
        s3(c, v, at, &[], &["files"]);
    }
}

fn with_type(c: &mut Checker, map: &Obj, at: &str, expected: &str) {
    if let Some(t) = c.required(map, at, "type") {
        if t.as_str() != Some(expected) {
            let msg = if map.contains_key("bucket") || map.contains_key("buckets") {
                format!("must be \"{expected}\" (bucket and buckets are for S3)")
            } else {
                "must be \"S3\", \"HF\" or \"Ollama\"".to_string()
            };
            c.fail(&path::key(at, "type"), msg);
        }
    }
}

/// The three S3 shapes differ only in `bucket`, `buckets` or `files`.
fn s3(c: &mut Checker, v: &Value, at: &str, required: &[&str], optional: &[&str]) {
    let mut keys = vec!["type", "target", "url", "allowWrite", "IAM"];
    keys.extend_from_slice(required);
    keys.extend_from_slice(optional);
    let Some(r) = c.closed(v, at, &keys) else {
        return;
    };
    with_type(c, r, at, "S3");
    c.mandatory(r, at, "target", Checker::string);
    c.optional(r, at, "url", Checker::string);
    c.optional(r, at, "allowWrite", Checker::boolean);
    c.optional(r, at, "files", Checker::string_array);
    c.optional(r, at, "bucket", Checker::string);
    c.optional(r, at, "buckets", buckets);
    c.optional(r, at, "IAM", iam);
}

fn buckets(c: &mut Checker, v: &Value, at: &str) {
    c.each(v, at, "of {url, files}", |c, item, at| {
        if let Some(b) = c.closed(item, at, &["url", "files"]) {
            c.mandatory(b, at, "url", Checker::string);
            c.optional(b, at, "files", Checker::string_array);
        }
    });
}

fn iam(c: &mut Checker, v: &Value, at: &str) {
    let keys = ["REGION", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY"];
    if let Some(m) = c.closed(v, at, &keys) {
        for key in keys {
            c.mandatory(m, at, key, Checker::string);
        }
    }
}

fn hugging_face(c: &mut Checker, v: &Value, at: &str) {
    let keys = ["type", "target", "repo", "revision", "files", "accessToken"];
    let Some(r) = c.closed(v, at, &keys) else {
        return;
    };
    for key in ["target", "repo"] {
        c.mandatory(r, at, key, Checker::string);
    }
    c.optional(r, at, "revision", Checker::string);
    c.optional(r, at, "files", Checker::string_array);
    c.optional(r, at, "accessToken", Checker::string);
}

fn ollama(c: &mut Checker, v: &Value, at: &str) {
    let Some(r) = c.closed(v, at, &["type", "model", "target"]) else {
        return;
    };
    c.mandatory(r, at, "model", Checker::string);
    c.optional(r, at, "target", Checker::string);
}
