//! "Are you sure?" as an in-page modal: the native `<dialog>` opened with
//! `showModal()` (focus is trapped, the page behind is inert), labelled by its
//! heading, with "Confirm" and "Cancel". Esc cancels. Focus goes back to
//! whatever opened it (all as `Modal` does). For what cannot be undone, the user may be asked to
//! type a text (e.g. the deployment's name) before Confirm is enabled.

use super::modal::Modal;
use leptos::html::Dialog;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

#[component]
pub fn ConfirmDialog(
    /// Set to `true` to open; the dialog sets it back to `false` when it closes.
    open: RwSignal<bool>,
    #[prop(into)] heading: Signal<String>,
    #[prop(into)] message: Signal<String>,
    /// Runs once when the user confirms (after the dialog has closed).
    on_confirm: Callback<()>,
    /// Styles Confirm as a destructive action.
    #[prop(optional)]
    danger: bool,
    /// More content under the message (e.g. what will change).
    #[prop(optional)]
    children: Option<Children>,
    /// The confirm button's text; "Confirm" when not given.
    #[prop(optional)]
    confirm_label: Option<&'static str>,
    /// When given, Confirm stays disabled until exactly this text is typed.
    #[prop(optional, into)]
    type_to_confirm: Option<Signal<String>>,
    /// The label of that input.
    #[prop(optional)]
    type_label: Option<&'static str>,
) -> impl IntoView {
    let n = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let heading_id = format!("confirm-dialog-{n}-heading");
    let message_id = format!("confirm-dialog-{n}-message");
    let input_id = format!("confirm-dialog-{n}-typed");
    let (labelled_by, described_by) = (heading_id.clone(), message_id.clone());
    let dialog = NodeRef::<Dialog>::new();
    let modal = Modal::new(dialog, open);
    let typed = RwSignal::new(String::new());
    let confirmed = move || type_to_confirm.is_none_or(|e| typed.with(|t| e.with(|e| t == e)));
    let confirmed_now = move || {
        type_to_confirm.is_none_or(|e| typed.with_untracked(|t| e.with_untracked(|e| t == e)))
    };
    // Each opening starts with nothing typed.
    Effect::new(move |was_open: Option<bool>| {
        let now = open.get();
        if now && was_open != Some(true) {
            typed.set(String::new());
        }
        now
    });
    let close_dialog = move || modal.close();
    let confirm = move || {
        if !confirmed_now() {
            return;
        }
        close_dialog();
        on_confirm.run(());
    };
    let confirm_class = if danger {
        "btn btn-danger"
    } else {
        "btn btn-primary"
    };

    view! {
        <dialog
            node_ref=dialog
            class="confirm-dialog"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            on:cancel=modal.on_cancel()
            on:close=modal.on_close()
        >
            <h2 id=heading_id>{move || heading.get()}</h2>
            <p id=message_id>{move || message.get()}</p>
            {children.map(|content| content())}
            {type_to_confirm
                .map(|_| {
                    let label = type_label.unwrap_or("Type the text above to confirm");
                    typed_field(input_id, label, typed, confirm)
                })}
            <div class="confirm-dialog-buttons">
                <button type="button" class="btn" on:click=move |_| close_dialog()>
                    "Cancel"
                </button>
                <button
                    type="button"
                    class=confirm_class
                    autofocus=type_to_confirm.is_none()
                    disabled=move || !confirmed()
                    on:click=move |_| confirm()
                >
                    {confirm_label.unwrap_or("Confirm")}
                </button>
            </div>
        </dialog>
    }
}

/// The text to type before Confirm; Enter confirms.
fn typed_field(
    id: String,
    label: &'static str,
    typed: RwSignal<String>,
    confirm: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="field confirm-dialog-typed">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                autofocus=true
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        confirm();
                    }
                }
            />
        </div>
    }
}
