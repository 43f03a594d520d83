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
        let Some(window) = web_sys::window() else { return };
        let _ = window.navigator().clipboard().write_text(&text);
        copied.set(true);
        set_timeout(move || copied.set(false), Duration::from_millis(1500));
    };
    view! {
        <button type="button" class="btn-icon" aria-label=label.clone() title=label on:click=copy>
            {move || if copied.get() { "✓" } else { "⧉" }}
        </button>
        <span class="visually-hidden" role="status">{move || if copied.get() { "Copied" } else { "" }}</span>
    }
}
