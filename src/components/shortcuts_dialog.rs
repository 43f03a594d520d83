//! "Keyboard shortcuts": every shortcut and what it does, from `shortcuts::HELP`.

use super::modal::{Modal, ModalDialog};
use crate::domain::shortcuts::HELP;
use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
pub fn ShortcutsDialog(open: RwSignal<bool>) -> impl IntoView {
    let modal = Modal::new(NodeRef::<Dialog>::new(), open);
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
        <ModalDialog
            modal=modal
            class="shortcuts-dialog"
            heading_id="shortcuts-dialog-heading"
            heading="Keyboard shortcuts"
            close_first=true
        >
            <dl class="shortcut-list">{rows}</dl>
            <p class="muted">"Shortcuts do nothing while you type in a field."</p>
        </ModalDialog>
    }
}
