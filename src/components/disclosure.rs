//! A button that shows and hides a region of the page, saying which region
//! and whether it is open.

use leptos::prelude::*;

#[component]
pub fn DisclosureButton(
    open: RwSignal<bool>,
    /// The id of the region shown and hidden, when it stays in the page.
    #[prop(optional, into)]
    controls: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="btn"
            aria-expanded=move || open.get().to_string()
            aria-controls=controls
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {children()}
        </button>
    }
}
