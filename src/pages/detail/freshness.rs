//! How old the page's data is ("updated 4 s ago", ticking), how it keeps
//! fresh ("Live", "Polling", ...), a "Refresh" button that reads it again now,
//! and why the last re-read failed, if it did.

use super::state::DetailState;
use crate::domain::live::Mode;
use crate::domain::polling::age_seconds;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Freshness(state: DetailState) -> impl IntoView {
    let refreshing = RwSignal::new(false);
    let age = move || {
        state
            .fetched_at
            .get()
            .map(|at| format!("Last updated {} s ago", age_seconds(at, state.now.get())))
    };
    let refresh = move |_| {
        refreshing.set(true);
        spawn_local(async move {
            state.reload().await;
            refreshing.try_set(false);
        });
    };
    view! {
        <div class="detail-freshness">
            <span class="muted detail-updated-ago">{age}</span>
            <span
                class=move || format!("detail-mode detail-mode-{}", mode_class(state.mode.get()))
                title=move || mode_hint(state.mode.get())
            >
                {move || state.mode.get().label()}
            </span>
            <button
                type="button"
                class="btn"
                aria-busy=move || refreshing.get().to_string()
                on:click=refresh
            >
                "Refresh"
            </button>
            <p class="detail-refresh-error" role="status">
                {move || {
                    state
                        .refresh_error
                        .get()
                        .map(|e| format!("Could not refresh: {}", e.user_message()))
                }}
            </p>
        </div>
    }
}

fn mode_class(mode: Mode) -> &'static str {
    match mode {
        Mode::Connecting => "connecting",
        Mode::Live => "live",
        Mode::Polling => "polling",
        Mode::Paused => "paused",
    }
}

fn mode_hint(mode: Mode) -> &'static str {
    match mode {
        Mode::Connecting => "Connecting to the deployment's live updates",
        Mode::Live => "Changes show as they happen",
        Mode::Polling => "Live updates are not available: the page reads the deployment again while it starts or stops",
        Mode::Paused => "Updates resume when the tab is shown again",
    }
}
