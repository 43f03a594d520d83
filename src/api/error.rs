//! Every way a call can fail, mapped from HTTP status and body, with a message
//! in plain words that quotes the server.

use std::fmt;

use serde_json::Value;

use super::models::text_field;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// 401: the API key is missing, wrong or expired.
    Unauthorized {
        message: String,
    },
    /// 404 with `{"error": ...}`: the deployment (or job) is not there, or not yours.
    NotFound {
        message: String,
    },
    /// 404 from the framework: this gateway lacks the route (or the method is wrong).
    RouteNotFound {
        message: String,
    },
    /// 400: the server refused the input.
    InvalidInput {
        status: u16,
        message: String,
    },
    /// 500 with a plain `{"error": ...}`: the server refused the action, e.g.
    /// "Deployment is in the incorrect state." (the API uses 500 where 409 would fit).
    Refused {
        message: String,
    },
    /// Any other error status.
    Server {
        status: u16,
        message: String,
    },
    /// The request got no HTTP answer at all (fetch failed).
    Network {
        detail: String,
    },
    Timeout,
    /// A success status whose body is not what the contract promises.
    UnexpectedBody {
        status: u16,
        detail: String,
    },
}

/// Bodies longer than this (an HTML error page, a stack trace) are cut in messages.
const MAX_QUOTE_CHARS: usize = 300;

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Unauthorized { .. } => Some(401),
            ApiError::NotFound { .. } | ApiError::RouteNotFound { .. } => Some(404),
            ApiError::Refused { .. } => Some(500),
            ApiError::InvalidInput { status, .. }
            | ApiError::Server { status, .. }
            | ApiError::UnexpectedBody { status, .. } => Some(*status),
            ApiError::Network { .. } | ApiError::Timeout => None,
        }
    }

    /// What to show the user: the server's own words and the HTTP status.
    pub fn user_message(&self) -> String {
        match self {
            ApiError::Unauthorized { message } => format!(
                "The API key was refused (HTTP 401: {}). Sign in again with a valid key.",
                message.trim().trim_end_matches('.')
            ),
            ApiError::NotFound { message } => format!("{} (HTTP 404)", sentence(message)),
            ApiError::RouteNotFound { message } => format!(
                "This API does not offer this operation: {} (HTTP 404). The API may be an older version.",
                sentence(message)
            ),
            ApiError::InvalidInput { status, message }
            | ApiError::Server { status, message } => {
                if message.is_empty() {
                    format!("The API answered with an error: {} (HTTP {status}).", reason(*status))
                } else {
                    format!("{} (HTTP {status})", sentence(message))
                }
            }
            ApiError::Refused { message } => format!("{} (HTTP 500)", sentence(message)),
            ApiError::Network { .. } => "The request did not reach the API. The likely cause is the \
                 API's CORS policy (serve this app and the API from one origin, see the README) or \
                 a network problem."
                .to_string(),
            ApiError::Timeout => "The API did not answer in time. Try again.".to_string(),
            ApiError::UnexpectedBody { status, .. } => format!(
                "The API's answer could not be read (HTTP {status}). It may be a different version \
                 than this app expects."
            ),
        }
    }

    /// Worth repeating a GET for: the fault is likely passing.
    pub fn is_retryable_for_get(&self) -> bool {
        match self {
            ApiError::Network { .. } => true,
            ApiError::Server { status, .. } => matches!(status, 429 | 502 | 503 | 504),
            _ => false,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.user_message())
    }
}

impl std::error::Error for ApiError {}

/// `Ok` for a success status; otherwise the typed error the status and body stand for.
pub fn map_response(status: u16, body: &str) -> Result<(), ApiError> {
    if (200..300).contains(&status) {
        return Ok(());
    }
    let words = ServerWords::read(body);
    let message = words.best();
    Err(match status {
        0 => ApiError::Network {
            detail: "no HTTP status".into(),
        },
        401 => ApiError::Unauthorized {
            message: or_reason(message, status),
        },
        404 if words.is_route_not_found() => ApiError::RouteNotFound { message },
        404 => ApiError::NotFound {
            message: or_reason(message, status),
        },
        400 => ApiError::InvalidInput {
            status,
            message: or_reason(message, status),
        },
        500 if words.is_plain_refusal() => ApiError::Refused { message },
        _ => ApiError::Server { status, message },
    })
}

/// What the server said, in the shapes the contract lists.
struct ServerWords {
    error: Option<String>,
    message: Option<String>,
    /// Fastify's own replies carry `statusCode`; their `error` is just the reason phrase.
    fastify: bool,
    text: Option<String>,
}

impl ServerWords {
    fn read(body: &str) -> Self {
        let body = body.trim();
        match serde_json::from_str::<Value>(body) {
            Ok(Value::Object(map)) => ServerWords {
                error: text_field(&map, "error"),
                message: text_field(&map, "message"),
                fastify: map.contains_key("statusCode"),
                text: None,
            },
            Ok(Value::String(s)) => ServerWords::text(s.trim()),
            _ => ServerWords::text(body),
        }
    }

    fn text(body: &str) -> Self {
        // An HTML page (a proxy's 502) says nothing useful in a sentence.
        let text = (!body.is_empty() && !body.starts_with('<')).then(|| quote(body));
        ServerWords {
            error: None,
            message: None,
            fastify: false,
            text,
        }
    }

    fn best(&self) -> String {
        let ordered = if self.fastify {
            [&self.message, &self.error]
        } else {
            [&self.error, &self.message]
        };
        ordered
            .into_iter()
            .chain([&self.text])
            .find_map(|s| s.clone())
            .unwrap_or_default()
    }

    fn is_route_not_found(&self) -> bool {
        let route_message = self
            .message
            .as_deref()
            .is_some_and(|m| m.starts_with("Route ") && m.ends_with("not found"));
        route_message && self.error.as_deref() == Some("Not Found")
    }

    fn is_plain_refusal(&self) -> bool {
        self.error.is_some() && !self.fastify
    }
}

fn or_reason(message: String, status: u16) -> String {
    if message.is_empty() {
        reason(status).to_string()
    } else {
        message
    }
}

fn quote(text: &str) -> String {
    if text.chars().count() <= MAX_QUOTE_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX_QUOTE_CHARS).collect();
    format!("{}…", cut.trim_end())
}

/// Ends the server's words with a full stop unless they already have one.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?', '…']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    }
}
