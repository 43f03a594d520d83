//! One form's request (a `Mutation`) and how the last one ended, shown in the
//! form's own result area.

use crate::api::request::ApiRequest;
use crate::client::{use_auth, Auth, Mutation};
use leptos::prelude::*;
use serde::de::DeserializeOwned;

#[derive(Clone, Copy)]
pub struct Submission {
    auth: Auth,
    pub change: Mutation,
    pub success: RwSignal<Option<String>>,
}

impl Submission {
    pub fn new() -> Self {
        Submission {
            auth: use_auth(),
            change: Mutation::new(),
            success: RwSignal::new(None),
        }
    }

    /// Sends `request` unless one is already in flight. `done` turns the
    /// answer into the message shown on success.
    pub fn send<T, F>(self, request: ApiRequest<T>, done: F)
    where
        T: DeserializeOwned + 'static,
        F: FnOnce(T) -> String + 'static,
    {
        let success = self.success;
        let answer = self.auth.call(request);
        if self
            .change
            .send((), answer, move |a| success.set(Some(done(a))))
        {
            success.set(None);
        }
    }
}

/// The result area of a form: progress and success as a status, a failure as an alert.
#[component]
pub fn SubmissionStatus(submission: Submission) -> impl IntoView {
    let Submission {
        change, success, ..
    } = submission;
    let pending = move || change.busy();
    view! {
        <div class="form-outcome">
            <p class="form-success" role="status">
                {move || if pending() { Some("Saving…".to_string()) } else { success.get() }}
            </p>
            // Changes are never repeated by themselves: "Retry" resubmits this form,
            // with what it holds now, when the user chooses to.
            {move || {
                change
                    .failure
                    .get()
                    .map(|message| {
                        view! {
                            <p class="form-error" role="alert">
                                {message}
                            </p>
                            <button type="submit" class="btn" disabled=pending>
                                "Retry"
                            </button>
                        }
                    })
            }}
        </div>
    }
}
