//! One on/off value of a filter drawn as a chip: a checkbox and its label.

use leptos::prelude::*;

#[component]
pub fn CheckChip(
    #[prop(into)] checked: Signal<bool>,
    /// Runs when the user ticks or unticks it.
    on_toggle: Callback<()>,
    children: Children,
) -> impl IntoView {
    view! {
        <label class="chip">
            <input
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |_| on_toggle.run(())
            />
            {children()}
        </label>
    }
}
