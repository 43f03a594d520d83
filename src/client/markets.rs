//! The markets of `GET /markets/`, read once per session on first need and
//! shared by the list, detail and create pages and the header. Sign-out (or a
//! refused key) forgets them; a failed read is tried again on the next need.

use super::auth::Auth;
use super::background::Background;
use crate::api::endpoints;
use crate::api::models::Market;
use crate::domain::costs::find_market;
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub enum MarketsState {
    NotRead,
    Loading,
    Ready(Arc<Vec<Market>>),
    /// Why the read failed, in the user's words.
    Failed(String),
}

/// What is known of one deployment's market.
#[derive(Debug, Clone, PartialEq)]
pub enum MarketLookup {
    /// The markets are still being read.
    Loading,
    Found(Market),
    /// Not among the markets, or the markets could not be read.
    Unknown,
}

impl MarketLookup {
    pub fn market(&self) -> Option<&Market> {
        match self {
            MarketLookup::Found(m) => Some(m),
            _ => None,
        }
    }
}

#[derive(Clone, Copy)]
pub struct Markets {
    state: RwSignal<MarketsState>,
    auth: Auth,
    read: Background,
}

impl Markets {
    pub fn provide(auth: Auth) {
        let state = RwSignal::new(MarketsState::NotRead);
        // A session's list is its own.
        let read = Background::for_session(auth, move || state.set(MarketsState::NotRead));
        provide_context(Markets { state, auth, read });
    }

    /// The session's markets, read now if they never were (or the read failed).
    pub fn use_markets() -> Markets {
        let markets = expect_context::<Markets>();
        markets.ensure();
        markets
    }

    fn ensure(&self) {
        let needed = self
            .state
            .with_untracked(|s| matches!(s, MarketsState::NotRead | MarketsState::Failed(_)));
        if !needed || self.auth.config.with_untracked(Option::is_none) {
            return;
        }
        self.state.set(MarketsState::Loading);
        let (state, auth) = (self.state, self.auth);
        self.read.run(async move {
            let next = match auth.call(endpoints::list_markets()).await {
                Ok(list) => MarketsState::Ready(Arc::new(list)),
                Err(error) => MarketsState::Failed(error.user_message()),
            };
            state.try_set(next);
        });
    }

    /// Follows the read (reactive).
    pub fn state(&self) -> MarketsState {
        self.state.get()
    }

    /// The market at `address` (reactive).
    pub fn lookup(&self, address: &str) -> MarketLookup {
        self.state.with(|s| match s {
            MarketsState::NotRead | MarketsState::Loading => MarketLookup::Loading,
            MarketsState::Ready(all) => find_market(all, address)
                .cloned()
                .map_or(MarketLookup::Unknown, MarketLookup::Found),
            MarketsState::Failed(_) => MarketLookup::Unknown,
        })
    }
}
