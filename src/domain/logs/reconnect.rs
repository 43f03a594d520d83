//! When a job's `/flog` socket closes: reconnect with backoff, refresh the node header once,
//! or give up with the reason in plain words.

use crate::api::node::errors::{close_reason, CloseAdvice};

/// First retry after 1 s, doubling, at most 30 s.
pub const FIRST_DELAY_MS: u32 = 1_000;
pub const MAX_DELAY_MS: u32 = 30_000;

/// What to do after a close.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// Open a new socket after this many ms (call `JobLog::reconnected` first: dedupe).
    Reconnect { after_ms: u32, reason: &'static str },
    /// Get a new node header, then reconnect at once.
    RefreshHeader { reason: &'static str },
    /// Stop; show the reason.
    GiveUp { reason: &'static str },
}

/// One job's socket retry state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SocketRetry {
    failures: u32,
    refreshed: bool,
}

impl SocketRetry {
    /// A frame arrived: the connection works, so the next drop starts the backoff over.
    /// (A header that once worked may be refreshed again later.)
    pub fn on_frame(&mut self) {
        self.failures = 0;
        self.refreshed = false;
    }

    /// The socket closed with `code` (1006 when the browser gives none).
    pub fn on_close(&mut self, code: u16) -> NextStep {
        let (reason, advice) = close_reason(code);
        match advice {
            CloseAdvice::Stop => NextStep::GiveUp { reason },
            CloseAdvice::RefreshHeader if !self.refreshed => {
                self.refreshed = true;
                NextStep::RefreshHeader { reason }
            }
            CloseAdvice::RefreshHeader => NextStep::GiveUp {
                reason: "The node refused the authorization header again. Reload the page to sign in anew.",
            },
            CloseAdvice::Reconnect => {
                let after_ms = delay_ms(self.failures);
                self.failures = self.failures.saturating_add(1);
                NextStep::Reconnect { after_ms, reason }
            }
        }
    }
}

/// The delay before retry number `failures` (0-based): 1 s, 2 s, 4 s ... 30 s.
pub fn delay_ms(failures: u32) -> u32 {
    FIRST_DELAY_MS
        .saturating_mul(1u32.checked_shl(failures.min(16)).unwrap_or(u32::MAX))
        .min(MAX_DELAY_MS)
}
