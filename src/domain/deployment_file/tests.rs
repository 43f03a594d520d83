use super::*;
use crate::domain::templates::TEMPLATES;
use serde_json::json;

fn fixture(name: &str) -> Deployment {
    let text = match name {
        "scheduled" => include_str!("../../../tests/fixtures/api/deployment_scheduled.json"),
        "infinite" => include_str!("../../../tests/fixtures/api/deployment_infinite.json"),
        _ => include_str!("../../../tests/fixtures/api/deployment_simple.json"),
    };
    serde_json::from_str(text).unwrap()
}

fn definition() -> Value {
    serde_json::from_str(TEMPLATES[0].json).unwrap()
}

fn top_keys(text: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(text).unwrap();
    value.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn export_writes_the_create_body_in_a_fixed_order() {
    let d = fixture("scheduled");
    let text = export(&d, &definition());
    assert_eq!(
        top_keys(&text),
        [
            "format",
            "name",
            "market",
            "strategy",
            "schedule",
            "replicas",
            "timeout",
            "confidential",
            "job_definition"
        ]
    );
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], FORMAT);
    assert_eq!(value["name"], d.name.as_str());
    assert_eq!(value["schedule"], "0 3 * * *");
    assert_eq!(value["job_definition"], definition());
    assert!(text.ends_with("}\n"));
    // Stable: the same input gives the same bytes.
    assert_eq!(text, export(&d, &definition()));
}

#[test]
fn export_has_the_rotation_time_only_for_infinite() {
    let d = fixture("infinite");
    let value: Value = serde_json::from_str(&export(&d, &definition())).unwrap();
    assert_eq!(value["strategy"], "INFINITE");
    assert_eq!(value["rotation_time"], json!(d.rotation_time.unwrap()));
    assert!(value.get("schedule").is_none());
    let simple: Value = serde_json::from_str(&export(&fixture("simple"), &definition())).unwrap();
    assert!(simple.get("rotation_time").is_none() && simple.get("schedule").is_none());
}

#[test]
fn export_keeps_the_job_definition_key_order() {
    let jd: Value = serde_json::from_str(r#"{"zeta": 1, "ops": [], "alpha": 2}"#).unwrap();
    let text = export_job_definition(&jd);
    assert!(text.find("zeta").unwrap() < text.find("alpha").unwrap());
}

#[test]
fn round_trip_gives_the_same_create_body() {
    for name in ["simple", "scheduled", "infinite"] {
        let d = fixture(name);
        let text = export(&d, &definition());
        let Ok(Imported::Deployment(form)) = read(&text) else {
            panic!("{name}: not read back")
        };
        let body = form.validate().unwrap();
        let mut expected: Value = serde_json::from_str(&text).unwrap();
        expected.as_object_mut().unwrap().remove("format");
        expected["autostart"] = json!(false);
        assert_eq!(serde_json::to_value(&body).unwrap(), expected, "{name}");
    }
}

#[test]
fn file_names_are_safe() {
    assert_eq!(file_name("llama 3", ".nosana.json"), "llama 3.nosana.json");
    assert_eq!(file_name("a/b:c", ".json"), "a-b-c.json");
    assert_eq!(file_name("  ", ".nosana.json"), "deployment.nosana.json");
    assert_eq!(file_name("..", ".json"), "deployment.json");
}

#[test]
fn a_bare_job_definition_is_kept_as_typed() {
    let text = "{\n  \"version\": \"0.1\",\n  \"type\": \"container\", \"ops\": []\n}";
    assert_eq!(read(text), Ok(Imported::JobDefinition(text.to_string())));
}

fn refused(text: &str) -> FileProblem {
    read(text).expect_err("refused")
}

fn valid_file() -> String {
    export(&fixture("simple"), &definition())
}

/// The valid file with one top-level line replaced.
fn with_line(key: &str, line: &str) -> String {
    valid_file()
        .lines()
        .map(|l| {
            if l.starts_with(&format!("  \"{key}\":")) {
                line.to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn not_json_names_the_line() {
    let p = refused("{\n  \"name\": \"x\",\n  oops\n}");
    assert_eq!(p.line, Some(3));
    assert!(
        p.to_string().starts_with("Line 3: The file is not JSON"),
        "{p}"
    );
}

#[test]
fn an_unknown_field_is_named_with_its_line() {
    let text = with_line("timeout", "  \"timeout\": 60,\n  \"gpu\": \"a100\",");
    let p = refused(&text);
    assert_eq!(p.field.as_deref(), Some("gpu"));
    assert_eq!(p.line, Some(line_of(&text, "\"gpu\"")));
    assert_eq!(
        p.to_string(),
        format!(
            "“gpu” (line {}): not a field of a deployment file",
            p.line.unwrap()
        )
    );
}

#[test]
fn wrong_types_are_named_with_their_line() {
    for (key, line, message) in [
        (
            "replicas",
            "  \"replicas\": \"2\",",
            "must be a whole number, not \"2\"",
        ),
        (
            "timeout",
            "  \"timeout\": -5,",
            "must be a whole number, not -5",
        ),
        ("name", "  \"name\": 7,", "must be text, not a number"),
        (
            "confidential",
            "  \"confidential\": \"yes\",",
            "must be true or false, not \"yes\"",
        ),
        (
            "strategy",
            "  \"strategy\": \"FOREVER\",",
            "\"FOREVER\" is not SIMPLE, SIMPLE-EXTEND, SCHEDULED or INFINITE",
        ),
        (
            "format",
            "  \"format\": \"nosana-deployment/9\",",
            "expected \"nosana-deployment/1\", found \"nosana-deployment/9\"",
        ),
    ] {
        let text = with_line(key, line);
        let p = refused(&text);
        assert_eq!(p.field.as_deref(), Some(key), "{key}");
        assert_eq!(p.line, Some(line_of(&text, &format!("\"{key}\""))), "{key}");
        assert_eq!(p.message, message, "{key}");
    }
}

#[test]
fn strategy_fields_must_match_the_strategy() {
    let text = with_line(
        "strategy",
        "  \"strategy\": \"SIMPLE\",\n  \"schedule\": \"0 * * * *\",",
    );
    assert_eq!(refused(&text).field.as_deref(), Some("schedule"));
    let text = with_line(
        "strategy",
        "  \"strategy\": \"SIMPLE\",\n  \"rotation_time\": 20,",
    );
    assert_eq!(refused(&text).field.as_deref(), Some("rotation_time"));
}

#[test]
fn missing_fields_and_markers_are_named() {
    let text = with_line("market", "");
    let p = refused(&text);
    assert_eq!(
        (p.field.as_deref(), p.message.as_str()),
        (Some("market"), "missing")
    );
    assert_eq!(p.line, Some(1), "a missing key is placed on its object");
    let text = with_line("format", "");
    let p = refused(&text);
    assert_eq!(p.field.as_deref(), Some("format"));
    let mut value: Value = serde_json::from_str(&valid_file()).unwrap();
    value["job_definition"] = json!([]);
    let p = refused(&serde_json::to_string_pretty(&value).unwrap());
    assert_eq!(p.message, "must be a JSON object, not a list");
}

#[test]
fn a_file_that_is_not_an_object_is_refused() {
    assert!(refused("[1, 2]")
        .message
        .contains("neither a deployment nor a job definition"));
}

#[test]
fn out_of_range_values_are_left_to_the_form() {
    let Ok(Imported::Deployment(form)) = read(&with_line("replicas", "  \"replicas\": 0,")) else {
        panic!("a zero replica count is the form's to refuse")
    };
    assert_eq!(form.replicas, "0");
    assert!(form.validate().is_err());
}

#[test]
fn the_size_limit_is_one_megabyte() {
    assert!(check_size(1024.0 * 1024.0).is_ok());
    let p = check_size(1.5 * 1024.0 * 1024.0).unwrap_err();
    assert_eq!(p.to_string(), "The file is 1.5 MB; the limit is 1 MB");
}
