//! A change a page sends to the API (start, rename, save, create, sign in):
//! one at a time, what is in flight, and why the last one failed, in the
//! user's words. A change is never repeated by itself: trying again is the
//! user's choice.

use crate::api::error::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

#[derive(Clone, Copy)]
pub struct Mutation<P: Send + Sync + 'static = ()> {
    /// What is being sent; `None` while nothing is.
    pub pending: RwSignal<Option<P>>,
    /// Why the last change failed (a page may also put a refused input here).
    pub failure: RwSignal<Option<String>>,
}

impl<P: Clone + Send + Sync + 'static> Default for Mutation<P> {
    fn default() -> Self {
        Self::new()
    }
}

impl<P: Clone + Send + Sync + 'static> Mutation<P> {
    pub fn new() -> Self {
        Mutation {
            pending: RwSignal::new(None),
            failure: RwSignal::new(None),
        }
    }

    /// A change is in flight (tracked: for views).
    pub fn busy(&self) -> bool {
        self.pending.with(Option::is_some)
    }

    pub fn busy_now(&self) -> bool {
        self.pending.with_untracked(Option::is_some)
    }

    /// Sends a change unless one is in flight (then `false`): `what` is
    /// pending until `answer` arrives, then `done` gets it; a failure is
    /// shown in the server's own words. Nothing happens once the page is gone.
    pub fn send<T: 'static>(
        self,
        what: P,
        answer: impl Future<Output = Result<T, ApiError>> + 'static,
        done: impl FnOnce(T) + 'static,
    ) -> bool {
        self.send_or(what, answer, done, |error| error.user_message())
    }

    /// `send`, with a failure told by `explain`.
    pub fn send_or<T: 'static>(
        self,
        what: P,
        answer: impl Future<Output = Result<T, ApiError>> + 'static,
        done: impl FnOnce(T) + 'static,
        explain: impl FnOnce(ApiError) -> String + 'static,
    ) -> bool {
        if self.busy_now() {
            return false;
        }
        self.pending.set(Some(what));
        self.failure.set(None);
        spawn_local(async move {
            let result = answer.await;
            // The page is gone (navigation, or a 401 ended the session).
            if self.pending.try_set(None).is_some() {
                return;
            }
            match result {
                Ok(value) => done(value),
                Err(error) => {
                    self.failure.try_set(Some(explain(error)));
                }
            }
        });
        true
    }
}
