//! What the user typed into one form, next to the value the server holds.

use crate::client::Drafts;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Draft {
    pub text: RwSignal<String>,
    /// The value the server holds, as text: a form is dirty when `text` differs.
    pub saved: RwSignal<String>,
    /// Set by the first submit: messages wait for it, then follow the typing
    /// (showing them on blur would move the button away from a click).
    pub touched: RwSignal<bool>,
    /// Where unsaved text waits while the user signs in again after a 401.
    keep: StoredValue<Option<(Drafts, String)>>,
    /// The text was put back from an earlier visit.
    pub restored: bool,
}

impl Draft {
    pub fn new(initial: impl Into<String>) -> Self {
        let initial = initial.into();
        Draft {
            text: RwSignal::new(initial.clone()),
            saved: RwSignal::new(initial),
            touched: RwSignal::new(false),
            keep: StoredValue::new(None),
            restored: false,
        }
    }

    /// A draft whose unsaved text outlives the page (see `Drafts`): text kept
    /// from an earlier visit is put back now, and kept again when the page goes.
    pub fn kept(drafts: Drafts, key: String, initial: impl Into<String>) -> Self {
        let mut draft = Draft::new(initial);
        if let Some(text) = drafts.take(&key) {
            draft.text.set(text);
            draft.restored = true;
        }
        draft.keep.set_value(Some((drafts, key)));
        on_cleanup(move || draft.stash());
        draft
    }

    fn stash(&self) {
        let Some(Some((drafts, key))) = self.keep.try_get_value() else {
            return;
        };
        // Cleanup may run after the signals are gone: read them without panicking.
        let (Some(text), Some(saved)) = (
            self.text.try_get_untracked(),
            self.saved.try_get_untracked(),
        ) else {
            return;
        };
        if text.trim() != saved.trim() {
            drafts.keep(key, text);
        }
    }

    /// Unsaved changes (surrounding spaces do not count).
    pub fn is_dirty(&self) -> bool {
        self.text
            .with(|t| self.saved.with(|s| t.trim() != s.trim()))
    }

    /// Replaces the saved value once loaded; the text too, unless the user
    /// has unsaved text here (typed, or put back after signing in again).
    pub fn load(&self, text: String) {
        // May run from a request that outlived its page: never panic on disposed signals.
        let dirty = self
            .text
            .try_with_untracked(|t| self.saved.try_with_untracked(|s| t.trim() != s.trim()))
            .flatten()
            .unwrap_or(false);
        if !dirty {
            self.text.set(text.clone());
        }
        self.saved.set(text);
    }

    /// After a save of `sent`: the server now holds `stored`. What was typed
    /// meanwhile is kept (and stays dirty).
    pub fn saved_as(&self, sent: &str, stored: String) {
        if self.text.try_with_untracked(|t| t == sent) == Some(true) {
            self.text.set(stored.clone());
        }
        self.saved.set(stored);
    }
}

/// Moves keyboard focus to the element with this id, e.g. a field refused on submit.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
