use super::validate;
use serde_json::{json, Value};

fn nginx() -> Value {
    json!({
        "version": "0.1",
        "type": "container",
        "meta": { "trigger": "dashboard", "system_resources": { "required_vram": 8 } },
        "ops": [{
            "type": "container/run",
            "id": "web",
            "args": {
                "image": "docker.io/nginx:latest",
                "cmd": ["nginx", "-g", "daemon off;"],
                "gpu": true,
                "expose": [{ "port": 80, "health_checks": [{
                    "type": "http", "path": "/", "method": "GET",
                    "expected_status": 200, "continuous": false
                }] }],
                "env": { "KEY": "value" }
            }
        }]
    })
}

/// Applies `edit` to the contract's nginx example and validates it.
fn check(edit: impl FnOnce(&mut Value)) -> Result<(), String> {
    let mut def = nginx();
    edit(&mut def);
    validate(&def, "body")
}

fn args(def: &mut Value) -> &mut Value {
    &mut def["ops"][0]["args"]
}

fn refused(edit: impl FnOnce(&mut Value), message: &str) {
    assert_eq!(check(edit), Err(message.to_string()));
}

#[test]
fn the_contract_example_is_valid() {
    assert_eq!(validate(&nginx(), "body"), Ok(()));
}

#[test]
fn top_level_rules() {
    assert_eq!(
        validate(&json!([]), "body"),
        Err("body must be object".into())
    );
    refused(
        |d| d["version"] = json!("0.2"),
        "body/version must be equal to constant",
    );
    refused(
        |d| d["type"] = json!("vm"),
        "body/type must be equal to constant",
    );
    refused(
        |d| {
            d.as_object_mut().unwrap().remove("ops");
        },
        "body must have required property 'ops'",
    );
    // The official validator accepts a definition with no operations.
    assert_eq!(check(|d| d["ops"] = json!([])), Ok(()));
    refused(
        |d| d["extra"] = json!(1),
        "body must NOT have additional properties",
    );
    refused(|d| d["meta"] = json!("x"), "body/meta must be object");
    refused(
        |d| d["meta"]["note"] = json!(null),
        "body/meta/note must be string,number,array,object",
    );
    refused(
        |d| d["global"] = json!({ "cpu": 1 }),
        "body/global must NOT have additional properties",
    );
    refused(
        |d| d["logistics"] = json!({ "send": { "type": "api", "args": {} } }),
        "body/logistics must have required property 'receive'",
    );
}

#[test]
fn op_rules() {
    refused(
        |d| d["ops"][0]["type"] = json!("container/exec"),
        "body/ops/0/type must be equal to one of the allowed values",
    );
    refused(
        |d| d["ops"][0]["id"] = json!("my web"),
        "body/ops/0/id must match pattern \"^[^ ]*$\"",
    );
    refused(
        |d| d["ops"][0]["id"] = json!(7),
        "body/ops/0/id must be string",
    );
    // Only the space character is refused, as in the official validator.
    assert_eq!(check(|d| d["ops"][0]["id"] = json!("")), Ok(()));
    assert_eq!(check(|d| d["ops"][0]["id"] = json!("a\tb")), Ok(()));
    refused(
        |d| {
            let op = d["ops"][0].clone();
            d["ops"].as_array_mut().unwrap().push(op);
        },
        "body/ops/1/id must be unique",
    );
    refused(
        |d| d["ops"][0]["oops"] = json!(1),
        "body/ops/0 must NOT have additional properties",
    );
    refused(
        |d| d["ops"][0]["execution"] = json!({ "after": [] }),
        "body/ops/0/execution must NOT have additional properties",
    );
    refused(
        |d| d["ops"][0]["execution"] = json!({ "stop_if_dependent_stops": true }),
        "body/ops/0/execution must have property depends_on when property stop_if_dependent_stops is present",
    );
    refused(
        |d| {
            d["ops"][0]["results"] =
                json!({ "x": { "regex": "a", "logType": ["stdout", "stdout"] } })
        },
        "body/ops/0/results/x/logType must NOT have duplicate items",
    );
}

#[test]
fn run_args_rules() {
    refused(
        |d| {
            args(d).as_object_mut().unwrap().remove("image");
        },
        "body/ops/0/args must have required property 'image'",
    );
    refused(
        |d| args(d)["image"] = json!(5),
        "body/ops/0/args/image must be string",
    );
    refused(
        |d| args(d)["cmd"] = json!(["a", 1]),
        "body/ops/0/args/cmd/1 must be string",
    );
    refused(
        |d| args(d)["entrypoint"] = json!(7),
        "body/ops/0/args/entrypoint must match a schema in anyOf",
    );
    refused(
        |d| args(d)["env"] = json!({ "PORT": 80 }),
        "body/ops/0/args/env/PORT must be string",
    );
    refused(
        |d| args(d)["gpu"] = json!("yes"),
        "body/ops/0/args/gpu must be boolean",
    );
    refused(
        |d| args(d)["private"] = json!(1),
        "body/ops/0/args/private must be boolean",
    );
    refused(
        |d| args(d)["work_dir"] = json!(["/"]),
        "body/ops/0/args/work_dir must be string",
    );
    refused(
        |d| args(d)["memory"] = json!("8g"),
        "body/ops/0/args must NOT have additional properties",
    );
    refused(
        |d| args(d)["volumes"] = json!([{ "name": "v" }]),
        "body/ops/0/args/volumes/0 must have required property 'dest'",
    );
    refused(
        |d| args(d)["restart_policy"] = json!("sometimes"),
        "body/ops/0/args/restart_policy must be equal to one of the allowed values",
    );
    refused(
        |d| args(d)["authentication"] = json!({ "ghcr": {} }),
        "body/ops/0/args/authentication must NOT have additional properties",
    );
    refused(
        |d| args(d)["resources"] = json!([{ "type": "HF", "repo": "a/b" }]),
        "body/ops/0/args/resources/0 must have required property 'target'",
    );
}

#[test]
fn expose_rules() {
    refused(
        |d| args(d)["expose"] = json!([80, { "port": 80 }]),
        "body/ops/0/args/expose must NOT have duplicate ports",
    );
    refused(
        |d| args(d)["expose"] = json!("80"),
        "body/ops/0/args/expose must match pattern \"^%%(ops|global).[^%]+%%$\"",
    );
    refused(
        |d| args(d)["expose"] = json!([{ "port": 80, "type": "tcp" }]),
        "body/ops/0/args/expose/0/type must be equal to one of the allowed values",
    );
    refused(
        |d| args(d)["expose"] = json!([{ "type": "web" }]),
        "body/ops/0/args/expose/0 must have required property 'port'",
    );
    refused(
        |d| args(d)["expose"] = json!(true),
        "body/ops/0/args/expose must match a schema in anyOf",
    );
    refused(
        |d| args(d)["expose"][0]["health_checks"][0]["method"] = json!("HEAD"),
        "body/ops/0/args/expose/0/health_checks/0/method must be equal to one of the allowed values",
    );
    assert_eq!(
        check(|d| args(d)["expose"] = json!("%%global.port%%")),
        Ok(())
    );
    assert_eq!(
        check(|d| args(d)["expose"] = json!([8080, "%%ops.a.port%%", 9090])),
        Ok(())
    );
}

#[test]
fn args_shape_follows_keys() {
    // A create-volume op needs a name; args with an image are run args.
    let volume = |args: Value| {
        json!({ "version": "0.1", "type": "container", "ops": [
            { "type": "container/create-volume", "id": "vol", "args": args }
        ]})
    };
    assert_eq!(validate(&volume(json!({ "name": "data" })), "body"), Ok(()));
    assert_eq!(
        validate(&volume(json!({})), "body"),
        Err("body/ops/0/args must have required property 'name'".into())
    );
    assert_eq!(
        validate(&volume(json!({ "name": "data", "size": "10G" })), "body"),
        Err("body/ops/0/args must NOT have additional properties".into())
    );
}

/// The shared job-definition corpus (`tests/fixtures/jobdefs`): each file is
/// named for the official validator's verdict (`scripts/test.sh` checks the
/// names against `validateJobDefinition` from `@nosana/types`), so the fake
/// must give every `valid-*` file a pass and refuse every `invalid-*` file.
/// A file that is not JSON at all is refused by the server's body parser.
#[test]
fn shared_fixtures_get_the_official_verdict() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/jobdefs");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut wrong = Vec::new();
    let mut count = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".json") {
            continue;
        }
        count += 1;
        let expected_valid = name.starts_with("valid-");
        assert!(
            expected_valid || name.starts_with("invalid-"),
            "{name}: name it valid-* or invalid-*"
        );
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let result = serde_json::from_str::<Value>(&text)
            .map_err(|e| format!("not JSON: {e}"))
            .and_then(|def| validate(&def, "body"));
        if expected_valid != result.is_ok() {
            wrong.push(format!("{name}: {result:?}"));
        }
    }
    assert!(count >= 60, "only {count} fixtures in {}", dir.display());
    assert!(wrong.is_empty(), "the fake disagrees on {wrong:#?}");
}
