//! One job in full (`GET /deployments/{id}/jobs/{job}`): its state and times,
//! and its job definition and result as read-only, pretty-printed JSON.

use crate::api::endpoints;
use crate::api::models::JobDetail as Detail;
use crate::api::models::JobState;
use crate::client::Auth;
use crate::components::disclosure::DisclosureButton;
use crate::components::error_box::answer_or_retry;
use crate::components::local_time::LocalTime;
use crate::components::status_line::Loading;
use crate::domain::diff::pretty;
use crate::domain::history::job_state_label;
use crate::domain::units::format_relative;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

#[component]
pub fn JobDetail(auth: Auth, deployment: String, job: String) -> impl IntoView {
    let (for_logs, job_for_logs) = (deployment.clone(), job.clone());
    let data = LocalResource::new(move || {
        let (deployment, job) = (deployment.clone(), job.clone());
        async move { auth.call(endpoints::get_job(&deployment, &job)).await }
    });
    let retry = Callback::new(move |_| data.refetch());
    let shown = move |detail: Detail| {
        let (deployment, job) = (for_logs.clone(), job_for_logs.clone());
        // A running job's usage comes from its node; an ended one has none to show.
        let usage = (detail.state == JobState::Running).then(|| {
            view! {
                <super::super::usage::JobUsage
                    auth=auth
                    deployment=deployment.clone()
                    job=job.clone()
                    node=detail.node.clone()
                />
            }
        });
        view! {
            <Shown detail=detail />
            {usage}
            <Logs auth=auth deployment=deployment job=job />
        }
    };
    view! {
        <div class="job-detail">
            <Suspense fallback=|| {
                view! { <Loading text="Loading the job…" /> }
            }>
                {move || { data.get().map(|answer| answer_or_retry(answer, retry, shown.clone())) }}
            </Suspense>
        </div>
    }
}

#[component]
fn Shown(detail: Detail) -> impl IntoView {
    let now = Utc::now();
    let node = detail.node.clone().filter(|n| !n.trim().is_empty());
    let result = (!detail.job_result.is_null()).then(|| pretty(&detail.job_result));
    view! {
        <dl class="job-detail-grid">
            {entry("State", job_state_label(detail.state))} {entry("Revision", detail.revision)}
            {entry("Node", view! { <code>{node.unwrap_or_else(|| "—".to_string())}</code> })}
            {entry("Market", view! { <code>{detail.market.clone()}</code> })}
            {entry("Listed", when(detail.listed_at_utc(), now, "Not listed"))}
            {entry("Started", when(detail.started_at(), now, "Not started"))}
            {entry("Ended", when(detail.ended_at(), now, "Not ended"))}
            {entry("Confidential", if detail.confidential { "Yes" } else { "No" })}
        </dl>
        <h3>"Job definition"</h3>
        <pre class="json-view" tabindex="0" aria-label="Job definition">
            {pretty(&detail.job_definition)}
        </pre>
        <h3>"Result"</h3>
        {match result {
            Some(text) => {
                view! {
                    <pre class="json-view" tabindex="0" aria-label="Result">
                        {text}
                    </pre>
                }
                    .into_any()
            }
            None => view! { <p class="muted">"No result yet."</p> }.into_any(),
        }}
    }
}

/// The job's own log lines, read only when asked for (they can be many).
#[component]
fn Logs(auth: Auth, deployment: String, job: String) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <h4>"Logs"</h4>
        <DisclosureButton open=open>
            {move || if open.get() { "Hide this job's logs" } else { "Show this job's logs" }}
        </DisclosureButton>
        {move || {
            open.get()
                .then(|| {
                    view! {
                        <super::super::logs::JobLogs
                            auth=auth
                            deployment=deployment.clone()
                            job=job.clone()
                        />
                    }
                })
        }}
    }
}

/// An instant exactly, with how long ago it was.
/// One term of the job's description and its value.
fn entry(term: &'static str, value: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div>
            <dt>{term}</dt>
            <dd>{value}</dd>
        </div>
    }
}

fn when(at: Option<DateTime<Utc>>, now: DateTime<Utc>, never: &'static str) -> AnyView {
    match at {
        Some(at) => view! {
            <LocalTime at=at />
            <span class="muted">{format!(" ({})", format_relative(at, now))}</span>
        }
        .into_any(),
        None => view! { <span class="muted">{never}</span> }.into_any(),
    }
}
