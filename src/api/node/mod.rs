//! Talking to the node that runs a job (contract: "Job logs and job status: the nodes").
//! Pure: addresses, handshakes, frame and result models, error wording. The sockets and
//! streams themselves live in `crate::client::nodes`.

/// Where a job's node lives: base URL, WebSocket URL, `/job/{job}/info` URL.
pub mod address;
/// Close codes and HTTP statuses from a node, in plain words.
pub mod errors;
/// The `/flog` WebSocket: handshake and server frames (TaskLog).
pub mod flog;
/// The node header: the sign-message request and its fallback.
pub mod header;
/// `GET {node}/job/{job}/info` SSE frames: each op's status and exit code.
pub mod info;
/// Past logs and exit codes from the job's result (`jobResult.opStates`).
pub mod result;
/// Newer nodes' endpoint and op routes: URLs, answers, a missing route told from a missing job.
pub mod routes;
/// Resource samples (`/stats`, `/stats/stream`) and the host (`/node/info`).
pub mod stats;
/// A `/stats` answer read item by item as its bytes arrive.
pub mod stats_reader;

#[cfg(test)]
mod fast_parse_tests;
#[cfg(test)]
mod stats_reader_tests;
#[cfg(test)]
mod tests;
