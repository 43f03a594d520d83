//! The built app from `--dist`, on the same origin as the API: files (with
//! precompressed siblings), and `index.html` for every other path so deep links
//! work. HTML is `no-cache` so a new build is picked up on reload.

use std::path::Path;

use axum::extract::State;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::map_response_with_state;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

pub fn router(dist: Option<&Path>, csp: Option<&str>) -> Router {
    let Some(dist) = dist else {
        return Router::new().fallback(|| async { (StatusCode::NOT_FOUND, "Not Found") });
    };
    let index = ServeFile::new(dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    let csp = csp.and_then(|c| HeaderValue::from_str(c).ok());
    Router::new()
        .fallback_service(files)
        .layer(map_response_with_state(csp, add_headers))
}

async fn add_headers(State(csp): State<Option<HeaderValue>>, mut res: Response) -> Response {
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|ct| ct.as_bytes().starts_with(b"text/html"));
    let headers = res.headers_mut();
    if is_html {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    if let Some(csp) = csp {
        headers.insert(HeaderName::from_static("content-security-policy"), csp);
    }
    res.into_response()
}
