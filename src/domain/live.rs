//! Following a deployment live: what a stream frame changes, what it says in
//! the page's "Recent activity", and what to do when the stream fails
//! (reconnect with backoff, or fall back to polling).

use std::collections::BTreeMap;

use crate::api::error::ApiError;
use crate::api::models::{
    Deployment, DeploymentFrame, EventFrame, JobFrame, JobState, StreamFrame, TaskFrame,
};
use crate::domain::units::short_id;
use crate::domain::words::count_of;

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
        // An older gateway without the route (or a host answering its HTML
        // fallback page instead of a stream): no point in trying again.
        if matches!(
            error,
            ApiError::RouteNotFound { .. } | ApiError::UnexpectedBody { .. }
        ) {
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

/// How many entries "Recent activity" keeps.
pub const RECENT_LIMIT: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityKind {
    Event,
    Job,
    Task,
}

impl ActivityKind {
    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::Event => "Event",
            ActivityKind::Job => "Job",
            ActivityKind::Task => "Task",
        }
    }
}

/// One line of "Recent activity": a job, task or event frame in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub kind: ActivityKind,
    /// Plain text, shown as text (never as markup).
    pub text: String,
    /// When the server says it happened (events carry it), ISO 8601.
    pub at: Option<String>,
    /// The same fact read twice (a reconnect repeats the snapshot) has the same key.
    key: String,
}

/// The activity line of a job, task or event frame; `None` for the others.
pub fn activity(frame: &StreamFrame) -> Option<Activity> {
    match frame {
        StreamFrame::Event(e) => Some(event_activity(e)),
        StreamFrame::Job(j) => Some(job_activity(j)),
        StreamFrame::Task(t) => Some(task_activity(t)),
        StreamFrame::Deployment(_) | StreamFrame::Unknown => None,
    }
}

fn event_activity(e: &EventFrame) -> Activity {
    let (kind, message) = (e.event.trim(), e.message.trim());
    let text = match (kind.is_empty(), message.is_empty()) {
        (false, false) => format!("{kind}: {message}"),
        (false, true) => kind.to_string(),
        (true, false) => message.to_string(),
        (true, true) => "An event without a message".to_string(),
    };
    Activity {
        kind: ActivityKind::Event,
        text,
        at: Some(e.created_at.clone()).filter(|at| !at.trim().is_empty()),
        key: format!(
            "event|{}|{}|{}|{}",
            e.event,
            e.message,
            e.created_at,
            e.tx.as_deref().unwrap_or("")
        ),
    }
}

fn job_activity(j: &JobFrame) -> Activity {
    let mut text = format!("Job {} is {}", short_id(&j.job), j.state.as_str());
    if let Some(node) = j.node.as_deref().filter(|n| !n.trim().is_empty()) {
        text.push_str(&format!(" on node {}", short_id(node)));
    }
    Activity {
        kind: ActivityKind::Job,
        text,
        at: None,
        key: format!("job|{}|{}", j.job, j.state.as_str()),
    }
}

fn task_activity(t: &TaskFrame) -> Activity {
    let status = if t.status.trim().is_empty() {
        "UNKNOWN"
    } else {
        t.status.trim()
    };
    let mut text = format!("{} task {}", t.task.as_str(), status);
    if let Some(n) = t.attempts.filter(|n| *n > 0) {
        text.push_str(&format!(" after {}", count_of(u64::from(n), "attempt")));
    }
    Activity {
        kind: ActivityKind::Task,
        text,
        at: None,
        key: format!("task|{}|{}|{}", t.id, t.task.as_str(), status),
    }
}

/// Puts `item` first in `recent` (newest first, at most `RECENT_LIMIT`);
/// `false` when the same fact is already listed.
pub fn remember(recent: &mut Vec<Activity>, item: Activity) -> bool {
    if recent.iter().any(|a| a.key == item.key) {
        return false;
    }
    recent.insert(0, item);
    recent.truncate(RECENT_LIMIT);
    true
}

/// The states of a deployment's jobs as one stream connection told them: the
/// snapshot lists every active job, later frames each change, so the count of
/// RUNNING ones is the deployment's `active_jobs`.
#[derive(Debug, Clone, Default)]
pub struct JobTally {
    states: BTreeMap<String, JobState>,
}

impl JobTally {
    /// Records a job frame; the RUNNING count after it, `None` for a frame
    /// without a job address.
    pub fn record(&mut self, frame: &JobFrame) -> Option<u32> {
        if frame.job.trim().is_empty() {
            return None;
        }
        self.states.insert(frame.job.clone(), frame.state);
        let running = self
            .states
            .values()
            .filter(|s| **s == JobState::Running)
            .count();
        Some(u32::try_from(running).unwrap_or(u32::MAX))
    }
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
        let html = ApiError::UnexpectedBody {
            status: 200,
            detail: "the answer is not an event stream".into(),
        };
        assert_eq!(Reconnect::default().on_failure(&html), Next::Poll);
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

    fn job(id: &str, state: JobState) -> JobFrame {
        JobFrame {
            job: id.into(),
            state,
            ..Default::default()
        }
    }

    #[test]
    fn events_read_as_their_type_and_message() {
        let frame = StreamFrame::parse(
            r#"{"type":"event","category":"Event","event":"FRPS_TUNNEL_LOST","message":"<b>Tunnel</b> lost","created_at":"2026-11-01T00:00:00Z"}"#,
        )
        .unwrap();
        let a = activity(&frame).unwrap();
        assert_eq!(a.kind, ActivityKind::Event);
        assert_eq!(a.text, "FRPS_TUNNEL_LOST: <b>Tunnel</b> lost");
        assert_eq!(a.at.as_deref(), Some("2026-11-01T00:00:00Z"));
        let bare = StreamFrame::parse(r#"{"type":"event","message":"  "}"#).unwrap();
        assert_eq!(activity(&bare).unwrap().text, "An event without a message");
        assert_eq!(activity(&bare).unwrap().at, None);
    }

    #[test]
    fn jobs_and_tasks_read_in_words() {
        let frame = StreamFrame::Job(JobFrame {
            node: Some("2AezWtiAgufXjPAcc921toi7ap9UxDuxE2HEKZGqeMHb".into()),
            ..job(
                "bbrZNhFgtsqwDtGuSptFDaYPo22sJXHDmfPVtoPQ6F7F",
                JobState::Running,
            )
        });
        assert_eq!(
            activity(&frame).unwrap().text,
            "Job bbrZ…6F7F is RUNNING on node 2Aez…eMHb"
        );
        let task = StreamFrame::parse(
            r#"{"type":"task","id":"t1","task":"EXTEND","status":"DONE","attempts":2}"#,
        )
        .unwrap();
        let a = activity(&task).unwrap();
        assert_eq!(
            (a.kind, a.text.as_str()),
            (ActivityKind::Task, "EXTEND task DONE after 2 attempts")
        );
        let deployment = StreamFrame::Deployment(DeploymentFrame::default());
        assert_eq!(activity(&deployment), None);
        assert_eq!(activity(&StreamFrame::Unknown), None);
    }

    #[test]
    fn recent_activity_is_newest_first_capped_and_without_repeats() {
        let mut recent = Vec::new();
        for i in 0..(RECENT_LIMIT + 3) {
            let frame = StreamFrame::Job(job(&format!("job-{i:02}-xxxxxxxx"), JobState::Running));
            assert!(remember(&mut recent, activity(&frame).unwrap()));
        }
        assert_eq!(recent.len(), RECENT_LIMIT);
        assert!(recent[0].text.contains("job-"));
        assert_eq!(
            recent[0].key,
            format!("job|job-{:02}-xxxxxxxx|RUNNING", RECENT_LIMIT + 2)
        );
        // A reconnect's snapshot repeats what is listed: not listed twice.
        let again = StreamFrame::Job(job(
            &format!("job-{:02}-xxxxxxxx", RECENT_LIMIT + 1),
            JobState::Running,
        ));
        assert!(!remember(&mut recent, activity(&again).unwrap()));
        // The same job in a new state is news.
        let stopped = StreamFrame::Job(job(
            &format!("job-{:02}-xxxxxxxx", RECENT_LIMIT + 1),
            JobState::Stopped,
        ));
        assert!(remember(&mut recent, activity(&stopped).unwrap()));
        assert!(recent[0].text.ends_with("is STOPPED"));
    }

    #[test]
    fn the_tally_counts_running_jobs() {
        let mut tally = JobTally::default();
        assert_eq!(tally.record(&job("a", JobState::Queued)), Some(0));
        assert_eq!(tally.record(&job("b", JobState::Running)), Some(1));
        assert_eq!(tally.record(&job("a", JobState::Running)), Some(2));
        assert_eq!(tally.record(&job("b", JobState::Stopped)), Some(1));
        assert_eq!(tally.record(&job(" ", JobState::Running)), None);
    }
}
