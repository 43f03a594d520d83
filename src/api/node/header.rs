//! The node header `<message>:<signature>`: signed by the API on behalf of an API-key account.

use serde::Deserialize;
use serde_json::json;

use crate::api::query::encode_component;
use crate::api::request::{ApiRequest, Method};

/// The message the node header signs.
pub const AUTH_MESSAGE: &str = "nosana-auth";

/// `POST /auth/sign-message/external` `{"message":"nosana-auth","includeTime":false}`.
pub fn sign_message() -> ApiRequest<SignedMessage> {
    ApiRequest::new(Method::Post, "/auth/sign-message/external")
        .with_body(json!({ "message": AUTH_MESSAGE, "includeTime": false }))
}

/// The fallback where the sign route is missing (404 route-not-found):
/// `GET /deployments/{id}/header?message=nosana-auth&includeTime=false`.
pub fn header_fallback(deployment: &str) -> ApiRequest<HeaderAnswer> {
    ApiRequest::new(
        Method::Get,
        format!("/deployments/{}/header", encode_component(deployment)),
    )
    .with_query(vec![
        ("message".into(), AUTH_MESSAGE.into()),
        ("includeTime".into(), "false".into()),
    ])
}

/// 200 of the sign route. Its `Debug` hides the signature.
#[derive(Clone, Deserialize)]
pub struct SignedMessage {
    pub signature: String,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(rename = "userAddress", default)]
    pub user_address: Option<String>,
}

impl std::fmt::Debug for SignedMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedMessage")
            .field("message", &self.message)
            .field("user_address", &self.user_address)
            .finish_non_exhaustive()
    }
}

impl SignedMessage {
    /// `message + ":" + signature` (no `Bearer`); the message defaults to `nosana-auth`.
    pub fn header(&self) -> String {
        let message = self
            .message
            .as_deref()
            .filter(|m| !m.is_empty())
            .unwrap_or(AUTH_MESSAGE);
        format!("{message}:{}", self.signature.trim())
    }
}

/// 200 of the fallback route: `{"header": "..."}`. Its `Debug` hides the value.
#[derive(Clone, Deserialize)]
pub struct HeaderAnswer {
    pub header: String,
}

impl std::fmt::Debug for HeaderAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HeaderAnswer { .. }")
    }
}

impl HeaderAnswer {
    /// The value as is when it holds a `:`; a bare signature gets `nosana-auth:` in front.
    pub fn header(&self) -> String {
        let value = self.header.trim();
        if value.contains(':') {
            value.to_string()
        } else {
            format!("{AUTH_MESSAGE}:{value}")
        }
    }
}
