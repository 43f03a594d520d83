//! "Usage": each running replica's CPU, memory, disk and network from its node (newer
//! nodes' `/stats` and `/stats/stream`), as charts over a range kept in the URL
//! (`?usage=15m`), a replica strip with the latest figures, and a table of them for
//! screen readers. Closed until asked for (or opened by the URL): no node is asked before.

mod chart;
mod feed;
mod lines;
mod model;
mod range_picker;
mod readout;
mod strip;
mod svg_parts;
mod table;
mod url;

use super::running_jobs::RunningJobs;
use super::state::DetailState;
use crate::client::nodes::access::NodeAccess;
use crate::client::Auth;
use crate::components::disclosure::DisclosureButton;
use crate::components::error_box::ErrorLine;
use crate::components::openable_section::OpenableSection;
use crate::domain::usage::metric::Metric;
use crate::domain::usage::range::Range;
use futures::future::abortable;
use leptos::prelude::*;
use leptos::task::spawn_local;
use model::{Link, Model, Replica};
use url::RangeInUrl;

#[component]
pub fn Usage(state: DetailState) -> impl IntoView {
    let url = RangeInUrl::new();
    let open = Memo::new(move |_| url.value.get().is_some());
    let toggle = Callback::new(move |_| {
        url.set(if open.get_untracked() {
            None
        } else {
            Some(Range::default())
        })
    });
    view! {
        <OpenableSection
            id="usage"
            title="Usage"
            show="Show usage"
            hide="Hide usage"
            open=open
            toggle=toggle
        >
            <DeploymentUsage state=state url=url />
        </OpenableSection>
    }
}

/// The deployment's running jobs: the page's, shared with the other sections.
#[component]
fn DeploymentUsage(state: DetailState, url: RangeInUrl) -> impl IntoView {
    let running = RunningJobs::get();
    running.read_while(|| true);
    let replicas = Memo::new(move |_| {
        running.jobs.with(|jobs| {
            jobs.as_ref().map(|jobs| {
                jobs.iter()
                    .map(|j| Replica {
                        job: j.job.clone(),
                        node: j.node.clone(),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let error = running.error;
    let access = NodeAccess::new(state.auth, state.id.into());
    let list = Signal::derive(move || replicas.get().unwrap_or_default());
    view! {
        <ErrorLine message=Signal::derive(move || error.get().map(|e| e.user_message())) />
        {move || match replicas.with(|r| r.as_ref().map(Vec::is_empty)) {
            None => {
                view! {
                    <p class="loading" role="status">
                        "Loading running jobs…"
                    </p>
                }
                    .into_any()
            }
            Some(true) => {
                view! { <p class="muted">"No job is running, so there is no usage to show."</p> }
                    .into_any()
            }
            Some(false) => {
                view! { <UsageView replicas=list access=access url=url strip=true /> }.into_any()
            }
        }}
    }
}

/// One running job's usage on its view in the history (`job` running on `node`).
#[component]
pub fn JobUsage(
    auth: Auth,
    deployment: String,
    job: String,
    node: Option<String>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let url = RangeInUrl::new();
    let access = NodeAccess::new(auth, Signal::stored(deployment));
    let replicas = Signal::stored(vec![Replica { job, node }]);
    view! {
        <h4>"Usage"</h4>
        <DisclosureButton open=open>
            {move || if open.get() { "Hide this job's usage" } else { "Show this job's usage" }}
        </DisclosureButton>
        <Show when=move || open.get()>
            <UsageView replicas=replicas access=access url=url strip=false />
        </Show>
    }
}

#[component]
fn UsageView(
    replicas: Signal<Vec<Replica>>,
    access: NodeAccess,
    url: RangeInUrl,
    strip: bool,
) -> impl IntoView {
    let model = Model::new(replicas);
    let range = Memo::new(move |_| url.range());
    // Held figures of jobs that stopped running are dropped with them.
    Effect::new(move |_| {
        let jobs: Vec<String> = replicas.with(|r| r.iter().map(|x| x.job.clone()).collect());
        model.held.update(|h| h.keep_jobs(&jobs));
    });
    // A wider range fetches only the part not held yet.
    Effect::new(move |prev: Option<Range>| {
        let r = range.get();
        if prev.is_some_and(|p| p != r) {
            for replica in replicas.get_untracked() {
                spawn_local(feed::widen(replica, model, access, r));
            }
        }
        r
    });
    let all = lines::derive(model, range);
    let not_offered = move || {
        model.links.with(|l| {
            !l.is_empty()
                && replicas.with(|r| r.iter().all(|x| l.get(&x.job) == Some(&Link::NotOffered)))
        })
    };
    let charts_ref = NodeRef::<leptos::html::Div>::new();
    let measure = move || {
        if let Some(el) = charts_ref.get_untracked() {
            let w = el.get_bounding_client_rect().width();
            // Two charts side by side when there is room (the CSS grid does the same).
            let w = if w >= 900.0 { (w - 16.0) / 2.0 } else { w };
            if w > 0.0 && (w - model.width.get_untracked()).abs() >= 1.0 {
                model.width.set(w.floor());
            }
        }
    };
    Effect::new(move |_| {
        if charts_ref.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    view! {
        <For each=move || replicas.get() key=|r| r.clone() let:replica>
            <Follower replica=replica model=model access=access range=range />
        </For>
        <RangeLinks model=model />
        <range_picker::RangePicker url=url />
        {strip.then(|| view! { <strip::ReplicaStrip model=model /> })}
        <Show
            when=move || !not_offered()
            fallback=|| {
                view! { <p class="usage-not-offered">"This node does not report usage."</p> }
            }
        >
            <Legend model=model all=all />
        </Show>
        <div class="usage-charts" node_ref=charts_ref hidden=not_offered>
            {Metric::ALL
                .into_iter()
                .enumerate()
                .map(|(i, m)| {
                    let plot = chart::Plot {
                        index: i,
                        model,
                        range,
                        all,
                    };
                    view! { <chart::Chart metric=m plot=plot /> }
                })
                .collect_view()}
        </div>
        <table::LatestTable model=model all=all />
    }
}

/// Follows one replica while mounted.
#[component]
fn Follower(
    replica: Replica,
    model: Model,
    access: NodeAccess,
    range: Memo<Range>,
) -> impl IntoView {
    let (run, handle) = abortable(feed::follow(replica, model, access, move || {
        range.get_untracked()
    }));
    spawn_local(async move {
        let _ = run.await;
    });
    on_cleanup(move || handle.abort());
}

/// Each replica's link in words, when it is not simply live.
#[component]
fn RangeLinks(model: Model) -> impl IntoView {
    let notes = move || {
        model.replicas.with(|r| {
            r.iter()
                .enumerate()
                .filter_map(|(i, x)| {
                    let link = model.links.with(|l| l.get(&x.job).cloned())?;
                    let text = match link {
                        Link::Live | Link::NotOffered => return None,
                        Link::Connecting => "connecting to the node…".to_string(),
                        Link::Ended => "the node no longer runs this job.".to_string(),
                        Link::Trouble(m, retrying) => {
                            if retrying {
                                format!("{m} Trying again…")
                            } else {
                                m
                            }
                        }
                    };
                    Some(format!("Replica {}: {text}", i + 1))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div role="status" class="usage-links">
            {move || notes().into_iter().map(|n| view! { <p class="muted">{n}</p> }).collect_view()}
        </div>
    }
}

/// Which colour is which op and replica.
#[component]
fn Legend(model: Model, all: Memo<Vec<lines::ChartLines>>) -> impl IntoView {
    // Only a new line (or name) redraws the legend, not every sample.
    let items = Memo::new(move |_| {
        all.with(|a| {
            a.first()
                .map(|c| {
                    c.lines
                        .iter()
                        .map(|l| (l.i, model.series_name(&l.key.job, &l.key.op)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <ul class="usage-legend" aria-label="Lines">
            {move || {
                items
                    .get()
                    .into_iter()
                    .map(|(i, name)| {
                        view! {
                            <li>
                                <span class=format!("usage-key c{}", i % 8) aria-hidden="true" />
                                {name}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
