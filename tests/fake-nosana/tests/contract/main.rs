//! The fake enforces the contract in `shared/nosana-api.md`. One test binary,
//! one module per area.

mod auth;
mod binary;
mod control;
mod cors_static;
mod create;
mod faults;
mod lists;
mod modify;
mod node_auth;
mod node_control;
mod node_flog;
mod node_info;
mod node_support;
mod node_trouble;
mod node_usage;
mod requests;
mod status_table;
mod stream;
mod support;
