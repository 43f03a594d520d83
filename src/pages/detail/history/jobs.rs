//! The Jobs tab: the deployment's jobs, newest first, filtered by state; each
//! opens its detail (definition and result) in place.

use super::job_detail::JobDetail;
use super::list::{fetch_view, HistoryList};
use super::Ctx;
use crate::api::models::{Job, JobList, JobState};
use crate::components::check_chip::ChipSet;
use crate::components::clock::use_now;
use crate::components::copy_button::CopyButton;
use crate::components::disclosure::DisclosureButton;
use crate::components::pager::PageSizeSelect;
use crate::components::relative_time::RelativeTime;
use crate::components::short_code::short_code;
use crate::components::table_head::Columns;
use crate::domain::history::{format_duration, job_duration, job_state_label, job_state_tone};
use crate::domain::units::short_id;
use leptos::prelude::*;

#[component]
pub fn JobsPanel(ctx: Ctx) -> impl IntoView {
    let Ctx { view, go, .. } = ctx;
    let data = fetch_view::<JobList>(ctx);
    view! {
        <div class="history-filters" role="search" aria-label="Filter jobs">
            <ChipSet
                legend="State"
                values=&JobState::ALL
                chosen=Callback::new(move |s| view.with(|v| v.states.contains(&s)))
                toggle=Callback::new(move |s| go.go(view.get_untracked().toggle_state(s)))
                label=job_state_label
            />
            <PageSizeSelect view=view go=go.callback() class="history-page-size" />
        </div>
        <HistoryList
            ctx=ctx
            data=data
            columns=COLUMNS
            row=move |job| view! { <JobRow job=job ctx=ctx /> }
        />
    }
}

const COLUMNS: Columns = Columns::new(&[
    "Job", "Node", "Revision", "State", "Started", "Duration", "Details",
])
.numbers(&["Revision"])
.unnamed(&["Details"]);

#[component]
fn JobRow(job: Job, ctx: Ctx) -> impl IntoView {
    let now = use_now();
    let open = RwSignal::new(false);
    let detail_id = format!("job-detail-{}", job.job);
    let address = job.job.clone();
    let started = job.started_at();
    let timed = job.clone();
    let duration = move || {
        job_duration(&timed, now.get())
            .map(format_duration)
            .unwrap_or_else(|| "—".to_string())
    };
    let deployment = ctx.state.id.get_untracked();
    view! {
        <tr data-job=address.clone()>
            <td class="id">
                <code title=address.clone()>{short_id(&address)}</code>
                <CopyButton text=address.clone() label="Copy job address" />
            </td>
            <td>{short_code(job.node.clone())}</td>
            <td class="num">{job.revision}</td>
            <td>
                <JobStateBadge state=job.state />
            </td>
            <td>
                {match started {
                    Some(at) => view! { <RelativeTime iso=at.to_rfc3339() /> }.into_any(),
                    None => view! { <span class="muted">"Not started"</span> }.into_any(),
                }}
            </td>
            <td class="duration">{duration}</td>
            <td>
                <DisclosureButton open=open controls=detail_id.clone()>
                    "Details"
                </DisclosureButton>
            </td>
        </tr>
        <tr class="history-detail-row" id=detail_id hidden=move || !open.get()>
            <td colspan="7">
                {move || {
                    open.get()
                        .then(|| {
                            view! {
                                <JobDetail
                                    auth=ctx.state.auth
                                    deployment=deployment.clone()
                                    job=address.clone()
                                />
                            }
                        })
                }}
            </td>
        </tr>
    }
}

/// A job state as a coloured badge with its name in words.
#[component]
pub fn JobStateBadge(state: JobState) -> impl IntoView {
    view! {
        <span
            class=format!("badge badge-{}", job_state_tone(state).as_str())
            data-state=state.as_str()
        >
            {job_state_label(state)}
        </span>
    }
}
