//! The deployment's history under its fields, as tabs: jobs, events,
//! revisions and tasks. The open tab, its filters, page size and cursor live in
//! the URL (`url_state::history_view`), so reload and back/forward keep them. Only
//! the open tab is read, once for each view of it; a tab never opened costs
//! no request.

mod events;
mod job_detail;
mod jobs;
mod list;
mod make_active;
mod revisions;
mod tasks;

use super::state::DetailState;
use super::view_in_url::view_in_url;
use crate::api::ApiError;
use crate::url_state::history_view::{HistoryTab, HistoryView};
use crate::url_state::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

/// Moves the tabs to another view by writing it into the URL (a history entry
/// of its own, so Back returns to the previous tab or page).
#[derive(Clone, Copy)]
pub struct GoToHistory(Callback<HistoryView>);

impl GoToHistory {
    pub fn go(&self, view: HistoryView) {
        self.0.run(view);
    }

    pub fn callback(self) -> Callback<HistoryView> {
        self.0
    }
}

/// What every tab gets: the page's deployment, the view in the URL, and the way to change it.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub state: DetailState,
    pub view: Memo<HistoryView>,
    pub go: GoToHistory,
}

/// A tab's answer: `None` while another tab is open (nothing was asked).
pub type Answer<T> = Option<Result<T, ApiError>>;

#[component]
pub fn History(state: DetailState) -> impl IntoView {
    let view = view_in_url(state, |pairs| HistoryView::from_pairs(pairs));
    let navigate = use_navigate();
    let go = GoToHistory(Callback::new(move |next: HistoryView| {
        let Some(id) = state.id.try_get_untracked() else {
            return;
        };
        let url = format!("{}{}", paths::deployment(&id), next.to_query());
        navigate(
            &url,
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    }));
    let ctx = Ctx { state, view, go };
    let tab = Memo::new(move |_| view.with(|v| v.tab));
    let select = move |next: HistoryTab| {
        if tab.get_untracked() != next {
            go.go(view.get_untracked().with_tab(next));
        }
    };
    // Arrow keys move between tabs (and open the one reached), Home and End to the ends.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let current = tab.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" => current.next(),
            "ArrowLeft" => current.previous(),
            "Home" => HistoryTab::ALL[0],
            "End" => HistoryTab::ALL[HistoryTab::ALL.len() - 1],
            _ => return,
        };
        ev.prevent_default();
        select(next);
        focus(&tab_id(next));
    };

    // Each tab's button and panel follow whether it is the one shown.
    let tabs = HistoryTab::ALL.map(|t| (t, Memo::new(move |_| tab.get() == t)));
    view! {
        <section class="card history" aria-labelledby="history-title">
            <h2 id="history-title">"History"</h2>
            <div class="history-tabs" role="tablist" aria-label="History" on:keydown=on_keydown>
                {tabs
                    .map(|(t, selected)| {
                        view! {
                            <button
                                type="button"
                                role="tab"
                                class="history-tab"
                                id=tab_id(t)
                                aria-controls=panel_id(t)
                                aria-selected=move || selected.get().to_string()
                                tabindex=move || if selected.get() { "0" } else { "-1" }
                                on:click=move |_| select(t)
                            >
                                {t.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {tabs
                .map(|(t, selected)| {
                    view! {
                        <div
                            role="tabpanel"
                            class="history-panel"
                            id=panel_id(t)
                            aria-labelledby=tab_id(t)
                            hidden=move || !selected.get()
                        >
                            {move || selected.get().then(|| panel(t, ctx))}
                        </div>
                    }
                })
                .collect_view()}
        </section>
    }
}

fn panel(tab: HistoryTab, ctx: Ctx) -> AnyView {
    match tab {
        HistoryTab::Jobs => view! { <jobs::JobsPanel ctx=ctx /> }.into_any(),
        HistoryTab::Events => view! { <events::EventsPanel ctx=ctx /> }.into_any(),
        HistoryTab::Revisions => view! { <revisions::RevisionsPanel ctx=ctx /> }.into_any(),
        HistoryTab::Tasks => view! { <tasks::TasksPanel ctx=ctx /> }.into_any(),
        HistoryTab::Logs => view! { <super::logs::LogsTab state=ctx.state /> }.into_any(),
    }
}

fn tab_id(tab: HistoryTab) -> String {
    format!("history-tab-{}", tab.as_str())
}

fn panel_id(tab: HistoryTab) -> String {
    format!("history-panel-{}", tab.as_str())
}

fn focus(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
