//! A button that is disabled, and marked busy, while what it started is in
//! flight: a form's main (submit) button, or a plain one that runs something.

use leptos::prelude::*;

#[component]
pub fn SubmitButton(label: &'static str, busy: Signal<bool>) -> impl IntoView {
    view! { <BusyButton label=label busy=busy /> }
}

#[component]
pub fn BusyButton(
    label: &'static str,
    #[prop(into)] busy: Signal<bool>,
    /// Makes it a plain button that runs this; without it, it submits its form.
    #[prop(optional)]
    on_press: Option<Callback<()>>,
) -> impl IntoView {
    let (kind, class) = match on_press {
        Some(_) => ("button", "btn"),
        None => ("submit", "btn btn-primary"),
    };
    view! {
        <button
            type=kind
            class=class
            disabled=move || busy.get()
            aria-busy=move || busy.get().to_string()
            on:click=move |_| {
                if let Some(press) = on_press {
                    press.run(());
                }
            }
        >
            {label}
        </button>
    }
}
