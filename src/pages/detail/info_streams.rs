//! The page's `GET {node}/job/{job}/info` streams: one per job, whoever reads it ("Replica
//! health" and "Job status" both do). A browser keeps about six HTTP/1.1 connections per
//! origin, and a sandbox serves the API and every node from one origin, so a second stream
//! of the same job would starve other requests. The first reader opens the stream, later
//! ones share its signals, and it is closed when the last reader goes.
//! A refused header is refreshed once; a dropped stream is reopened with backoff; a node
//! that has no such job (404) or a stream that ends (the job ended) stops it.

use super::state::DetailState;
use crate::api::models::Job;
use crate::api::node::address::info_url;
use crate::api::node::info::JobInfo;
use crate::api::node::routes::origin_of;
use crate::client::nodes::access::NodeAccess;
use crate::client::nodes::info::{open, InfoError};
use crate::domain::logs::reconnect::delay_ms;
use futures::future::{abortable, AbortHandle};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::HashMap;

/// Attempts to reopen a failing stream before saying so and stopping.
const MAX_FAILURES: u32 = 6;

/// Status streams held open at once per origin. Real nodes are hosts of their own, but on
/// one origin five replicas' streams would starve every other request.
const STREAMS_PER_ORIGIN: usize = 3;

/// How a job's stream is doing, for the readers to say.
#[derive(Clone, PartialEq)]
pub enum Link {
    Connecting,
    Live,
    /// Why the stream is not followed, in plain words; `true` while retrying.
    Trouble(String, bool),
    Ended,
}

/// One job's stream as a reader sees it.
#[derive(Clone, Copy)]
pub struct Follow {
    /// The latest frame.
    pub info: RwSignal<Option<JobInfo>>,
    pub link: RwSignal<Link>,
}

struct Shared {
    info: ArcRwSignal<Option<JobInfo>>,
    link: ArcRwSignal<Link>,
    readers: usize,
    stop: AbortHandle,
}

impl Drop for Shared {
    fn drop(&mut self) {
        self.stop.abort();
    }
}

/// The page's streams by job and node.
#[derive(Clone, Copy)]
pub struct InfoStreams {
    access: NodeAccess,
    open: StoredValue<HashMap<(String, Option<String>), Shared>>,
}

/// Makes the page's streams; call once in the page, above every reader. Leaving the page
/// closes them all.
pub fn provide(state: DetailState) -> InfoStreams {
    let streams = InfoStreams {
        access: NodeAccess::new(state.auth, state.id.into()),
        open: StoredValue::new(HashMap::new()),
    };
    provide_context(streams);
    streams
}

impl InfoStreams {
    /// The page's streams (see `provide`).
    pub fn get() -> InfoStreams {
        expect_context::<InfoStreams>()
    }

    /// Follows `job`'s stream for as long as the calling component lives: opened now if no
    /// one follows it yet, shared otherwise.
    pub fn follow(self, job: &Job) -> Follow {
        let key = (job.job.clone(), job.node.clone());
        let (info, link) = self
            .open
            .try_update_value(|open| {
                let shared = open.entry(key.clone()).or_insert_with(|| {
                    let info = ArcRwSignal::new(None);
                    let link = ArcRwSignal::new(Link::Connecting);
                    let (task, stop) =
                        abortable(follow(job.clone(), self.access, info.clone(), link.clone()));
                    spawn_local(async move {
                        let _ = task.await;
                    });
                    Shared {
                        info,
                        link,
                        readers: 0,
                        stop,
                    }
                });
                shared.readers += 1;
                (shared.info.clone(), shared.link.clone())
            })
            .unwrap_or_else(|| (ArcRwSignal::new(None), ArcRwSignal::new(Link::Ended)));
        on_cleanup(move || self.leave(&key));
        Follow {
            info: info.into(),
            link: link.into(),
        }
    }

    /// A reader went. The last one closes the stream, but only after the re-render it
    /// went in: a card re-made under a new key (another replica ended) joins the same
    /// stream instead of opening a new one.
    fn leave(self, key: &(String, Option<String>)) {
        let last = self.open.try_update_value(|open| {
            open.get_mut(key).is_some_and(|shared| {
                shared.readers = shared.readers.saturating_sub(1);
                shared.readers == 0
            })
        });
        if last != Some(true) {
            return;
        }
        let key = key.clone();
        spawn_local(async move {
            TimeoutFuture::new(0).await;
            self.open.try_update_value(|open| {
                if open.get(&key).is_some_and(|s| s.readers == 0) {
                    open.remove(&key);
                }
            });
        });
    }
}

thread_local! {
    static PLACES: RefCell<HashMap<String, usize>> = RefCell::new(HashMap::new());
}

/// One of an origin's stream places, given back when dropped (the stream ended or its
/// last reader went away).
struct Place(String);

impl Drop for Place {
    fn drop(&mut self) {
        PLACES.with(|o| {
            if let Some(n) = o.borrow_mut().get_mut(&self.0) {
                *n = n.saturating_sub(1);
            }
        });
    }
}

/// Waits for a free stream place at `origin`.
async fn place(origin: String) -> Place {
    loop {
        let got = PLACES.with(|o| {
            let mut o = o.borrow_mut();
            let n = o.entry(origin.clone()).or_default();
            let free = *n < STREAMS_PER_ORIGIN;
            if free {
                *n += 1;
            }
            free
        });
        if got {
            return Place(origin);
        }
        TimeoutFuture::new(500).await;
    }
}

/// Follows the job's stream once a place at its node's origin is free.
async fn follow(
    job: Job,
    access: NodeAccess,
    info: ArcRwSignal<Option<JobInfo>>,
    link: ArcRwSignal<Link>,
) {
    let Some(base) = access.base(job.node.as_deref()).await else {
        link.try_set(Link::Trouble("The job has no node yet.".into(), false));
        return;
    };
    let _place = place(origin_of(&base).to_string()).await;
    run(&info_url(&base, &job.job), access, info, link).await;
}

/// Follows the stream at `url` into `info` until it ends or fails for good.
async fn run(
    url: &str,
    node: NodeAccess,
    info: ArcRwSignal<Option<JobInfo>>,
    link: ArcRwSignal<Link>,
) {
    let mut stale: Option<String> = None;
    let mut refreshed_once = false;
    let mut failures = 0u32;
    loop {
        let header = match node.get(stale.take().as_deref()).await {
            Ok(h) => h,
            Err(message) => {
                link.try_set(Link::Trouble(message, false));
                return;
            }
        };
        let error = match open(url, &header).await {
            Ok(mut stream) => {
                link.try_set(Link::Live);
                loop {
                    match stream.next().await {
                        Ok(Some(frame)) => {
                            failures = 0;
                            refreshed_once = false;
                            info.try_set(Some(frame));
                        }
                        Ok(None) => {
                            link.try_set(Link::Ended);
                            return;
                        }
                        Err(e) => break e,
                    }
                }
            }
            Err(e) => e,
        };
        if error.is_unauthorized() && !refreshed_once {
            stale = Some(header);
            refreshed_once = true;
            continue;
        }
        let fatal = matches!(error, InfoError::Status(s) if s != 429 && s < 500)
            || failures >= MAX_FAILURES;
        link.try_set(Link::Trouble(error.message(), !fatal));
        if fatal {
            return;
        }
        TimeoutFuture::new(delay_ms(failures)).await;
        failures += 1;
    }
}
