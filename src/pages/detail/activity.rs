//! "Recent activity": the latest job, task and event frames of the live
//! stream, newest first, each in words (as text, never markup).

use super::state::DetailState;
use crate::components::relative_time::RelativeTime;
use crate::domain::live::{Activity, Mode};
use leptos::prelude::*;

#[component]
pub fn RecentActivity(state: DetailState) -> impl IntoView {
    view! {
        <section class="card detail-activity" aria-labelledby="detail-activity-title">
            <h2 id="detail-activity-title">"Recent activity"</h2>
            {move || {
                let recent = state.activity.get();
                if recent.is_empty() {
                    view! { <p class="muted">{empty_text(state.mode.get())}</p> }.into_any()
                } else {
                    view! {
                        <ol class="detail-activity-list">
                            {recent.into_iter().map(entry).collect_view()}
                        </ol>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

fn entry(item: Activity) -> impl IntoView {
    view! {
        <li>
            <span class="detail-activity-kind">{item.kind.label()}</span>
            <span class="detail-activity-text">{item.text}</span>
            {item
                .at
                .map(|iso| {
                    view! {
                        <span class="muted">
                            <RelativeTime iso=iso />
                        </span>
                    }
                })}
        </li>
    }
}

fn empty_text(mode: Mode) -> &'static str {
    match mode {
        Mode::Polling => {
            "Activity shows here only with live updates, which this API does not offer now."
        }
        _ => "Nothing yet: jobs, tasks and events show here as they happen.",
    }
}
