//! Unsaved form text kept in memory while the user signs in again after a 401,
//! so the edit page can put it back. Never written to any storage.

use super::Auth;
use leptos::prelude::*;
use std::collections::HashMap;

#[derive(Clone, Copy)]
pub struct Drafts(StoredValue<HashMap<String, String>>, Auth);

impl Drafts {
    pub fn provide(auth: Auth) {
        provide_context(Drafts(StoredValue::new(HashMap::new()), auth));
    }

    pub fn use_drafts() -> Drafts {
        expect_context::<Drafts>()
    }

    /// Hands back (and forgets) what was kept under `key`.
    pub fn take(&self, key: &str) -> Option<String> {
        self.0.try_update_value(|m| m.remove(key)).flatten()
    }

    /// Keeps text only when the session was just ended by a refused key: a
    /// user who leaves the page on purpose has chosen to drop their changes.
    pub fn keep(&self, key: String, text: String) {
        if self.1.notice.try_with_untracked(|n| n.is_some()) == Some(true) {
            self.0.try_update_value(|m| m.insert(key, text));
        }
    }

    /// Drops everything, e.g. on sign-out, so another key never sees it.
    pub fn clear(&self) {
        self.0.try_update_value(HashMap::clear);
    }
}
