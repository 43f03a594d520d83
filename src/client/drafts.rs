//! Unsaved form text kept in memory while the user signs in again after a 401,
//! or after the browser's Back or Forward left the edit page, so the edit page
//! can put it back. Never written to any storage.

use super::auth::Auth;
use leptos::ev;
use leptos::prelude::*;
use std::collections::HashMap;

#[derive(Clone, Copy)]
pub struct Drafts {
    texts: StoredValue<HashMap<String, String>>,
    auth: Auth,
    /// Set when the browser's history buttons are taking the user off a page
    /// with unsaved text: no prompt could ask first (see `LeaveGuard`).
    history_leave: StoredValue<bool>,
    /// Whether the page on screen has unsaved text, if it has forms at all.
    page_dirty: StoredValue<Option<Signal<bool>>>,
}

impl Drafts {
    /// Call before the router exists: its popstate listener must come second.
    pub fn provide(auth: Auth) {
        let drafts = Drafts {
            texts: StoredValue::new(HashMap::new()),
            auth,
            history_leave: StoredValue::new(false),
            page_dirty: StoredValue::new(None),
        };
        provide_context(drafts);
        // The router answers Back and Forward by swapping pages, which can
        // dispose the page before a listener added after it runs; listeners
        // run in the order they were added, so this one, added first, sees the
        // page while its drafts can still be kept. It lives as long as the app.
        let _ = window_event_listener(ev::popstate, move |_| {
            let dirty = drafts.page_dirty.try_get_value().flatten();
            if dirty.and_then(|d| d.try_get_untracked()) == Some(true) {
                drafts.history_leave.try_set_value(true);
            }
        });
    }

    pub fn use_drafts() -> Drafts {
        expect_context::<Drafts>()
    }

    /// Hands back (and forgets) what was kept under `key`.
    pub fn take(&self, key: &str) -> Option<String> {
        self.texts.try_update_value(|m| m.remove(key)).flatten()
    }

    /// Keeps text when the session was just ended by a refused key, or when
    /// Back or Forward is leaving the page. A user who follows a link after
    /// the "Leave without saving?" prompt has chosen to drop their changes.
    pub fn keep(&self, key: String, text: String) {
        let refused = self.auth.notice.try_with_untracked(|n| n.is_some()) == Some(true);
        if refused || self.history_leave.try_get_value() == Some(true) {
            self.texts.try_update_value(|m| m.insert(key, text));
        }
    }

    /// A page with forms is on screen: Back or Forward while `dirty` keeps its text.
    pub fn watch_page(&self, dirty: Signal<bool>) {
        self.history_leave.try_set_value(false);
        self.page_dirty.try_set_value(Some(dirty));
    }

    pub fn unwatch_page(&self) {
        self.page_dirty.try_set_value(None);
    }

    /// Drops everything, e.g. on sign-out, so another key never sees it.
    pub fn clear(&self) {
        self.texts.try_update_value(HashMap::clear);
    }
}
