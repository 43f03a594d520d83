//! `args.resources`: what a node fetches before the container starts. As in
//! the official validator an entry's shape follows its keys, in this order:
//! `__spread__`, `bucket`, `buckets`, then `type` HF or Ollama, else S3.

use serde_json::{Map, Value};

use super::expose::spread;
use crate::validate::schema::*;

/// A list item that disappears when its placeholder expands to nothing.
const REMOVE_IF_EMPTY: &str = "__remove-if-empty__";
const IAM_KEYS: &[&str] = &["REGION", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY"];

pub fn resources(v: &Value, at: &str) -> Check<()> {
    for (i, x) in array(v, at)?.iter().enumerate() {
        let x_at = item(at, i);
        match x {
            Value::String(s) if s == REMOVE_IF_EMPTY => {}
            Value::Object(m) => resource(m, &x_at)?,
            _ => return Err(format!("{x_at} must be object")),
        }
    }
    Ok(())
}

fn resource(m: &Map<String, Value>, at: &str) -> Check<()> {
    let kind = m.get("type").and_then(Value::as_str);
    if m.contains_key("__spread__") {
        spread(m, at)
    } else if m.contains_key("bucket") {
        s3(m, at, "bucket")
    } else if m.contains_key("buckets") {
        s3(m, at, "buckets")
    } else if kind == Some("HF") {
        hugging_face(m, at)
    } else if kind == Some("Ollama") {
        ollama(m, at)
    } else {
        s3(m, at, "files")
    }
}

/// The three S3 shapes differ in one key: `bucket`, `buckets` or `files`.
fn s3(m: &Map<String, Value>, at: &str, variant: &str) -> Check<()> {
    required(m, at, &["type", "target"])?;
    no_additional(
        m,
        at,
        &["type", "target", "url", "allowWrite", "IAM", variant],
    )?;
    constant(&m["type"], &child(at, "type"), "S3")?;
    string(&m["target"], &child(at, "target"))?;
    if let Some(x) = m.get("url") {
        string(x, &child(at, "url"))?;
    }
    if let Some(x) = m.get("allowWrite") {
        boolean(x, &child(at, "allowWrite"))?;
    }
    if let Some(x) = m.get("files") {
        strings(x, &child(at, "files"))?;
    }
    if let Some(x) = m.get("bucket") {
        string(x, &child(at, "bucket"))?;
    }
    if let Some(x) = m.get("buckets") {
        let b_at = child(at, "buckets");
        for (i, b) in array(x, &b_at)?.iter().enumerate() {
            let one_at = item(&b_at, i);
            let one = object(b, &one_at)?;
            required(one, &one_at, &["url"])?;
            no_additional(one, &one_at, &["url", "files"])?;
            string(&one["url"], &child(&one_at, "url"))?;
            if let Some(f) = one.get("files") {
                strings(f, &child(&one_at, "files"))?;
            }
        }
    }
    if let Some(x) = m.get("IAM") {
        let iam_at = child(at, "IAM");
        let iam = object(x, &iam_at)?;
        required(iam, &iam_at, IAM_KEYS)?;
        no_additional(iam, &iam_at, IAM_KEYS)?;
        for key in IAM_KEYS {
            string(&iam[*key], &child(&iam_at, key))?;
        }
    }
    Ok(())
}

fn hugging_face(m: &Map<String, Value>, at: &str) -> Check<()> {
    let keys = ["type", "target", "repo", "revision", "files", "accessToken"];
    required(m, at, &["target", "repo"])?;
    no_additional(m, at, &keys)?;
    for key in ["target", "repo", "revision", "accessToken"] {
        if let Some(x) = m.get(key) {
            string(x, &child(at, key))?;
        }
    }
    if let Some(x) = m.get("files") {
        strings(x, &child(at, "files"))?;
    }
    Ok(())
}

fn ollama(m: &Map<String, Value>, at: &str) -> Check<()> {
    required(m, at, &["model"])?;
    no_additional(m, at, &["type", "model", "target"])?;
    string(&m["model"], &child(at, "model"))?;
    if let Some(x) = m.get("target") {
        string(x, &child(at, "target"))?;
    }
    Ok(())
}
