//! A deployment as read from the API, and the body that creates one.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::lenient::{count, null_default, skip_bad_items};
use super::time::parse_timestamp;
use super::{Status, Strategy};

/// Everything but `id` may be missing or `null`: a list shows what it can.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deployment {
    pub id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub name: String,
    #[serde(default, deserialize_with = "null_default")]
    pub vault: String,
    #[serde(default, deserialize_with = "null_default")]
    pub market: String,
    #[serde(default, deserialize_with = "null_default")]
    pub owner: String,
    #[serde(default, deserialize_with = "null_default")]
    pub status: Status,
    #[serde(default, deserialize_with = "count")]
    pub replicas: u32,
    /// Minutes.
    #[serde(default, deserialize_with = "count")]
    pub timeout: u32,
    #[serde(default, deserialize_with = "skip_bad_items")]
    pub endpoints: Vec<Endpoint>,
    #[serde(default, deserialize_with = "null_default")]
    pub confidential: bool,
    #[serde(default, deserialize_with = "count")]
    pub active_revision: u32,
    /// Count of RUNNING jobs.
    #[serde(default, deserialize_with = "count")]
    pub active_jobs: u32,
    #[serde(default, deserialize_with = "null_default")]
    pub created_at: String,
    #[serde(default, deserialize_with = "null_default")]
    pub updated_at: String,
    #[serde(default, deserialize_with = "null_default")]
    pub strategy: Strategy,
    /// Cron, for SCHEDULED only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    /// Minutes before the timeout at which a replacement is listed (INFINITE only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation_time: Option<u32>,
}

impl Deployment {
    pub fn created_at_utc(&self) -> Option<DateTime<Utc>> {
        parse_timestamp(&self.created_at)
    }
}

/// A URL the deployment serves, one per exposed port of an op.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Endpoint {
    #[serde(rename = "opId", default, deserialize_with = "null_default")]
    pub op_id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub port: Port,
    #[serde(default, deserialize_with = "null_default")]
    pub url: String,
}

/// The contract allows a port number or a placeholder string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Port {
    Number(u64),
    Text(String),
}

impl Default for Port {
    fn default() -> Self {
        Port::Text(String::new())
    }
}

impl fmt::Display for Port {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Port::Number(n) => write!(f, "{n}"),
            Port::Text(s) => f.write_str(s),
        }
    }
}

/// The body of `POST /deployments/create`. `job_definition` is the user's JSON
/// as typed, so no field the server knows and we don't is dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeploymentCreate {
    pub name: String,
    pub market: String,
    pub replicas: u32,
    /// Minutes.
    pub timeout: u32,
    pub strategy: Strategy,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation_time: Option<u32>,
    pub job_definition: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidential: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autostart: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vault: Option<String>,
}
