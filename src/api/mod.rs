//! The Nosana API client: models, request building, error mapping. Pure Rust except `http`.
//!
//! A call is built as data by `endpoints` (an `ApiRequest<T>`), sent by
//! `http::send`, and its answer decoded into `T` or an `ApiError`.

pub mod app_config;
pub mod endpoints;
pub mod error;
#[cfg(target_arch = "wasm32")]
pub mod http;
pub mod models;
pub mod networks;
pub mod node;
pub mod query;
pub mod request;
pub mod sse;

#[cfg(test)]
mod tests;

pub use error::ApiError;
pub use request::{ApiConfig, ApiRequest, Method};
