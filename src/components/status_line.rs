//! A line that says what is on its way ("Loading jobs…", "Connecting to the
//! node…"), announced politely by screen readers.

use leptos::prelude::*;

/// What the page is reading, in place of what it will show.
#[component]
pub fn Loading(#[prop(into)] text: String) -> impl IntoView {
    view! {
        <p class="loading" role="status">
            {text}
        </p>
    }
}

/// A quieter line, for a wait beside what is already shown.
#[component]
pub fn Waiting(#[prop(into)] text: String) -> impl IntoView {
    view! {
        <p class="muted" role="status">
            {text}
        </p>
    }
}
