//! An op's `args`. Like the official validator, the shape is chosen by the
//! keys rather than the op's type: args with an `image` are container/run
//! args, args with a `name` are create-volume args.

use serde_json::Value;

use super::expose::expose;
use super::resources::resources;
use crate::validate::schema::*;

const RUN_KEYS: &[&str] = &[
    "image",
    "aliases",
    "cmd",
    "volumes",
    "expose",
    "gpu",
    "work_dir",
    "entrypoint",
    "env",
    "restart_policy",
    "private",
    "resources",
    "authentication",
];
const RESTART_POLICIES: &[&str] = &["no", "always", "unless-stopped", "on-failure"];
const DOCKER_KEYS: &[&str] = &["username", "password", "email", "server"];

pub fn args(v: &Value, at: &str, op_type: &str) -> Check<()> {
    let m = object(v, at)?;
    if m.contains_key("image") {
        run_args(v, at)
    } else if m.contains_key("name") {
        no_additional(m, at, &["name"])?;
        string(&m["name"], &child(at, "name")).map(|_| ())
    } else if op_type == "container/create-volume" {
        Err(format!("{at} must have required property 'name'"))
    } else {
        Err(format!("{at} must have required property 'image'"))
    }
}

fn run_args(v: &Value, at: &str) -> Check<()> {
    let m = object(v, at)?;
    no_additional(m, at, RUN_KEYS)?;
    string(&m["image"], &child(at, "image"))?;
    for key in ["aliases", "cmd", "entrypoint"] {
        if let Some(x) = m.get(key) {
            string_or_strings(x, &child(at, key))?;
        }
    }
    if let Some(x) = m.get("volumes") {
        volumes(x, &child(at, "volumes"))?;
    }
    if let Some(x) = m.get("expose") {
        expose(x, &child(at, "expose"))?;
    }
    for key in ["gpu", "private"] {
        if let Some(x) = m.get(key) {
            boolean(x, &child(at, key))?;
        }
    }
    if let Some(x) = m.get("work_dir") {
        string(x, &child(at, "work_dir"))?;
    }
    if let Some(x) = m.get("env") {
        string_map(x, &child(at, "env"))?;
    }
    if let Some(x) = m.get("restart_policy") {
        restart_policy(x, &child(at, "restart_policy"))?;
    }
    if let Some(x) = m.get("resources") {
        resources(x, &child(at, "resources"))?;
    }
    if let Some(x) = m.get("authentication") {
        authentication(x, &child(at, "authentication"))?;
    }
    Ok(())
}

fn volumes(v: &Value, at: &str) -> Check<()> {
    for (i, vol) in array(v, at)?.iter().enumerate() {
        let vol_at = item(at, i);
        let m = object(vol, &vol_at)?;
        required(m, &vol_at, &["name", "dest"])?;
        no_additional(m, &vol_at, &["name", "dest"])?;
        string(&m["name"], &child(&vol_at, "name"))?;
        string(&m["dest"], &child(&vol_at, "dest"))?;
    }
    Ok(())
}

/// A policy name, or `{policy: "on-failure", restart_tries?}`.
fn restart_policy(v: &Value, at: &str) -> Check<()> {
    match v {
        Value::String(s) => one_of(s, at, RESTART_POLICIES).map(|_| ()),
        Value::Object(m) => {
            required(m, at, &["policy"])?;
            no_additional(m, at, &["policy", "restart_tries"])?;
            constant(&m["policy"], &child(at, "policy"), "on-failure")?;
            if let Some(n) = m.get("restart_tries") {
                number(n, &child(at, "restart_tries"))?;
            }
            Ok(())
        }
        _ => Err(format!("{at} must match a schema in anyOf")),
    }
}

fn authentication(v: &Value, at: &str) -> Check<()> {
    let m = object(v, at)?;
    no_additional(m, at, &["docker"])?;
    if let Some(docker) = m.get("docker") {
        let docker_at = child(at, "docker");
        let d = object(docker, &docker_at)?;
        no_additional(d, &docker_at, DOCKER_KEYS)?;
        for (k, x) in d {
            string(x, &child(&docker_at, k))?;
        }
    }
    Ok(())
}
