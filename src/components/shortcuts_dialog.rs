//! "Keyboard shortcuts": every shortcut and what it does, from `shortcuts::HELP`.

use super::modal::Modal;
use crate::domain::shortcuts::HELP;
use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
pub fn ShortcutsDialog(open: RwSignal<bool>) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let modal = Modal::new(dialog, open);
    let rows = HELP
        .iter()
        .map(|h| {
            let keys = h.keys.iter().enumerate().map(|(i, k)| {
                let joiner = (i > 0).then(|| format!(" {} ", h.joiner));
                view! {
                    {joiner}
                    <kbd>{*k}</kbd>
                }
            });
            view! {
                <div class="shortcut">
                    <dt>{keys.collect_view()}</dt>
                    <dd>{h.what}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <dialog
            node_ref=dialog
            class="shortcuts-dialog"
            aria-labelledby="shortcuts-dialog-heading"
            on:close=modal.on_close()
        >
            <h2 id="shortcuts-dialog-heading">"Keyboard shortcuts"</h2>
            <dl class="shortcut-list">{rows}</dl>
            <p class="muted">"Shortcuts do nothing while you type in a field."</p>
            <div class="confirm-dialog-buttons">
                <button type="button" class="btn" autofocus=true on:click=move |_| open.set(false)>
                    "Close"
                </button>
            </div>
        </dialog>
    }
}
