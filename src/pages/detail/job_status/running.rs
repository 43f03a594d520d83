//! A running job: its node's `/info` stream, followed while the section is on screen.
//! A refused header is refreshed once; a dropped stream is reopened with backoff; a node
//! that has no such job (404) or a stream that ends (the job ended) stops it.

use super::node::NodeAccess;
use super::ops::{NodeEndpoints, OpTable};
use crate::api::models::Job;
use crate::api::node::address::info_url;
use crate::api::node::info::JobInfo;
use crate::client::nodes::info::{open, InfoError};
use crate::components::status_line::Waiting;
use crate::domain::logs::reconnect::delay_ms;
use crate::domain::logs::status::{endpoints, ops_from_info};
use crate::domain::units::short_id;
use futures::future::abortable;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Attempts to reopen a failing stream before saying so and stopping.
const MAX_FAILURES: u32 = 6;

#[derive(Clone, PartialEq)]
pub(crate) enum Link {
    Connecting,
    Live,
    /// Why the stream is not followed, in plain words; `true` while retrying.
    Trouble(String, bool),
    Ended,
}

#[component]
pub fn RunningJob(job: Job, node: NodeAccess) -> impl IntoView {
    let info = RwSignal::new(None::<JobInfo>);
    let link = RwSignal::new(Link::Connecting);
    let (follow, handle) = abortable(run(job.clone(), node, info, link));
    spawn_local(async move {
        let _ = follow.await;
    });
    on_cleanup(move || handle.abort());
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

/// Follows the job's `/info` stream into `info` until it ends or fails for good (shared
/// with the replica panel).
pub(crate) async fn run(
    job: Job,
    node: NodeAccess,
    info: RwSignal<Option<JobInfo>>,
    link: RwSignal<Link>,
) {
    let Some(base) = node.base(job.node.as_deref()).await else {
        link.try_set(Link::Trouble("The job has no node yet.".into(), false));
        return;
    };
    let url = info_url(&base, &job.job);
    let mut stale: Option<String> = None;
    let mut refreshed_once = false;
    let mut failures = 0u32;
    loop {
        let header = match node.get(stale.take().as_deref()).await {
            Ok(h) => h,
            Err(message) => {
                link.try_set(Link::Trouble(message, false));
                return;
            }
        };
        let error = match open(&url, &header).await {
            Ok(mut stream) => {
                link.try_set(Link::Live);
                loop {
                    match stream.next().await {
                        Ok(Some(frame)) => {
                            failures = 0;
                            refreshed_once = false;
                            info.try_set(Some(frame));
                        }
                        Ok(None) => {
                            link.try_set(Link::Ended);
                            return;
                        }
                        Err(e) => break e,
                    }
                }
            }
            Err(e) => e,
        };
        if error.is_unauthorized() && !refreshed_once {
            stale = Some(header);
            refreshed_once = true;
            continue;
        }
        let fatal = matches!(error, InfoError::Status(s) if s != 429 && s < 500)
            || failures >= MAX_FAILURES;
        link.try_set(Link::Trouble(error.message(), !fatal));
        if fatal {
            return;
        }
        TimeoutFuture::new(delay_ms(failures)).await;
        failures += 1;
    }
}
