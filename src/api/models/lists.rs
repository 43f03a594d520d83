//! The paged list responses. A bad item is skipped rather than failing the page.

use serde::{Deserialize, Serialize};

use super::lenient::{null_default, skip_bad_items};
use super::{Deployment, Event, Job, Revision, Task};

/// Keyset pagination: pass a cursor back as `Page::cursor` to move.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pagination {
    #[serde(default)]
    pub cursor_next: Option<String>,
    #[serde(default)]
    pub cursor_prev: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub total_items: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentList {
    #[serde(default, deserialize_with = "skip_bad_items")]
    pub deployments: Vec<Deployment>,
    #[serde(default, deserialize_with = "null_default")]
    pub pagination: Pagination,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobList {
    #[serde(default, deserialize_with = "skip_bad_items")]
    pub jobs: Vec<Job>,
    #[serde(default, deserialize_with = "null_default")]
    pub pagination: Pagination,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RevisionList {
    #[serde(default, deserialize_with = "skip_bad_items")]
    pub revisions: Vec<Revision>,
    #[serde(default, deserialize_with = "null_default")]
    pub pagination: Pagination,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventList {
    #[serde(default, deserialize_with = "skip_bad_items")]
    pub events: Vec<Event>,
    #[serde(default, deserialize_with = "null_default")]
    pub pagination: Pagination,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskList {
    #[serde(default, deserialize_with = "skip_bad_items")]
    pub tasks: Vec<Task>,
    #[serde(default, deserialize_with = "null_default")]
    pub pagination: Pagination,
}
