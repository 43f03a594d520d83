use crate::api::error::{map_response, ApiError};

fn err(status: u16, body: &str) -> ApiError {
    map_response(status, body).expect_err("an error status maps to an error")
}

#[test]
fn success_statuses_map_to_ok() {
    assert_eq!(map_response(200, "{}"), Ok(()));
    assert_eq!(map_response(204, ""), Ok(()));
}

fn unauthorized() -> ApiError {
    ApiError::Unauthorized {
        message: "Unauthorized".into(),
    }
}

fn refused(message: &str) -> ApiError {
    ApiError::Refused {
        message: message.into(),
    }
}

fn invalid(message: &str) -> ApiError {
    ApiError::InvalidInput {
        status: 400,
        message: message.into(),
    }
}

fn server(status: u16, message: &str) -> ApiError {
    ApiError::Server {
        status,
        message: message.into(),
    }
}

#[test]
fn error_answers_map_to_typed_errors_with_their_status() {
    let not_found = ApiError::NotFound {
        message: "Deployment not found.".into(),
    };
    #[rustfmt::skip]
    let cases = [
        ("401 as text", 401, fixture!("error_401.txt"), unauthorized(), false),
        ("401 as JSON", 401, fixture!("error_401.json"), unauthorized(), false),
        ("401 empty", 401, "", unauthorized(), false),
        ("missing deployment", 404, fixture!("error_404_not_found.json"), not_found, false),
        ("fastify validation shows its message, not its reason phrase", 400,
            fixture!("error_400_validation.json"), invalid("body/replicas must be >= 0"), false),
        ("other refused input shows the error text", 400,
            fixture!("error_400_error.json"), invalid("Deployment is using an incorrect strategy."), false),
        ("incorrect state is a refusal in the server's words", 500,
            fixture!("error_500_incorrect_state.json"), refused("Deployment is in the incorrect state."), false),
        ("archived deployment is a refusal", 500,
            fixture!("error_500_archived.json"), refused("Cannot modify an archived deployment."), false),
        ("fastify-shaped 500 is a server fault", 500,
            fixture!("error_500_fastify.json"), server(500, "Unexpected token } in JSON at position 12"), false),
        ("HTML bad gateway is a retryable server fault", 502, fixture!("error_502.html"), server(502, ""), true),
        ("other client errors are server errors", 403,
            r#"{"error":"Forbidden for this key"}"#, server(403, "Forbidden for this key"), false),
    ];
    for (case, status, body, want, retryable) in cases {
        let e = err(status, body);
        assert_eq!(e, want, "{case}");
        assert_eq!(e.status(), Some(status), "{case}");
        assert_eq!(e.is_retryable_for_get(), retryable, "{case}");
    }
}

/// What a user message must say.
enum Says {
    Exactly(&'static str),
    AllOf(&'static [&'static str]),
    EndsWith(&'static str),
}

#[test]
fn user_messages_say_what_happened_and_the_status() {
    #[rustfmt::skip]
    let cases = [
        (401, fixture!("error_401.txt"), Says::AllOf(&["API key was refused", "HTTP 401"])),
        (404, fixture!("error_404_not_found.json"), Says::Exactly("Deployment not found. (HTTP 404)")),
        (404, fixture!("error_404_route.json"), Says::AllOf(&["does not offer this operation"])),
        (400, fixture!("error_400_validation.json"), Says::Exactly("body/replicas must be >= 0. (HTTP 400)")),
        (500, fixture!("error_500_incorrect_state.json"),
            Says::Exactly("Deployment is in the incorrect state. (HTTP 500)")),
        (500, fixture!("error_500_fastify.json"), Says::EndsWith("(HTTP 500)")),
        (502, fixture!("error_502.html"), Says::Exactly("The API answered with an error: Bad Gateway (HTTP 502).")),
        (503, "upstream connect error", Says::Exactly("upstream connect error. (HTTP 503)")),
    ];
    for (status, body, says) in cases {
        let e = err(status, body);
        let text = e.user_message();
        let ok = match says {
            Says::Exactly(want) => text == want,
            Says::AllOf(pieces) => pieces.iter().all(|p| text.contains(p)),
            Says::EndsWith(end) => text.ends_with(end),
        };
        assert!(ok, "HTTP {status} {body:?} says {text:?}");
        assert_eq!(e.to_string(), text, "Display is the user message");
    }
}

#[test]
fn route_not_found_is_told_apart_from_a_missing_deployment() {
    let e = err(404, fixture!("error_404_route.json"));
    let ApiError::RouteNotFound { message } = &e else {
        panic!("expected RouteNotFound, got {e:?}");
    };
    assert!(message.starts_with("Route GET:/api/deployments/"));
    assert_eq!(e.status(), Some(404));
}

#[test]
fn long_plain_text_error_bodies_are_cut() {
    let long = "x".repeat(1000);
    let ApiError::Server { message, .. } = err(500, &long) else {
        panic!("expected Server");
    };
    assert!(message.chars().count() <= 301);
    assert!(message.ends_with('…'));
}

#[test]
fn only_passing_faults_are_retryable() {
    for status in [429, 502, 503, 504] {
        assert!(err(status, "").is_retryable_for_get(), "{status}");
    }
    for status in [400, 401, 403, 404, 500, 501] {
        assert!(!err(status, "").is_retryable_for_get(), "{status}");
    }
    let network = ApiError::Network {
        detail: "TypeError: Failed to fetch".into(),
    };
    assert!(network.is_retryable_for_get());
    assert!(!ApiError::Timeout.is_retryable_for_get());
}

#[test]
fn network_and_timeout_have_no_status_and_say_why() {
    let network = ApiError::Network {
        detail: "TypeError: Failed to fetch".into(),
    };
    assert_eq!(network.status(), None);
    let text = network.user_message();
    assert!(text.contains("did not reach"), "{text}");
    assert!(text.contains("CORS"), "{text}");
    assert_eq!(ApiError::Timeout.status(), None);
    assert!(ApiError::Timeout.user_message().contains("in time"));
}

#[test]
fn errors_are_std_errors() {
    let e: Box<dyn std::error::Error> = Box::new(ApiError::Timeout);
    assert!(!e.to_string().is_empty());
}
