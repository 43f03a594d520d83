//! Every refusal the fake can answer, in the exact shapes the real service uses:
//! Fastify's own errors (`statusCode`/`code`/`error`/`message`), the service's
//! `{"error": ...}` bodies, and the gateway's plain-text 401.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

pub const INCORRECT_STATE: &str = "Deployment is in the incorrect state.";
pub const ARCHIVED: &str = "Cannot modify an archived deployment.";
pub const DEPLOYMENT_NOT_FOUND: &str = "Deployment not found.";
pub const JOB_NOT_FOUND: &str = "Job not found.";
pub const REVISION_NOT_FOUND: &str = "Revision not found.";
pub const MARKET_NOT_FOUND: &str = "Market not found.";
pub const INVALID_CRON: &str = "Invalid cron expression.";
pub const WRONG_STRATEGY: &str = "Deployment is using an incorrect strategy.";
pub const ROTATION_TOO_LONG: &str =
    "rotation_time must be at least 10 minutes less than the timeout.";
pub const INVALID_CURSOR: &str = "Invalid cursor.";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// 401 from the gateway, as plain text.
    Unauthorized,
    /// Fastify's 404 for an unknown path or a method the path lacks.
    RouteNotFound {
        method: String,
        url: String,
    },
    /// Fastify schema validation, e.g. `body/replicas must be >= 0`.
    Validation(String),
    EmptyJsonBody,
    InvalidJsonBody,
    /// The media type as sent, or `undefined` when the header is missing.
    UnsupportedMediaType(String),
    BodyTooLarge,
    /// 400 `{"error": ...}` from a handler.
    BadRequest(&'static str),
    /// 404 `{"error": ...}` from a handler.
    NotFound(&'static str),
    /// The service answers refused actions with 500, not 409.
    Refused(&'static str),
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::RouteNotFound { .. } | ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Validation(_)
            | ApiError::EmptyJsonBody
            | ApiError::InvalidJsonBody
            | ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Refused(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn body(&self) -> Value {
        match self {
            ApiError::Unauthorized => Value::Null,
            ApiError::RouteNotFound { method, url } => json!({
                "message": format!("Route {method}:{url} not found"),
                "error": "Not Found",
                "statusCode": 404,
            }),
            ApiError::Validation(message) => {
                fastify(400, "FST_ERR_VALIDATION", "Bad Request", message)
            }
            ApiError::EmptyJsonBody => fastify(
                400,
                "FST_ERR_CTP_EMPTY_JSON_BODY",
                "Bad Request",
                "Body cannot be empty when content-type is set to 'application/json'",
            ),
            ApiError::InvalidJsonBody => fastify(
                400,
                "FST_ERR_CTP_INVALID_JSON_BODY",
                "Bad Request",
                "Body is not valid JSON but content-type is set to 'application/json'",
            ),
            ApiError::UnsupportedMediaType(ct) => fastify(
                415,
                "FST_ERR_CTP_INVALID_MEDIA_TYPE",
                "Unsupported Media Type",
                &format!("Unsupported Media Type: {ct}"),
            ),
            ApiError::BodyTooLarge => fastify(
                413,
                "FST_ERR_CTP_BODY_TOO_LARGE",
                "Payload Too Large",
                "Request body is too large",
            ),
            ApiError::BadRequest(m) | ApiError::NotFound(m) | ApiError::Refused(m) => {
                json!({ "error": m })
            }
        }
    }
}

fn fastify(status: u16, code: &str, error: &str, message: &str) -> Value {
    json!({ "statusCode": status, "code": code, "error": error, "message": message })
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self == ApiError::Unauthorized {
            return (
                StatusCode::UNAUTHORIZED,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "Unauthorized",
            )
                .into_response();
        }
        json_response(self.status(), &self.body())
    }
}

/// JSON with the content type Fastify sends.
pub fn json_response(status: StatusCode, value: &Value) -> Response {
    let mut res = (status, value.to_string()).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    res
}

pub type ApiResult = Result<Response, ApiError>;

/// A 200 JSON answer.
pub fn ok(value: Value) -> ApiResult {
    Ok(json_response(StatusCode::OK, &value))
}
