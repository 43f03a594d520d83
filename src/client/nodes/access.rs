//! How the app reaches a job's node: the node address (from the app's `config.json` for
//! APIs other than mainnet and devnet) and the node header, signed by the API for the
//! API-key account.
//!
//! The header is held in this tab's memory only (never storage, a URL or a log), once per
//! session: every job, the Logs tab and the Job status section share it. It is fetched
//! again only after a node refused it, and then once for all the jobs that saw the refusal.

use std::cell::{Cell, RefCell};

use crate::api::error::ApiError;
use crate::api::node::address::node_base;
use crate::api::node::header::{header_fallback, sign_message};
use crate::client::Auth;
use leptos::prelude::*;

thread_local! {
    /// The header and the session it was signed for (API URL and key, compared, never shown).
    static HEADER: RefCell<Option<(SessionId, String)>> = const { RefCell::new(None) };
    /// A sign request is under way: others wait for its answer instead of sending their own.
    static SIGNING: Cell<bool> = const { Cell::new(false) };
    /// Why the last sign request failed, for those who waited on it.
    static FAILURE: RefCell<Option<String>> = const { RefCell::new(None) };
    /// `config.json`'s `nodes` template, once read (`Some(None)`: none offered).
    static TEMPLATE: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

#[derive(Clone, PartialEq, Eq)]
struct SessionId {
    base_url: String,
    api_key: String,
}

/// What the plain-words messages say when the API cannot sign for nodes at all.
pub const NO_SIGNING: &str = "This API cannot sign requests to nodes (it has neither the \
     sign-message route nor the deployment's header route), so the node cannot be asked.";

/// A page's handle on node access: the session, and the deployment for the fallback route.
#[derive(Clone, Copy)]
pub struct NodeAccess {
    auth: Auth,
    deployment: Signal<String>,
}

impl NodeAccess {
    pub fn new(auth: Auth, deployment: Signal<String>) -> NodeAccess {
        NodeAccess { auth, deployment }
    }

    fn session(&self) -> Option<SessionId> {
        let config = self.auth.config.try_get_untracked().flatten()?;
        Some(SessionId {
            base_url: config.base_url,
            api_key: config.api_key,
        })
    }

    /// The node's base URL, or `None` when the job has no node yet.
    pub async fn base(&self, node: Option<&str>) -> Option<String> {
        let api = self.auth.config.try_get_untracked().flatten()?.base_url;
        if TEMPLATE.with(|t| t.borrow().is_none()) {
            let read = read_nodes_template().await;
            TEMPLATE.with(|t| *t.borrow_mut() = Some(read));
        }
        let template = TEMPLATE.with(|t| t.borrow().clone().flatten());
        node_base(&api, template.as_deref(), &origin(), node)
    }

    /// The session's node header, signed on first use.
    pub async fn header(&self) -> Result<String, String> {
        self.get(None).await
    }

    /// A new header after a node refused `stale`. When another job already replaced
    /// `stale`, that one is returned and nothing is signed again.
    pub async fn refresh(&self, stale: &str) -> Result<String, String> {
        self.get(Some(stale)).await
    }

    /// `header`, or `refresh` of the header a node refused, when there is one.
    pub async fn get(&self, stale: Option<&str>) -> Result<String, String> {
        let session = self.session().ok_or_else(|| "Not signed in.".to_string())?;
        let mut waited = false;
        while SIGNING.with(Cell::get) {
            waited = true;
            gloo_timers::future::TimeoutFuture::new(50).await;
        }
        let held = HEADER.with(|h| {
            h.borrow()
                .as_ref()
                .filter(|(s, _)| *s == session)
                .map(|(_, h)| h.clone())
        });
        if let Some(h) = held.filter(|h| Some(h.as_str()) != stale) {
            return Ok(h);
        }
        if waited {
            if let Some(e) = FAILURE.with(|f| f.borrow().clone()) {
                return Err(e);
            }
        }
        SIGNING.with(|s| s.set(true));
        // Cleared however this ends, an abandoned (dropped) request included.
        let _signing = ClearOnDrop;
        let signed = self.sign().await;
        match &signed {
            Ok(h) => {
                FAILURE.with(|f| *f.borrow_mut() = None);
                HEADER.with(|slot| *slot.borrow_mut() = Some((session, h.clone())));
            }
            Err(e) => FAILURE.with(|f| *f.borrow_mut() = Some(e.clone())),
        }
        signed
    }

    async fn sign(&self) -> Result<String, String> {
        let signed = match self.auth.call(sign_message()).await {
            Ok(signed) => Ok(signed.header()),
            // An older gateway lacks the sign route: the deployment's header route.
            Err(ApiError::RouteNotFound { .. }) => {
                let id = self.deployment.try_get_untracked().unwrap_or_default();
                match self.auth.call(header_fallback(&id)).await {
                    Ok(a) => Ok(a.header()),
                    Err(ApiError::RouteNotFound { .. }) => return Err(NO_SIGNING.to_string()),
                    Err(e) => Err(e),
                }
            }
            Err(e) => Err(e),
        };
        signed.map_err(|e| {
            format!(
                "Could not get the authorization for the node: {}",
                e.user_message()
            )
        })
    }
}

struct ClearOnDrop;

impl Drop for ClearOnDrop {
    fn drop(&mut self) {
        SIGNING.with(|s| s.set(false));
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
