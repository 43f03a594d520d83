//! A deployment's history as people read it: job states and how long a job
//! ran, when a task is due, and the event types the API is known to send.

use chrono::{DateTime, Utc};

use super::status::StatusTone;
use super::units::format_relative;
use super::words::count_of;
use crate::api::models::parse_timestamp;
use crate::api::models::{Job, JobState};

/// Event types the API documents; the server may add more (they still show).
pub const EVENT_TYPES: [&str; 10] = [
    "JOB_LIST_CONFIRMED",
    "JOB_LIST_ERROR",
    "JOB_EXTEND_SUCCESSFUL",
    "JOB_EXTEND_ERROR",
    "JOB_STOPPED_CONFIRMED",
    "JOB_STOP_ERROR",
    "RAPID_COMPLETION_THROTTLE",
    "RAPID_COMPLETION_FAIL_SAFE",
    "FRPS_TUNNEL_LOST",
    "FRPS_TUNNEL_RECOVERED",
];

/// An event type as typed in a URL: letters, digits and `_` only.
pub fn is_event_type(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

pub fn job_state_label(state: JobState) -> &'static str {
    match state {
        JobState::Queued => "Queued",
        JobState::Running => "Running",
        JobState::Completed => "Completed",
        JobState::Stopped => "Stopped",
        JobState::Unknown => "Unknown",
    }
}

/// The badge colour of a job state (always shown with its name).
pub fn job_state_tone(state: JobState) -> StatusTone {
    match state {
        JobState::Queued => StatusTone::Progress,
        JobState::Running => StatusTone::Ok,
        JobState::Completed => StatusTone::Neutral,
        JobState::Stopped | JobState::Unknown => StatusTone::Muted,
    }
}

/// How long a job has run: a running (or queued but started) job until `now`;
/// an ended one until its last update. `None` when it has not started, or
/// when the end is not known.
pub fn job_duration(job: &Job, now: DateTime<Utc>) -> Option<chrono::Duration> {
    let start = job.started_at()?;
    let end = match job.state {
        JobState::Running | JobState::Queued => now,
        JobState::Completed | JobState::Stopped | JobState::Unknown => {
            parse_timestamp(&job.updated_at)?
        }
    };
    (end >= start).then(|| end - start)
}

/// A length of time: "45 s", "20 min", "1 h 5 min", "2 days 3 h".
pub fn format_duration(d: chrono::Duration) -> String {
    let secs = d.num_seconds().max(0);
    let (days, hours, minutes) = (secs / 86_400, (secs % 86_400) / 3_600, (secs % 3_600) / 60);
    match secs {
        s if s < 60 => format!("{s} s"),
        s if s < 3_600 => format!("{minutes} min"),
        s if s < 86_400 && minutes == 0 => format!("{hours} h"),
        s if s < 86_400 => format!("{hours} h {minutes} min"),
        _ => {
            let day_text = count_of(days.unsigned_abs(), "day");
            if hours == 0 {
                day_text
            } else {
                format!("{day_text} {hours} h")
            }
        }
    }
}

/// When a task is due, relative to now: "in 2 h", or "overdue (3 h ago)".
pub fn due_text(due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    if is_overdue(due, now) {
        format!("overdue ({})", format_relative(due, now))
    } else {
        format_relative(due, now)
    }
}

pub fn is_overdue(due: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    due < now
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn job(state: JobState, time_start: u64, updated_at: &str) -> Job {
        serde_json::from_value(serde_json::json!({
            "job": "J", "state": state.as_str(), "time_start": time_start, "updated_at": updated_at,
        }))
        .unwrap()
    }

    fn at(s: &str) -> DateTime<Utc> {
        parse_timestamp(s).unwrap()
    }

    #[test]
    fn a_job_counts_from_its_start_until_now_or_its_end() {
        let start = at("2026-11-28T11:00:00Z").timestamp() as u64;
        let cases = [
            (
                "queued, not started",
                JobState::Queued,
                0,
                "",
                "2026-11-28T12:00:00Z",
                None,
            ),
            (
                "stopped before it started",
                JobState::Stopped,
                0,
                "2026-11-28T11:00:00Z",
                "2026-11-28T12:00:00Z",
                None,
            ),
            (
                "running: until now",
                JobState::Running,
                start,
                "2026-11-28T11:00:00Z",
                "2026-11-28T12:30:15Z",
                Some(Duration::seconds(5415)),
            ),
            (
                "ended: until its last update",
                JobState::Completed,
                start,
                "2026-11-28T11:20:00.000Z",
                "2026-11-29T00:00:00Z",
                Some(Duration::minutes(20)),
            ),
            (
                "an end before the start is not shown",
                JobState::Stopped,
                start,
                "2026-11-28T10:00:00Z",
                "2026-11-29T00:00:00Z",
                None,
            ),
            (
                "an unreadable end is not shown",
                JobState::Stopped,
                start,
                "",
                "2026-11-29T00:00:00Z",
                None,
            ),
        ];
        for (case, state, started, updated_at, now, want) in cases {
            assert_eq!(
                job_duration(&job(state, started, updated_at), at(now)),
                want,
                "{case}"
            );
        }
    }

    #[test]
    fn durations_as_people_say_them() {
        assert_eq!(format_duration(Duration::seconds(0)), "0 s");
        assert_eq!(format_duration(Duration::seconds(45)), "45 s");
        assert_eq!(format_duration(Duration::seconds(60)), "1 min");
        assert_eq!(format_duration(Duration::minutes(20)), "20 min");
        assert_eq!(format_duration(Duration::minutes(60)), "1 h");
        assert_eq!(format_duration(Duration::minutes(65)), "1 h 5 min");
        assert_eq!(format_duration(Duration::hours(24)), "1 day");
        assert_eq!(format_duration(Duration::hours(51)), "2 days 3 h");
        assert_eq!(format_duration(Duration::seconds(-5)), "0 s");
    }

    #[test]
    fn due_times() {
        let now = at("2026-11-28T12:00:00Z");
        assert_eq!(due_text(at("2026-11-28T14:00:00Z"), now), "in 2 h");
        assert_eq!(
            due_text(at("2026-11-28T09:00:00Z"), now),
            "overdue (3 h ago)"
        );
        assert!(is_overdue(at("2026-11-28T11:59:59Z"), now));
        assert!(!is_overdue(now, now));
    }

    #[test]
    fn states_have_names_and_tones() {
        assert_eq!(job_state_label(JobState::Running), "Running");
        assert_eq!(job_state_tone(JobState::Running), StatusTone::Ok);
        assert_eq!(job_state_tone(JobState::Queued), StatusTone::Progress);
        for state in JobState::ALL {
            assert_ne!(job_state_label(state), "Unknown");
        }
    }

    #[test]
    fn event_types_from_urls() {
        for t in EVENT_TYPES {
            assert!(is_event_type(t));
        }
        assert!(is_event_type("SOMETHING_NEW_2"));
        assert!(!is_event_type(""));
        assert!(!is_event_type("A B"));
        assert!(!is_event_type("<script>"));
    }

    #[test]
    fn counts() {
        assert_eq!(count_of(1, "job"), "1 job");
        assert_eq!(count_of(0, "event"), "0 events");
        assert_eq!(count_of(15, "job"), "15 jobs");
    }
}
