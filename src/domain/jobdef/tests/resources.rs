use serde_json::json;

use super::*;

fn with_resources(resources: Value) -> Value {
    with_args(json!({ "image": "x", "resources": resources }))
}

#[test]
fn each_resource_kind_passes() {
    valid(with_resources(json!([
        { "type": "S3", "target": "/data", "url": "s3://b", "files": ["a"], "allowWrite": true },
        { "type": "S3", "target": "/b", "bucket": "bk",
          "IAM": { "REGION": "r", "ACCESS_KEY_ID": "a", "SECRET_ACCESS_KEY": "s" } },
        { "type": "S3", "target": "/c", "buckets": [{ "url": "s3://x", "files": ["f"] }] },
        { "type": "HF", "target": "/models", "repo": "org/model", "revision": "main",
          "files": ["x.safetensors"], "accessToken": "t" },
        { "type": "Ollama", "model": "llama3.1" },
        { "__spread__": "%%ops.a.results.res%%" },
        "__remove-if-empty__"
    ])));
}

#[test]
fn resources_must_be_a_list_of_objects() {
    refused(
        with_resources(json!({})),
        &["ops[0].args.resources: must be a list of resources, not an object"],
    );
    refused(
        with_resources(json!(["s3://bucket"])),
        &["ops[0].args.resources[0]: must be a resource object (S3, HF or Ollama), not a string"],
    );
}

#[test]
fn s3_shapes_do_not_mix() {
    refused(
        with_resources(json!([{ "type": "S3", "target": "/b", "bucket": "bk", "files": ["a"] }])),
        &["ops[0].args.resources[0].files: unknown property (allowed here: type, target, url, allowWrite, IAM, bucket)"],
    );
    refused(
        with_resources(json!([{ "type": "HF", "target": "/b", "bucket": "bk" }])),
        &["ops[0].args.resources[0].type: must be \"S3\" (bucket and buckets are for S3)"],
    );
    refused(
        with_resources(
            json!([{ "type": "S3", "buckets": [{ "files": [] }], "IAM": { "REGION": "r" } }]),
        ),
        &[
            "ops[0].args.resources[0].target: required",
            "ops[0].args.resources[0].buckets[0].url: required",
            "ops[0].args.resources[0].IAM.ACCESS_KEY_ID: required",
            "ops[0].args.resources[0].IAM.SECRET_ACCESS_KEY: required",
        ],
    );
}

#[test]
fn unknown_resource_types_are_refused() {
    refused(
        with_resources(json!([{ "type": "GCS", "target": "/d" }])),
        &["ops[0].args.resources[0].type: must be \"S3\", \"HF\" or \"Ollama\""],
    );
}

#[test]
fn hugging_face_and_ollama_need_their_names() {
    refused(
        with_resources(
            json!([{ "type": "HF", "target": "/m" }, { "type": "Ollama", "target": 1 }]),
        ),
        &[
            "ops[0].args.resources[0].repo: required",
            "ops[0].args.resources[1].model: required",
            "ops[0].args.resources[1].target: must be a string, not a number",
        ],
    );
}
