//! Jobs: the list item, its state, and the detail view.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::lenient::{count, null_default};
use super::time::parse_timestamp;

/// A job's state. Lists and the stream spell it as text, the detail view as a
/// number (0..=3); both read into this.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum JobState {
    Queued,
    Running,
    Completed,
    Stopped,
    #[default]
    Unknown,
}

impl JobState {
    pub const ALL: [JobState; 4] = [
        JobState::Queued,
        JobState::Running,
        JobState::Completed,
        JobState::Stopped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Queued => "QUEUED",
            JobState::Running => "RUNNING",
            JobState::Completed => "COMPLETED",
            JobState::Stopped => "STOPPED",
            JobState::Unknown => "UNKNOWN",
        }
    }

    pub fn parse(s: &str) -> Option<JobState> {
        JobState::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// The on-chain numbering used by the job detail view.
    pub fn from_code(code: u64) -> JobState {
        match code {
            0 => JobState::Queued,
            1 => JobState::Running,
            2 => JobState::Completed,
            3 => JobState::Stopped,
            _ => JobState::Unknown,
        }
    }
}

impl<'de> Deserialize<'de> for JobState {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct StateVisitor;

        impl Visitor<'_> for StateVisitor {
            type Value = JobState;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a job state name or number")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<JobState, E> {
                Ok(JobState::parse(v).unwrap_or(JobState::Unknown))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<JobState, E> {
                Ok(JobState::from_code(v))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<JobState, E> {
                Ok(u64::try_from(v).map_or(JobState::Unknown, JobState::from_code))
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> Result<JobState, E> {
                Ok(JobState::Unknown)
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> Result<JobState, E> {
                Ok(JobState::Unknown)
            }

            fn visit_unit<E: de::Error>(self) -> Result<JobState, E> {
                Ok(JobState::Unknown)
            }
        }

        d.deserialize_any(StateVisitor)
    }
}

/// An item of `GET /deployments/{id}/jobs`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Job {
    #[serde(default, deserialize_with = "null_default")]
    pub tx: String,
    pub job: String,
    #[serde(default, deserialize_with = "null_default")]
    pub deployment: String,
    #[serde(default, deserialize_with = "null_default")]
    pub market: String,
    #[serde(default)]
    pub node: Option<String>,
    #[serde(default, deserialize_with = "count")]
    pub revision: u32,
    #[serde(default, deserialize_with = "null_default")]
    pub state: JobState,
    /// Unix seconds; 0 until the job starts.
    #[serde(default, deserialize_with = "null_default")]
    pub time_start: u64,
    #[serde(default, deserialize_with = "null_default")]
    pub created_at: String,
    #[serde(default, deserialize_with = "null_default")]
    pub updated_at: String,
}

impl Job {
    pub fn created_at_utc(&self) -> Option<DateTime<Utc>> {
        parse_timestamp(&self.created_at)
    }

    /// `None` until the job has started.
    pub fn started_at(&self) -> Option<DateTime<Utc>> {
        unix_seconds(self.time_start)
    }
}

/// `GET /deployments/{id}/jobs/{job}`. The definition and result are kept as
/// the server sent them, for display.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobDetail {
    #[serde(default, deserialize_with = "count")]
    pub revision: u32,
    #[serde(default, deserialize_with = "null_default")]
    pub market: String,
    #[serde(default)]
    pub node: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub state: JobState,
    #[serde(rename = "jobDefinition", default)]
    pub job_definition: Value,
    /// `Value::Null` until the job has a result.
    #[serde(rename = "jobResult", default)]
    pub job_result: Value,
    #[serde(rename = "timeStart", default, deserialize_with = "null_default")]
    pub time_start: u64,
    #[serde(rename = "timeEnd", default, deserialize_with = "null_default")]
    pub time_end: u64,
    #[serde(rename = "listedAt", default, deserialize_with = "null_default")]
    pub listed_at: u64,
    #[serde(default, deserialize_with = "null_default")]
    pub confidential: bool,
}

impl JobDetail {
    pub fn started_at(&self) -> Option<DateTime<Utc>> {
        unix_seconds(self.time_start)
    }

    pub fn ended_at(&self) -> Option<DateTime<Utc>> {
        unix_seconds(self.time_end)
    }

    pub fn listed_at_utc(&self) -> Option<DateTime<Utc>> {
        unix_seconds(self.listed_at)
    }
}

/// The API uses 0 for "not yet".
fn unix_seconds(secs: u64) -> Option<DateTime<Utc>> {
    if secs == 0 {
        return None;
    }
    DateTime::from_timestamp(i64::try_from(secs).ok()?, 0)
}
