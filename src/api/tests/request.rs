use crate::api::models::Deployment;
use crate::api::request::{check_api_key, ApiConfig, ApiRequest, KeyProblem, Method};
use crate::api::ApiError;

fn get(path: &str) -> ApiRequest<Deployment> {
    ApiRequest::new(Method::Get, path)
}

#[test]
fn url_joins_base_and_path_with_one_slash() {
    let req = get("/deployments/abc");
    for base in [
        "https://dashboard.k8s.prd.nos.ci/api",
        "https://dashboard.k8s.prd.nos.ci/api/",
        " https://dashboard.k8s.prd.nos.ci/api// ",
    ] {
        assert_eq!(
            req.url(base),
            "https://dashboard.k8s.prd.nos.ci/api/deployments/abc"
        );
    }
    assert_eq!(req.url("/api"), "/api/deployments/abc");
    assert_eq!(req.url(""), "/deployments/abc");
}

#[test]
fn url_keeps_a_trailing_slash_of_the_path_and_appends_the_query() {
    let req = get("/markets/");
    assert_eq!(req.url("https://x/api/"), "https://x/api/markets/");
    let req = get("/deployments").with_query(vec![
        ("search".into(), "a b".into()),
        ("status".into(), "RUNNING,STOPPED".into()),
    ]);
    assert_eq!(
        req.url("https://x/api"),
        "https://x/api/deployments?search=a%20b&status=RUNNING%2CSTOPPED"
    );
}

#[test]
fn content_type_only_with_a_body() {
    let bare = ApiRequest::<()>::new(Method::Post, "/deployments/x/start");
    assert_eq!(bare.content_type(), None);
    assert_eq!(bare.body_text(), None);
    let with_body =
        ApiRequest::<()>::new(Method::Patch, "/x").with_body(serde_json::json!({"replicas": 2}));
    assert_eq!(with_body.content_type(), Some("application/json"));
    assert_eq!(with_body.body_text().as_deref(), Some(r#"{"replicas":2}"#));
}

#[test]
fn decode_reads_a_typed_answer() {
    let d = get("/deployments/x")
        .decode(200, fixture!("deployment_simple.json"))
        .unwrap();
    assert_eq!(d.name, "nginx demo");
}

#[test]
fn decode_turns_an_error_status_into_an_api_error() {
    let e = get("/deployments/x")
        .decode(404, fixture!("error_404_not_found.json"))
        .unwrap_err();
    assert!(matches!(e, ApiError::NotFound { .. }));
}

#[test]
fn decode_reports_a_malformed_success_body() {
    let e = get("/deployments/x")
        .decode(200, fixture!("deployment_malformed.json"))
        .unwrap_err();
    let ApiError::UnexpectedBody { status, detail } = &e else {
        panic!("expected UnexpectedBody, got {e:?}");
    };
    assert_eq!(*status, 200);
    assert!(!detail.is_empty());
    assert_eq!(e.status(), Some(200));
    assert!(e.user_message().contains("could not be read"));
}

#[test]
fn decode_refuses_an_empty_body_where_data_is_expected() {
    let e = get("/deployments/x").decode(200, "").unwrap_err();
    assert!(matches!(e, ApiError::UnexpectedBody { status: 200, .. }));
}

#[test]
fn delete_decodes_an_empty_204_to_unit() {
    let req = ApiRequest::<()>::new(Method::Delete, "/deployments/x");
    assert_eq!(req.decode(204, ""), Ok(()));
    assert_eq!(req.decode(200, "  "), Ok(()));
    assert!(matches!(
        req.decode(500, fixture!("error_500_incorrect_state.json")),
        Err(ApiError::Refused { .. })
    ));
}

#[test]
fn config_debug_never_shows_the_key() {
    let cfg = ApiConfig {
        base_url: "https://x/api".into(),
        api_key: "nos_secret_value".into(),
    };
    let shown = format!("{cfg:?}");
    assert!(!shown.contains("nos_secret_value"), "{shown}");
    assert!(shown.contains("<redacted>"));
    assert!(shown.contains("https://x/api"));
}

#[test]
fn authorization_header_is_bearer_and_refuses_unsendable_keys() {
    let cfg = |key: &str| ApiConfig {
        base_url: String::new(),
        api_key: key.into(),
    };
    assert_eq!(cfg("nos_abc").authorization().unwrap(), "Bearer nos_abc");
    assert_eq!(cfg(" nos_abc\n").authorization().unwrap(), "Bearer nos_abc");
    for bad in ["", "nos abc", "nos_é", "nos\nabc"] {
        assert!(
            matches!(cfg(bad).authorization(), Err(ApiError::Unauthorized { .. })),
            "{bad:?}"
        );
    }
}

#[test]
fn key_rule_names_each_problem() {
    assert_eq!(check_api_key("  nos_abc\n"), Ok("nos_abc"));
    assert_eq!(check_api_key(" \t"), Err(KeyProblem::Empty));
    assert_eq!(check_api_key("nos abc"), Err(KeyProblem::Whitespace));
    assert_eq!(check_api_key("nos\nabc"), Err(KeyProblem::Whitespace));
    assert_eq!(check_api_key("nos_é"), Err(KeyProblem::Unsendable));
}

#[test]
fn method_names() {
    let names: Vec<&str> = [Method::Get, Method::Post, Method::Patch, Method::Delete]
        .into_iter()
        .map(Method::as_str)
        .collect();
    assert_eq!(names, ["GET", "POST", "PATCH", "DELETE"]);
}
