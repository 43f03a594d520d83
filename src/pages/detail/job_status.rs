//! "Job status": each running job's ops as its node reports them, live over
//! `GET {node}/job/{job}/info`, with the job's endpoints up or down; the latest ended
//! jobs with the exit codes of their results. Re-read when the live stream reports a job.
//! Closed until asked for: opening the page costs no job reads and no node connections.

mod ended;
mod node;
mod ops;
pub(super) mod running;

use super::job_changes::{jobs_in, keep, on_job_changes};
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

#[derive(Clone, Default, PartialEq)]
struct Jobs {
    running: Vec<Job>,
    ended: Vec<Job>,
}

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
    let jobs = RwSignal::new(None::<Jobs>);
    let error = RwSignal::new(None::<ApiError>);
    let node = node::access(state);
    on_job_changes(state, move |id| {
        spawn_local(async move { keep(load(state, &id).await, jobs, error) });
    });
    // Only the shape re-renders the body; the keyed lists update in place.
    let shape = Memo::new(move |_| {
        jobs.with(|j| match j {
            None => Shape::Loading,
            Some(j) if j.running.is_empty() && j.ended.is_empty() => Shape::Empty,
            Some(_) => Shape::Jobs,
        })
    });
    let running = move || jobs.with(|j| j.as_ref().map(|j| j.running.clone()).unwrap_or_default());
    let ended = move || jobs.with(|j| j.as_ref().map(|j| j.ended.clone()).unwrap_or_default());
    view! {
        <ErrorLine message=Signal::derive(move || error.get().map(|e| e.user_message())) />
        {move || match shape.get() {
            Shape::Loading => view! { <Loading text="Loading jobs…" /> }.into_any(),
            Shape::Empty => view! { <p class="muted">"No jobs yet."</p> }.into_any(),
            Shape::Jobs => {
                view! {
                    // Keyed: a re-read that finds the same jobs keeps their streams open.
                    <For each=running key=|j| (j.job.clone(), j.node.clone()) let:job>
                        <running::RunningJob job=job node=node />
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

async fn load(state: DetailState, id: &str) -> Result<Jobs, ApiError> {
    let running = jobs_in(state.auth, id, &[JobState::Running]).await?;
    let ended = jobs_in(state.auth, id, &[JobState::Completed, JobState::Stopped]).await?;
    Ok(Jobs {
        running,
        ended: ended.into_iter().take(ENDED_SHOWN).collect(),
    })
}
