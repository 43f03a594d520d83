//! Who is signed in, and the one wrapper every page uses to call the API:
//! with `sign_in`'s probe and `credit_balance`, the only caller of `api::http`.
//!
//! A 401 from any call ends the session: the key is dropped, the user lands on
//! the sign-in page with "Your API key was refused", and comes back afterwards.

use crate::api::endpoints;
use crate::api::error::ApiError;
use crate::api::http;
use crate::api::models::CreditBalance;
use crate::api::query::{DeploymentFilter, Page};
use crate::api::request::{ApiConfig, ApiRequest};
use crate::session;
use futures::future::{AbortHandle, Abortable};
use leptos::prelude::*;
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
    pub async fn call<T: DeserializeOwned>(self, req: ApiRequest<T>) -> Result<T, ApiError> {
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

    /// Tries `config` once without a session (the sign-in page's check of a new
    /// key): a 401 here is an answer for the form, not the end of a session.
    pub async fn probe(config: &ApiConfig) -> Result<(), ApiError> {
        let probe = endpoints::list_deployments(&DeploymentFilter::default(), &Page::default());
        http::send(config, &probe).await.map(|_| ())
    }

    /// The available credit balance, or `None` when the API does not offer it.
    /// Sent without the 401 handling of `call`: a gateway that guards credits
    /// differently must not end the session.
    pub async fn credit_balance(&self) -> Option<CreditBalance> {
        let config = self.config.get_untracked()?;
        http::send(&config, &endpoints::credit_balance()).await.ok()
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
