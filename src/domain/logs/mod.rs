//! Job logs with no I/O: lines from the node and from results, per-job buffers with a cap,
//! dedupe after a reconnect, progress folding, one merged time-ordered view, the filter and
//! its URL, ANSI styling, downloads and permalinks.
//!
//! Cost model (the hot paths run on the main thread at 2,000 lines/s with 100k lines):
//! appending in-order live lines is O(log n) each (amortised), refiltering is O(n · line
//! length), a full merge is O(n · log jobs), and nothing re-sorts unless lines arrive out of
//! order (the node's replay), then one adaptive sort of that job's lines.

/// ANSI SGR codes -> styled spans; stripping for search and download.
pub mod ansi;
/// The cap on what is displayed of one very long line.
pub mod display;
/// The "Download logs" text.
pub mod download;
/// The filter (replicas, op, levels, search) and its query string.
pub mod filter;
/// One job's lines: cap, dedupe, progress folding, result replacing live lines.
pub mod job_log;
/// One log line and its permalink id.
pub mod line;
/// Progress frames folded into one updating line per layer or download.
pub mod progress;
/// Reconnecting a job's socket: backoff, header refresh, giving up.
pub mod reconnect;
/// Replica labels and colours.
pub mod replica;
/// A job's op states and exit codes, from the node or the result.
pub mod status;
/// All jobs' lines merged by time, and the filtered rows the view shows.
pub mod store;

#[cfg(test)]
mod tests;

pub use filter::{Levels, LogFilter};
pub use job_log::JobLog;
pub use line::{LineId, LogLine, Stream};
pub use store::LogStore;
