//! Responses of the calls that change a deployment: each carries only what changed.

use serde::{Deserialize, Serialize};

use super::lenient::{count, null_default, skip_bad_items};
use super::{Endpoint, Revision, Status};

/// `POST /deployments/{id}/create-revision`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevisionCreated {
    #[serde(default, deserialize_with = "count")]
    pub active_revision: u32,
    #[serde(default, deserialize_with = "skip_bad_items")]
    pub endpoints: Vec<Endpoint>,
    #[serde(default, deserialize_with = "skip_bad_items")]
    pub revisions: Vec<Revision>,
    #[serde(default, deserialize_with = "null_default")]
    pub updated_at: String,
}

/// `PATCH /deployments/{id}/update-active-revision`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActiveRevisionUpdated {
    #[serde(default, deserialize_with = "count")]
    pub active_revision: u32,
    #[serde(default, deserialize_with = "skip_bad_items")]
    pub endpoints: Vec<Endpoint>,
    #[serde(default, deserialize_with = "null_default")]
    pub updated_at: String,
}

/// `PATCH /deployments/{id}/update-replica-count`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicasUpdated {
    #[serde(default, deserialize_with = "count")]
    pub replicas: u32,
    #[serde(default, deserialize_with = "null_default")]
    pub updated_at: String,
}

/// `PATCH /deployments/{id}/update-schedule`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleUpdated {
    #[serde(default, deserialize_with = "null_default")]
    pub schedule: String,
    #[serde(default, deserialize_with = "null_default")]
    pub updated_at: String,
}

/// `PATCH /deployments/{id}/update-timeout`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeoutUpdated {
    /// Minutes.
    #[serde(default, deserialize_with = "count")]
    pub timeout: u32,
    #[serde(default, deserialize_with = "null_default")]
    pub updated_at: String,
}

/// `PATCH /deployments/{id}/update-name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameUpdated {
    #[serde(default, deserialize_with = "null_default")]
    pub name: String,
    #[serde(default, deserialize_with = "null_default")]
    pub updated_at: String,
}

/// `POST /deployments/{id}/start`, `/stop` and `/archive`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChanged {
    #[serde(default, deserialize_with = "null_default")]
    pub status: Status,
    #[serde(default, deserialize_with = "null_default")]
    pub updated_at: String,
}
