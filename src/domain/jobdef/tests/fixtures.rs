//! Every file in tests/fixtures/jobdefs is named for its verdict:
//! `valid-*.json` must pass, `invalid-*.json` must be refused.

use std::fs;
use std::path::PathBuf;

use super::super::check_text;

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
fn fixtures_get_the_verdict_in_their_name() {
    let files = fixtures();
    assert!(files.len() >= 10, "only {} fixtures", files.len());
    for (name, text) in files {
        let result = check_text(&text);
        if name.starts_with("valid-") {
            assert!(result.is_ok(), "{name}: {:?}", result.unwrap_err());
        } else {
            assert!(
                name.starts_with("invalid-"),
                "{name}: name it valid-* or invalid-*"
            );
            assert!(result.is_err(), "{name} passed");
        }
    }
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
