//! The records the store holds and the JSON each one is shown as. Lists, the job
//! detail and the stream show different views of the same record, so those
//! views are written out explicitly rather than derived.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::clock::{self, iso_serde};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    Draft,
    Starting,
    Running,
    Stopping,
    Stopped,
    Error,
    InsufficientFunds,
    Archived,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Draft,
        Status::Starting,
        Status::Running,
        Status::Stopping,
        Status::Stopped,
        Status::Error,
        Status::InsufficientFunds,
        Status::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "DRAFT",
            Status::Starting => "STARTING",
            Status::Running => "RUNNING",
            Status::Stopping => "STOPPING",
            Status::Stopped => "STOPPED",
            Status::Error => "ERROR",
            Status::InsufficientFunds => "INSUFFICIENT_FUNDS",
            Status::Archived => "ARCHIVED",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Strategy {
    #[serde(rename = "SIMPLE")]
    Simple,
    #[serde(rename = "SIMPLE-EXTEND")]
    SimpleExtend,
    #[serde(rename = "SCHEDULED")]
    Scheduled,
    #[serde(rename = "INFINITE")]
    Infinite,
}

impl Strategy {
    pub const ALL: [Strategy; 4] = [
        Strategy::Simple,
        Strategy::SimpleExtend,
        Strategy::Scheduled,
        Strategy::Infinite,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::Simple => "SIMPLE",
            Strategy::SimpleExtend => "SIMPLE-EXTEND",
            Strategy::Scheduled => "SCHEDULED",
            Strategy::Infinite => "INFINITE",
        }
    }

    pub fn parse(s: &str) -> Option<Strategy> {
        Strategy::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Field order follows the real API's responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deployment {
    pub id: String,
    pub name: String,
    pub vault: String,
    pub market: String,
    pub owner: String,
    pub status: Status,
    pub replicas: i64,
    pub timeout: i64,
    /// Kept as JSON so hostile-data tests can store odd ports and URLs.
    pub endpoints: Vec<Value>,
    pub confidential: bool,
    pub active_revision: i64,
    pub active_jobs: i64,
    pub strategy: Strategy,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation_time: Option<i64>,
    #[serde(with = "iso_serde")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "iso_serde")]
    pub updated_at: DateTime<Utc>,
    /// Fields a test inserted that the contract does not name: clients must ignore them.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Deployment {
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobState {
    Queued,
    Running,
    Completed,
    Stopped,
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
        }
    }

    pub fn parse(s: &str) -> Option<JobState> {
        JobState::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// The on-chain numbering the job detail uses.
    pub fn code(self) -> u8 {
        match self {
            JobState::Queued => 0,
            JobState::Running => 1,
            JobState::Completed => 2,
            JobState::Stopped => 3,
        }
    }

    pub fn is_active(self) -> bool {
        matches!(self, JobState::Queued | JobState::Running)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub tx: String,
    pub job: String,
    pub deployment: String,
    pub market: String,
    pub node: Option<String>,
    /// The contract allows `node` to be missing as well as null; some seeded
    /// queued jobs leave it out so clients meet both.
    pub node_absent: bool,
    pub revision: i64,
    pub state: JobState,
    pub time_start: i64,
    pub time_end: i64,
    pub listed_at: i64,
    pub result: Option<Value>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Job {
    pub fn list_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("tx".into(), json!(self.tx));
        m.insert("job".into(), json!(self.job));
        m.insert("deployment".into(), json!(self.deployment));
        m.insert("market".into(), json!(self.market));
        if !(self.node.is_none() && self.node_absent) {
            m.insert("node".into(), json!(self.node));
        }
        m.insert("revision".into(), json!(self.revision));
        m.insert("state".into(), json!(self.state.as_str()));
        m.insert("time_start".into(), json!(self.time_start));
        m.insert("created_at".into(), json!(clock::iso(&self.created_at)));
        m.insert("updated_at".into(), json!(clock::iso(&self.updated_at)));
        Value::Object(m)
    }

    pub fn detail_json(&self, job_definition: &Value, confidential: bool) -> Value {
        json!({
            "revision": self.revision,
            "market": self.market,
            "node": self.node,
            "state": self.state.code(),
            "jobDefinition": job_definition,
            "jobResult": self.result,
            "timeStart": self.time_start,
            "timeEnd": self.time_end,
            "listedAt": self.listed_at,
            "confidential": confidential,
        })
    }

    pub fn frame(&self) -> Value {
        json!({
            "type": "job",
            "job": self.job,
            "state": self.state.as_str(),
            "node": self.node,
            "timeStart": self.time_start,
            "timeEnd": self.time_end,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revision {
    pub revision: i64,
    pub deployment: String,
    pub ipfs_definition_hash: String,
    pub job_definition: Value,
    #[serde(with = "iso_serde")]
    pub created_at: DateTime<Utc>,
}

impl Revision {
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Internal order key: several events can share a timestamp.
    pub seq: u64,
    pub category: String,
    pub deployment_id: String,
    pub kind: String,
    pub message: String,
    pub tx: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl Event {
    pub fn list_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("category".into(), json!(self.category));
        m.insert("deploymentId".into(), json!(self.deployment_id));
        m.insert("type".into(), json!(self.kind));
        m.insert("message".into(), json!(self.message));
        if let Some(tx) = &self.tx {
            m.insert("tx".into(), json!(tx));
        }
        m.insert("created_at".into(), json!(clock::iso(&self.created_at)));
        Value::Object(m)
    }

    pub fn frame(&self) -> Value {
        json!({
            "type": "event",
            "category": self.category,
            "event": self.kind,
            "message": self.message,
            "tx": self.tx,
            "created_at": clock::iso(&self.created_at),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskKind {
    List,
    Extend,
    Stop,
}

impl TaskKind {
    pub const ALL: [TaskKind; 3] = [TaskKind::List, TaskKind::Extend, TaskKind::Stop];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskKind::List => "LIST",
            TaskKind::Extend => "EXTEND",
            TaskKind::Stop => "STOP",
        }
    }

    pub fn parse(s: &str) -> Option<TaskKind> {
        TaskKind::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// A scheduled task. The tasks list shows the pending ones; a task that is done
/// leaves the list and the stream says so with `status: "DONE"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub id: String,
    pub task: TaskKind,
    pub deployment_id: String,
    pub tx: Option<String>,
    pub job: Option<String>,
    pub limit: i64,
    pub active_revision: i64,
    pub due_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub done: bool,
    pub attempts: u32,
}

impl Task {
    pub fn list_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("task".into(), json!(self.task.as_str()));
        m.insert("deploymentId".into(), json!(self.deployment_id));
        if let Some(tx) = &self.tx {
            m.insert("tx".into(), json!(tx));
        }
        if let Some(job) = &self.job {
            m.insert("job".into(), json!(job));
        }
        m.insert("limit".into(), json!(self.limit));
        m.insert("active_revision".into(), json!(self.active_revision));
        m.insert("due_at".into(), json!(clock::iso(&self.due_at)));
        m.insert("created_at".into(), json!(clock::iso(&self.created_at)));
        Value::Object(m)
    }

    pub fn frame(&self) -> Value {
        json!({
            "type": "task",
            "id": self.id,
            "task": self.task.as_str(),
            "status": if self.done { "DONE" } else { "PENDING" },
            "attempts": self.attempts,
            "due_at": clock::iso(&self.due_at),
            "job": self.job,
        })
    }
}
