//! A strict, faithful test double of the Nosana deployments API (see
//! `shared/nosana-api.md`), serving the built app on the same origin.
//!
//! `build_app` gives the whole server as a router (tests drive it directly);
//! `serve` runs it on a socket.

pub mod cli;
mod clock;
mod errors;
mod faults;
mod hub;
mod model;
mod nodes;
mod pagination;
mod requestlog;
mod rng;
mod routes;
mod seed;
mod server;
mod state;
mod static_files;
mod store;
mod stream;
mod transitions;
pub mod validate;

use axum::http::{header, Method};
use axum::routing::{any, get};
use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};

pub use cli::Options;
pub use server::serve;

/// The whole server: `/api`, `/__fake`, the node double under `/nodes`, `/config.json`
/// and the static app. Spawns the
/// background tick for automatic status changes, so it needs a Tokio runtime.
pub fn build_app(opts: &Options) -> Router {
    let app = state::App::new(opts);
    transitions::spawn(&app);
    let api = Router::new()
        .route("/api", any(routes::api))
        .route("/api/", any(routes::api))
        .route("/api/{*rest}", any(routes::api))
        .route("/config.json", get(nodes::config_json))
        .merge(routes::control::router())
        .merge(nodes::control::router())
        .layer(cors());
    // The node double has its own CORS (any origin), so it stays outside the API's.
    Router::new()
        .merge(api)
        .merge(nodes::router())
        .with_state(app)
        .fallback_service(
            static_files::router(opts.dist.as_deref(), opts.csp.as_deref()).layer(cors()),
        )
}

/// Preflights are answered here, before logging, faults and auth, for any
/// origin. (The real gateway's policy is unpublished; the app must cope with
/// a refusal, which tests can't provoke here by design.)
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::mirror_request())
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PATCH,
            Method::DELETE,
            Method::HEAD,
        ])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
}
