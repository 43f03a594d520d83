//! A card whose body is built only once it is opened, so what the body reads (a node's
//! streams, more requests) starts only when the owner asks for it.

use leptos::prelude::*;

#[component]
pub fn OpenableSection(
    /// Names the card's class, its heading (`{id}-title`) and its body (`{id}-body`).
    id: &'static str,
    title: &'static str,
    /// The button's words while the body is closed, and while it is open.
    show: &'static str,
    hide: &'static str,
    #[prop(into)] open: Signal<bool>,
    toggle: Callback<()>,
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <section class=format!("card {id}") aria-labelledby=format!("{id}-title")>
            <div class="section-head">
                <h2 id=format!("{id}-title")>{title}</h2>
                <button
                    type="button"
                    class="btn"
                    aria-expanded=move || open.get().to_string()
                    aria-controls=format!("{id}-body")
                    on:click=move |_| toggle.run(())
                >
                    {move || if open.get() { hide } else { show }}
                </button>
            </div>
            <div id=format!("{id}-body")>
                <Show when=move || open.get()>{children()}</Show>
            </div>
        </section>
    }
}
