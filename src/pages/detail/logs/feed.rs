//! Which jobs the Logs view shows and where their lines come from: every RUNNING job with
//! a node gets a socket (opened and closed as the live stream and the jobs list say jobs
//! start and end); ended jobs give their result's lines, newest job first, a few at a time
//! ("Load older jobs"); a result not uploaded yet is asked for again a while later.

use super::live;
use super::model::{Link, LogModel, ResultState};
use crate::api::endpoints;
use crate::api::models::{Job, JobState, StreamFrame};
use crate::api::node::result::{read_lines, result_parts, JobResult, ResultText};
use crate::api::query::{JobFilter, Page, PageSize};
use crate::api::request::{ApiRequest, Method};
use crate::client::nodes::access::NodeAccess;
use crate::client::Auth;
use futures::future::{abortable, AbortHandle};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

/// Ended jobs whose results are read at first, and per "Load older jobs".
pub const ENDED_BATCH: usize = 5;
/// Asking again for a result that is not uploaded yet: every 5 s, then less often.
const RESULT_RETRY_MS: [u32; 6] = [3_000, 5_000, 10_000, 20_000, 30_000, 60_000];
const RESULT_RETRIES: usize = 30;

/// The view's feed: the jobs it knows and the tasks that fill the store.
#[derive(Clone, Copy)]
pub struct Feed {
    auth: Auth,
    deployment: Signal<String>,
    /// Narrowed to one job (a job's own detail view).
    only: StoredValue<Option<String>>,
    model: LogModel,
    access: NodeAccess,
    sockets: StoredValue<HashMap<String, AbortHandle>, LocalStorage>,
    results: StoredValue<HashMap<String, AbortHandle>, LocalStorage>,
    /// Every other task of this view (list reads, "Load older jobs"): aborted with the view,
    /// so none touches its state after it is gone.
    tasks: StoredValue<Vec<AbortHandle>, LocalStorage>,
    /// Ended jobs listed but not read yet, newest first.
    older: StoredValue<Vec<Job>>,
    /// The next page of ended jobs, when the list has more.
    cursor: StoredValue<Option<String>>,
    /// True while there may be older jobs to load.
    pub has_older: RwSignal<bool>,
    pub loading_older: RwSignal<bool>,
    /// Why the jobs could not be listed.
    pub error: RwSignal<Option<String>>,
    pub loaded: RwSignal<bool>,
}

impl Feed {
    pub fn new(
        auth: Auth,
        deployment: Signal<String>,
        only: Option<String>,
        model: LogModel,
    ) -> Feed {
        let feed = Feed {
            auth,
            deployment,
            only: StoredValue::new(only),
            model,
            access: NodeAccess::new(auth, deployment),
            sockets: StoredValue::new_local(HashMap::new()),
            results: StoredValue::new_local(HashMap::new()),
            tasks: StoredValue::new_local(Vec::new()),
            older: StoredValue::new(Vec::new()),
            cursor: StoredValue::new(None),
            has_older: RwSignal::new(false),
            loading_older: RwSignal::new(false),
            error: RwSignal::new(None),
            loaded: RwSignal::new(false),
        };
        let (sockets, results, tasks) = (feed.sockets, feed.results, feed.tasks);
        on_cleanup(move || {
            for map in [sockets, results] {
                map.try_update_value(|m| m.drain().for_each(|(_, h)| h.abort()));
            }
            tasks.try_update_value(|t| t.drain(..).for_each(|h| h.abort()));
        });
        feed
    }

    /// Runs `task` for as long as the view lives.
    pub fn spawn(self, task: impl std::future::Future<Output = ()> + 'static) {
        let (task, handle) = abortable(task);
        if self
            .tasks
            .try_update_value(|t| {
                t.retain(|h| !h.is_aborted());
                t.push(handle);
            })
            .is_some()
        {
            spawn_local(async move {
                let _ = task.await;
            });
        }
    }

    fn filter(&self, states: Vec<JobState>) -> JobFilter {
        JobFilter {
            states,
            job: self.only.try_get_value().flatten(),
            ..JobFilter::default()
        }
    }

    /// The first read: running jobs, then the newest ended ones.
    pub async fn start(self) {
        self.refresh_running().await;
        match self.read_ended(None).await {
            None => return,
            Some(true) => self.load_older().await,
            Some(false) => {}
        }
        self.loaded.try_set(true);
    }

    /// Re-reads the running jobs: new ones get a socket, ones no longer running end.
    pub async fn refresh_running(self) {
        let Some(id) = self.deployment.try_get_untracked() else {
            return;
        };
        let page = Page {
            limit: PageSize::Fifty,
            ..Page::default()
        };
        let running = self.filter(vec![JobState::Running]);
        match self
            .auth
            .call(endpoints::list_jobs(&id, &running, &page))
            .await
        {
            Ok(list) => {
                self.error.try_set(None);
                let now: Vec<String> = list.jobs.iter().map(|j| j.job.clone()).collect();
                for job in list.jobs {
                    self.running(&job.job, job.node.clone());
                }
                // Jobs this view followed that are no longer running.
                let gone: Vec<String> = self
                    .model
                    .jobs
                    .try_with_untracked(|jobs| {
                        jobs.iter()
                            .filter(|j| j.state == JobState::Running && !now.contains(&j.job))
                            .map(|j| j.job.clone())
                            .collect()
                    })
                    .unwrap_or_default();
                for job in gone {
                    self.ended(&job, JobState::Completed);
                }
            }
            Err(e) => {
                self.error.try_set(Some(e.user_message()));
            }
        }
    }

    /// A job frame of the live stream: follow what it says at once.
    pub fn on_frame(self, frame: &StreamFrame) {
        let StreamFrame::Job(j) = frame else {
            return;
        };
        if j.job.is_empty() {
            return;
        }
        if let Some(only) = self.only.get_value() {
            if only != j.job {
                return;
            }
        }
        match j.state {
            JobState::Running => self.running(&j.job, j.node.clone()),
            JobState::Completed | JobState::Stopped if self.model.entry(&j.job).is_some() => {
                self.ended(&j.job, j.state);
            }
            _ => {}
        }
    }

    /// A running job: its socket, unless it has one (or no node yet).
    fn running(self, job: &str, node: Option<String>) {
        let known = self.model.entry(job);
        if known.as_ref().is_some_and(|e| e.state != JobState::Running) {
            // Ended already: a stale "running" from a slower read.
            return;
        }
        let node_changed = known.as_ref().is_some_and(|e| e.node != node);
        self.model.ensure_job(job, JobState::Running, node.clone());
        let has_node = crate::api::node::address::job_node(node.as_deref()).is_some();
        if !has_node {
            self.model.set_link(job, Link::NoNode);
            return;
        }
        let open = self
            .sockets
            .try_with_value(|s| s.contains_key(job))
            .unwrap_or(true);
        if open && !node_changed {
            return;
        }
        if let Some(old) = self.sockets.try_update_value(|s| s.remove(job)).flatten() {
            old.abort();
        }
        self.model.set_link(job, Link::Connecting);
        let (task, handle) =
            abortable(live::follow(self.access, self.model, job.to_string(), node));
        self.sockets
            .try_update_value(|s| s.insert(job.to_string(), handle));
        spawn_local(async move {
            // The node gave up on the job (1008: it ended there): ask the API whether it ended.
            if task.await.is_ok() {
                self.spawn(self.refresh_running());
            }
        });
    }

    /// A job ended: close its socket; its result replaces the live lines.
    fn ended(self, job: &str, state: JobState) {
        if let Some(h) = self.sockets.try_update_value(|s| s.remove(job)).flatten() {
            h.abort();
        }
        self.model.edit(job, |e| {
            e.state = state;
            e.link = Link::Ended;
        });
        self.read_result(job.to_string());
    }

    /// Reads one page of ended jobs (from `cursor`, or the first) into the queue
    /// of older ones: `Some(false)` when the read failed (its message is shown),
    /// `None` when the view is gone.
    async fn read_ended(self, cursor: Option<String>) -> Option<bool> {
        let id = self.deployment.try_get_untracked()?;
        let page = Page {
            cursor,
            limit: PageSize::Ten,
            ..Page::default()
        };
        let ended = self.filter(vec![JobState::Completed, JobState::Stopped]);
        match self
            .auth
            .call(endpoints::list_jobs(&id, &ended, &page))
            .await
        {
            Ok(list) => {
                // An empty page ends the list, whatever cursor it carries.
                let next = (!list.jobs.is_empty())
                    .then(|| list.pagination.cursor_next.clone())
                    .flatten();
                self.cursor.try_set_value(next);
                self.older.try_set_value(list.jobs);
                Some(true)
            }
            Err(e) => {
                self.error.try_set(Some(e.user_message()));
                Some(false)
            }
        }
    }

    /// Reads the next few ended jobs' results (and the next page of the list when needed).
    pub async fn load_older(self) {
        if self.loading_older.try_get_untracked() != Some(false) {
            return;
        }
        self.loading_older.set(true);
        let mut batch = Vec::new();
        while batch.len() < ENDED_BATCH {
            let next = self
                .older
                .try_update_value(|o| (!o.is_empty()).then(|| o.remove(0)));
            match next.flatten() {
                Some(job) => {
                    if self.model.entry(&job.job).is_none() {
                        batch.push(job);
                    }
                }
                None => {
                    let Some(cursor) = self.cursor.try_get_value().flatten() else {
                        break;
                    };
                    match self.read_ended(Some(cursor)).await {
                        None => return,
                        Some(true) => {}
                        Some(false) => break,
                    }
                }
            }
        }
        for job in &batch {
            self.model.ensure_job(&job.job, job.state, job.node.clone());
        }
        // Read one after another: a result can hold 25,000 lines per op.
        for job in batch {
            self.read_result(job.job);
        }
        let more = self.older.try_with_value(|o| !o.is_empty()) == Some(true)
            || self.cursor.try_with_value(Option::is_some) == Some(true);
        self.has_older.try_set(more);
        self.loading_older.try_set(false);
    }

    /// Reads a job's result; while it is not uploaded, asks again later.
    fn read_result(self, job: String) {
        if self.results.try_with_value(|r| r.contains_key(&job)) != Some(false) {
            return;
        }
        let (task, handle) = abortable(self.result_task(job.clone()));
        self.results.try_update_value(|r| r.insert(job, handle));
        spawn_local(async move {
            let _ = task.await;
        });
    }

    async fn result_task(self, job: String) {
        let Some(id) = self.deployment.try_get_untracked() else {
            return;
        };
        self.model.set_result_state(&job, ResultState::Loading);
        let Some(turn) = self.model.result_turn.try_get_value() else {
            return;
        };
        for attempt in 0..RESULT_RETRIES {
            // One result at a time, read, parsed and drawn before the next is asked for: a
            // result can hold 25,000 lines per op, and the first rows should not wait for
            // every result of the page to be parsed.
            let held = turn.lock().await;
            let request =
                ApiRequest::<ResultText>::new(Method::Get, endpoints::get_job(&id, &job).path);
            match self.auth.call(request).await {
                Ok(detail) => match read_result(detail.job_result.as_deref()).await {
                    Some(result) => {
                        let Some(index) = self.model.entry(&job).map(|e| e.index) else {
                            return;
                        };
                        self.model
                            .store
                            .try_update_value(|s| s.set_result(index, &result));
                        self.model.set_result_state(&job, ResultState::Loaded);
                        self.model.bump();
                        drop(result);
                        after_paint().await;
                        drop(held);
                        return;
                    }
                    None => self.model.set_result_state(&job, ResultState::NotUploaded),
                },
                Err(e) => {
                    self.model
                        .set_result_state(&job, ResultState::Failed(e.user_message()));
                    return;
                }
            }
            drop(held);
            let wait = RESULT_RETRY_MS[attempt.min(RESULT_RETRY_MS.len() - 1)];
            TimeoutFuture::new(wait).await;
        }
    }
}

/// Lines of a result read per task: a few ms of CPU, so no task of the read is long.
const RESULT_SLICE: usize = 4_000;

/// A result's text read into lines a slice at a time, the browser getting the main thread
/// between slices; `None` for no result yet.
async fn read_result(text: Option<&serde_json::value::RawValue>) -> Option<JobResult> {
    let parts = result_parts(text?.get())?;
    let mut ops = Vec::with_capacity(parts.ops.len());
    for mut part in parts.ops {
        for slice in part.lines.chunks(RESULT_SLICE) {
            read_lines(slice, &mut part.op.logs);
            TimeoutFuture::new(0).await;
        }
        ops.push(part.op);
    }
    Some(JobResult {
        status: parts.status,
        ops,
        errors: parts.errors,
    })
}

/// Resolves once the browser has drawn a frame (an animation frame, then a task after it),
/// or after 200 ms in a hidden tab, which draws no frames.
async fn after_paint() {
    let (tx, rx) = futures::channel::oneshot::channel::<()>();
    let tx = std::rc::Rc::new(std::cell::Cell::new(Some(tx)));
    let send = move || {
        if let Some(tx) = tx.take() {
            let _ = tx.send(());
        }
    };
    let fallback = send.clone();
    request_animation_frame(move || set_timeout(send, std::time::Duration::ZERO));
    set_timeout(fallback, std::time::Duration::from_millis(200));
    let _ = rx.await;
}
