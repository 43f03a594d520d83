//! The deployment's running jobs, read once for the whole page: "Replica health", "Job
//! status" and "Usage" show them, and each used to read them on its own. Read only while some section
//! wants them (a closed section costs nothing), and again once for each job frame of the
//! live stream that the list disagrees with (a job started, ended or moved).

use super::job_changes::{jobs_in, keep};
use super::state::DetailState;
use crate::api::error::ApiError;
use crate::api::models::{Job, JobState, StreamFrame};
use crate::domain::running_jobs::{agrees, JobChange};
use futures::future::{abortable, AbortHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct RunningJobs {
    /// The first page, newest first; `None` until a read answered.
    pub jobs: RwSignal<Option<Vec<Job>>>,
    /// Why the last read failed.
    pub error: RwSignal<Option<ApiError>>,
    /// How many sections want the jobs now.
    readers: RwSignal<usize>,
}

/// What led to the last read.
#[derive(Clone, PartialEq)]
enum Asked {
    Not,
    /// The sections came to want the jobs.
    Opening,
    /// A job frame the list disagreed with (asked once per frame, even when the answer
    /// still disagrees: the API may lag behind its stream).
    For(JobChange),
}

/// Makes the page's running jobs; call once in the page, above every section that reads them.
pub fn provide(state: DetailState) -> RunningJobs {
    let running = RunningJobs {
        jobs: RwSignal::new(None),
        error: RwSignal::new(None),
        readers: RwSignal::new(0),
    };
    let wanted = Memo::new(move |_| running.readers.get() > 0);
    // The last job frame so far: other frames between two job frames change nothing.
    let change = Memo::new(move |before: Option<&Option<JobChange>>| {
        state.last_frame.with(|f| match f {
            Some(StreamFrame::Job(j)) => Some((j.job.clone(), j.state, j.node.clone())),
            _ => before.cloned().flatten(),
        })
    });
    let asked = StoredValue::new(Asked::Not);
    // Only the newest read counts: a newer one cancels the one under way (its request is
    // aborted, so a burst of job frames never queues reads behind the page's open streams).
    let under_way = StoredValue::new(None::<AbortHandle>);
    let read = move || {
        let id = state.id.get_untracked();
        let (task, handle) = abortable(async move {
            let answer = jobs_in(state.auth, &id, &[JobState::Running]).await;
            keep(answer, running.jobs, running.error);
        });
        if let Some(Some(before)) = under_way.try_update_value(|u| u.replace(handle)) {
            before.abort();
        }
        spawn_local(async move {
            let _ = task.await;
        });
    };
    Effect::new(move |_| {
        // Both tracked on every run: the check runs again when an answer lands, so a frame
        // that came during a read counts too.
        let change = change.get();
        let stale = change.as_ref().is_some_and(|c| {
            running
                .jobs
                .with(|j| j.as_ref().is_some_and(|j| !agrees(j, c)))
        });
        if !wanted.get() {
            asked.set_value(Asked::Not);
            return;
        }
        if asked.with_value(|a| *a == Asked::Not) {
            asked.set_value(Asked::Opening);
            read();
            return;
        }
        let Some(change) = change else {
            return;
        };
        if stale && asked.with_value(|a| *a != Asked::For(change.clone())) {
            asked.set_value(Asked::For(change));
            read();
        }
    });
    provide_context(running);
    running
}

impl RunningJobs {
    /// The page's running jobs (see `provide`).
    pub fn get() -> RunningJobs {
        expect_context::<RunningJobs>()
    }

    /// Keeps the jobs read while `when` holds and the calling component lives.
    pub fn read_while(self, when: impl Fn() -> bool + 'static) {
        let counted = Arc::new(AtomicBool::new(false));
        let held = counted.clone();
        Effect::new(move |_| {
            let want = when();
            if held.swap(want, Ordering::Relaxed) != want {
                self.readers
                    .update(|n| *n = if want { *n + 1 } else { n.saturating_sub(1) });
            }
        });
        on_cleanup(move || {
            if counted.load(Ordering::Relaxed) {
                self.readers.try_update(|n| *n = n.saturating_sub(1));
            }
        });
    }
}
