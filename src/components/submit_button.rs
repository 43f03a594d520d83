//! A form's main button: disabled, and marked busy, while its change is in flight.

use leptos::prelude::*;

#[component]
pub fn SubmitButton(label: &'static str, busy: Signal<bool>) -> impl IntoView {
    view! {
        <button
            type="submit"
            class="btn btn-primary"
            disabled=move || busy.get()
            aria-busy=move || busy.get().to_string()
        >
            {label}
        </button>
    }
}
