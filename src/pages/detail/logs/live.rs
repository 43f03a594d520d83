//! A running job's live lines: one `/flog` socket on its node, reconnected with the
//! domain's backoff, lines after a reconnect deduplicated, the node header refreshed once
//! after a refusal, and a plain-words reason when it gives up.

use super::model::{Link, LogModel};
use crate::api::node::address::websocket_url;
use crate::api::node::flog::handshake;
use crate::client::nodes::access::NodeAccess;
use crate::client::nodes::flog::{open, SocketEvent};
use crate::domain::logs::reconnect::{NextStep, SocketRetry};
use futures::channel::mpsc;
use futures::StreamExt;
use gloo_timers::future::TimeoutFuture;

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
            match rx.next().await {
                Some(SocketEvent::Open) => model.set_link(&job, Link::Live),
                Some(SocketEvent::Log(log)) => {
                    if !seen_frame {
                        seen_frame = true;
                        retry.on_frame();
                    }
                    model.push(index, log);
                }
                Some(SocketEvent::Closed(code)) => break code,
                None => break 1006,
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
