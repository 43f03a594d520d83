//! A deployment's history: revisions, its event log and its scheduled tasks.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::lenient::{count, null_default};
use super::time::parse_timestamp;

/// One version of a deployment's job definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Revision {
    #[serde(deserialize_with = "count")]
    pub revision: u32,
    #[serde(deserialize_with = "null_default")]
    pub deployment: String,
    #[serde(deserialize_with = "null_default")]
    pub ipfs_definition_hash: String,
    pub job_definition: Value,
    #[serde(deserialize_with = "null_default")]
    pub created_at: String,
}

impl Revision {
    pub fn created_at_utc(&self) -> Option<DateTime<Utc>> {
        parse_timestamp(&self.created_at)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventCategory {
    Deployment,
    Event,
    #[default]
    #[serde(other)]
    Unknown,
}

impl EventCategory {
    pub const ALL: [EventCategory; 2] = [EventCategory::Deployment, EventCategory::Event];

    pub fn as_str(self) -> &'static str {
        match self {
            EventCategory::Deployment => "Deployment",
            EventCategory::Event => "Event",
            EventCategory::Unknown => "Unknown",
        }
    }
}

/// An entry of the deployment's event log. `kind` is the wire's `type`, e.g.
/// `JOB_LIST_CONFIRMED`; kept as text because the server adds new ones.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Event {
    #[serde(deserialize_with = "null_default")]
    pub category: EventCategory,
    #[serde(rename = "deploymentId", deserialize_with = "null_default")]
    pub deployment_id: String,
    #[serde(rename = "type", deserialize_with = "null_default")]
    pub kind: String,
    #[serde(deserialize_with = "null_default")]
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tx: Option<String>,
    #[serde(deserialize_with = "null_default")]
    pub created_at: String,
}

impl Event {
    pub fn created_at_utc(&self) -> Option<DateTime<Utc>> {
        parse_timestamp(&self.created_at)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TaskKind {
    List,
    Extend,
    Stop,
    #[default]
    #[serde(other)]
    Unknown,
}

impl TaskKind {
    pub const ALL: [TaskKind; 3] = [TaskKind::List, TaskKind::Extend, TaskKind::Stop];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskKind::List => "LIST",
            TaskKind::Extend => "EXTEND",
            TaskKind::Stop => "STOP",
            TaskKind::Unknown => "UNKNOWN",
        }
    }
}

/// Work the server has scheduled for the deployment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    #[serde(deserialize_with = "null_default")]
    pub task: TaskKind,
    #[serde(rename = "deploymentId", deserialize_with = "null_default")]
    pub deployment_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tx: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_revision: Option<u32>,
    #[serde(deserialize_with = "null_default")]
    pub due_at: String,
    #[serde(deserialize_with = "null_default")]
    pub created_at: String,
}

impl Task {
    pub fn due_at_utc(&self) -> Option<DateTime<Utc>> {
        parse_timestamp(&self.due_at)
    }
}
