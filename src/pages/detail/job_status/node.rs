//! How this section reaches a job's node: the node address from the app's `config.json`
//! and the node header (signed for the API-key account), both kept in memory only.

use super::super::state::DetailState;
use crate::api::error::ApiError;
use crate::api::node::address::node_base;
use crate::api::node::header::{header_fallback, sign_message};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct NodeAccess {
    state: DetailState,
    /// The node header: memory only, never a URL, storage or a log.
    header: StoredValue<Option<String>>,
    /// A sign request is under way: others wait for its answer instead of sending their own.
    signing: StoredValue<bool>,
    /// Why the last sign request failed.
    failure: StoredValue<Option<String>>,
    /// `config.json`'s `nodes` template, once read (`Some(None)`: none offered).
    template: StoredValue<Option<Option<String>>>,
}

impl NodeAccess {
    pub fn new(state: DetailState) -> NodeAccess {
        NodeAccess {
            state,
            header: StoredValue::new(None),
            signing: StoredValue::new(false),
            failure: StoredValue::new(None),
            template: StoredValue::new(None),
        }
    }

    /// The node's base URL, or `None` when the job has no node yet.
    pub async fn base(&self, node: Option<&str>) -> Option<String> {
        let api = self.state.auth.config.get_untracked()?.base_url;
        if self.template.try_get_value().flatten().is_none() {
            let read = read_nodes_template().await;
            self.template.try_set_value(Some(read));
        }
        let template = self.template.try_get_value().flatten().flatten();
        node_base(&api, template.as_deref(), &origin(), node)
    }

    /// The node header; `refresh` after a node refused the one held.
    pub async fn header(&self, refresh: bool) -> Result<String, String> {
        // One session header for every job: while one is being signed, wait for it, and
        // take its answer, a failure included.
        let mut waited = false;
        while self.signing.try_get_value() == Some(true) {
            waited = true;
            gloo_timers::future::TimeoutFuture::new(50).await;
        }
        if !refresh {
            if let Some(h) = self.header.try_get_value().flatten() {
                return Ok(h);
            }
            if let Some(e) = self.failure.try_get_value().flatten().filter(|_| waited) {
                return Err(e);
            }
        }
        self.signing.try_set_value(true);
        // Cleared however this ends, an abandoned (dropped) request included.
        let _signing = ClearOnDrop(self.signing);
        self.sign().await
    }

    async fn sign(&self) -> Result<String, String> {
        let signed = match self.state.auth.call(sign_message()).await {
            Ok(signed) => Ok(signed.header()),
            // An older gateway lacks the sign route: the deployment's header route.
            Err(ApiError::RouteNotFound { .. }) => {
                let id = self.state.id.get_untracked();
                match self.state.auth.call(header_fallback(&id)).await {
                    Ok(a) => Ok(a.header()),
                    Err(ApiError::RouteNotFound { .. }) => {
                        return self.failed(
                            "This API cannot sign requests to nodes (it has neither the sign-message \
                             route nor the deployment's header route), so the node cannot be asked."
                                .to_string(),
                        )
                    }
                    Err(e) => Err(e),
                }
            }
            Err(e) => Err(e),
        };
        match signed {
            Ok(h) => {
                self.failure.try_set_value(None);
                self.header.try_set_value(Some(h.clone()));
                Ok(h)
            }
            Err(e) => self.failed(format!(
                "Could not get the authorization for the node: {}",
                e.user_message()
            )),
        }
    }

    fn failed(&self, message: String) -> Result<String, String> {
        self.failure.try_set_value(Some(message.clone()));
        Err(message)
    }
}

struct ClearOnDrop(StoredValue<bool>);

impl Drop for ClearOnDrop {
    fn drop(&mut self) {
        self.0.try_set_value(false);
    }
}

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// `/config.json`'s `nodes`; a missing or unreadable file means none.
async fn read_nodes_template() -> Option<String> {
    crate::api::app_config::load().await.nodes
}
