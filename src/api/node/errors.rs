//! What a node's refusals mean, in plain words, and what the client should do next.

/// What to do after a `/flog` socket closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseAdvice {
    /// Reconnect with backoff (network drop, node restart, unknown code).
    Reconnect,
    /// Get a new node header once, then reconnect.
    RefreshHeader,
    /// Do not reconnect: the node will not serve this job.
    Stop,
}

/// A socket close code in plain words, and the advice for it.
pub fn close_reason(code: u16) -> (&'static str, CloseAdvice) {
    match code {
        1008 => (
            "This node is not running the job (it has not started, it has ended, or it moved to another node).",
            CloseAdvice::Stop,
        ),
        3000 => (
            "The node refused the authorization header. Getting a new one and trying again.",
            CloseAdvice::RefreshHeader,
        ),
        1007 => ("The node does not know this job.", CloseAdvice::Stop),
        1011 => (
            "The node could not read the log request (bad handshake).",
            CloseAdvice::Stop,
        ),
        1000 => ("The node closed the log stream.", CloseAdvice::Reconnect),
        _ => (
            "The connection to the node was lost. Reconnecting…",
            CloseAdvice::Reconnect,
        ),
    }
}

/// An HTTP status from a node route (`/job/{job}/info` and friends) in plain words.
pub fn http_status_message(status: u16) -> String {
    match status {
        401 | 403 => "The node refused the authorization header (401).".to_string(),
        404 => {
            "The node has no such job: it has not started there, or it has ended (404).".to_string()
        }
        0 => "The node could not be reached (network error or blocked by the browser).".to_string(),
        s if s >= 500 => format!("The node failed to answer ({s})."),
        s => format!("The node answered with HTTP {s}."),
    }
}
