//! Opt-in alerts: which status changes of a followed deployment deserve a
//! notification, and the throttle (one per deployment per 5 minutes).
//!
//! The first status seen of a deployment is only remembered: opening a page
//! full of STOPPED deployments is not news. A change *into* ERROR,
//! INSUFFICIENT_FUNDS or STOPPED is.

use std::collections::HashMap;

use crate::api::models::Status;

/// At most one notification per deployment in this window.
pub const THROTTLE_MS: f64 = 5.0 * 60.0 * 1000.0;
/// The light poll of followed deployments runs no more often than this.
pub const POLL_MS: u32 = 30_000;

/// What a notification says, and which deployment a click opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub id: String,
    pub title: String,
    pub body: String,
}

pub fn is_alarming(status: Status) -> bool {
    matches!(
        status,
        Status::Error | Status::InsufficientFunds | Status::Stopped
    )
}

#[derive(Debug, Default)]
pub struct Tracker {
    seen: HashMap<String, Status>,
    notified_at: HashMap<String, f64>,
}

impl Tracker {
    /// Records the status of `id` as seen at `now_ms`; `Some` when it changed
    /// into an alarming status and the deployment was not notified about in
    /// the last 5 minutes.
    pub fn observe(&mut self, id: &str, name: &str, status: Status, now_ms: f64) -> Option<Alert> {
        let before = self.seen.insert(id.to_string(), status)?;
        if before == status || !is_alarming(status) {
            return None;
        }
        if let Some(at) = self.notified_at.get(id) {
            if now_ms - at < THROTTLE_MS {
                return None;
            }
        }
        self.notified_at.insert(id.to_string(), now_ms);
        let shown = if name.trim().is_empty() { id } else { name };
        Some(Alert {
            id: id.to_string(),
            title: format!("{shown}: {}", status.as_str()),
            body: format!("Deployment {shown} is now {}.", status.as_str()),
        })
    }

    /// Forgets what was seen (alerts turned off), so turning them on again
    /// starts from the statuses then on screen.
    pub fn forget(&mut self) {
        self.seen.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_status_seen_is_only_remembered() {
        let mut t = Tracker::default();
        assert_eq!(t.observe("a", "llm", Status::Error, 0.0), None);
        assert_eq!(t.observe("a", "llm", Status::Error, 1.0), None);
    }

    #[test]
    fn a_change_into_error_funds_or_stopped_alerts() {
        for status in [Status::Error, Status::InsufficientFunds, Status::Stopped] {
            let mut t = Tracker::default();
            t.observe("a", "llm", Status::Running, 0.0);
            let alert = t.observe("a", "llm", status, 1.0).expect("alert");
            assert_eq!(alert.id, "a");
            assert_eq!(alert.title, format!("llm: {}", status.as_str()));
        }
        let mut t = Tracker::default();
        t.observe("a", "llm", Status::Stopped, 0.0);
        assert_eq!(t.observe("a", "llm", Status::Starting, 1.0), None);
        assert_eq!(t.observe("a", "llm", Status::Running, 2.0), None);
    }

    #[test]
    fn one_alert_per_deployment_per_five_minutes() {
        let mut t = Tracker::default();
        t.observe("a", "x", Status::Running, 0.0);
        assert!(t.observe("a", "x", Status::Error, 1_000.0).is_some());
        t.observe("a", "x", Status::Running, 2_000.0);
        assert!(t
            .observe("a", "x", Status::Stopped, 1_000.0 + THROTTLE_MS - 1.0)
            .is_none());
        // Another deployment is not held back by the first.
        t.observe("b", "y", Status::Running, 0.0);
        assert!(t.observe("b", "y", Status::Error, 3_000.0).is_some());
        t.observe("a", "x", Status::Running, THROTTLE_MS);
        assert!(t
            .observe("a", "x", Status::Error, 1_000.0 + THROTTLE_MS)
            .is_some());
    }
}
