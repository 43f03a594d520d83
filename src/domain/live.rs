//! Following a deployment live: what a stream frame changes, and what to do
//! when the stream fails (reconnect with backoff, or fall back to polling).

use crate::api::error::ApiError;
use crate::api::models::{Deployment, DeploymentFrame};

/// Consecutive failures after which the stream is given up for polling.
pub const MAX_STREAM_FAILURES: u32 = 5;
const FIRST_RETRY_MS: u32 = 1_000;
const MAX_RETRY_MS: u32 = 30_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Reconnect { after_ms: u32 },
    Poll,
}

/// How the page currently learns about changes, for the user to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Connecting,
    Live,
    Polling,
    Paused,
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Connecting => "Connecting…",
            Mode::Live => "Live",
            Mode::Polling => "Polling",
            Mode::Paused => "Paused while the tab is hidden",
        }
    }
}

/// Counts failures since the last frame that arrived.
#[derive(Debug, Clone, Default)]
pub struct Reconnect {
    failures: u32,
}

impl Reconnect {
    /// A frame arrived: the stream works, start counting afresh.
    pub fn on_frame(&mut self) {
        self.failures = 0;
    }

    /// The stream could not be opened or broke off.
    pub fn on_failure(&mut self, error: &ApiError) -> Next {
        // An older gateway without the route: no point in trying again.
        if matches!(error, ApiError::RouteNotFound { .. }) {
            return Next::Poll;
        }
        self.failures += 1;
        if self.failures >= MAX_STREAM_FAILURES {
            return Next::Poll;
        }
        let after_ms = FIRST_RETRY_MS
            .saturating_mul(2u32.saturating_pow(self.failures - 1))
            .min(MAX_RETRY_MS);
        Next::Reconnect { after_ms }
    }
}

/// Applies a deployment frame; true when something visible changed.
pub fn apply(deployment: &mut Deployment, frame: &DeploymentFrame) -> bool {
    let before = (
        deployment.status,
        deployment.replicas,
        deployment.active_revision,
    );
    if let Some(status) = frame.status {
        deployment.status = status;
    }
    if let Some(replicas) = frame.replicas {
        deployment.replicas = replicas;
    }
    if let Some(revision) = frame.active_revision {
        deployment.active_revision = revision;
    }
    before
        != (
            deployment.status,
            deployment.replicas,
            deployment.active_revision,
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::Status;

    fn network() -> ApiError {
        ApiError::Network {
            detail: "reset".into(),
        }
    }

    #[test]
    fn missing_route_falls_back_to_polling_at_once() {
        let mut r = Reconnect::default();
        let error = ApiError::RouteNotFound {
            message: "Route GET:/x not found".into(),
        };
        assert_eq!(r.on_failure(&error), Next::Poll);
    }

    #[test]
    fn failures_back_off_then_give_up() {
        let mut r = Reconnect::default();
        let delays: Vec<Next> = (0..5).map(|_| r.on_failure(&network())).collect();
        assert_eq!(
            delays,
            [
                Next::Reconnect { after_ms: 1_000 },
                Next::Reconnect { after_ms: 2_000 },
                Next::Reconnect { after_ms: 4_000 },
                Next::Reconnect { after_ms: 8_000 },
                Next::Poll,
            ]
        );
    }

    #[test]
    fn a_frame_resets_the_count() {
        let mut r = Reconnect::default();
        for _ in 0..4 {
            r.on_failure(&network());
        }
        r.on_frame();
        assert_eq!(
            r.on_failure(&network()),
            Next::Reconnect { after_ms: 1_000 }
        );
    }

    #[test]
    fn frames_change_only_what_they_carry() {
        let json = include_str!("../../tests/fixtures/api/deployment_simple.json");
        let mut d: Deployment = serde_json::from_str(json).unwrap();
        let replicas = d.replicas;
        let frame = DeploymentFrame {
            status: Some(Status::Stopping),
            ..Default::default()
        };
        assert!(apply(&mut d, &frame));
        assert_eq!(d.status, Status::Stopping);
        assert_eq!(d.replicas, replicas);
        assert!(
            !apply(&mut d, &frame),
            "the same frame twice changes nothing"
        );
    }
}
