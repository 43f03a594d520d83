use serde_json::{json, Value};

use super::*;

#[test]
fn a_minimal_definition_passes() {
    valid(with_args(json!({ "image": "nginx" })));
}

#[test]
fn the_definition_must_be_an_object() {
    refused(
        json!([1]),
        &["a job definition is a JSON object, not a list"],
    );
    refused(
        json!("x"),
        &["a job definition is a JSON object, not a string"],
    );
}

#[test]
fn version_type_and_ops_are_required_and_exact() {
    let must_be_0_1: &[&str] = &["version: must be \"0.1\""];
    let cases: [(&str, Option<Value>, &[&str]); 9] = [
        ("version", Some(json!("0.2")), must_be_0_1),
        ("version", Some(json!(0.1)), must_be_0_1),
        ("version", None, &["version: required"]),
        (
            "type",
            Some(json!("docker")),
            &["type: must be \"container\""],
        ),
        ("type", None, &["type: required"]),
        ("ops", Some(json!([])), &[]),
        (
            "ops",
            Some(json!({})),
            &["ops: must be a list of operations, not an object"],
        ),
        ("ops", None, &["ops: required"]),
        (
            "deployment_id",
            Some(Value::Null),
            &["deployment_id: must be a string, not null"],
        ),
    ];
    for (key, value, problems) in cases {
        let mut v = with_args(json!({ "image": "nginx" }));
        let top = v.as_object_mut().unwrap();
        match value {
            Some(value) => top.insert(key.to_string(), value),
            None => top.remove(key),
        };
        refused(v, problems);
    }
}

#[test]
fn unknown_top_level_properties_are_refused() {
    let mut v = with_args(json!({ "image": "nginx" }));
    v["deployment_id"] = json!("abc");
    v["meta"] = json!({ "trigger": "dashboard" });
    v["global"] = json!({ "image": "ubuntu" });
    valid(v.clone());
    v["ssh"] = json!({});
    refused(
        v,
        &["ssh: unknown property (allowed here: version, type, meta, ops, global, logistics, deployment_id)"],
    );
}

#[test]
fn meta_takes_a_trigger_resources_and_free_labels() {
    top_level(
        "meta",
        json!({
            "trigger": "cli",
            "system_resources": { "required_vram": 8, "disk": "20GB" },
            "label": "x", "n": 3, "tags": ["a", 1], "more": { "k": "v", "l": [1, "b"] }
        }),
        json!({
            "trigger": 1,
            "system_resources": { "required_vram": true },
            "flag": false,
            "nil": null,
            "tags": [null],
            "more": { "deep": { "x": 1 } }
        }),
        &[
            "meta.trigger: must be a string, not a number",
            "meta.system_resources.required_vram: must be a string or a number, not true/false",
            "meta.flag: must be a string, a number, a list or an object, not true/false",
            "meta.nil: must be a string, a number, a list or an object, not null",
            "meta.tags[0]: must be a string or a number, not null",
            "meta.more.deep: must be a string, a number or a list of them, not an object",
        ],
    );
}

#[test]
fn global_defaults_are_typed_and_closed() {
    top_level(
        "global",
        json!({
        "image": "ubuntu", "gpu": true, "entrypoint": ["sh"], "env": { "A": "1" },
        "work_dir": "/w", "variables": { "V": "x" }
    }),
        json!({ "gpu": "yes", "env": { "A": 1 }, "cmd": "x" }),
        &[
            "global.cmd: unknown property (allowed here: image, gpu, entrypoint, env, work_dir, variables)",
            "global.gpu: must be true or false, not a string",
            "global.env.A: must be a string, not a number",
        ],
    );
}

#[test]
fn logistics_need_send_and_receive() {
    top_level(
        "logistics",
        json!({
            "send": { "type": "api", "args": { "endpoint": "http://x" } },
            "receive": { "type": "api-listen", "args": {} }
        }),
        json!({ "send": { "type": "ftp", "args": [] } }),
        &[
            "logistics.send.type: must be one of \"api\", \"api-listen\"",
            "logistics.send.args: must be an object, not a list",
            "logistics.receive: required",
        ],
    );
}

#[test]
fn each_op_needs_a_known_type() {
    valid(with_op(
        json!({ "type": "container/create-volume", "args": { "name": "v" } }),
    ));
    refused(
        with_op(json!({ "type": "container/exec" })),
        &["ops[0].type: must be one of \"container/run\", \"container/create-volume\""],
    );
}

#[test]
fn op_ids_have_no_spaces() {
    valid(with_op(json!({ "id": "my-web_1" })));
    refused(
        with_op(json!({ "id": "my web" })),
        &["ops[0].id: must not contain spaces"],
    );
    refused(
        with_op(json!({ "id": 7 })),
        &["ops[0].id: must be a string, not a number"],
    );
}

#[test]
fn op_ids_are_unique() {
    let mut v = with_args(json!({ "image": "nginx" }));
    let op = v["ops"][0].clone();
    v["ops"] =
        json!([op.clone(), { "type": "container/run", "id": "db", "args": { "image": "pg" } }]);
    valid(v.clone());
    v["ops"] = json!([op.clone(), op]);
    refused(
        v,
        &["ops[1].id: \"web\" is already the id of ops[0]; ids must be unique"],
    );
}

#[test]
fn op_properties_are_required_and_closed() {
    let v = json!({ "version": "0.1", "type": "container", "ops": [{ "name": "x" }] });
    refused(
        v,
        &[
            "ops[0].name: unknown property (allowed here: type, id, args, results, execution)",
            "ops[0].type: required",
            "ops[0].id: required",
            "ops[0].args: required",
        ],
    );
    refused(
        json!({ "version": "0.1", "type": "container", "ops": [null] }),
        &["ops[0]: must be an object, not null"],
    );
}

#[test]
fn results_are_strings_or_regex_pairs() {
    valid(with_op(json!({ "results": {
        "url": "https://.*",
        "ready": { "regex": "listening", "logType": ["stdout", "stderr"] }
    }})));
    refused(
        with_op(json!({ "results": {
            "a": 1,
            "b": { "regex": "x", "logType": [] },
            "c": { "regex": "x", "logType": ["stdout", "stdout", "log"] },
            "d": { "logType": "stdout" }
        }})),
        &[
            "ops[0].results.a: must be a string or {regex, logType}, not a number",
            "ops[0].results.b.logType: must list 1 to 4 of stdin, stdout, stderr, nodeerr",
            "ops[0].results.c.logType[1]: is listed twice",
            "ops[0].results.c.logType[2]: must be one of \"stdin\", \"stdout\", \"stderr\", \"nodeerr\"",
            "ops[0].results.d.regex: required",
            "ops[0].results.d.logType: must be a list like [\"stdout\"], not a string",
        ],
    );
}

#[test]
fn execution_dependencies() {
    valid(with_op(json!({ "execution": { "group": "g" } })));
    valid(with_op(json!({ "execution": {
        "group": "g", "depends_on": ["db"], "stop_if_dependent_stops": true
    }})));
    refused(
        with_op(json!({ "execution": { "stop_if_dependent_stops": true } })),
        &["ops[0].execution.stop_if_dependent_stops: only allowed together with depends_on"],
    );
    refused(
        with_op(json!({ "execution": { "depends_on": "db", "timeout": 5 } })),
        &[
            "ops[0].execution.timeout: unknown property (allowed here: group, depends_on, stop_if_dependent_stops)",
            "ops[0].execution.depends_on: must be a list of strings, not a string",
        ],
    );
}
