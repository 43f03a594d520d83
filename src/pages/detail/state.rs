//! What the detail page knows about its deployment, and the one way it is
//! read again. Answers that arrive out of date are dropped: a read that started
//! before an action's answer cannot undo the status that answer showed.

use crate::api::endpoints;
use crate::api::error::ApiError;
use crate::api::models::{Deployment, StatusChanged, StreamFrame};
use crate::client::Auth;
use crate::domain::live::{Activity, Mode};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Loading,
    Failed,
    Ready,
}

/// Orders reads and action answers: each gets a ticket when it starts (a read)
/// or lands (an action); only a ticket newer than the last one applied is used.
#[derive(Default)]
struct Tickets {
    issued: u64,
    applied: u64,
}

#[derive(Clone, Copy)]
pub struct DetailState {
    pub auth: Auth,
    pub id: Memo<String>,
    pub deployment: RwSignal<Option<Deployment>>,
    /// Why the first read failed (the page shows only this, with "Retry").
    pub load_error: RwSignal<Option<ApiError>>,
    /// Why the last re-read failed while the deployment is on screen.
    pub refresh_error: RwSignal<Option<ApiError>>,
    /// When the last read succeeded.
    pub fetched_at: RwSignal<Option<DateTime<Utc>>>,
    /// Ticks every second while the page is open.
    pub now: RwSignal<DateTime<Utc>>,
    /// How the page learns about changes: the live stream, or polling.
    pub mode: RwSignal<Mode>,
    /// The latest job, task and event frames of the stream, newest first.
    pub activity: RwSignal<Vec<Activity>>,
    /// The last frame the stream delivered, for views that follow it.
    pub last_frame: RwSignal<Option<StreamFrame>>,
    tickets: StoredValue<Tickets>,
}

impl DetailState {
    pub fn new(auth: Auth, id: Memo<String>) -> Self {
        DetailState {
            auth,
            id,
            deployment: RwSignal::new(None),
            load_error: RwSignal::new(None),
            refresh_error: RwSignal::new(None),
            fetched_at: RwSignal::new(None),
            now: RwSignal::new(Utc::now()),
            mode: RwSignal::new(Mode::Connecting),
            activity: RwSignal::new(Vec::new()),
            last_frame: RwSignal::new(None),
            tickets: StoredValue::new(Tickets::default()),
        }
    }

    pub fn phase(&self) -> Memo<Phase> {
        let (deployment, load_error) = (self.deployment, self.load_error);
        Memo::new(move |_| {
            if deployment.with(Option::is_some) {
                Phase::Ready
            } else if load_error.with(Option::is_some) {
                Phase::Failed
            } else {
                Phase::Loading
            }
        })
    }

    /// One field of the deployment, updating only when that field changes.
    pub fn field<T>(&self, pick: impl Fn(&Deployment) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: Default + Clone + PartialEq + Send + Sync + 'static,
    {
        let deployment = self.deployment;
        Memo::new(move |_| deployment.with(|d| d.as_ref().map(&pick).unwrap_or_default()))
    }

    /// Forgets the deployment shown (another id, or "Retry" after a failure).
    pub fn clear(&self) {
        self.deployment.set(None);
        self.load_error.set(None);
        self.refresh_error.set(None);
        self.fetched_at.set(None);
        self.activity.set(Vec::new());
        self.last_frame.set(None);
    }

    /// Reads the deployment again. `true` when the answer was read and shown
    /// (or superseded by a newer one). Safe to await after the page is gone.
    pub async fn reload(self) -> bool {
        let Some(ticket) = self.tickets.try_update_value(|t| {
            t.issued += 1;
            t.issued
        }) else {
            return false;
        };
        let Some(id) = self.id.try_get_untracked() else {
            return false;
        };
        let result = self.auth.call(endpoints::get_deployment(&id)).await;
        // The page was left, or moved to another deployment, meanwhile.
        if self.id.try_get_untracked().as_deref() != Some(id.as_str()) {
            return false;
        }
        let fresh = self
            .tickets
            .try_update_value(|t| {
                let fresh = ticket > t.applied;
                if fresh {
                    t.applied = ticket;
                }
                fresh
            })
            .unwrap_or(false);
        match result {
            Ok(deployment) if fresh => {
                let now = Utc::now();
                self.now.set(now);
                self.fetched_at.set(Some(now));
                self.refresh_error.set(None);
                self.load_error.set(None);
                self.deployment.set(Some(deployment));
                true
            }
            Ok(_) => true,
            Err(error) => {
                if self.deployment.with_untracked(Option::is_some) {
                    self.refresh_error.set(Some(error));
                } else {
                    self.load_error.set(Some(error));
                }
                false
            }
        }
    }

    /// `reload` in the background.
    pub fn refresh(self) {
        spawn_local(async move {
            self.reload().await;
        });
    }

    /// Shows the status an action answered with, at once.
    pub fn apply_status(&self, changed: StatusChanged) {
        self.patch(|d| {
            d.status = changed.status;
            if !changed.updated_at.is_empty() {
                d.updated_at = changed.updated_at;
            }
        });
    }

    /// Changes the deployment shown with news newer than any read in flight
    /// (an action's answer, a stream frame), so such a read cannot undo it.
    /// `false` when there is no deployment (yet) or the page is gone.
    pub fn patch(&self, change: impl FnOnce(&mut Deployment)) -> bool {
        let changed = self
            .deployment
            .try_update(|d| d.as_mut().map(change).is_some())
            .unwrap_or(false);
        if changed {
            self.tickets.try_update_value(|t| {
                t.issued += 1;
                t.applied = t.issued;
            });
        }
        changed
    }

    /// `false` once the page has been left.
    pub fn alive(&self) -> bool {
        self.tickets.try_with_value(|_| ()).is_some()
    }
}
