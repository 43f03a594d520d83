//! How old the page's data is ("updated 4 s ago", ticking), a "Refresh" button
//! that reads it again now, and why the last re-read failed, if it did.

use super::state::DetailState;
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
            <button
                type="button"
                class="btn"
                aria-busy=move || refreshing.get().to_string()
                on:click=refresh
            >
                "Refresh"
            </button>
            <p class="detail-refresh-error" role="status">
                {move || state.refresh_error.get().map(|e| format!("Could not refresh: {}", e.user_message()))}
            </p>
        </div>
    }
}
