//! A small button that copies a value (an id, an endpoint URL) to the clipboard.

use leptos::prelude::*;
use std::time::Duration;

/// The icons are CSS masks (`.copy-button` in style/main.css), not inline SVG:
/// the list shows up to 100 of these, and each inline icon was three more
/// elements and a reactive child to build per row.
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
        set_timeout(
            move || _ = copied.try_set(false),
            Duration::from_millis(1500),
        );
    };
    view! {
        <button
            type="button"
            class="btn-icon copy-button"
            class:copied=copied
            aria-label=label.clone()
            title=label
            on:click=copy
        />
        <span class="visually-hidden" role="status">
            {move || if copied.get() { "Copied" } else { "" }}
        </span>
    }
}
