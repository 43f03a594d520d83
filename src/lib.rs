//! Nosana Deployments: a browser app for managing Nosana GPU deployments.
//!
//! `api` and `domain` are plain Rust and are unit-tested on the native target;
//! everything that touches the browser is compiled for wasm32 only.

pub mod api;
pub mod domain;
pub mod nav;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod client;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod session;
