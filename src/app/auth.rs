//! Who is signed in, and the one wrapper every page uses to call the API.
//!
//! A 401 from any call ends the session: the key is dropped, the user lands on
//! the sign-in page with "Your API key was refused", and comes back afterwards.

use crate::api::error::ApiError;
use crate::api::http;
use crate::api::request::{ApiConfig, ApiRequest};
use crate::nav::paths;
use crate::session;
use futures::future::{AbortHandle, Abortable};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;
use serde::de::DeserializeOwned;
use std::time::Duration;

pub const KEY_REFUSED: &str = "Your API key was refused. Sign in again to continue.";

#[derive(Clone, Copy)]
pub struct Auth {
    pub config: RwSignal<Option<ApiConfig>>,
    /// Why the user was sent to the sign-in page, shown there once.
    pub notice: RwSignal<Option<String>>,
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

impl Auth {
    pub fn from_session() -> Self {
        Auth {
            config: RwSignal::new(session::load()),
            notice: RwSignal::new(None),
        }
    }

    pub fn sign_in(&self, config: ApiConfig) {
        session::save(&config);
        self.notice.set(None);
        self.config.set(Some(config));
    }

    pub fn sign_out(&self) {
        session::clear();
        self.config.set(None);
    }

    /// Sends a request with the session's key; a 401 signs the user out.
    pub async fn call<T: DeserializeOwned>(&self, req: ApiRequest<T>) -> Result<T, ApiError> {
        let Some(config) = self.config.get_untracked() else {
            return Err(ApiError::Unauthorized {
                message: "Not signed in.".into(),
            });
        };
        // A request belongs to the page (or resource run) that made it: when that
        // goes away, the fetch is aborted and its answer never arrives.
        let (handle, registration) = AbortHandle::new_pair();
        on_cleanup(move || handle.abort());
        let Ok(result) = Abortable::new(http::send(&config, &req), registration).await else {
            return std::future::pending().await;
        };
        if let Err(ApiError::Unauthorized { .. }) = &result {
            self.refused();
        }
        result
    }

    /// Opens the event stream at `path` with the session's key (see
    /// `http::open_stream`); a 401 signs the user out, like `call`. The caller
    /// owns the stream: dropping it (or this future) closes the connection.
    pub async fn open_stream(&self, path: &str) -> Result<http::EventStream, ApiError> {
        let Some(config) = self.config.try_get_untracked().flatten() else {
            return Err(ApiError::Unauthorized {
                message: "Not signed in.".into(),
            });
        };
        let result = http::open_stream(&config, path).await;
        if let Err(ApiError::Unauthorized { .. }) = &result {
            self.refused();
        }
        result
    }

    /// The key was refused: end the session and say why on the sign-in page.
    fn refused(&self) {
        session::clear();
        self.notice.try_set(Some(KEY_REFUSED.to_string()));
        // Leave the page only after the caller has handled this answer:
        // ending the session now would dispose signals it is about to touch.
        let config = self.config;
        set_timeout(
            move || {
                config.try_set(None);
            },
            Duration::ZERO,
        );
    }
}

/// Renders its children only with a session; otherwise sends the user to sign in
/// and remembers the page (path and query) to come back to.
#[component]
pub fn Protected(children: ChildrenFn) -> impl IntoView {
    let auth = use_auth();
    let location = use_location();
    move || {
        if auth.config.with(|c| c.is_some()) {
            children().into_any()
        } else {
            let search = location.search.get_untracked();
            let mut here = location.pathname.get_untracked();
            if !search.is_empty() {
                here = format!("{here}?{search}");
            }
            view! { <Redirect path=paths::sign_in_then(&here)/> }.into_any()
        }
    }
}
