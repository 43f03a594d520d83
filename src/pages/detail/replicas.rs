//! "Replica health", near the top of the detail page of a running deployment: for each
//! running job (replica), its containers' problems in plain words, its endpoints ONLINE /
//! OFFLINE / UNKNOWN, and restart or stop for each op. Shares what it learns through a
//! context: the service URLs show each endpoint's word, and the Logs tab notes the
//! restarts and stops sent from here.

mod card;
mod controls;
mod endpoints;
mod marks;
mod problems;

use super::running_jobs::RunningJobs;
use super::state::DetailState;
use crate::api::models::{Job, Status};
use crate::api::node::info::NodeEndpoint;
use crate::components::error_box::ErrorLine;
use leptos::prelude::*;
use std::collections::BTreeMap;

pub use marks::{Mark, OpMarks};

/// What the panel shares with the rest of the page.
#[derive(Clone, Copy)]
pub struct Watch {
    /// The running jobs in replica order ("Replica 1" first).
    pub jobs: RwSignal<Vec<Job>>,
    /// Each replica's endpoints as its node last reported them, by job.
    pub endpoints: RwSignal<BTreeMap<String, Vec<NodeEndpoint>>>,
    /// Restarts and stops sent from this page, oldest first.
    pub marks: RwSignal<Vec<Mark>>,
}

/// Makes the page's `Watch`; call once in the page, above every part that reads it.
pub fn provide() -> Watch {
    let watch = Watch {
        jobs: RwSignal::new(Vec::new()),
        endpoints: RwSignal::new(BTreeMap::new()),
        marks: RwSignal::new(Vec::new()),
    };
    provide_context(watch);
    watch
}

/// "Replica 1" for the first running job.
pub fn replica_label(index: usize) -> String {
    format!("Replica {}", index + 1)
}

#[component]
pub fn ReplicaHealth(state: DetailState, watch: Watch) -> impl IntoView {
    let running = state.field(|d| d.status == Status::Running);
    let shared = RunningJobs::get();
    shared.read_while(move || running.get());
    let error = Signal::derive(move || {
        running
            .get()
            .then(|| shared.error.get().map(|e| e.user_message()))
            .flatten()
    });
    // Updated only when the replicas differ: the cards are keyed, and their streams stay.
    Effect::new(move |_| {
        let jobs = if running.get() {
            shared
                .jobs
                .with(|j| replicas(j.as_deref().unwrap_or_default()))
        } else {
            Vec::new()
        };
        if watch.jobs.with_untracked(|w| *w != jobs) {
            watch.jobs.set(jobs);
        }
    });
    let shown = move || {
        running.get() && (watch.jobs.with(|j| !j.is_empty()) || error.with(Option::is_some))
    };
    let indexed = move || watch.jobs.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <Show when=shown>
            <section class="card replica-health" aria-labelledby="replica-health-title">
                <h2 id="replica-health-title">"Replica health"</h2>
                <ErrorLine message=error />
                <div class="replica-cards">
                    // Keyed by job and place: a re-read that finds the same jobs keeps their streams.
                    <For each=indexed key=|(i, j)| (*i, j.job.clone(), j.node.clone()) let:item>
                        <card::Replica state=state watch=watch index=item.0 job=item.1 />
                    </For>
                </div>
            </section>
        </Show>
    }
}

/// The running jobs with a node, oldest first (the order replicas are numbered in).
fn replicas(running: &[Job]) -> Vec<Job> {
    let mut jobs: Vec<Job> = running
        .iter()
        .filter(|j| crate::api::node::address::job_node(j.node.as_deref()).is_some())
        .cloned()
        .collect();
    jobs.sort_by(|a, b| (a.time_start, &a.job).cmp(&(b.time_start, &b.job)));
    jobs
}
