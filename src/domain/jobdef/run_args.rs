//! An operation's `args`: container/run and container/create-volume.
//!
//! The official validator does not tie `args` to the op's `type`: it reads
//! args with an `image` as container/run args, args with a `name` as
//! create-volume args, and refuses anything else. We judge the same way, so
//! our verdict matches the server's; `advice` points out the mismatch.

use serde_json::Value;

use super::checker::{Checker, Rule};
use super::{expose, path, resources};

pub const RUN_KEYS: &[&str] = &[
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
/// What each key of container/run args must hold, in the order problems are reported.
const RUN_RULES: &[(&str, Rule)] = &[
    ("image", Checker::string),
    ("aliases", Checker::string_or_strings),
    ("cmd", Checker::string_or_strings),
    ("entrypoint", Checker::string_or_strings),
    ("volumes", volumes),
    ("expose", expose::expose),
    ("gpu", Checker::boolean),
    ("private", Checker::boolean),
    ("work_dir", Checker::string),
    ("env", Checker::string_map),
    ("restart_policy", restart_policy),
    ("resources", resources::resources),
    ("authentication", authentication),
];
const RESTART_POLICIES: &[&str] = &["no", "always", "unless-stopped", "on-failure"];

pub fn args(c: &mut Checker, v: &Value, at: &str, op_type: Option<&str>) {
    let Some(map) = c.object(v, at) else {
        return;
    };
    if map.contains_key("image") {
        container_run(c, v, at);
    } else if map.contains_key("name") {
        create_volume(c, v, at);
    } else if op_type == Some("container/create-volume") {
        c.fail(&path::key(at, "name"), "required (the volume's name)");
    } else {
        c.fail(
            &path::key(at, "image"),
            "required (the container image to run)",
        );
    }
}

fn create_volume(c: &mut Checker, v: &Value, at: &str) {
    if let Some(map) = c.closed(v, at, &["name"]) {
        c.optional(map, at, "name", Checker::string);
    }
}

fn container_run(c: &mut Checker, v: &Value, at: &str) {
    let Some(a) = c.closed(v, at, RUN_KEYS) else {
        return;
    };
    c.optionals(a, at, RUN_RULES);
}

fn volumes(c: &mut Checker, v: &Value, at: &str) {
    c.each(v, at, "of {name, dest}", |c, item, at| {
        if let Some(vol) = c.closed(item, at, &["name", "dest"]) {
            for key in ["name", "dest"] {
                c.mandatory(vol, at, key, Checker::string);
            }
        }
    });
}

fn restart_policy(c: &mut Checker, v: &Value, at: &str) {
    if v.is_string() {
        c.one_of(v, at, RESTART_POLICIES);
        return;
    }
    if !v.is_object() {
        c.fail(
            at,
            "must be \"no\", \"always\", \"unless-stopped\", \"on-failure\" or {policy: \"on-failure\", restart_tries}",
        );
        return;
    }
    let Some(p) = c.closed(v, at, &["policy", "restart_tries"]) else {
        return;
    };
    if let Some(policy) = c.required(p, at, "policy") {
        c.one_of(policy, &path::key(at, "policy"), &["on-failure"]);
    }
    c.optional(p, at, "restart_tries", Checker::number);
}

fn authentication(c: &mut Checker, v: &Value, at: &str) {
    let Some(auth) = c.closed(v, at, &["docker"]) else {
        return;
    };
    let Some(docker) = auth.get("docker") else {
        return;
    };
    let here = path::key(at, "docker");
    let keys = ["username", "password", "email", "server"];
    if let Some(d) = c.closed(docker, &here, &keys) {
        for key in keys {
            c.optional(d, &here, key, Checker::string);
        }
    }
}
