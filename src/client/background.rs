//! Reads that belong to the session, not to the page that happened to ask
//! first: they run under the app's owner, so leaving that page does not abort
//! them (`Auth::call` aborts with its owner), while a newer run or `cancel`
//! (sign-out) does.

use super::Auth;
use leptos::prelude::*;
use std::future::Future;

#[derive(Clone, Copy)]
pub struct Background {
    root: StoredValue<Owner, LocalStorage>,
    running: StoredValue<Option<Owner>, LocalStorage>,
}

impl Background {
    /// Call where the app's context is provided: runs live under this owner.
    /// At every sign-out the running task is cancelled and `forget` drops
    /// what it read (another key may see other things).
    pub fn for_session(auth: Auth, forget: impl Fn() + 'static) -> Self {
        let read = Background {
            root: StoredValue::new_local(Owner::current().unwrap_or_default()),
            running: StoredValue::new_local(None),
        };
        Effect::new(move |_| {
            if auth.config.with(Option::is_none) {
                read.cancel();
                forget();
            }
        });
        read
    }

    /// Starts `task` in place of the one still running, if any.
    pub fn run(&self, task: impl Future<Output = ()> + 'static) {
        self.cancel();
        let Some(owner) = self.root.try_with_value(Owner::child) else {
            return;
        };
        // Runs under `owner` (so `Auth::call` registers its abort there), and
        // is dropped when `owner` is cleaned up.
        owner.with(|| leptos::task::spawn_local_scoped_with_cancellation(task));
        self.running.try_set_value(Some(owner));
    }

    /// Aborts the running task's requests; their answers never arrive.
    pub fn cancel(&self) {
        if let Some(owner) = self.running.try_update_value(Option::take).flatten() {
            owner.cleanup();
        }
    }
}
