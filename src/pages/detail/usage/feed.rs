//! Following one replica's figures: the range's past from `/stats`, then the live
//! `/stats/stream`; when the stream is quiet, a light `/stats` poll for what came since the
//! last sample. A refused header is refreshed once; a dropped stream is reopened with
//! backoff; a node without the routes (404 on the route) or without the job stops it, once.

use super::model::{now_ms, Link, Model, Replica};
use crate::api::node::stats::{node_info_url, stats_url, stream_url};
use crate::client::nodes::access::NodeAccess;
use crate::client::nodes::stats::{fetch, node_info, open, Next, StatsError};
use crate::domain::logs::reconnect::delay_ms;
use crate::domain::usage::range::{missing_span, Range, MAX_RANGE_MS, SAMPLE_S};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

/// A stream silent this long gets a `/stats` poll (the node sends every 5 s).
pub const QUIET_MS: u32 = 15_000;
/// Samples past the widest range are dropped once they are this many: dropping one sample of
/// every series per frame would move all held samples each time.
const TRIM_SLACK_MS: i64 = 10 * 60_000;
/// Attempts to reopen a failing stream before saying so and stopping.
const MAX_FAILURES: u32 = 6;

/// Why following stopped.
enum Stop {
    Final,
}

/// The node's address and a header, refreshed once after a refusal.
struct Session {
    access: NodeAccess,
    base: String,
    header: String,
    refreshed: bool,
}

impl Session {
    fn new(access: NodeAccess, base: String, header: String) -> Self {
        Session {
            access,
            base,
            header,
            refreshed: false,
        }
    }

    async fn refresh(&mut self) -> bool {
        if self.refreshed {
            return false;
        }
        self.refreshed = true;
        match self.access.refresh(&self.header).await {
            Ok(h) => {
                self.header = h;
                true
            }
            Err(_) => false,
        }
    }
}

pub async fn follow(replica: Replica, model: Model, access: NodeAccess, range: impl Fn() -> Range) {
    let job = replica.job.clone();
    model.set_link(&job, Link::Connecting);
    let Some(base) = access.base(replica.node.as_deref()).await else {
        model.set_link(
            &job,
            Link::Trouble("The job has no node yet.".into(), false),
        );
        return;
    };
    host(&model, &job, &base).await;
    let header = match access.header().await {
        Ok(h) => h,
        Err(message) => {
            model.set_link(&job, Link::Trouble(message, false));
            return;
        }
    };
    let mut s = Session::new(access, base, header);
    if let Err(Stop::Final) = fill(&mut s, &model, &job, range()).await {
        return;
    }
    let mut failures = 0u32;
    loop {
        let url = stream_url(&s.base, &job, SAMPLE_S);
        let error = match open(&url, &s.header).await {
            Ok(mut stream) => {
                model.set_link(&job, Link::Live);
                loop {
                    match stream.next(QUIET_MS).await {
                        Ok(Next::Samples(samples)) => {
                            failures = 0;
                            s.refreshed = false;
                            take(&model, &job, samples);
                        }
                        Ok(Next::Quiet) => {
                            if let Err(Stop::Final) = poll(&mut s, &model, &job).await {
                                return;
                            }
                        }
                        // The job ended, or the connection did: `/stats` tells which.
                        Ok(Next::Ended) => {
                            if let Err(Stop::Final) = poll(&mut s, &model, &job).await {
                                return;
                            }
                            break StatsError::Closed;
                        }
                        Err(e) => break e,
                    }
                }
            }
            Err(e) => e,
        };
        if error.is_unauthorized() && s.refresh().await {
            continue;
        }
        if let Some(link) = final_link(&error) {
            model.set_link(&job, link);
            return;
        }
        failures += 1;
        if failures > MAX_FAILURES {
            model.set_link(&job, Link::Trouble(error.message(), false));
            return;
        }
        model.set_link(&job, Link::Trouble(error.message(), true));
        TimeoutFuture::new(delay_ms(failures)).await;
    }
}

fn final_link(e: &StatsError) -> Option<Link> {
    match e {
        StatsError::NotOffered => Some(Link::NotOffered),
        StatsError::Status(404) => Some(Link::Ended),
        e if e.is_final() => Some(Link::Trouble(e.message(), false)),
        _ => None,
    }
}

fn take(model: &Model, job: &str, samples: Vec<crate::api::node::stats::TaskStat>) {
    if samples.is_empty() {
        return;
    }
    let now = now_ms();
    model.held.try_update(|h| {
        h.add(job, samples);
        h.trim_lazily(now - MAX_RANGE_MS - 60_000, TRIM_SLACK_MS);
    });
    model.seen.try_update(|m| {
        m.insert(job.to_string(), now);
    });
}

/// Fetches what `range` needs and is not held yet.
async fn fill(s: &mut Session, model: &Model, job: &str, range: Range) -> Result<(), Stop> {
    let held_from = model.held.with_untracked(|h| h.held_from(job));
    let Some((start, end)) = missing_span(range, now_ms(), held_from) else {
        return Ok(());
    };
    let url = stats_url(&s.base, job, range.interval_s(), start, end);
    let samples = loop {
        match fetch(&url, &s.header).await {
            Ok(samples) => break samples,
            Err(e) if e.is_unauthorized() && s.refresh().await => continue,
            Err(e) => {
                if let Some(link) = final_link(&e) {
                    model.set_link(job, link);
                    return Err(Stop::Final);
                }
                // The stream may still work; the past stays empty for now.
                return Ok(());
            }
        }
    };
    take(model, job, samples);
    model.held.try_update(|h| h.covered(job, start));
    Ok(())
}

/// The stream is quiet: ask `/stats` for what came since the last sample.
async fn poll(s: &mut Session, model: &Model, job: &str) -> Result<(), Stop> {
    let now = now_ms();
    let last = model
        .held
        .with_untracked(|h| h.latest(job).iter().map(|(_, x)| x.timestamp).max());
    let start = last.map_or(now - Range::M5.ms(), |t| t + 1);
    let url = stats_url(&s.base, job, SAMPLE_S, start, now);
    match fetch(&url, &s.header).await {
        Ok(samples) => take(model, job, samples),
        Err(e) => {
            if let Some(link) = final_link(&e) {
                model.set_link(job, link);
                return Err(Stop::Final);
            }
        }
    }
    Ok(())
}

/// The host's GPUs, once per node (an older node without `/node/info` says nothing).
async fn host(model: &Model, job: &str, base: &str) {
    if model.hosts.with_untracked(|h| h.contains_key(job)) {
        return;
    }
    if let Some(found) = node_info(&node_info_url(base)).await {
        model.hosts.try_update(|h| {
            h.insert(job.to_string(), found);
        });
    }
}

/// A wider range was chosen: fetch the part not held (the stream keeps running).
pub async fn widen(replica: Replica, model: Model, access: NodeAccess, range: Range) {
    // Only while followed: an older node or an ended job is not asked again.
    let live = model
        .links
        .with_untracked(|l| matches!(l.get(&replica.job), Some(Link::Live)));
    if !live {
        return;
    }
    let Some(base) = access.base(replica.node.as_deref()).await else {
        return;
    };
    let Ok(header) = access.header().await else {
        return;
    };
    let mut s = Session::new(access, base, header);
    let _ = fill(&mut s, &model, &replica.job, range).await;
}
