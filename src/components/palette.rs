//! "Go to deployment" (Ctrl+K / Cmd+K): find a deployment by name or id with
//! the API's search (debounced) and jump to it. The results are links, picked
//! with the arrow keys and Enter or with a click, so an in-app link's rules
//! (the edit page's "Leave without saving?") apply to them too.

use super::follow_link::follow_link;
use super::modal::Modal;
use super::status_badge::static_badge;
use crate::api::endpoints;
use crate::api::models::Deployment;
use crate::api::query::{DeploymentFilter, Page};
use crate::client::use_auth;
use crate::domain::units::short_id;
use crate::url_state::paths;
use leptos::html::Dialog;
use leptos::prelude::*;
use std::time::Duration;

const SEARCH_DEBOUNCE: Duration = Duration::from_millis(250);

#[derive(Clone, PartialEq)]
enum Found {
    /// Nothing typed yet.
    Idle,
    Searching,
    Deployments(Vec<Deployment>),
    Failed(String),
}

#[component]
pub fn Palette(open: RwSignal<bool>) -> impl IntoView {
    let auth = use_auth();
    let owner = Owner::current();
    let dialog = NodeRef::<Dialog>::new();
    let modal = Modal::new(dialog, open);
    let query = RwSignal::new(String::new());
    let found = RwSignal::new(Found::Idle);
    let active = RwSignal::new(0usize);
    let generation = StoredValue::new(0u64);

    // Every opening starts afresh; a search still on its way is forgotten.
    Effect::new(move |_| {
        if open.get() {
            generation.update_value(|g| *g += 1);
            query.set(String::new());
            found.set(Found::Idle);
            active.set(0);
        }
    });

    let search = move |text: String| {
        query.set(text.clone());
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let term = text.trim().to_string();
        if term.is_empty() {
            found.set(Found::Idle);
            return;
        }
        let owner = owner.clone();
        set_timeout(
            move || {
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                found.set(Found::Searching);
                let filter = DeploymentFilter {
                    search: Some(term),
                    ..DeploymentFilter::default()
                };
                let read = async move {
                    let result = auth
                        .call(endpoints::list_deployments(&filter, &Page::default()))
                        .await;
                    if generation.try_get_value() != Some(mine) {
                        return;
                    }
                    active.set(0);
                    found.set(match result {
                        Ok(list) => Found::Deployments(list.deployments),
                        Err(error) => Found::Failed(error.user_message()),
                    });
                };
                // Timers run outside any owner: the read runs under the palette's.
                match &owner {
                    Some(owner) => owner.with(|| leptos::task::spawn_local_scoped(read)),
                    None => leptos::task::spawn_local(read),
                }
            },
            SEARCH_DEBOUNCE,
        );
    };

    let count = move || {
        found.with(|f| match f {
            Found::Deployments(list) => list.len(),
            _ => 0,
        })
    };
    let go_to_active = move || {
        let id = found.with_untracked(|f| match f {
            Found::Deployments(list) => list.get(active.get_untracked()).map(|d| d.id.clone()),
            _ => None,
        });
        if let Some(id) = id {
            modal.close_for_good();
            follow_link(&paths::deployment(&id));
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let n = count();
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + 1).min(n - 1));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = a.saturating_sub(1));
            }
            "Enter" => {
                ev.prevent_default();
                go_to_active();
            }
            _ => {}
        }
    };

    let option_id = |i: usize| format!("palette-option-{i}");
    let option = move |(i, d): (usize, Deployment)| {
        let selected = move || active.get() == i;
        view! {
            <li
                role="option"
                id=option_id(i)
                aria-selected=move || selected().to_string()
                class="palette-option"
                class:active=selected
                on:mousemove=move |_| active.set(i)
                on:click=move |ev| {
                    ev.prevent_default();
                    active.set(i);
                    go_to_active();
                }
            >
                <span class="palette-name">{d.name.clone()}</span>
                {static_badge(d.status)}
                <code class="palette-id">{short_id(&d.id)}</code>
            </li>
        }
    };
    // The listbox is there only with options in it (an empty one is not valid).
    let results = move || match found.get() {
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
    };
    let status = move || match found.get() {
        Found::Idle => "Type part of a name or an id.".to_string(),
        Found::Searching => "Searching…".to_string(),
        Found::Deployments(list) if list.is_empty() => "No deployment matches.".to_string(),
        Found::Deployments(list) if list.len() == 1 => "1 deployment: Enter opens it.".to_string(),
        Found::Deployments(list) => format!(
            "{} deployments: arrow keys choose, Enter opens.",
            list.len()
        ),
        Found::Failed(message) => format!("Search failed: {message}"),
    };

    view! {
        <dialog
            node_ref=dialog
            class="palette"
            aria-labelledby="palette-heading"
            on:close=modal.on_close()
        >
            <h2 id="palette-heading">"Go to deployment"</h2>
            <label for="palette-search">"Name or id"</label>
            <input
                id="palette-search"
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                autofocus=true
                aria-autocomplete="list"
                aria-controls=move || (count() > 0).then_some("palette-results")
                aria-expanded=move || (count() > 0).to_string()
                aria-activedescendant=move || (count() > 0).then(|| option_id(active.get()))
                aria-describedby="palette-status"
                prop:value=move || query.get()
                on:input=move |ev| search(event_target_value(&ev))
                on:keydown=on_keydown
            />
            {results}
            <p id="palette-status" class="muted" role="status">
                {status}
            </p>
            <div class="confirm-dialog-buttons">
                <button type="button" class="btn" on:click=move |_| open.set(false)>
                    "Close"
                </button>
            </div>
        </dialog>
    }
}
