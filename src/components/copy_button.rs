//! A small button that copies a value (an id, an endpoint URL) to the clipboard.

use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn CopyButton(
    #[prop(into)] text: String,
    /// What is copied, for the accessible name: "Copy id", "Copy URL".
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let _ = window.navigator().clipboard().write_text(&text);
        copied.set(true);
        set_timeout(move || copied.set(false), Duration::from_millis(1500));
    };
    view! {
        <button type="button" class="btn-icon" aria-label=label.clone() title=label on:click=copy>
            {move || if copied.get() { check_icon().into_any() } else { copy_icon().into_any() }}
        </button>
        <span class="visually-hidden" role="status">{move || if copied.get() { "Copied" } else { "" }}</span>
    }
}

fn copy_icon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5"/>
            <path d="M11 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5" fill="none" stroke="currentColor" stroke-width="1.5"/>
        </svg>
    }
}

fn check_icon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="1.8"/>
        </svg>
    }
}
