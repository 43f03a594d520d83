use serde_json::json;

use super::super::{check_text, locate, warnings};
use super::*;

#[test]
fn valid_text_gives_back_the_value_as_typed() {
    let text = r#"{"version":"0.1","type":"container","ops":[{"type":"container/run","id":"a","args":{"image":"x"}}]}"#;
    let v = check_text(text).unwrap();
    assert_eq!(serde_json::to_string(&v).unwrap(), text);
}

#[test]
fn a_syntax_error_is_one_problem_with_line_and_column() {
    let problems = check_text("{\n  \"version\": \"0.1\"\n  \"type\": 1\n}").unwrap_err();
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!((p.line, p.column), (Some(3), Some(3)));
    assert_eq!(p.path, "");
    assert_eq!(
        p.to_string(),
        "not valid JSON: expected `,` or `}` (line 3, column 3)"
    );
}

#[test]
fn empty_text_says_so() {
    let problems = check_text("  \n ").unwrap_err();
    assert_eq!(problems[0].to_string(), "the job definition is empty");
}

const TEXT: &str = r#"{
  "version": "0.1",
  "type": "container",
  "ops": [
    {
      "type": "container/run",
      "id": "web",
      "args": {
        "image": "nginx",
        "gpu": "yes"
      }
    },
    {
      "type": "container/run",
      "id": "llm",
      "args": {
        "cmd": ["serve"]
      }
    }
  ],
  "extra": true
}"#;

#[test]
fn problems_point_at_their_lines() {
    let problems = check_text(TEXT).unwrap_err();
    let found: Vec<(String, Option<usize>)> =
        problems.iter().map(|p| (p.path.clone(), p.line)).collect();
    assert_eq!(
        found,
        [
            ("extra".to_string(), Some(21)),
            ("ops[0].args.gpu".to_string(), Some(10)),
            // A missing property points at its parent object.
            ("ops[1].args.image".to_string(), Some(16)),
        ]
    );
}

#[test]
fn locate_places_warnings_too() {
    let text = "{\n\"version\":\"0.1\",\"type\":\"container\",\n\"ops\": []\n}";
    let v = check_text(text).unwrap();
    let w = locate(text, warnings(&v));
    assert_eq!(
        w[0].to_string(),
        "ops: no operations: this job would do nothing"
    );
    assert_eq!(w[0].line, Some(3));
}

#[test]
fn warnings_flag_what_the_server_lets_through() {
    let v = json!({ "version": "0.1", "type": "container", "ops": [
        { "type": "container/run", "id": "", "args": { "name": "vol" } },
        { "type": "container/create-volume", "id": "v", "args": { "image": "" } },
        { "type": "container/run", "id": "w", "args": { "image": "x",
          "expose": [0, 80.5, 70000, { "port": -1 }, 8080] } }
    ]});
    assert!(check(&v).is_empty());
    let shown: Vec<String> = warnings(&v).iter().map(Problem::to_string).collect();
    assert_eq!(
        shown,
        [
            "ops[0].id: is empty: give the operation a name",
            "ops[0].args: a container/run operation needs an image; these look like container/create-volume args",
            "ops[1].args: a container/create-volume operation takes only a name; these look like container/run args",
            "ops[1].args.image: is empty: name a container image",
            "ops[2].args.expose[0]: 0 is not a usable port (1-65535)",
            "ops[2].args.expose[1]: 80.5 is not a usable port (1-65535)",
            "ops[2].args.expose[2]: 70000 is not a usable port (1-65535)",
            "ops[2].args.expose[3].port: -1 is not a usable port (1-65535)",
        ]
    );
}

#[test]
fn a_good_definition_has_no_warnings() {
    let v = with_args(json!({ "image": "nginx", "expose": 80 }));
    assert!(warnings(&v).is_empty());
}
