//! What every history tab's list does the same way: read once for each view
//! of the open tab, then loading, the error with Retry, the empty text or the
//! table, and the pager. While another page is read the current one stays,
//! marked busy.

use super::{Answer, Ctx};
use crate::api::endpoints;
use crate::api::models::{
    Event, EventList, Job, JobList, Pagination, Revision, RevisionList, Task, TaskList,
};
use crate::api::query::{EventFilter, JobFilter, Page, TaskFilter};
use crate::api::request::ApiRequest;
use crate::components::error_box::answer_or_retry;
use crate::components::pager::Pager;
use crate::components::status_line::Loading;
use crate::components::table_head::{Columns, TableHead};
use crate::domain::words::count_of;
use crate::url_state::history_view::{HistoryTab, HistoryView};
use leptos::either::Either;
use leptos::prelude::*;
use serde::de::DeserializeOwned;

/// A tab's answer: how the tab's view asks for it, its items, and where they
/// stand among the pages.
pub trait Listing: DeserializeOwned + Clone + Send + Sync + 'static {
    type Item;
    /// The filter and page the view stands for, when it is this tab's.
    type Request: Clone + PartialEq + Send + Sync + 'static;
    fn request(view: &HistoryView) -> Option<Self::Request>;
    fn ask(deployment: &str, request: Self::Request) -> ApiRequest<Self>;
    fn split(self) -> (Vec<Self::Item>, Pagination);
}

macro_rules! listing {
    ($list:ty, $items:ident: $item:ty, $request:ty, $view:ident, |$id:ident, $req:pat_param| $ask:expr) => {
        impl Listing for $list {
            type Item = $item;
            type Request = $request;
            fn request(view: &HistoryView) -> Option<$request> {
                view.$view()
            }
            fn ask($id: &str, $req: $request) -> ApiRequest<Self> {
                $ask
            }
            fn split(self) -> (Vec<$item>, Pagination) {
                (self.$items, self.pagination)
            }
        }
    };
}

listing!(JobList, jobs: Job, (JobFilter, Page), jobs_request, |id, (f, p)| {
    endpoints::list_jobs(id, &f, &p)
});
listing!(EventList, events: Event, (EventFilter, Page), events_request, |id, (f, p)| {
    endpoints::list_events(id, &f, &p)
});
listing!(RevisionList, revisions: Revision, Page, revisions_request, |id, p| {
    endpoints::list_revisions(id, &p)
});
listing!(TaskList, tasks: Task, (TaskFilter, Page), tasks_request, |id, (f, p)| {
    endpoints::list_tasks(id, &f, &p)
});

/// Reads the tab's list once for each request its view stands for; `None`
/// (the tab is not open) asks nothing.
pub fn fetch_view<T: Listing>(ctx: Ctx) -> LocalResource<Answer<T>> {
    let Ctx { state, view, .. } = ctx;
    let key = Memo::new(move |_| view.with(T::request).map(|r| (state.id.get(), r)));
    LocalResource::new(move || {
        let pending = key.get().map(|(id, r)| T::ask(&id, r));
        async move {
            match pending {
                Some(request) => Some(state.auth.call(request).await),
                None => None,
            }
        }
    })
}

#[component]
pub fn HistoryList<T, R, V>(
    ctx: Ctx,
    data: LocalResource<Answer<T>>,
    columns: Columns,
    /// The table row(s) of one item.
    row: R,
) -> impl IntoView
where
    T: Listing,
    R: Fn(T::Item) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let tab = ctx.view.with_untracked(|v| v.tab);
    let busy = RwSignal::new(false);
    let retry = Callback::new(move |_| data.refetch());
    let loading_text = format!("Loading {}…", tab.label().to_lowercase());
    let shown = move |list: T| {
        let (items, pagination) = list.split();
        let body = if items.is_empty() {
            Either::Left(view! { <p class="empty">{ctx.view.with_untracked(empty_text)}</p> })
        } else {
            let rows = items.into_iter().map(row.clone()).collect_view();
            Either::Right(table(tab, columns, rows))
        };
        view! {
            <div class="history-body" aria-busy=move || busy.get().to_string()>
                {body}
                {pager(ctx, pagination)}
            </div>
        }
    };
    view! {
        <p class="refreshing" role="status" hidden=move || !busy.get()>
            "Loading…"
        </p>
        <Transition
            fallback=move || {
                view! { <Loading text={loading_text.clone()} /> }
            }
            set_pending=busy
        >
            {move || { data.get().flatten().map(|answer| answer_or_retry(answer, retry, &shown)) }}
        </Transition>
    }
}

fn table(tab: HistoryTab, columns: Columns, rows: impl IntoView) -> impl IntoView {
    view! {
        // On a phone it scrolls sideways, and the events and tasks tables hold nothing
        // focusable: Tab reaches the box itself, so the keyboard can scroll it.
        <div
            class="table-wrap"
            tabindex="0"
            role="region"
            aria-label=format!("{} table", tab.label())
        >
            <table class=format!("history-table {}-table", tab.as_str())>
                <caption class="visually-hidden">{tab.label()}</caption>
                <TableHead columns=columns />
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The open tab's total, with Previous / Next.
fn pager(ctx: Ctx, pagination: Pagination) -> impl IntoView {
    let tab = ctx.view.with_untracked(|v| v.tab);
    let total = count_of(pagination.total_items, tab.noun());
    view! {
        <Pager
            pagination=pagination
            view=ctx.view
            go=ctx.go.callback()
            label=format!("{} pages", tab.label())
            class="history-pager"
            total=total
        />
    }
}

/// What an empty list says: "No jobs yet.", or that the filters match nothing.
fn empty_text(view: &HistoryView) -> String {
    let noun = view.tab.noun();
    if view.is_filtered() {
        format!("No {noun}s match these filters.")
    } else {
        format!("No {noun}s yet.")
    }
}
