//! The palette's search: what is typed, the debounced read of the API's search,
//! what it found and which result is chosen. A newer text or a new opening
//! makes an older read's answer count for nothing.

use crate::api::endpoints;
use crate::api::models::Deployment;
use crate::api::query::{DeploymentFilter, Page};
use crate::client::{use_auth, Auth};
use leptos::prelude::*;
use std::time::Duration;

const SEARCH_DEBOUNCE: Duration = Duration::from_millis(250);

#[derive(Clone, PartialEq)]
pub enum Found {
    /// Nothing typed yet.
    Idle,
    Searching,
    Deployments(Vec<Deployment>),
    Failed(String),
}

impl Found {
    /// The line under the field that says what the search is doing.
    pub fn status(&self) -> String {
        match self {
            Found::Idle => "Type part of a name or an id.".to_string(),
            Found::Searching => "Searching…".to_string(),
            Found::Deployments(list) if list.is_empty() => "No deployment matches.".to_string(),
            Found::Deployments(list) if list.len() == 1 => {
                "1 deployment: Enter opens it.".to_string()
            }
            Found::Deployments(list) => format!(
                "{} deployments: arrow keys choose, Enter opens.",
                list.len()
            ),
            Found::Failed(message) => format!("Search failed: {message}"),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Search {
    auth: Auth,
    owner: StoredValue<Option<Owner>, LocalStorage>,
    pub query: RwSignal<String>,
    pub found: RwSignal<Found>,
    /// The chosen result's index.
    pub active: RwSignal<usize>,
    generation: StoredValue<u64>,
}

impl Search {
    pub fn new() -> Self {
        Search {
            auth: use_auth(),
            owner: StoredValue::new_local(Owner::current()),
            query: RwSignal::new(String::new()),
            found: RwSignal::new(Found::Idle),
            active: RwSignal::new(0),
            generation: StoredValue::new(0),
        }
    }

    /// Starts afresh; a search still on its way is forgotten.
    pub fn reset(self) {
        self.generation.update_value(|g| *g += 1);
        self.query.set(String::new());
        self.found.set(Found::Idle);
        self.active.set(0);
    }

    /// The text is now `text`: after a pause in typing, the API is asked.
    pub fn type_text(self, text: String) {
        self.query.set(text.clone());
        self.generation.update_value(|g| *g += 1);
        let mine = self.generation.get_value();
        let term = text.trim().to_string();
        if term.is_empty() {
            self.found.set(Found::Idle);
            return;
        }
        set_timeout(move || self.read(mine, term), SEARCH_DEBOUNCE);
    }

    fn read(self, mine: u64, term: String) {
        let current = move || self.generation.try_get_value() == Some(mine);
        if !current() {
            return;
        }
        self.found.set(Found::Searching);
        let filter = DeploymentFilter {
            search: Some(term),
            ..DeploymentFilter::default()
        };
        let read = async move {
            let result = self
                .auth
                .call(endpoints::list_deployments(&filter, &Page::default()))
                .await;
            if !current() {
                return;
            }
            self.active.set(0);
            self.found.set(match result {
                Ok(list) => Found::Deployments(list.deployments),
                Err(error) => Found::Failed(error.user_message()),
            });
        };
        // Timers run outside any owner: the read runs under the palette's.
        match self.owner.try_get_value().flatten() {
            Some(owner) => owner.with(|| leptos::task::spawn_local_scoped(read)),
            None => leptos::task::spawn_local(read),
        }
    }

    /// How many results there are to choose from (tracked).
    pub fn count(self) -> usize {
        self.found.with(|f| match f {
            Found::Deployments(list) => list.len(),
            _ => 0,
        })
    }

    /// The chosen result's id, if any.
    pub fn chosen_id(self) -> Option<String> {
        self.found.with_untracked(|f| match f {
            Found::Deployments(list) => list.get(self.active.get_untracked()).map(|d| d.id.clone()),
            _ => None,
        })
    }

    /// Arrow keys move the choice within `0..count`.
    pub fn step(self, down: bool) {
        let n = self.count();
        if n == 0 {
            return;
        }
        self.active.update(|a| {
            *a = if down {
                (*a + 1).min(n - 1)
            } else {
                a.saturating_sub(1)
            }
        });
    }
}
