//! Frames of `GET /deployments/{id}/stream`, tagged by `type`. Every field but
//! the tag is optional (`#[serde(default)]` on each frame) so a frame the server extends still reads; a frame of a
//! type this client does not know is `Unknown` and can be ignored.

use serde::{Deserialize, Serialize};

use super::lenient::null_default;
use super::{JobState, Status, TaskKind};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum StreamFrame {
    Deployment(DeploymentFrame),
    Job(JobFrame),
    Event(EventFrame),
    Task(TaskFrame),
    #[serde(other)]
    Unknown,
}

impl StreamFrame {
    /// Reads one `data:` payload; `None` when it is not a JSON object with a `type`.
    pub fn parse(data: &str) -> Option<StreamFrame> {
        serde_json::from_str(data).ok()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeploymentFrame {
    pub status: Option<Status>,
    pub replicas: Option<u32>,
    pub active_revision: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct JobFrame {
    #[serde(deserialize_with = "null_default")]
    pub job: String,
    #[serde(deserialize_with = "null_default")]
    pub state: JobState,
    pub node: Option<String>,
    #[serde(rename = "timeStart")]
    pub time_start: Option<u64>,
    #[serde(rename = "timeEnd")]
    pub time_end: Option<u64>,
}

/// A new entry of the event log; `event` is the entry's own type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventFrame {
    #[serde(deserialize_with = "null_default")]
    pub category: String,
    #[serde(deserialize_with = "null_default")]
    pub event: String,
    #[serde(deserialize_with = "null_default")]
    pub message: String,
    pub tx: Option<String>,
    #[serde(deserialize_with = "null_default")]
    pub created_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskFrame {
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    #[serde(deserialize_with = "null_default")]
    pub task: TaskKind,
    /// e.g. `PENDING`, `DONE`; text because the set is the server's to grow.
    #[serde(deserialize_with = "null_default")]
    pub status: String,
    pub attempts: Option<u32>,
    pub due_at: Option<String>,
    pub job: Option<String>,
}
