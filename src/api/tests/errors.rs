use crate::api::error::{map_response, ApiError};

fn err(status: u16, body: &str) -> ApiError {
    map_response(status, body).expect_err("an error status maps to an error")
}

#[test]
fn success_statuses_map_to_ok() {
    assert_eq!(map_response(200, "{}"), Ok(()));
    assert_eq!(map_response(204, ""), Ok(()));
}

#[test]
fn unauthorized_as_plain_text() {
    let e = err(401, fixture!("error_401.txt"));
    assert_eq!(
        e,
        ApiError::Unauthorized {
            message: "Unauthorized".into()
        }
    );
    assert_eq!(e.status(), Some(401));
    let text = e.user_message();
    assert!(text.contains("API key was refused"), "{text}");
    assert!(text.contains("HTTP 401"), "{text}");
}

#[test]
fn unauthorized_as_json_or_empty() {
    assert_eq!(
        err(401, fixture!("error_401.json")),
        ApiError::Unauthorized {
            message: "Unauthorized".into()
        }
    );
    assert_eq!(
        err(401, ""),
        ApiError::Unauthorized {
            message: "Unauthorized".into()
        }
    );
}

#[test]
fn deployment_not_found() {
    let e = err(404, fixture!("error_404_not_found.json"));
    assert_eq!(
        e,
        ApiError::NotFound {
            message: "Deployment not found.".into()
        }
    );
    assert_eq!(e.user_message(), "Deployment not found. (HTTP 404)");
}

#[test]
fn route_not_found_is_told_apart_from_a_missing_deployment() {
    let e = err(404, fixture!("error_404_route.json"));
    let ApiError::RouteNotFound { message } = &e else {
        panic!("expected RouteNotFound, got {e:?}");
    };
    assert!(message.starts_with("Route GET:/api/deployments/"));
    assert_eq!(e.status(), Some(404));
    assert!(e.user_message().contains("does not offer this operation"));
}

#[test]
fn fastify_validation_shows_its_message_not_its_reason_phrase() {
    let e = err(400, fixture!("error_400_validation.json"));
    assert_eq!(
        e,
        ApiError::InvalidInput {
            status: 400,
            message: "body/replicas must be >= 0".into()
        }
    );
    assert_eq!(e.user_message(), "body/replicas must be >= 0. (HTTP 400)");
}

#[test]
fn other_refused_input_shows_the_error_text() {
    let e = err(400, fixture!("error_400_error.json"));
    assert_eq!(
        e,
        ApiError::InvalidInput {
            status: 400,
            message: "Deployment is using an incorrect strategy.".into()
        }
    );
}

#[test]
fn incorrect_state_is_a_refusal_with_the_servers_words() {
    let e = err(500, fixture!("error_500_incorrect_state.json"));
    assert_eq!(
        e,
        ApiError::Refused {
            message: "Deployment is in the incorrect state.".into()
        }
    );
    assert_eq!(e.status(), Some(500));
    assert_eq!(
        e.user_message(),
        "Deployment is in the incorrect state. (HTTP 500)"
    );
    assert_eq!(e.to_string(), e.user_message());
    assert!(!e.is_retryable_for_get());
}

#[test]
fn archived_deployment_is_a_refusal() {
    assert_eq!(
        err(500, fixture!("error_500_archived.json")),
        ApiError::Refused {
            message: "Cannot modify an archived deployment.".into()
        }
    );
}

#[test]
fn fastify_shaped_500_is_a_server_fault() {
    let e = err(500, fixture!("error_500_fastify.json"));
    assert_eq!(
        e,
        ApiError::Server {
            status: 500,
            message: "Unexpected token } in JSON at position 12".into()
        }
    );
    assert!(e.user_message().ends_with("(HTTP 500)"));
}

#[test]
fn html_bad_gateway_gets_a_plain_message_and_is_retryable() {
    let e = err(502, fixture!("error_502.html"));
    assert_eq!(
        e,
        ApiError::Server {
            status: 502,
            message: String::new()
        }
    );
    assert_eq!(
        e.user_message(),
        "The API answered with an error: Bad Gateway (HTTP 502)."
    );
    assert!(e.is_retryable_for_get());
}

#[test]
fn plain_text_error_bodies_are_quoted_and_cut() {
    let e = err(503, "upstream connect error");
    assert_eq!(e.user_message(), "upstream connect error. (HTTP 503)");
    let long = "x".repeat(1000);
    let ApiError::Server { message, .. } = err(500, &long) else {
        panic!("expected Server");
    };
    assert!(message.chars().count() <= 301);
    assert!(message.ends_with('…'));
}

#[test]
fn other_client_errors_are_server_errors_with_their_status() {
    let e = err(403, r#"{"error":"Forbidden for this key"}"#);
    assert_eq!(
        e,
        ApiError::Server {
            status: 403,
            message: "Forbidden for this key".into()
        }
    );
    assert_eq!(e.status(), Some(403));
    assert!(!e.is_retryable_for_get());
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
