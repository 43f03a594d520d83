//! What the user typed into one form, next to the value the server holds.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Draft {
    pub text: RwSignal<String>,
    /// The value the server holds, as text: a form is dirty when `text` differs.
    pub saved: RwSignal<String>,
    /// Set by the first submit: messages wait for it, then follow the typing
    /// (showing them on blur would move the button away from a click).
    pub touched: RwSignal<bool>,
}

impl Draft {
    pub fn new(initial: impl Into<String>) -> Self {
        let initial = initial.into();
        Draft {
            text: RwSignal::new(initial.clone()),
            saved: RwSignal::new(initial),
            touched: RwSignal::new(false),
        }
    }

    /// Unsaved changes (surrounding spaces do not count).
    pub fn is_dirty(&self) -> bool {
        self.text
            .with(|t| self.saved.with(|s| t.trim() != s.trim()))
    }

    /// Replaces both the text and the saved value, e.g. once loaded.
    pub fn load(&self, text: String) {
        self.text.set(text.clone());
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

/// `aria-describedby` from the ids of the messages that are shown.
pub fn describedby(ids: &[Option<&str>]) -> Option<String> {
    let ids: Vec<&str> = ids.iter().flatten().copied().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
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
