//! The deployment's name as the page heading, with "Rename": the heading turns
//! into a "Name" field with "Save name" and "Cancel" (Enter saves, Esc cancels).
//! The name is checked before it is sent; the new one shows at once.

use super::state::DetailState;
use crate::api::endpoints;
use crate::api::error::ApiError;
use crate::api::models::NameUpdated;
use crate::client::Mutation;
use crate::components::form_field::{describedby, error_id, Described};
use crate::components::submit_button::SubmitButton;
use crate::domain::names::{display_name, parse_name};
use leptos::html::{Button, Input};
use leptos::prelude::*;

/// An older gateway lacks `update-name`.
pub const RENAME_MISSING: &str = "Renaming is not available on this API.";
const INPUT_ID: &str = "detail-name-input";

#[component]
pub fn NameHeading(state: DetailState) -> impl IntoView {
    let name = state.field(|d| d.name.clone());
    let editing = RwSignal::new(false);
    let shown = move || name.with(|n| display_name(n));
    // Focus goes back to "Rename" when the form closes.
    let rename = NodeRef::<Button>::new();
    let refocus = StoredValue::new(false);
    Effect::new(move |_| {
        if let Some(el) = rename.get() {
            if refocus.try_update_value(std::mem::take) == Some(true) {
                let _ = el.focus();
            }
        }
    });
    let close = Callback::new(move |_| {
        refocus.try_set_value(true);
        editing.try_set(false);
    });

    move || {
        if !editing.get() {
            return view! {
                <div class="detail-name">
                    <h1 id="detail-title">{shown}</h1>
                    <button
                        type="button"
                        class="btn btn-small"
                        node_ref=rename
                        on:click=move |_| editing.set(true)
                    >
                        "Rename"
                    </button>
                </div>
            }
            .into_any();
        }
        view! {
            <div class="detail-name">
                <h1 id="detail-title" class="visually-hidden">
                    {shown}
                </h1>
                <RenameForm state=state name=name on_close=close />
            </div>
        }
        .into_any()
    }
}

/// The "Name" field, opened with the name selected, with "Save name" and "Cancel".
#[component]
fn RenameForm(state: DetailState, name: Memo<String>, on_close: Callback<()>) -> impl IntoView {
    let draft = RwSignal::new(name.get_untracked());
    let rename_change = Mutation::<()>::new();
    // A refused name, or why the rename failed.
    let problem = rename_change.failure;
    let problem_id = error_id(INPUT_ID);
    let invalid = Signal::derive(move || problem.with(Option::is_some));
    let described = {
        let problem_id = problem_id.clone();
        Described::new(
            invalid,
            Signal::derive(move || describedby(&[invalid.get().then_some(problem_id.as_str())])),
        )
    };
    let input = NodeRef::<Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            el.select();
        }
    });

    let close = move || {
        problem.try_set(None);
        on_close.run(());
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if rename_change.busy_now() {
            return;
        }
        let new_name = match parse_name(&draft.get_untracked()) {
            Ok(n) => n,
            Err(why) => {
                problem.set(Some(why));
                return;
            }
        };
        if new_name == name.get_untracked() {
            close();
            return;
        }
        let request = endpoints::update_name(&state.id.get_untracked(), &new_name);
        let done = move |updated: NameUpdated| {
            let shown = if updated.name.is_empty() {
                new_name
            } else {
                updated.name
            };
            state.patch(|d| {
                d.name = shown;
                if !updated.updated_at.is_empty() {
                    d.updated_at = updated.updated_at;
                }
            });
            close();
        };
        rename_change.send_or((), state.auth.call(request), done, |error| match error {
            ApiError::RouteNotFound { .. } => RENAME_MISSING.to_string(),
            error => error.user_message(),
        });
    };
    let keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && !rename_change.busy_now() {
            ev.prevent_default();
            close();
        }
    };

    view! {
        <form class="detail-rename" on:submit=save novalidate>
            <label for=INPUT_ID>"Name"</label>
            <input
                id=INPUT_ID
                type="text"
                autocomplete="off"
                node_ref=input
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
                on:keydown=keydown
                aria-invalid=described.invalid()
                aria-describedby=described.ids()
            />
            <SubmitButton label="Save name" busy=Signal::derive(move || rename_change.busy()) />
            <button
                type="button"
                class="btn"
                disabled=move || rename_change.busy()
                on:click=move |_| close()
            >
                "Cancel"
            </button>
            <p id=problem_id class="field-error" role="alert">
                {move || problem.get()}
            </p>
        </form>
    }
}
