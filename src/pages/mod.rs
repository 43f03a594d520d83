//! One module per route: render and wire actions; no URL or JSON work here.

pub mod create;
pub mod detail;
pub mod edit;
pub mod list;
pub mod not_found;
pub mod sign_in;
