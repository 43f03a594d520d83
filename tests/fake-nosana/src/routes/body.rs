//! Body parsing the way Fastify does it: JSON only where a route has a body
//! schema, and `Content-Type: application/json` with an empty body refused
//! everywhere (the mistake a client makes by setting it on every request).

use axum::http::{header, HeaderMap, Method};
use serde_json::Value;

use crate::errors::ApiError;

/// Parses the body for a route. `Some` only when a JSON body was sent.
pub fn parse(
    takes_body: bool,
    method: &Method,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Option<Value>, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    match content_type {
        Some(ct) if is_json(&ct) => {
            if body.is_empty() {
                return Err(ApiError::EmptyJsonBody);
            }
            serde_json::from_slice(body)
                .map(Some)
                .map_err(|_| ApiError::InvalidJsonBody)
        }
        None if takes_body => Err(ApiError::UnsupportedMediaType("undefined".into())),
        Some(ct) if takes_body => Err(ApiError::UnsupportedMediaType(ct)),
        // A bodyless POST or DELETE: Fastify still parses what is sent, and has
        // a parser for plain text only.
        Some(ct) if *method != Method::GET && *method != Method::HEAD && !is_text(&ct) => {
            Err(ApiError::UnsupportedMediaType(ct))
        }
        _ => Ok(None),
    }
}

fn media_type(ct: &str) -> String {
    ct.split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn is_json(ct: &str) -> bool {
    media_type(ct) == "application/json"
}

fn is_text(ct: &str) -> bool {
    media_type(ct) == "text/plain"
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(ct: Option<&'static str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(ct) = ct {
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
        }
        h
    }

    #[test]
    fn body_routes_need_json() {
        let parse_body = |ct, body: &[u8]| parse(true, &Method::PATCH, &headers(ct), body);
        assert_eq!(
            parse_body(None, b"{}"),
            Err(ApiError::UnsupportedMediaType("undefined".into()))
        );
        assert_eq!(
            parse_body(Some("text/plain"), b"{}"),
            Err(ApiError::UnsupportedMediaType("text/plain".into()))
        );
        assert_eq!(
            parse_body(Some("application/json"), b""),
            Err(ApiError::EmptyJsonBody)
        );
        assert_eq!(
            parse_body(Some("application/json"), b"{"),
            Err(ApiError::InvalidJsonBody)
        );
        assert_eq!(
            parse_body(Some("Application/JSON; charset=utf-8"), b"{\"a\":1}"),
            Ok(Some(serde_json::json!({"a": 1})))
        );
    }

    #[test]
    fn bodyless_routes_refuse_an_empty_json_body() {
        for method in [Method::GET, Method::POST, Method::DELETE] {
            assert_eq!(
                parse(false, &method, &headers(Some("application/json")), b""),
                Err(ApiError::EmptyJsonBody)
            );
            assert_eq!(parse(false, &method, &headers(None), b""), Ok(None));
        }
        assert_eq!(
            parse(
                false,
                &Method::POST,
                &headers(Some("text/plain;charset=UTF-8")),
                b""
            ),
            Ok(None)
        );
        assert!(parse(
            false,
            &Method::POST,
            &headers(Some("application/xml")),
            b"<a/>"
        )
        .is_err());
    }
}
