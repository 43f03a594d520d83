//! Responses of the calls that change a deployment: each carries only what changed.

use serde::{Deserialize, Serialize};

use super::lenient::{count, null_default, skip_bad_items};
use super::{Endpoint, Revision, Status};

/// `POST /deployments/{id}/create-revision`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RevisionCreated {
    #[serde(deserialize_with = "count")]
    pub active_revision: u32,
    #[serde(deserialize_with = "skip_bad_items")]
    pub endpoints: Vec<Endpoint>,
    #[serde(deserialize_with = "skip_bad_items")]
    pub revisions: Vec<Revision>,
    #[serde(deserialize_with = "null_default")]
    pub updated_at: String,
}

/// `PATCH /deployments/{id}/update-active-revision`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActiveRevisionUpdated {
    #[serde(deserialize_with = "count")]
    pub active_revision: u32,
    #[serde(deserialize_with = "skip_bad_items")]
    pub endpoints: Vec<Endpoint>,
    #[serde(deserialize_with = "null_default")]
    pub updated_at: String,
}

/// `PATCH /deployments/{id}/update-replica-count`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReplicasUpdated {
    #[serde(deserialize_with = "count")]
    pub replicas: u32,
    #[serde(deserialize_with = "null_default")]
    pub updated_at: String,
}

/// `PATCH /deployments/{id}/update-schedule`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScheduleUpdated {
    #[serde(deserialize_with = "null_default")]
    pub schedule: String,
    #[serde(deserialize_with = "null_default")]
    pub updated_at: String,
}

/// `PATCH /deployments/{id}/update-timeout`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimeoutUpdated {
    /// Minutes.
    #[serde(deserialize_with = "count")]
    pub timeout: u32,
    #[serde(deserialize_with = "null_default")]
    pub updated_at: String,
}

/// `PATCH /deployments/{id}/update-name`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NameUpdated {
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    #[serde(deserialize_with = "null_default")]
    pub updated_at: String,
}

/// `POST /deployments/{id}/start`, `/stop` and `/archive`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatusChanged {
    #[serde(deserialize_with = "null_default")]
    pub status: Status,
    #[serde(deserialize_with = "null_default")]
    pub updated_at: String,
}
