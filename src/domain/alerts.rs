//! Opt-in alerts: which status changes of a followed deployment deserve a
//! notification, and the throttle (one per deployment per 5 minutes).
//!
//! The first status seen of a deployment is only remembered: opening a page
//! full of STOPPED deployments is not news. A change *into* ERROR,
//! INSUFFICIENT_FUNDS or STOPPED is. So is a job seen running that ends with
//! an op exiting non-zero (read from the job's uploaded result).

mod followed;
mod job_watch;

use std::collections::HashMap;

pub use followed::{running_jobs, Followed, PollPlan};
pub use job_watch::JobWatch;

use crate::api::models::Status;
use crate::api::node::result::JobResult;

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

/// The first op of a result that exited non-zero: its id and exit code.
pub fn failed_op(result: &JobResult) -> Option<(&str, i64)> {
    result.ops.iter().find_map(|op| match op.exit_code {
        Some(code) if code != 0 => Some((op.operation_id.as_str(), code)),
        _ => None,
    })
}

/// A job address in short form: its first four characters and an ellipsis.
pub fn short_job(job: &str) -> String {
    let head: String = job.chars().take(4).collect();
    if head.len() < job.len() {
        format!("{head}\u{2026}")
    } else {
        head
    }
}

/// Waits before each read of an ended job's result while it is not uploaded:
/// 2 s, 4 s, 8 s, then every 15 s; `None` once about 2 minutes have passed.
pub fn result_retry_ms(attempt: u32) -> Option<u32> {
    const DELAYS: [u32; 10] = [
        2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000,
    ];
    DELAYS.get(attempt as usize).copied()
}

#[derive(Debug, Default)]
pub struct Tracker {
    seen: HashMap<String, Status>,
    notified_at: HashMap<String, f64>,
    /// Jobs seen RUNNING on an open page (alerts on or not: the stream's
    /// snapshot comes once, often before "Notify me" is pressed) or by the poll.
    pub jobs: JobWatch,
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
        if !self.may_notify(id, now_ms) {
            return None;
        }
        let shown = shown_name(id, name);
        Some(Alert {
            id: id.to_string(),
            title: format!("{shown}: {}", status.as_str()),
            body: format!("Deployment {shown} is now {}.", status.as_str()),
        })
    }

    /// The result of an ended job of `id`: `Some` when an op exited non-zero
    /// and the deployment was not notified about in the last 5 minutes.
    pub fn job_result(
        &mut self,
        id: &str,
        name: &str,
        job: &str,
        result: &JobResult,
        now_ms: f64,
    ) -> Option<Alert> {
        let (op, code) = failed_op(result)?;
        if !self.may_notify(id, now_ms) {
            return None;
        }
        Some(Alert {
            id: id.to_string(),
            title: format!("{}: job failed", shown_name(id, name)),
            body: format!(
                "Job {}: op \"{op}\" exited with code {code}.",
                short_job(job)
            ),
        })
    }

    /// The shared throttle: records `now_ms` when a notification may go.
    fn may_notify(&mut self, id: &str, now_ms: f64) -> bool {
        if let Some(at) = self.notified_at.get(id) {
            if now_ms - at < THROTTLE_MS {
                return false;
            }
        }
        self.notified_at.insert(id.to_string(), now_ms);
        true
    }

    /// Forgets what was seen (alerts turned off), so turning them on again
    /// starts from the statuses then on screen.
    pub fn forget(&mut self) {
        self.seen.clear();
        self.jobs.forget_polled();
    }
}

fn shown_name<'a>(id: &'a str, name: &'a str) -> &'a str {
    if name.trim().is_empty() {
        id
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::node::result::ResultOp;

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

    fn result(codes: &[Option<i64>]) -> JobResult {
        JobResult {
            ops: codes
                .iter()
                .enumerate()
                .map(|(i, code)| ResultOp {
                    operation_id: format!("op{i}"),
                    exit_code: *code,
                    ..ResultOp::default()
                })
                .collect(),
            ..JobResult::default()
        }
    }

    const JOB: &str = "7xK2tg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU";

    #[test]
    fn a_non_zero_exit_code_alerts_with_name_job_op_and_code() {
        let mut t = Tracker::default();
        assert_eq!(
            t.job_result("a", "llm", JOB, &result(&[Some(0), None]), 0.0),
            None
        );
        let alert = t
            .job_result("a", "llm", JOB, &result(&[Some(0), Some(137)]), 1.0)
            .expect("alert");
        assert_eq!(alert.id, "a");
        assert_eq!(alert.title, "llm: job failed");
        assert_eq!(
            alert.body,
            "Job 7xK2\u{2026}: op \"op1\" exited with code 137."
        );
        assert_eq!(failed_op(&result(&[Some(-1)])), Some(("op0", -1)));
    }

    #[test]
    fn job_alerts_share_the_throttle_with_status_alerts() {
        let mut t = Tracker::default();
        t.observe("a", "x", Status::Running, 0.0);
        assert!(t.observe("a", "x", Status::Error, 1_000.0).is_some());
        let failed = result(&[Some(1)]);
        assert!(t.job_result("a", "x", JOB, &failed, 2_000.0).is_none());
        assert!(t.job_result("b", "y", JOB, &failed, 2_000.0).is_some());
        assert!(t
            .job_result("a", "x", JOB, &failed, 1_000.0 + THROTTLE_MS)
            .is_some());
    }

    #[test]
    fn result_reads_back_off_and_give_up_within_about_two_minutes() {
        let delays: Vec<u32> = (0..).map_while(result_retry_ms).collect();
        assert!(delays.windows(2).all(|w| w[0] <= w[1]));
        let total: u32 = delays.iter().sum();
        assert!((100_000..=130_000).contains(&total), "{total}");
        assert_eq!(short_job("abc"), "abc");
    }
}
