//! The range buttons (5 min to 24 h); the chosen one is pressed and written to the URL.

use super::url::RangeInUrl;
use crate::domain::usage::range::Range;
use leptos::prelude::*;

#[component]
pub fn RangePicker(url: RangeInUrl) -> impl IntoView {
    view! {
        <div class="usage-ranges" role="group" aria-label="Time range">
            {Range::ALL
                .into_iter()
                .map(|r| {
                    let pressed = move || url.range() == r;
                    view! {
                        <button
                            type="button"
                            class="btn usage-range"
                            aria-pressed=move || pressed().to_string()
                            title=format!("Show the {}", r.spoken())
                            on:click=move |_| {
                                if !pressed() {
                                    url.set(Some(r));
                                }
                            }
                        >
                            {r.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
