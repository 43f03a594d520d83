//! The light poll of what the open pages follow and no live stream reports.
//! Its timer runs only while alerts are on and something needs it; each round
//! sends the list page's own request (one read for its whole page) or the
//! detail page's deployment, and a deployment's RUNNING jobs only when its
//! `active_jobs` count says they changed (`domain::alerts::JobWatch`).

use super::super::auth::Auth;
use super::Alerts;
use crate::api::endpoints;
use crate::api::models::Deployment;
use crate::domain::alerts::{running_jobs, Followed, POLL_MS};
use leptos::prelude::*;
use std::time::Duration;

impl Alerts {
    /// Starts the 30 s timer whenever alerts are on and a page follows
    /// something no stream reports, and stops it otherwise. A round still
    /// waiting for answers is not overlapped by the next.
    pub(super) fn poll_while_wanted(self, auth: Auth) {
        let wanted =
            Memo::new(move |_| self.on.get() && self.followed.with(|f| f.plan().is_some()));
        let timer: StoredValue<Option<IntervalHandle>> = StoredValue::new(None);
        let busy = StoredValue::new(false);
        Effect::new(move |_| {
            if let Some(handle) = timer.try_update_value(Option::take).flatten() {
                handle.clear();
            }
            if !wanted.get() {
                return;
            }
            let tick = move || {
                if busy.try_get_value() != Some(false) {
                    return;
                }
                busy.set_value(true);
                leptos::task::spawn_local(async move {
                    self.poll_once(auth).await;
                    busy.try_set_value(false);
                });
            };
            let every = Duration::from_millis(u64::from(POLL_MS));
            if let Ok(handle) = set_interval_with_handle(tick, every) {
                timer.set_value(Some(handle));
            }
        });
    }

    /// One round: the followed deployments' statuses, then their jobs.
    async fn poll_once(self, auth: Auth) {
        if !self.on.get_untracked() {
            return;
        }
        let Some(plan) = self.followed.with_untracked(Followed::plan) else {
            return;
        };
        let mut read: Vec<Deployment> = Vec::new();
        if let Some((filter, page)) = &plan.list {
            if let Ok(list) = auth.call(endpoints::list_deployments(filter, page)).await {
                read.extend(list.deployments);
            }
        }
        if let Some(id) = plan.detail.filter(|id| !read.iter().any(|d| &d.id == id)) {
            if let Ok(d) = auth.call(endpoints::get_deployment(&id)).await {
                read.push(d);
            }
        }
        for d in &read {
            self.observe(d);
        }
        for d in &read {
            self.check_jobs(auth, d).await;
        }
    }

    /// Reads `d`'s RUNNING jobs when its count changed (or they are not known
    /// yet), and the result of each job that has ended since.
    async fn check_jobs(self, auth: Auth, d: &Deployment) {
        let wanted = self
            .tracker
            .try_update_value(|t| t.jobs.wants_read(&d.id, d.active_jobs))
            .unwrap_or(false);
        if !wanted || !self.on.get_untracked() {
            return;
        }
        let (filter, page) = running_jobs();
        let Ok(list) = auth.call(endpoints::list_jobs(&d.id, &filter, &page)).await else {
            return;
        };
        let running: Vec<String> = list.jobs.into_iter().map(|j| j.job).collect();
        let total = list.pagination.total_items.max(running.len() as u64);
        let ended = self
            .tracker
            .try_update_value(|t| t.jobs.read(&d.id, &running, total))
            .unwrap_or_default();
        for job in ended {
            let deployment = (d.id.clone(), d.name.clone());
            leptos::task::spawn_local(self.read_result(auth, deployment, job));
        }
    }
}
