//! A running job: its node's `/info` stream (the page's one for the job, see
//! `info_streams`), followed while the section is on screen.

use super::super::info_streams::{InfoStreams, Link};
use super::ops::{NodeEndpoints, OpTable};
use crate::api::models::Job;
use crate::components::status_line::Waiting;
use crate::domain::logs::status::{endpoints, ops_from_info};
use crate::domain::units::short_id;
use leptos::prelude::*;

#[component]
pub fn RunningJob(job: Job) -> impl IntoView {
    let follow = InfoStreams::get().follow(&job);
    let (info, link) = (follow.info, follow.link);
    let address = job.job.clone();
    view! {
        <article class="job-status-job" data-job=job.job.clone()>
            <h3>
                "Job "<span class="mono" title=job.job.clone()>
                    {short_id(&job.job)}
                </span>" — Running"
            </h3>
            {move || match link.get() {
                Link::Connecting => {
                    view! { <Waiting text="Connecting to the node…" /> }.into_any()
                }
                Link::Live => view! { <Waiting text="Live from the node" /> }.into_any(),
                Link::Ended => view! { <Waiting text="The node ended the job." /> }.into_any(),
                Link::Trouble(message, retrying) => {
                    view! {
                        <p class="error-box" role="alert">
                            {message}
                            {retrying.then_some(" Trying again…")}
                        </p>
                    }
                        .into_any()
                }
            }}
            {move || {
                let address = address.clone();
                info.get()
                    .map(|i| {
                        let eps = endpoints(&i, &address);
                        view! {
                            <OpTable rows=ops_from_info(&i) />
                            <NodeEndpoints endpoints=eps />
                        }
                    })
            }}
        </article>
    }
}
