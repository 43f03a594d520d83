//! The Logs view's state. The lines live in one `LogStore` outside the reactive graph; one
//! version counter tells the view to redraw, at most once per animation frame, however many
//! lines arrived (2,000 lines/s cost one redraw per frame, not a reactive node per line).

use crate::api::models::JobState;
use crate::api::node::flog::TaskLog;
use crate::domain::logs::LogStore;
use leptos::prelude::*;

/// How a job's lines reach the view now.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Link {
    /// Waiting for the node header or the socket.
    Connecting,
    Live,
    /// The socket dropped: trying again (the reason in plain words).
    Reconnecting(String),
    /// Not followed any more, and why.
    Stopped(String),
    /// Ended: the lines come from the result.
    Ended,
    /// Running, but no node has taken it yet.
    NoNode,
}

/// Where a job's result stands.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ResultState {
    /// Not asked for (running, or an older job not loaded yet).
    NotAsked,
    Loading,
    /// The job ended but the node has not uploaded its result yet.
    NotUploaded,
    Loaded,
    Failed(String),
}

/// One job of the view: a replica.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobEntry {
    pub job: String,
    /// Its index in the store: "Replica {index + 1}", its colour.
    pub index: u16,
    pub state: JobState,
    pub node: Option<String>,
    pub link: Link,
    pub result: ResultState,
}

#[derive(Clone, Copy)]
pub struct LogModel {
    pub store: StoredValue<LogStore>,
    /// Bumped once per redraw-worthy change of the store.
    pub version: RwSignal<u64>,
    pub jobs: RwSignal<Vec<JobEntry>>,
    /// Keep the newest line in view.
    pub following: RwSignal<bool>,
    /// Lines added since following paused (for "Jump to latest").
    pub unseen: RwSignal<u64>,
    /// The last bump was not only live lines (a result, a filter): draw at once, unthrottled.
    urgent: StoredValue<bool>,
    /// One result is read and drawn at a time (see `Feed`).
    pub result_turn: StoredValue<std::rc::Rc<futures::lock::Mutex<()>>, LocalStorage>,
}

impl Default for LogModel {
    fn default() -> Self {
        LogModel::new()
    }
}

impl LogModel {
    pub fn new() -> LogModel {
        LogModel {
            store: StoredValue::new(LogStore::default()),
            version: RwSignal::new(0),
            jobs: RwSignal::new(Vec::new()),
            following: RwSignal::new(true),
            unseen: RwSignal::new(0),
            urgent: StoredValue::new(false),
            result_turn: StoredValue::new_local(Default::default()),
        }
    }

    /// The job's entry, added (as the next replica) on first sight.
    pub fn ensure_job(&self, job: &str, state: JobState, node: Option<String>) -> u16 {
        let index = self.store.try_update_value(|s| s.add_job(job)).unwrap_or(0);
        self.jobs
            .try_update(|jobs| match jobs.iter_mut().find(|j| j.job == job) {
                Some(entry) => {
                    if entry.state != state || entry.node != node {
                        entry.state = state;
                        entry.node = node;
                    }
                }
                None => jobs.push(JobEntry {
                    job: job.to_string(),
                    index,
                    state,
                    node,
                    link: if state == JobState::Running {
                        Link::Connecting
                    } else {
                        Link::Ended
                    },
                    result: ResultState::NotAsked,
                }),
            });
        index
    }

    pub fn entry(&self, job: &str) -> Option<JobEntry> {
        self.jobs
            .try_with_untracked(|jobs| jobs.iter().find(|j| j.job == job).cloned())
            .flatten()
    }

    pub fn set_link(&self, job: &str, link: Link) {
        self.edit(job, |e| e.link = link);
    }

    pub fn set_result_state(&self, job: &str, result: ResultState) {
        self.edit(job, |e| e.result = result);
    }

    pub fn edit(&self, job: &str, change: impl FnOnce(&mut JobEntry)) {
        self.jobs.try_update(|jobs| {
            if let Some(e) = jobs.iter_mut().find(|j| j.job == job) {
                change(e);
            }
        });
    }

    /// Live lines of one job, in arrival order (a batch of socket frames).
    pub fn append(&self, job: u16, logs: Vec<TaskLog>) {
        let Some(added) = self
            .store
            .try_update_value(|s| s.push_live(job, &logs).added)
        else {
            return;
        };
        if added > 0 && self.following.try_get_untracked() == Some(false) {
            self.unseen.try_update(|n| *n += added as u64);
        }
        self.version.try_update(|v| *v += 1);
    }

    /// Marks a new connection of `job` (its earlier frames were added when the socket
    /// closed): only lines newer than the newest seen are kept.
    pub fn reconnected(&self, job: u16) {
        self.store.try_update_value(|s| s.reconnected(job));
    }

    /// A change to draw at the next frame (live lines alone may wait a little: `Viewer`).
    pub fn bump(&self) {
        self.urgent.try_set_value(true);
        self.version.try_update(|v| *v += 1);
    }

    /// True once after a `bump` (not after live lines only).
    pub fn take_urgent(&self) -> bool {
        self.urgent
            .try_update_value(std::mem::take)
            .unwrap_or(false)
    }
}
