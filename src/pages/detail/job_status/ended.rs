//! An ended job: its ops' exit codes from the job's result.

use super::super::state::DetailState;
use super::ops::OpTable;
use crate::api::endpoints;
use crate::api::models::Job;
use crate::api::node::result::parse_result;
use crate::components::status_line::Waiting;
use crate::domain::history::job_state_label;
use crate::domain::logs::status::ops_from_result;
use crate::domain::units::short_id;
use leptos::prelude::*;

#[component]
pub fn EndedJob(state: DetailState, job: Job) -> impl IntoView {
    let address = job.job.clone();
    let result = LocalResource::new(move || {
        let (id, address) = (state.id.get_untracked(), address.clone());
        async move {
            state
                .auth
                .call(endpoints::get_job(&id, &address))
                .await
                .map(|detail| parse_result(&detail.job_result).map(|r| ops_from_result(&r)))
        }
    });
    view! {
        <article class="job-status-job" data-job=job.job.clone()>
            <h3>
                "Job "<span class="mono" title=job.job.clone()>
                    {short_id(&job.job)}
                </span>" — "{job_state_label(job.state)}
            </h3>
            {move || match result.get() {
                None => view! { <Waiting text="Loading the result…" /> }.into_any(),
                Some(Err(e)) => {
                    view! {
                        <p class="error-box" role="alert">
                            {e.user_message()}
                        </p>
                    }
                        .into_any()
                }
                Some(Ok(None)) => {
                    view! { <p class="muted">"No result yet: the node has not uploaded it."</p> }
                        .into_any()
                }
                Some(Ok(Some(rows))) => view! { <OpTable rows=rows /> }.into_any(),
            }}
        </article>
    }
}
