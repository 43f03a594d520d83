//! "Job status": each running job's ops as its node reports them, live over
//! `GET {node}/job/{job}/info`, with the job's endpoints up or down; the latest ended
//! jobs with the exit codes of their results. Re-read when the live stream reports a job.
//! Closed until asked for: opening the page costs no job reads and no node connections.

mod ended;
mod ops;
mod running;

use super::job_changes::{jobs_in, keep, on_job_changes};
use super::running_jobs::RunningJobs;
use super::state::DetailState;
use crate::api::error::ApiError;
use crate::api::models::{Job, JobState};
use crate::components::error_box::ErrorLine;
use crate::components::openable_section::OpenableSection;
use crate::components::status_line::Loading;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Ended jobs shown with their exit codes.
const ENDED_SHOWN: usize = 3;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Loading,
    Empty,
    Jobs,
}

#[component]
pub fn JobStatus(state: DetailState) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <OpenableSection
            id="job-status"
            title="Job status"
            show="Show job status"
            hide="Hide job status"
            open=open
            toggle=Callback::new(move |_| open.update(|o| *o = !*o))
        >
            <Body state=state />
        </OpenableSection>
    }
}

#[component]
fn Body(state: DetailState) -> impl IntoView {
    // Running jobs are the page's (shared with "Replica health"); the ended ones are this
    // section's own read.
    let shared = RunningJobs::get();
    shared.read_while(|| true);
    let ended = RwSignal::new(None::<Vec<Job>>);
    let ended_error = RwSignal::new(None::<ApiError>);
    on_job_changes(state, move |id| {
        spawn_local(async move { keep(load_ended(state, &id).await, ended, ended_error) });
    });
    let error = Signal::derive(move || {
        shared
            .error
            .get()
            .or_else(|| ended_error.get())
            .map(|e| e.user_message())
    });
    // Only the shape re-renders the body; the keyed lists update in place.
    let shape = Memo::new(move |_| {
        match (
            shared.jobs.with(|j| j.as_ref().map(Vec::is_empty)),
            ended.with(|j| j.as_ref().map(Vec::is_empty)),
        ) {
            (None, _) | (_, None) => Shape::Loading,
            (Some(true), Some(true)) => Shape::Empty,
            _ => Shape::Jobs,
        }
    });
    let running = move || shared.jobs.get().unwrap_or_default();
    let ended = move || ended.get().unwrap_or_default();
    view! {
        <ErrorLine message=error />
        {move || match shape.get() {
            Shape::Loading => view! { <Loading text="Loading jobs…" /> }.into_any(),
            Shape::Empty => view! { <p class="muted">"No jobs yet."</p> }.into_any(),
            Shape::Jobs => {
                view! {
                    // Keyed: a re-read that finds the same jobs keeps their streams open.
                    <For each=running key=|j| (j.job.clone(), j.node.clone()) let:job>
                        <running::RunningJob job=job />
                    </For>
                    <For each=ended key=|j| (j.job.clone(), j.state) let:job>
                        <ended::EndedJob state=state job=job />
                    </For>
                }
                    .into_any()
            }
        }}
    }
}

/// The latest ended jobs, newest first.
async fn load_ended(state: DetailState, id: &str) -> Result<Vec<Job>, ApiError> {
    let ended = jobs_in(state.auth, id, &[JobState::Completed, JobState::Stopped]).await?;
    Ok(ended.into_iter().take(ENDED_SHOWN).collect())
}
