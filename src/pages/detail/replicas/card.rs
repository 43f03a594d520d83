//! One replica: its node's `/info` stream (problems, live endpoint words; the page's one
//! for the job, see `info_streams`), one read of `/endpoints` and `/ops` when it appears,
//! and a light re-read of `/endpoints` while the node offers it. A node without a route is
//! told once and never asked again.

use super::controls::Controls;
use super::endpoints::Endpoints;
use super::problems::Problems;
use super::{replica_label, Watch};
use crate::api::models::Job;
use crate::api::node::info::JobInfo;
use crate::api::node::routes::{EndpointsAnswer, RouteError};
use crate::client::nodes::access::NodeAccess;
use crate::client::nodes::{endpoints, ops};
use crate::domain::endpoint_health::merge;
use crate::domain::units::short_id;
use crate::pages::detail::info_streams::{InfoStreams, Link};
use crate::pages::detail::state::DetailState;
use futures::future::abortable;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How often endpoint words are re-read while the node offers the route (the `/info`
/// frames carry changes in between).
const ENDPOINTS_EVERY_MS: u32 = 30_000;

/// `/ops`: each op and its status, in the node's order.
pub type OpsRead = Result<Vec<(String, String)>, RouteError>;

/// What the card knows, shared with its parts.
#[derive(Clone, Copy)]
pub struct Replica {
    /// "Replica 1".
    pub label: StoredValue<String>,
    pub job: StoredValue<Job>,
    pub access: NodeAccess,
    pub base: RwSignal<Option<String>>,
    pub info: RwSignal<Option<JobInfo>>,
    pub link: RwSignal<Link>,
    /// `/endpoints` and the arrival count it had (to tell it from newer `/info` frames).
    pub route: RwSignal<Option<(Result<EndpointsAnswer, RouteError>, u64)>>,
    pub info_seq: RwSignal<u64>,
    pub ops: RwSignal<Option<OpsRead>>,
}

impl Replica {
    /// Reads the ops again (after a restart or stop).
    pub fn reread_ops(self) {
        let Some(base) = self.base.get_untracked() else {
            return;
        };
        let job = self.job.get_value().job;
        spawn_local(async move {
            let got = ops::ops(&self.access, &base, &job).await;
            self.ops.try_set(Some(got));
        });
    }
}

#[component]
pub fn Replica(state: DetailState, watch: Watch, index: usize, job: Job) -> impl IntoView {
    let label = replica_label(index);
    let follow = InfoStreams::get().follow(&job);
    let r = Replica {
        label: StoredValue::new(label.clone()),
        job: StoredValue::new(job.clone()),
        access: NodeAccess::new(state.auth, state.id.into()),
        base: RwSignal::new(None),
        info: follow.info,
        link: follow.link,
        route: RwSignal::new(None),
        info_seq: RwSignal::new(0),
        ops: RwSignal::new(None),
    };
    let (reads, stop) = abortable(read_routes(r));
    spawn_local(async move {
        let _ = reads.await;
    });
    on_cleanup(move || stop.abort());
    // Every frame counts: the newer of `/endpoints` and `/info` wins per endpoint.
    Effect::new(move |_| {
        r.info.track();
        r.info_seq.update(|s| *s += 1);
    });
    let address = job.job.clone();
    let merged = Memo::new(move |_| {
        let from_info = r
            .info
            .with(|i| i.as_ref().map(|i| i.endpoints(&address)))
            .unwrap_or_default();
        let info_seq = r.info_seq.get();
        r.route.with(|route| match route {
            Some((Ok(a), seq)) => merge(&a.urls, *seq, &from_info, info_seq),
            _ => from_info.clone(),
        })
    });
    let key = job.job.clone();
    Effect::new(move |_| {
        let list = merged.get();
        let key = key.clone();
        watch.endpoints.update(|m| {
            m.insert(key, list);
        });
    });
    let gone = job.job.clone();
    on_cleanup(move || {
        watch.endpoints.try_update(|m| m.remove(&gone));
    });
    let heading_id = format!("replica-{index}-title");
    let labelled_by = heading_id.clone();
    view! {
        <article class="replica-card" data-job=job.job.clone() aria-labelledby=labelled_by>
            <h3 id=heading_id>
                {label}" "<span class="mono muted" title=job.job.clone()>
                    {short_id(&job.job)}
                </span>
            </h3>
            <LinkNote link=r.link />
            <Problems replica=r />
            <Endpoints replica=r merged=merged />
            <Controls replica=r watch=watch />
        </article>
    }
}

/// Trouble with the `/info` stream, in words; nothing while it is fine.
#[component]
fn LinkNote(link: RwSignal<Link>) -> impl IntoView {
    move || match link.get() {
        Link::Connecting => view! {
            <p class="muted" role="status">
                "Connecting to the node…"
            </p>
        }
        .into_any(),
        Link::Live => ().into_any(),
        Link::Ended => view! {
            <p class="muted" role="status">
                "The node ended the job."
            </p>
        }
        .into_any(),
        Link::Trouble(message, retrying) => view! {
            <p class="error-box" role="alert">
                {message}
                {retrying.then_some(" Trying again…")}
            </p>
        }
        .into_any(),
    }
}

/// `/endpoints` and `/ops` once; then `/endpoints` now and then, while it answers.
async fn read_routes(r: Replica) {
    let job = r.job.get_value();
    let Some(base) = r.access.base(job.node.as_deref()).await else {
        return;
    };
    r.base.try_set(Some(base.clone()));
    let ops_read = ops::ops(&r.access, &base, &job.job).await;
    r.ops.try_set(Some(ops_read));
    loop {
        let got = endpoints::endpoints(&r.access, &base, &job.job).await;
        let again = got.is_ok();
        // Newer than every frame so far, older than the next one.
        let seq = r.info_seq.get_untracked() + 1;
        r.route.try_set(Some((got, seq)));
        if !again {
            return;
        }
        TimeoutFuture::new(ENDPOINTS_EVERY_MS).await;
    }
}
