//! The deployments list (`/deployments`): every setting lives in the URL query.

mod bulk;
mod filters;
mod table;

use crate::api::endpoints;
use crate::api::models::DeploymentList;
use crate::client::{use_auth, AccountSpend, Flash};
use crate::components::error_box::answer_or_retry;
use crate::components::pager::Pager;
use crate::components::status_line::Loading;
use crate::url_state::list_view::ListView;
use crate::url_state::paths;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// Moves the list to another view by writing it into the URL.
#[derive(Clone, Copy)]
pub struct GoToList(Callback<(ListView, bool)>);

impl GoToList {
    /// Moves by navigating to the list's URL for the view (the page keeps its scroll).
    fn by_url() -> Self {
        let navigate = use_navigate();
        GoToList(Callback::new(move |(next, replace): (ListView, bool)| {
            let url = format!("{}{}", paths::DEPLOYMENTS, next.to_query());
            let options = NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            };
            navigate(&url, options);
        }))
    }

    /// `replace` keeps typing in the search box out of the back-button history.
    pub fn go(&self, view: ListView, replace: bool) {
        self.0.run((view, replace));
    }

    /// A move that is a back-button entry of its own (a page, a page size).
    pub fn step(self) -> Callback<ListView> {
        Callback::new(move |view| self.go(view, false))
    }
}

#[component]
pub fn ListPage() -> impl IntoView {
    let auth = use_auth();
    // e.g. "Deleted my-deployment", left by the page the user came from.
    let notice = Flash::use_flash().take();
    let query = use_query_map();
    let view = Memo::new(move |_| {
        query.with(|q| ListView::from_pairs(q.latest_values().map(|(k, v)| (k.as_ref(), v))))
    });
    let go = GoToList::by_url();

    let data = LocalResource::new(move || {
        let (filter, page) = view.get().to_request();
        async move { auth.call(endpoints::list_deployments(&filter, &page)).await }
    });
    let retry = Callback::new(move |_| data.refetch());
    // Starting or stopping changes what the account spends: the header re-reads it.
    let spend = use_context::<AccountSpend>();
    let after_bulk = Callback::new(move |_| {
        data.refetch();
        if let Some(spend) = spend {
            spend.refresh();
        }
    });
    follow_for_alerts(data, view);
    let loading = RwSignal::new(false);
    let selection = bulk::Selection::new();
    // A different view lists different rows: a selection never spans views.
    Effect::new(move |_| {
        view.track();
        selection.clear();
    });

    let rows = move |list| {
        view! {
            <Rows
                list=list
                view=view
                go=go
                selection=selection
                loading=loading
                after_bulk=after_bulk
            />
        }
    };

    view! {
        <section class="page" aria-labelledby="list-title">
            <div class="page-head">
                <h1 id="list-title">"Deployments"</h1>
                <span class="muted" aria-live="polite">
                    {move || {
                        data.get()
                            .and_then(|r| r.ok())
                            .map(|list| total_text(list.pagination.total_items))
                    }}
                </span>
                <div class="actions">
                    <A href=paths::NEW_DEPLOYMENT attr:class="btn btn-primary">
                        "New deployment"
                    </A>
                </div>
            </div>
            {notice
                .map(|text| {
                    view! {
                        <p class="notice" role="status">
                            {text}
                        </p>
                    }
                })}
            <filters::Filters view=view go=go />
            <bulk::BulkSummary selection=selection />
            <p class="refreshing" role="status" hidden=move || !loading.get()>
                "Loading…"
            </p>
            <Transition
                fallback=|| {
                    view! { <Loading text="Loading deployments…" /> }
                }
                set_pending=loading
            >
                {move || { data.get().map(|answer| answer_or_retry(answer, retry, rows)) }}
            </Transition>
        </section>
    }
}

/// A page of deployments: the bulk bar, the table and the pager.
#[component]
fn Rows(
    list: DeploymentList,
    view: Memo<ListView>,
    go: GoToList,
    selection: bulk::Selection,
    loading: RwSignal<bool>,
    after_bulk: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="list-body" aria-busy=move || loading.get().to_string()>
            <bulk::BulkBar
                deployments=list.deployments.clone()
                selection=selection
                on_done=after_bulk
            />
            <table::DeploymentTable
                deployments=list.deployments
                view=view
                go=go
                selection=selection
            />
            <Pager pagination=list.pagination view=view go=go.step() label="Pages" />
        </div>
    }
}

fn total_text(total: u64) -> String {
    match total {
        1 => "1 deployment".into(),
        n => format!("{n} deployments"),
    }
}

/// The deployments on this page are followed for alerts (issue 14): their
/// statuses as read here, then the alerts poll re-reads this page's request.
fn follow_for_alerts(
    data: LocalResource<Result<crate::api::models::DeploymentList, crate::api::error::ApiError>>,
    view: Memo<ListView>,
) {
    let alerts = crate::client::Alerts::use_alerts();
    Effect::new(move |_| {
        alerts.on.track();
        if let Some(Ok(list)) = data.get() {
            list.deployments.iter().for_each(|d| alerts.observe(d));
            alerts.follow_list(Some(view.get_untracked().to_request()));
        }
    });
    on_cleanup(move || alerts.follow_list(None));
}
