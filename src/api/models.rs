//! Serde models in the shapes of `../shared/nosana-api.md`. Unknown fields are ignored.

use serde::{Deserialize, Serialize};

/// A deployment's lifecycle state. `Unknown` keeps a list usable if the server adds a state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// Also the default, so a missing field reads as "not known" rather than failing.
    #[default]
    #[serde(other)]
    Unknown,
}

impl Status {
    /// Every state the contract names, in lifecycle order.
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

    /// The wire name, as the API spells it.
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
            Status::Unknown => "UNKNOWN",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// How a deployment keeps its jobs running.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Strategy {
    #[serde(rename = "SIMPLE")]
    Simple,
    #[serde(rename = "SIMPLE-EXTEND")]
    SimpleExtend,
    #[serde(rename = "SCHEDULED")]
    Scheduled,
    #[serde(rename = "INFINITE")]
    Infinite,
    /// Also the default, so a missing field reads as "not known" rather than failing.
    #[default]
    #[serde(other)]
    Unknown,
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
            Strategy::Unknown => "UNKNOWN",
        }
    }

    pub fn parse(s: &str) -> Option<Strategy> {
        Strategy::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

mod deployment;
mod job;
mod lenient;
mod lists;
mod market;
mod mutation;
mod records;
mod stream;
mod time;

pub use deployment::{Deployment, DeploymentCreate, Endpoint, Port};
pub use job::{Job, JobDetail, JobState};
pub(crate) use lenient::text_field;
pub use lists::{DeploymentList, EventList, JobList, Pagination, RevisionList, TaskList};
pub use market::{CreditBalance, Market, MarketType};
pub use mutation::{
    ActiveRevisionUpdated, NameUpdated, ReplicasUpdated, RevisionCreated, ScheduleUpdated,
    StatusChanged, TimeoutUpdated,
};
pub use records::{Event, EventCategory, Revision, Task, TaskKind};
pub use stream::{DeploymentFrame, EventFrame, JobFrame, StreamFrame, TaskFrame};
pub use time::parse_timestamp;
