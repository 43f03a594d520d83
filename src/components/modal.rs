//! A native `<dialog>` opened with `showModal()` while a signal is true
//! (focus is trapped and the page behind is inert; Esc closes it), giving
//! focus back to whatever had it before. `ModalDialog` is that dialog labelled
//! by its heading, with a "Close" button under what it holds.

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Modal {
    dialog: NodeRef<Dialog>,
    open: RwSignal<bool>,
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl Modal {
    /// Wires `dialog` to `open`; put `on_close` on the dialog's `close` event.
    pub fn new(dialog: NodeRef<Dialog>, open: RwSignal<bool>) -> Self {
        let modal = Modal {
            dialog,
            open,
            opener: StoredValue::new_local(None),
        };
        Effect::new(move |_| {
            let want_open = open.get();
            let Some(el) = dialog.get() else { return };
            if want_open && !el.open() {
                modal.opener.set_value(
                    document()
                        .active_element()
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
                );
                if el.show_modal().is_err() {
                    open.set(false);
                }
            } else if !want_open && el.open() {
                el.close();
            }
        });
        modal
    }

    /// Esc, Close or `close()` all end here.
    pub fn on_close(self) -> impl Fn(web_sys::Event) + Copy {
        move |_| {
            // The event comes a task after the dialog closed: a key that opened it again in
            // between (Esc, then Ctrl+K at once) must not be undone by it.
            if self.dialog.get_untracked().is_some_and(|el| el.open()) {
                return;
            }
            self.open.set(false);
            if let Some(el) = self.opener.try_update_value(Option::take).flatten() {
                let _ = el.focus();
            }
        }
    }

    /// Esc: closed at once in the signal too, so a key that opens the dialog right after
    /// (before the `close` event) is not taken for a dialog still open.
    pub fn on_cancel(self) -> impl Fn(web_sys::Event) + Copy {
        move |_| self.open.set(false)
    }

    /// Closes now; focus goes back to what opened it (with the `close` event).
    pub fn close(&self) {
        self.open.set(false);
        if let Some(el) = self.dialog.get_untracked() {
            el.close();
        }
    }

    /// Closes now, leaving focus to what comes next (a page the user goes to).
    pub fn close_for_good(&self) {
        self.opener.set_value(None);
        self.close();
    }
}

/// The dialog element of `modal`, labelled by its `<h2>`, with `children` then
/// "Close" (which gets the focus on opening when `close_first`).
#[component]
pub fn ModalDialog(
    modal: Modal,
    class: &'static str,
    heading_id: &'static str,
    heading: &'static str,
    #[prop(optional)] close_first: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <dialog
            node_ref=modal.dialog
            class=class
            aria-labelledby=heading_id
            on:cancel=modal.on_cancel()
            on:close=modal.on_close()
        >
            <h2 id=heading_id>{heading}</h2>
            {children()}
            <div class="confirm-dialog-buttons">
                <button
                    type="button"
                    class="btn"
                    autofocus=close_first
                    on:click=move |_| modal.open.set(false)
                >
                    "Close"
                </button>
            </div>
        </dialog>
    }
}
