//! A request described as data (method, path, query, body, answer type), so
//! everything but the sending is plain Rust and tested natively.

use std::fmt;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::{map_response, ApiError};
use super::query::encode_query;

/// Where to send requests and with which key.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiConfig {
    /// e.g. `https://dashboard.k8s.prd.nos.ci/api`, or `/api` behind a same-origin proxy.
    pub base_url: String,
    pub api_key: String,
}

/// What is wrong with a key, by the one rule both the sign-in form and the
/// `Authorization` header follow: surrounding whitespace is dropped, and what
/// is left must be non-empty printable ASCII without spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyProblem {
    Empty,
    /// Spaces or line breaks inside the key, typically a bad paste.
    Whitespace,
    /// Characters a header cannot carry (the browser would throw).
    Unsendable,
}

/// The key as it is sent (trimmed), or why it cannot be.
pub fn check_api_key(key: &str) -> Result<&str, KeyProblem> {
    let key = key.trim();
    if key.is_empty() {
        Err(KeyProblem::Empty)
    } else if key.chars().any(char::is_whitespace) {
        Err(KeyProblem::Whitespace)
    } else if !key.bytes().all(|b| b.is_ascii_graphic()) {
        Err(KeyProblem::Unsendable)
    } else {
        Ok(key)
    }
}

impl ApiConfig {
    /// The `Authorization` header value; a key `check_api_key` refuses is
    /// refused here too.
    pub fn authorization(&self) -> Result<String, ApiError> {
        match check_api_key(&self.api_key) {
            Ok(key) => Ok(format!("Bearer {key}")),
            Err(_) => Err(ApiError::Unauthorized {
                message:
                    "The API key is empty or contains spaces or characters that cannot be sent"
                        .into(),
            }),
        }
    }
}

/// Never prints the key: configs end up in logs and panic messages.
impl fmt::Debug for ApiConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = if self.api_key.is_empty() {
            "<empty>"
        } else {
            "<redacted>"
        };
        f.debug_struct("ApiConfig")
            .field("base_url", &self.base_url)
            .field("api_key", &key)
            .finish()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// A call that answers with a `T`. DELETE answers `()` (204, empty body).
pub struct ApiRequest<T> {
    pub method: Method,
    /// Relative to the base URL, with ids already percent-encoded, e.g. `/deployments/ID/start`.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<Value>,
    _t: PhantomData<fn() -> T>,
}

impl<T> ApiRequest<T> {
    pub fn new(method: Method, path: impl Into<String>) -> Self {
        ApiRequest {
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
            _t: PhantomData,
        }
    }

    pub fn with_query(mut self, pairs: Vec<(String, String)>) -> Self {
        self.query.extend(pairs);
        self
    }

    pub fn with_body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// Joins the base URL and the path with exactly one `/`.
    pub fn url(&self, base_url: &str) -> String {
        let base = base_url.trim().trim_end_matches('/');
        let path = self.path.trim_start_matches('/');
        let mut url = format!("{base}/{path}");
        if !self.query.is_empty() {
            url.push('?');
            url.push_str(&encode_query(&self.query));
        }
        url
    }

    /// The server refuses `Content-Type: application/json` with an empty body,
    /// so the header goes only with a body.
    pub fn content_type(&self) -> Option<&'static str> {
        self.body.as_ref().map(|_| "application/json")
    }

    /// The body as sent on the wire.
    pub fn body_text(&self) -> Option<String> {
        self.body.as_ref().map(Value::to_string)
    }
}

impl<T: DeserializeOwned> ApiRequest<T> {
    /// Turns an HTTP answer into the typed result.
    pub fn decode(&self, status: u16, body: &str) -> Result<T, ApiError> {
        map_response(status, body)?;
        // An empty body (DELETE's 204) reads as JSON `null`, which is what `()` expects.
        let text = if body.trim().is_empty() { "null" } else { body };
        serde_json::from_str(text).map_err(|e| ApiError::UnexpectedBody {
            status,
            detail: e.to_string(),
        })
    }
}

impl<T> Clone for ApiRequest<T> {
    fn clone(&self) -> Self {
        ApiRequest {
            method: self.method,
            path: self.path.clone(),
            query: self.query.clone(),
            body: self.body.clone(),
            _t: PhantomData,
        }
    }
}

impl<T> fmt::Debug for ApiRequest<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("body", &self.body)
            .finish()
    }
}

impl<T> PartialEq for ApiRequest<T> {
    fn eq(&self, other: &Self) -> bool {
        self.method == other.method
            && self.path == other.path
            && self.query == other.query
            && self.body == other.body
    }
}
