use serde_json::json;

use super::*;

#[test]
fn container_run_needs_an_image_string() {
    refused(
        with_args(json!({ "cmd": "ls" })),
        &["ops[0].args.image: required (the container image to run)"],
    );
    refused(
        with_args(json!({ "image": 5 })),
        &["ops[0].args.image: must be a string, not a number"],
    );
    refused(
        json!({ "version": "0.1", "type": "container", "ops": [
            { "type": "container/run", "id": "a", "args": [] }
        ]}),
        &["ops[0].args: must be an object, not a list"],
    );
}

#[test]
fn args_are_judged_by_their_keys_not_the_op_type() {
    // The server's validator accepts these; `warnings` flags them.
    valid(with_args(json!({ "name": "vol" })));
    valid(with_op(
        json!({ "type": "container/create-volume", "args": { "image": "x" } }),
    ));
    refused(
        with_op(json!({ "type": "container/create-volume", "args": {} })),
        &["ops[0].args.name: required (the volume's name)"],
    );
    refused(
        with_op(json!({ "type": "container/create-volume", "args": { "name": 1, "size": 2 } })),
        &[
            "ops[0].args.size: unknown property (allowed here: name)",
            "ops[0].args.name: must be a string, not a number",
        ],
    );
}

#[test]
fn unknown_args_are_refused() {
    refused(
        with_args(json!({ "image": "x", "required_vram": 8, "ports": [80] })),
        &[
            "ops[0].args.required_vram: unknown property (allowed here: image, aliases, cmd, volumes, expose, gpu, work_dir, entrypoint, env, restart_policy, private, resources, authentication)",
            "ops[0].args.ports: unknown property (allowed here: image, aliases, cmd, volumes, expose, gpu, work_dir, entrypoint, env, restart_policy, private, resources, authentication)",
        ],
    );
}

#[test]
fn cmd_entrypoint_and_aliases_are_a_string_or_strings() {
    valid(with_args(
        json!({ "image": "x", "cmd": "ls -la", "entrypoint": ["/bin/sh", "-c"], "aliases": "web" }),
    ));
    valid(with_args(
        json!({ "image": "x", "cmd": [], "aliases": ["a", "b"] }),
    ));
    refused(
        with_args(json!({ "image": "x", "cmd": ["ls", 1], "entrypoint": {}, "aliases": null })),
        &[
            "ops[0].args.aliases: must be a string or a list of strings, not null",
            "ops[0].args.cmd[1]: must be a string, not a number",
            "ops[0].args.entrypoint: must be a string or a list of strings, not an object",
        ],
    );
}

#[test]
fn env_values_are_strings() {
    valid(with_args(
        json!({ "image": "x", "env": { "PORT": "8080", "MY-KEY": "" } }),
    ));
    refused(
        with_args(json!({ "image": "x", "env": { "PORT": 8080, "MY-KEY": true } })),
        &[
            "ops[0].args.env.PORT: must be a string, not a number",
            "ops[0].args.env[\"MY-KEY\"]: must be a string, not true/false",
        ],
    );
    refused(
        with_args(json!({ "image": "x", "env": ["A=1"] })),
        &["ops[0].args.env: must be an object, not a list"],
    );
}

#[test]
fn gpu_and_private_are_booleans_and_work_dir_a_string() {
    valid(with_args(
        json!({ "image": "x", "gpu": true, "private": false, "work_dir": "/app" }),
    ));
    refused(
        with_args(json!({ "image": "x", "gpu": "true", "private": 1, "work_dir": ["/app"] })),
        &[
            "ops[0].args.gpu: must be true or false, not a string",
            "ops[0].args.private: must be true or false, not a number",
            "ops[0].args.work_dir: must be a string, not a list",
        ],
    );
}

#[test]
fn volumes_are_name_and_dest_pairs() {
    valid(with_args(
        json!({ "image": "x", "volumes": [{ "name": "v", "dest": "/data" }] }),
    ));
    refused(
        with_args(
            json!({ "image": "x", "volumes": [{ "name": "v" }, { "name": "w", "dest": 1, "ro": true }] }),
        ),
        &[
            "ops[0].args.volumes[0].dest: required",
            "ops[0].args.volumes[1].ro: unknown property (allowed here: name, dest)",
            "ops[0].args.volumes[1].dest: must be a string, not a number",
        ],
    );
    refused(
        with_args(json!({ "image": "x", "volumes": { "name": "v", "dest": "/d" } })),
        &["ops[0].args.volumes: must be a list of {name, dest}, not an object"],
    );
}

#[test]
fn restart_policies() {
    for ok in [
        json!("no"),
        json!("always"),
        json!("unless-stopped"),
        json!("on-failure"),
        json!({ "policy": "on-failure" }),
        json!({ "policy": "on-failure", "restart_tries": 3 }),
    ] {
        valid(with_args(json!({ "image": "x", "restart_policy": ok })));
    }
    refused(
        with_args(json!({ "image": "x", "restart_policy": "never" })),
        &["ops[0].args.restart_policy: must be one of \"no\", \"always\", \"unless-stopped\", \"on-failure\""],
    );
    refused(
        with_args(
            json!({ "image": "x", "restart_policy": { "policy": "always", "restart_tries": "3" } }),
        ),
        &[
            "ops[0].args.restart_policy.policy: must be one of \"on-failure\"",
            "ops[0].args.restart_policy.restart_tries: must be a number, not a string",
        ],
    );
}

#[test]
fn docker_authentication() {
    valid(with_args(json!({ "image": "x", "authentication": {} })));
    valid(with_args(
        json!({ "image": "x", "authentication": { "docker": {
            "username": "u", "password": "p", "email": "e", "server": "s"
        }}}),
    ));
    refused(
        with_args(json!({ "image": "x", "authentication": { "docker": { "token": "t" }, "ghcr": {} } })),
        &[
            "ops[0].args.authentication.ghcr: unknown property (allowed here: docker)",
            "ops[0].args.authentication.docker.token: unknown property (allowed here: username, password, email, server)",
        ],
    );
}
