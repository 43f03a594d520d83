//! Every file in tests/fixtures/jobdefs is named for its verdict:
//! `valid-*.json` must pass, `invalid-*.json` must be refused. The verdicts
//! themselves (ours and the official validator's) are checked by the
//! integration test `tests/jobdef_corpus.rs`; here, that invalid files fail
//! for the reason in their name, on a line the editor can point at.

use std::fs;
use std::path::PathBuf;

use super::super::{check_text, warnings};

fn fixtures() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jobdefs");
    let mut files: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn invalid_fixtures_fail_for_the_reason_in_their_name() {
    let reasons = [
        ("invalid-missing-image.json", "ops[0].args.image: required"),
        (
            "invalid-duplicate-op-id.json",
            "ops[1].id: \"web\" is already",
        ),
        (
            "invalid-duplicate-port.json",
            "port 8080 is exposed more than once",
        ),
        (
            "invalid-unknown-arg.json",
            "ops[0].args.ports: unknown property",
        ),
        (
            "invalid-env-number.json",
            "ops[0].args.env.PORT: must be a string",
        ),
        ("invalid-version.json", "version: must be \"0.1\""),
        ("invalid-syntax-trailing-comma.json", "not valid JSON"),
        ("invalid-syntax-comment.json", "not valid JSON"),
        (
            "invalid-syntax-empty-file.json",
            "the job definition is empty",
        ),
        (
            "invalid-top-level-array.json",
            "a job definition is a JSON object",
        ),
        (
            "invalid-op-null.json",
            "ops[1]: must be an object, not null",
        ),
        ("invalid-args-empty.json", "ops[0].args.image: required"),
        (
            "invalid-create-volume-missing-name.json",
            "ops[0].args.name: required",
        ),
        ("invalid-image-and-name.json", "ops[0].args.name: unknown"),
        (
            "invalid-expose-null-item.json",
            "ops[0].args.expose[1]: must be a port number",
        ),
        (
            "invalid-duplicate-port-integer-and-float.json",
            "port 8000 is exposed more than once",
        ),
        (
            "invalid-placeholder-unknown-scope.json",
            "\"%%env.PORT%%\" is none of them",
        ),
        (
            "invalid-health-check-method-head.json",
            "health_checks[0].method: must be one of",
        ),
        (
            "invalid-websocket-check-with-path.json",
            "health_checks[0].path: unknown property",
        ),
        (
            "invalid-hf-with-bucket.json",
            "bucket and buckets are for S3",
        ),
        (
            "invalid-s3-iam-missing-secret.json",
            "IAM.SECRET_ACCESS_KEY: required",
        ),
        (
            "invalid-meta-nested-object.json",
            "meta.links.repo: must be",
        ),
        (
            "invalid-logistics-missing-receive.json",
            "logistics.receive: required",
        ),
        (
            "invalid-results-log-type-duplicate.json",
            "logType[1]: is listed twice",
        ),
        (
            "invalid-execution-depends-on-string.json",
            "execution.depends_on: must be a list of strings",
        ),
        (
            "invalid-llm-vllm-gpu-count-arg.json",
            "ops[0].args.gpus: unknown property",
        ),
        (
            "invalid-multi-op-volume-in-wrong-place.json",
            "ops[1].volumes: unknown property",
        ),
    ];
    let files = fixtures();
    for (name, reason) in reasons {
        let text = &files
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name}"))
            .1;
        let problems = check_text(text).unwrap_err();
        assert!(
            problems.iter().any(|p| p.to_string().contains(reason)),
            "{name}: {problems:?}"
        );
        assert!(
            problems.iter().all(|p| p.line.is_some()),
            "{name}: {problems:?}"
        );
    }
}

#[test]
fn valid_fixtures_the_server_accepts_but_we_warn_about() {
    let files = fixtures();
    let warned = |name: &str| {
        let text = &files
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name}"))
            .1;
        let value = check_text(text).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        warnings(&value)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        warned("valid-ops-empty.json"),
        ["ops: no operations: this job would do nothing"]
    );
    assert_eq!(
        warned("valid-op-id-empty.json"),
        ["ops[0].id: is empty: give the operation a name"]
    );
    assert_eq!(warned("valid-args-shape-follows-keys.json").len(), 2);
    assert_eq!(warned("valid-expose-port-out-of-range.json").len(), 3);
    assert!(warned("valid-llm-vllm-openai-hf-token.json").is_empty());
}
