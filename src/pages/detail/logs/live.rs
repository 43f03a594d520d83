//! A running job's live lines: one `/flog` socket on its node, reconnected with the
//! domain's backoff, lines after a reconnect deduplicated, the node header refreshed once
//! after a refusal, and a plain-words reason when it gives up.

use super::model::{Link, LogModel};
use crate::api::node::address::websocket_url;
use crate::api::node::flog::handshake;
use crate::client::nodes::access::NodeAccess;
use crate::client::nodes::flog::LogSocket;
use crate::client::nodes::flog::{open, SocketEvent};
use crate::domain::logs::reconnect::{NextStep, SocketRetry};
use futures::channel::mpsc;
use futures::future::{select, Either};
use futures::StreamExt;
use gloo_timers::future::TimeoutFuture;

/// How often waiting frames are taken from the socket.
const DRAIN_MS: u32 = 100;
/// Frames parsed and added per task: a replay of 25,000 lines is added in slices, the
/// browser getting the main thread between them (one slice is a few ms of CPU).
const DRAIN_SLICE: usize = 1_000;

/// Adds every waiting frame to the store, a slice per task.
async fn drain(
    socket: &LogSocket,
    model: LogModel,
    index: u16,
    seen_frame: &mut bool,
    retry: &mut SocketRetry,
) {
    loop {
        let logs = socket.take(DRAIN_SLICE);
        if !logs.is_empty() {
            if !*seen_frame {
                *seen_frame = true;
                retry.on_frame();
            }
            model.append(index, logs);
        }
        if !socket.has_frames() {
            return;
        }
        TimeoutFuture::new(0).await;
    }
}

/// Follows `job` until its socket gives up or the caller aborts this future (job ended,
/// page left): dropping it closes the socket.
pub async fn follow(access: NodeAccess, model: LogModel, job: String, node: Option<String>) {
    let Some(entry) = model.entry(&job) else {
        return;
    };
    let index = entry.index;
    let Some(base) = access.base(node.as_deref()).await else {
        model.set_link(&job, Link::NoNode);
        return;
    };
    let url = websocket_url(&base);
    let mut retry = SocketRetry::default();
    let mut stale: Option<String> = None;
    let mut first = true;
    loop {
        let header = match access.get(stale.take().as_deref()).await {
            Ok(h) => h,
            Err(message) => {
                model.set_link(&job, Link::Stopped(message));
                return;
            }
        };
        if !first {
            model.reconnected(index);
        }
        first = false;
        let (tx, mut rx) = mpsc::unbounded();
        let socket = match open(&url, handshake(&header, &job, None), move |e| {
            let _ = tx.unbounded_send(e);
        }) {
            Ok(s) => s,
            Err(message) => {
                model.set_link(&job, Link::Stopped(message));
                return;
            }
        };
        let mut seen_frame = false;
        let code = loop {
            // Frames wait in the socket's queue; every DRAIN_MS they are parsed and added at
            // once (the view draws new lines at most ten times a second anyway).
            match select(rx.next(), TimeoutFuture::new(DRAIN_MS)).await {
                Either::Left((Some(SocketEvent::Open), _)) => model.set_link(&job, Link::Live),
                Either::Left((closed, _)) => {
                    // Frames that came before the close are kept (dedupe after a reconnect
                    // needs the newest of them).
                    drain(&socket, model, index, &mut seen_frame, &mut retry).await;
                    break match closed {
                        Some(SocketEvent::Closed(code)) => code,
                        _ => 1006,
                    };
                }
                Either::Right(_) => drain(&socket, model, index, &mut seen_frame, &mut retry).await,
            }
        };
        drop(socket);
        match retry.on_close(code) {
            NextStep::Reconnect { after_ms, reason } => {
                model.set_link(&job, Link::Reconnecting(reason.to_string()));
                TimeoutFuture::new(after_ms).await;
            }
            NextStep::RefreshHeader { reason } => {
                model.set_link(&job, Link::Reconnecting(reason.to_string()));
                stale = Some(header);
            }
            NextStep::GiveUp { reason } => {
                model.set_link(&job, Link::Stopped(reason.to_string()));
                return;
            }
        }
    }
}
