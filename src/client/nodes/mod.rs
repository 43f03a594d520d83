//! Reaching the nodes that run jobs: access (address, header), log sockets, status streams.

pub mod access;
pub mod endpoints;
pub mod flog;
pub mod info;
pub mod ops;
pub mod sse;
/// Resource figures (`/stats`, `/stats/stream`) and the host (`/node/info`).
pub mod stats;
