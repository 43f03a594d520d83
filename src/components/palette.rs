//! "Go to deployment" (Ctrl+K / Cmd+K): find a deployment by name or id with
//! the API's search (debounced) and jump to it. The results are links, picked
//! with the arrow keys and Enter or with a click, so an in-app link's rules
//! (the edit page's "Leave without saving?") apply to them too.

mod search;

use super::follow_link::follow_link;
use super::modal::{Modal, ModalDialog};
use super::status_badge::static_badge;
use crate::api::models::Deployment;
use crate::domain::units::short_id;
use crate::url_state::paths;
use leptos::html::Dialog;
use leptos::prelude::*;
use search::{Found, Search};

#[component]
pub fn Palette(open: RwSignal<bool>) -> impl IntoView {
    let modal = Modal::new(NodeRef::<Dialog>::new(), open);
    let search = Search::new();
    Effect::new(move |_| {
        if open.get() {
            search.reset();
        }
    });

    let go_to_chosen = move || {
        if let Some(id) = search.chosen_id() {
            modal.close_for_good();
            follow_link(&paths::deployment(&id));
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        key @ ("ArrowDown" | "ArrowUp") if search.count() > 0 => {
            ev.prevent_default();
            search.step(key == "ArrowDown");
        }
        "Enter" => {
            ev.prevent_default();
            go_to_chosen();
        }
        _ => {}
    };
    let has_results = move || search.count() > 0;

    view! {
        <ModalDialog
            modal=modal
            class="palette"
            heading_id="palette-heading"
            heading="Go to deployment"
        >
            <label for="palette-search">"Name or id"</label>
            <input
                id="palette-search"
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                autofocus=true
                aria-autocomplete="list"
                aria-controls=move || has_results().then_some("palette-results")
                aria-expanded=move || has_results().to_string()
                aria-activedescendant=move || {
                    has_results().then(|| option_id(search.active.get()))
                }
                aria-describedby="palette-status"
                prop:value=move || search.query.get()
                on:input=move |ev| search.type_text(event_target_value(&ev))
                on:keydown=on_keydown
            />
            <Results search=search on_pick=Callback::new(move |_| go_to_chosen()) />
            <p id="palette-status" class="muted" role="status">
                {move || search.found.with(Found::status)}
            </p>
        </ModalDialog>
    }
}

fn option_id(i: usize) -> String {
    format!("palette-option-{i}")
}

/// The listbox of deployments found; there only with options in it (an
/// empty one is not valid). A click chooses an option and picks it.
#[component]
fn Results(search: Search, on_pick: Callback<()>) -> impl IntoView {
    let option = move |(i, d): (usize, Deployment)| {
        let selected = move || search.active.get() == i;
        view! {
            <li
                role="option"
                id=option_id(i)
                aria-selected=move || selected().to_string()
                class="palette-option"
                class:active=selected
                on:mousemove=move |_| search.active.set(i)
                on:click=move |ev| {
                    ev.prevent_default();
                    search.active.set(i);
                    on_pick.run(());
                }
            >
                <span class="palette-name">{d.name.clone()}</span>
                {static_badge(d.status)}
                <code class="palette-id">{short_id(&d.id)}</code>
            </li>
        }
    };
    move || match search.found.get() {
        Found::Deployments(list) if !list.is_empty() => {
            let options = list.into_iter().enumerate().map(option).collect_view();
            view! {
                <ul
                    id="palette-results"
                    class="palette-results"
                    role="listbox"
                    aria-label="Deployments found"
                >
                    {options}
                </ul>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}
