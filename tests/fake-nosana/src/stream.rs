//! `GET /deployments/{id}/stream`: server-sent events. The snapshot (deployment,
//! active jobs, pending tasks) is taken under the store lock while subscribing
//! to the change feed, so no change falls between the two.

use std::convert::Infallible;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, StatusCode};
use axum::response::Response;
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::time::{interval_at, Instant, Interval, MissedTickBehavior};

use crate::errors::{ApiError, ApiResult, DEPLOYMENT_NOT_FOUND};
use crate::hub::{sse_frame, StreamMsg};
use crate::state::App;

pub const KEEP_ALIVE: &str = ": keep-alive\n\n";

pub fn open(app: &App, id: &str) -> ApiResult {
    let period = Duration::from_millis(app.settings().keepalive_ms.max(1));
    let store = app.store();
    let rec = store
        .get(id)
        .ok_or(ApiError::NotFound(DEPLOYMENT_NOT_FOUND))?;
    let rx = app.0.hub.subscribe();
    let snapshot: String = rec.snapshot_frames().iter().map(sse_frame).collect();
    drop(store);

    let mut keepalive = interval_at(Instant::now() + period, period);
    keepalive.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let feed = Feed {
        id: id.to_string(),
        rx,
        keepalive,
    };
    let body = stream::once(async move { Ok::<_, Infallible>(snapshot) }).chain(changes(feed));
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "text/event-stream")
        .header(header::CACHE_CONTROL, "no-cache")
        .header("x-accel-buffering", "no")
        .body(Body::from_stream(body))
        .map_err(|_| ApiError::Refused("Stream could not be opened."))
}

struct Feed {
    id: String,
    rx: broadcast::Receiver<StreamMsg>,
    keepalive: Interval,
}

/// Frames for this deployment and keep-alive comments, until the deployment
/// is deleted, the store is reset, or the client goes away (the body is dropped).
fn changes(feed: Feed) -> impl Stream<Item = Result<String, Infallible>> {
    stream::unfold(feed, |mut feed| async move {
        loop {
            tokio::select! {
                msg = feed.rx.recv() => match msg {
                    Ok(StreamMsg::Text { deployment, text }) if deployment == feed.id => {
                        return Some((Ok(text), feed));
                    }
                    Ok(StreamMsg::Close { deployment }) => {
                        if deployment.as_deref().is_none_or(|d| d == feed.id) {
                            return None;
                        }
                    }
                    Ok(StreamMsg::Text { .. }) => {}
                    // A reader this far behind has missed changes anyway; like
                    // the real stream it carries on with the next ones.
                    Err(RecvError::Lagged(_)) => {}
                    Err(RecvError::Closed) => return None,
                },
                _ = feed.keepalive.tick() => return Some((Ok(KEEP_ALIVE.to_string()), feed)),
            }
        }
    })
}
