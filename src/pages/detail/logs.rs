//! The Logs tab (`?tab=logs`): every job's lines merged by time, live from the nodes of
//! running jobs and from the results of ended ones, with filters and search in the URL.
//! The same view, narrowed to one job and with its filter kept in the page, sits in a
//! job's own details.

mod controls;
mod copy;
mod feed;
mod live;
mod model;
mod notes;
mod paint;
mod reveal;
mod row;
mod save;
mod toolbar;
mod viewer;

use super::state::DetailState;
use super::view_in_url::view_in_url;
use crate::api::models::StreamFrame;
use crate::client::Auth;
use crate::domain::logs::filter::{LogFilter, KEYS};
use crate::url_state::paths;
use feed::Feed;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use model::LogModel;

/// The tab: the filter lives in the URL (replaced, not pushed, as it changes).
#[component]
pub fn LogsTab(state: DetailState) -> impl IntoView {
    let query = use_query_map();
    let filter = view_in_url(state, |pairs| LogFilter::from_pairs(pairs));
    let navigate = use_navigate();
    let set_filter = Callback::new(move |next: LogFilter| {
        let Some(id) = state.id.try_get_untracked() else {
            return;
        };
        let mut pairs = next.to_pairs();
        // Pairs of the query that are neither the tab nor the log view's own stay.
        query.with_untracked(|q| {
            for (k, v) in q.latest_values() {
                let k: &str = k.as_ref();
                if k != "tab" && !KEYS.contains(&k) {
                    pairs.push((k.to_string(), v.to_string()));
                }
            }
        });
        let url = format!(
            "{}?{}",
            paths::deployment(&id),
            crate::api::query::encode_query(&pairs)
        );
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });
    view! {
        <LogsView
            auth=state.auth
            deployment=state.id.into()
            only=None
            filter=filter
            set_filter=set_filter
            frames=Some(state.last_frame)
        />
    }
}

/// One job's lines, in its details. The filter stays in the page (the URL is the Jobs tab's).
#[component]
pub fn JobLogs(auth: Auth, deployment: String, job: String) -> impl IntoView {
    let local = RwSignal::new(LogFilter::default());
    let filter = Memo::new(move |_| local.get());
    let set_filter = Callback::new(move |f: LogFilter| local.set(f));
    view! {
        <LogsView
            auth=auth
            deployment=Signal::stored(deployment)
            only=Some(job)
            filter=filter
            set_filter=set_filter
            frames=None
        />
    }
}

#[component]
fn LogsView(
    auth: Auth,
    deployment: Signal<String>,
    only: Option<String>,
    filter: Memo<LogFilter>,
    set_filter: Callback<LogFilter>,
    frames: Option<RwSignal<Option<StreamFrame>>>,
) -> impl IntoView {
    let narrowed = only.is_some();
    let model = LogModel::new();
    if filter.with_untracked(|f| f.line.is_some()) {
        model.following.set(false);
    }
    let feed = Feed::new(auth, deployment, only, model);
    feed.spawn(feed.start());
    if let Some(frames) = frames {
        // Job frames after this view opened (the one already there was read by `start`).
        Effect::new(move |prev: Option<()>| {
            frames.with(|f| {
                if let (Some(()), Some(frame @ StreamFrame::Job(_))) = (prev, f) {
                    feed.on_frame(frame);
                    feed.spawn(feed.refresh_running());
                }
            })
        });
    }
    // The store follows the filter: one pass over its rows per change.
    Effect::new(move |_| {
        filter.with(|f| model.store.update_value(|s| s.set_filter(f)));
        model.bump();
    });
    let class = if narrowed {
        "logs logs-narrowed"
    } else {
        "logs"
    };
    view! {
        <div class=class>
            <toolbar::Toolbar
                model=model
                feed=feed
                filter=filter
                set_filter=set_filter
                deployment=deployment
                narrowed=narrowed
            />
            <notes::Notes model=model feed=feed auth=auth deployment=deployment />
            <super::replicas::OpMarks />
            <viewer::Viewer model=model filter=filter />
            <toolbar::Footer model=model feed=feed />
        </div>
    }
}
