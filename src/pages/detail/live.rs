//! The page follows its deployment over `GET /deployments/{id}/stream`:
//! deployment frames update the fields at once, job, task and event frames go
//! to "Recent activity". A broken stream is reopened with backoff (each
//! connection starts with a fresh snapshot); a missing route, or a stream that
//! keeps failing, hands over to polling. While the tab is hidden the stream is
//! closed. Leaving the page drops the stream, the timers and the listener.

use super::polling;
use super::state::DetailState;
use crate::api::endpoints;
use crate::api::error::ApiError;
use crate::api::models::{DeploymentFrame, JobFrame, StreamFrame};
use crate::client::Alerts;
use crate::domain::live::{activity, apply, remember, JobTally, Mode, Next, Reconnect};
use chrono::Utc;
use futures::future::{abortable, AbortHandle};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::VisibilityState;

#[derive(Clone, Copy)]
struct Follower {
    state: DetailState,
    /// Ends the running connection task (and with it the stream) when aborted.
    task: StoredValue<Option<AbortHandle>>,
    /// The stream was given up for polling; it stays so while the page is open.
    gave_up: StoredValue<bool>,
    /// Told of job states, to notify when a followed job fails.
    alerts: Alerts,
}

/// Follows the deployment live, or polls when it cannot; call once from the page.
pub fn follow(state: DetailState) {
    let visible = watch_visibility();
    let ready = Memo::new(move |_| state.deployment.with(Option::is_some));
    let follower = Follower {
        state,
        task: StoredValue::new(None),
        gave_up: StoredValue::new(false),
        alerts: Alerts::use_alerts(),
    };
    // Another deployment, a first read done, the tab hidden or shown: close any
    // stream, then open a fresh one if it is wanted.
    Effect::new(move |_| {
        // Read, not only tracked (see the page's load effect).
        state.id.with(|_| ());
        let (visible, ready) = (visible.get(), ready.get());
        follower.stop();
        let mode = if !visible {
            Mode::Paused
        } else if follower.gave_up.get_value() {
            Mode::Polling
        } else {
            if ready {
                follower.start();
            }
            Mode::Connecting
        };
        state.mode.set(mode);
    });
    let fallback = Memo::new(move |_| state.mode.get() == Mode::Polling);
    polling::poll_while_settling(state, visible, fallback);
    on_cleanup(move || follower.stop());
}

impl Follower {
    fn start(self) {
        let (task, handle) = abortable(self.run());
        self.task.set_value(Some(handle));
        spawn_local(async move {
            // Aborted: the connection future, and the stream it holds, are dropped.
            let _ = task.await;
        });
    }

    fn stop(self) {
        if let Some(Some(handle)) = self.task.try_update_value(Option::take) {
            handle.abort();
        }
    }

    /// Connects, and reconnects after failures, until the policy says poll.
    async fn run(self) {
        let mut policy = Reconnect::default();
        loop {
            let Some(error) = self.connect(&mut policy).await else {
                return;
            };
            // The session has ended and the page goes with it.
            if matches!(error, ApiError::Unauthorized { .. }) {
                return;
            }
            match policy.on_failure(&error) {
                Next::Poll => {
                    self.gave_up.try_set_value(true);
                    self.state.mode.try_set(Mode::Polling);
                    return;
                }
                Next::Reconnect { after_ms } => {
                    self.state.mode.try_set(Mode::Connecting);
                    TimeoutFuture::new(after_ms).await;
                    if !self.state.alive() {
                        return;
                    }
                }
            }
        }
    }

    /// One connection: why it ended, or `None` once the page is gone.
    async fn connect(self, policy: &mut Reconnect) -> Option<ApiError> {
        let id = self.state.id.try_get_untracked()?;
        let opened = self
            .state
            .auth
            .open_stream(&endpoints::stream_path(&id))
            .await;
        if !self.state.alive() {
            return None;
        }
        let mut stream = match opened {
            Ok(stream) => stream,
            Err(error) => return Some(error),
        };
        self.state.mode.try_set(Mode::Live);
        // Each connection starts with a snapshot of the active jobs.
        let mut jobs = JobTally::default();
        loop {
            let next = stream.next_frame().await;
            if !self.state.alive() {
                return None;
            }
            match next {
                Ok(Some(frame)) => {
                    policy.on_frame();
                    self.receive(frame, &mut jobs);
                }
                Ok(None) => {
                    return Some(ApiError::Network {
                        detail: "the stream ended".into(),
                    })
                }
                Err(error) => return Some(error),
            }
        }
    }

    fn receive(self, frame: StreamFrame, jobs: &mut JobTally) {
        let state = self.state;
        match &frame {
            StreamFrame::Deployment(change) => self.apply_change(change),
            StreamFrame::Job(job) => {
                if let Some(running) = jobs.record(job) {
                    state.patch(|d| d.active_jobs = running);
                    self.alert_on_job(job);
                }
            }
            _ => {}
        }
        if let Some(item) = activity(&frame) {
            state
                .activity
                .try_maybe_update(|recent| (remember(recent, item), ()));
        }
        state.last_frame.try_set(Some(frame));
    }

    /// Hands a job's state to the alerts, which read its result when it ends.
    fn alert_on_job(self, job: &JobFrame) {
        let state = self.state;
        let Some(Some((id, name))) = state
            .deployment
            .try_with_untracked(|d| d.as_ref().map(|d| (d.id.clone(), d.name.clone())))
        else {
            return;
        };
        self.alerts
            .job_state(state.auth, (&id, &name), &job.job, job.state);
    }

    /// A deployment frame: the snapshot of a new connection, or a change.
    fn apply_change(self, change: &DeploymentFrame) {
        let state = self.state;
        if state.patch(|d| {
            apply(d, change);
        }) {
            let now = Utc::now();
            state.now.try_set(now);
            state.fetched_at.try_set(Some(now));
        }
    }
}

/// Whether the tab is shown, following `visibilitychange` until the page is left.
fn watch_visibility() -> Memo<bool> {
    let visible = RwSignal::new(page_visible());
    let listener = window_event_listener_untyped("visibilitychange", move |_| {
        visible.try_set(page_visible());
    });
    on_cleanup(move || listener.remove());
    Memo::new(move |_| visible.get())
}

fn page_visible() -> bool {
    document().visibility_state() != VisibilityState::Hidden
}
