//! One form's request: in flight or not, and how the last one ended, shown in
//! the form's own result area.

use crate::api::request::ApiRequest;
use crate::client::{use_auth, Auth};
use leptos::prelude::*;
use serde::de::DeserializeOwned;

#[derive(Clone, Copy)]
pub struct Submission {
    auth: Auth,
    pub pending: RwSignal<bool>,
    pub success: RwSignal<Option<String>>,
    /// The server's words and the HTTP status.
    pub failure: RwSignal<Option<String>>,
}

impl Submission {
    pub fn new() -> Self {
        Submission {
            auth: use_auth(),
            pending: RwSignal::new(false),
            success: RwSignal::new(None),
            failure: RwSignal::new(None),
        }
    }

    /// Sends `request` unless one is already in flight. `done` turns the
    /// answer into the message shown on success.
    pub fn send<T, F>(self, request: ApiRequest<T>, done: F)
    where
        T: DeserializeOwned + 'static,
        F: FnOnce(T) -> String + 'static,
    {
        if self.pending.get_untracked() {
            return;
        }
        self.pending.set(true);
        self.success.set(None);
        self.failure.set(None);
        leptos::task::spawn_local(async move {
            let result = self.auth.call(request).await;
            // The page is gone (navigation, or a 401 ended the session).
            if self.pending.try_set(false).is_some() {
                return;
            }
            match result {
                Ok(answer) => self.success.set(Some(done(answer))),
                Err(error) => self.failure.set(Some(error.user_message())),
            }
        });
    }
}

/// The result area of a form: progress and success as a status, a failure as an alert.
#[component]
pub fn SubmissionStatus(submission: Submission) -> impl IntoView {
    let Submission {
        pending,
        success,
        failure,
        ..
    } = submission;
    view! {
        <div class="form-outcome">
            <p class="form-success" role="status">
                {move || if pending.get() { Some("Saving…".to_string()) } else { success.get() }}
            </p>
            // Changes are never repeated by themselves: "Retry" resubmits this form,
            // with what it holds now, when the user chooses to.
            {move || failure.get().map(|message| view! {
                <p class="form-error" role="alert">{message}</p>
                <button type="submit" class="btn" disabled=move || pending.get()>"Retry"</button>
            })}
        </div>
    }
}
