//! What the sections that follow a deployment's jobs share (the page's running jobs, job
//! status's ended jobs): reading them, and again when the live stream says a job started,
//! ended or moved.

use super::state::DetailState;
use crate::api::endpoints;
use crate::api::error::ApiError;
use crate::api::models::{Job, JobState, StreamFrame};
use crate::api::query::{JobFilter, Page};
use crate::client::Auth;
use leptos::prelude::*;

/// Runs `reload` with the deployment's id now and after every job frame of the live stream.
/// It runs inside an effect, so the signals it reads re-run it as well.
pub fn on_job_changes(state: DetailState, reload: impl Fn(String) + 'static) {
    // The last job frame so far: other frames between two job frames change nothing.
    let changes = Memo::new(move |before: Option<&Option<(String, JobState)>>| {
        state.last_frame.with(|f| match f {
            Some(StreamFrame::Job(j)) => Some((j.job.clone(), j.state)),
            _ => before.cloned().flatten(),
        })
    });
    Effect::new(move |_| {
        // Read, not only tracked: a memo never read counts its first computation as a
        // change, and every section would read its jobs twice when the page opens.
        changes.with(|_| ());
        reload(state.id.get());
    });
}

/// The deployment's jobs in `states` (the first page, newest first).
pub async fn jobs_in(auth: Auth, id: &str, states: &[JobState]) -> Result<Vec<Job>, ApiError> {
    let filter = JobFilter {
        states: states.to_vec(),
        ..JobFilter::default()
    };
    Ok(auth
        .call(endpoints::list_jobs(id, &filter, &Page::default()))
        .await?
        .jobs)
}

/// Stores a read's answer: the value only when it differs (keyed lists then update in place
/// rather than re-render), and the error cleared or set.
pub fn keep<T, V, E>(answer: Result<T, E>, value: RwSignal<V>, error: RwSignal<Option<E>>)
where
    V: From<T> + PartialEq + Send + Sync + 'static,
    E: Send + Sync + 'static,
{
    match answer {
        Ok(found) => {
            error.try_set(None);
            let found = V::from(found);
            if value.try_with_untracked(|v| *v != found) == Some(true) {
                value.try_set(found);
            }
        }
        Err(e) => {
            error.try_set(Some(e));
        }
    }
}
