//! The account's spending deployments (`costs::SPENDING`: RUNNING and
//! STOPPING), read from the API through every page of
//! `GET /deployments?status=RUNNING,STOPPING&limit=100`, not from whatever
//! page of the list is on screen. Read once per session on first need and
//! again on `refresh`; sign-out forgets them.

use super::auth::Auth;
use super::background::Background;
use crate::api::endpoints;
use crate::api::models::Deployment;
use crate::api::query::{DeploymentFilter, Page, PageSize};
use crate::domain::costs::SPENDING;
use leptos::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;

/// Pages read at most (10,000 deployments): past that the sum is a lower bound.
const MAX_PAGES: usize = 100;

#[derive(Debug, Clone, PartialEq)]
pub enum SpendState {
    NotRead,
    Ready {
        deployments: Arc<Vec<Deployment>>,
        /// `MAX_PAGES` were read and more remained.
        truncated: bool,
    },
    /// Why the read failed, in the user's words.
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct AccountSpend {
    state: RwSignal<SpendState>,
    /// Counts `refresh` calls, for what should be read again with the spend
    /// (the credit balance).
    pub refreshes: RwSignal<u64>,
    auth: Auth,
    read: Background,
}

impl AccountSpend {
    pub fn provide(auth: Auth) {
        let state = RwSignal::new(SpendState::NotRead);
        let read = Background::for_session(auth, move || state.set(SpendState::NotRead));
        let refreshes = RwSignal::new(0);
        provide_context(AccountSpend {
            state,
            refreshes,
            auth,
            read,
        });
    }

    /// The spend, read now if it never was.
    pub fn use_spend() -> AccountSpend {
        let spend = expect_context::<AccountSpend>();
        if spend.state.with_untracked(|s| *s == SpendState::NotRead) {
            spend.start();
        }
        spend
    }

    /// Reads the spend again, e.g. after the list started or stopped some
    /// deployments; the last answer stays on screen meanwhile. Does nothing
    /// before the first read (no one shows the spend yet).
    pub fn refresh(&self) {
        if self.state.with_untracked(|s| *s != SpendState::NotRead) {
            self.refreshes.update(|n| *n += 1);
            self.start();
        }
    }

    fn start(&self) {
        if self.auth.config.with_untracked(Option::is_none) {
            return;
        }
        let (state, auth) = (self.state, self.auth);
        self.read.run(async move {
            let next = read_all(auth).await;
            state.try_set(next);
        });
    }

    /// Follows the reads (reactive).
    pub fn state(&self) -> SpendState {
        self.state.get()
    }
}

async fn read_all(auth: Auth) -> SpendState {
    let filter = DeploymentFilter {
        statuses: SPENDING.to_vec(),
        ..DeploymentFilter::default()
    };
    let mut page = Page {
        limit: PageSize::Hundred,
        ..Page::default()
    };
    let mut deployments: Vec<Deployment> = Vec::new();
    let mut seen = HashSet::new();
    for _ in 0..MAX_PAGES {
        match auth.call(endpoints::list_deployments(&filter, &page)).await {
            Ok(list) => {
                // One that changed status between two pages may come twice.
                deployments.extend(
                    list.deployments
                        .into_iter()
                        .filter(|d| seen.insert(d.id.clone())),
                );
                match list.pagination.cursor_next.filter(|c| !c.is_empty()) {
                    Some(next) => page.cursor = Some(next),
                    None => {
                        return SpendState::Ready {
                            deployments: Arc::new(deployments),
                            truncated: false,
                        }
                    }
                }
            }
            Err(error) => return SpendState::Failed(error.user_message()),
        }
    }
    SpendState::Ready {
        deployments: Arc::new(deployments),
        truncated: true,
    }
}
