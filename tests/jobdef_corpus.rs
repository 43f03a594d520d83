//! Our job-definition checker against the official validator, on the shared
//! corpus `tests/fixtures/jobdefs` (see its README.md).
//!
//! Every file is named for its verdict: `valid-*.json` or `invalid-*.json`.
//! `tests/jobdef-oracle/oracle.mjs` runs `validateJobDefinition` from the npm
//! package `@nosana/types` over the same files and writes its verdicts to
//! `target/jobdef-oracle.json`; `scripts/test.sh` runs it just before
//! `cargo test` and sets `JOBDEF_ORACLE=required`, so a missing oracle file
//! fails the suite there. Run on its own (no Node), the comparison is skipped
//! with a note and only the file names are checked.

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use nosana_deployments::domain::jobdef::check_text;
use serde_json::Value;

const ORACLE_FILE: &str = "target/jobdef-oracle.json";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `*.json` file of the corpus, as (file name, text), sorted by name.
fn corpus() -> Vec<(String, String)> {
    let dir = root().join("tests/fixtures/jobdefs");
    let mut files: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, text)
        })
        .collect();
    files.sort();
    files
}

/// "valid" or "invalid", with our first problem as the reason.
fn our_verdict(text: &str) -> (&'static str, String) {
    match check_text(text) {
        Ok(_) => ("valid", String::new()),
        Err(problems) => ("invalid", problems[0].to_string()),
    }
}

fn named_verdict(name: &str) -> Option<&'static str> {
    if name.starts_with("valid-") {
        Some("valid")
    } else if name.starts_with("invalid-") {
        Some("invalid")
    } else {
        None
    }
}

#[test]
fn every_file_gets_the_verdict_in_its_name() {
    let files = corpus();
    assert!(
        files.len() >= 60,
        "only {} files in the corpus",
        files.len()
    );
    let mut wrong = Vec::new();
    for (name, text) in &files {
        let (ours, reason) = our_verdict(text);
        match named_verdict(name) {
            None => wrong.push(format!("{name}: name it valid-*.json or invalid-*.json")),
            Some(named) if named != ours => wrong.push(format!("{name}: we say {ours} {reason}")),
            Some(_) => {}
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} files:\n{}",
        wrong.len(),
        files.len(),
        wrong.join("\n")
    );
}

#[test]
fn every_verdict_agrees_with_the_official_validator() {
    let path = root().join(ORACLE_FILE);
    let required = std::env::var("JOBDEF_ORACLE").is_ok_and(|v| v == "required");
    let Ok(text) = fs::read_to_string(&path) else {
        assert!(
            !required,
            "{ORACLE_FILE} is missing: run `node tests/jobdef-oracle/oracle.mjs` first"
        );
        eprintln!(
            "note: {ORACLE_FILE} not found, so the comparison with the official validator is \
             skipped (run `node tests/jobdef-oracle/oracle.mjs` first, as scripts/test.sh does)"
        );
        return;
    };
    let oracle: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let validator = oracle["validator"]
        .as_str()
        .unwrap_or("the official validator");
    let official = oracle["files"]
        .as_object()
        .unwrap_or_else(|| panic!("{}: no \"files\" object", path.display()));

    let files = corpus();
    let mut disagree = Vec::new();
    let mut stale = Vec::new();
    for (name, text) in &files {
        let (ours, our_reason) = our_verdict(text);
        let Some(entry) = official.get(name) else {
            stale.push(format!("{name}: not judged by the oracle"));
            continue;
        };
        if entry["text"].as_str() != Some(text.as_str()) {
            stale.push(format!("{name}: changed since the oracle judged it"));
            continue;
        }
        let theirs = entry["verdict"].as_str().unwrap_or("?");
        if theirs != ours {
            let their_reason = entry["reason"].as_str().unwrap_or_default();
            disagree.push(format!(
                "{name}: {validator} says {theirs} {their_reason}; we say {ours} {our_reason}"
            ));
        }
    }
    let ours: BTreeSet<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for name in official.keys().filter(|n| !ours.contains(n.as_str())) {
        stale.push(format!(
            "{name}: judged by the oracle but no longer in the corpus"
        ));
    }

    assert!(
        stale.is_empty(),
        "{ORACLE_FILE} is stale (run `node tests/jobdef-oracle/oracle.mjs` again):\n{}",
        stale.join("\n")
    );
    assert!(
        disagree.is_empty(),
        "we disagree with {validator} on {} of {} files:\n{}",
        disagree.len(),
        files.len(),
        disagree.join("\n")
    );
    println!(
        "{} of {} files: our checker agrees with {validator}",
        files.len(),
        files.len()
    );
}

#[test]
fn the_corpus_covers_both_verdicts_and_realistic_definitions() {
    let files = corpus();
    let count = |prefix: &str| files.iter().filter(|(n, _)| n.starts_with(prefix)).count();
    assert!(
        count("valid-") >= 20,
        "only {} valid files",
        count("valid-")
    );
    assert!(
        count("invalid-") >= 40,
        "only {} invalid files",
        count("invalid-")
    );
    // Realistic definitions: GPU LLM servers with exposed ports, health
    // checks, env and resources, and multi-op jobs with volumes.
    let has = |pred: &dyn Fn(&Value) -> bool| {
        files.iter().any(|(name, text)| {
            name.starts_with("valid-")
                && serde_json::from_str::<Value>(text).is_ok_and(|v| ops(&v).iter().any(pred))
        })
    };
    let llm_server = |op: &Value| {
        let a = &op["args"];
        a["gpu"] == true
            && a["env"].is_object()
            && a["resources"].is_array()
            && a["expose"].to_string().contains("health_checks")
    };
    assert!(
        has(&llm_server),
        "no GPU server with env, resources and health checks"
    );
    assert!(
        has(&|op| op["type"] == "container/create-volume"),
        "no multi-op definition with a volume"
    );
    assert!(
        has(&|op| op["execution"]["depends_on"].is_array()),
        "no op that depends on another"
    );
}

fn ops(v: &Value) -> &[Value] {
    v["ops"].as_array().map_or(&[], Vec::as_slice)
}
