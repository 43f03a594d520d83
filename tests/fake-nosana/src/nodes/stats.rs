//! Newer nodes' resource figures and op controls: `/stats` (samples over a time range),
//! `/stats/stream` (SSE, one `TaskStat[]` per interval) and op restart / stop. Figures are
//! made up from the time and the op, so the same request gives the same answer.

use std::convert::Infallible;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::Response;
use futures_util::stream;
use serde::Deserialize;
use serde_json::{json, Value};

use super::info::text;
use super::logs::{Draft, Live};
use super::newer::answer_logged;
use super::{now_ms, Nodes};
use crate::errors::json_response;
use crate::hub::sse_frame;
use crate::state::App;

/// At most this many samples per op in one `/stats` answer (the newest): a day of 5 s samples.
const MAX_SAMPLES: i64 = 17_280;

#[derive(Deserialize)]
pub struct Range {
    interval: Option<i64>,
    start: Option<i64>,
    end: Option<i64>,
}

pub async fn stats(
    State(app): State<App>,
    Path((node, job)): Path<(String, String)>,
    Query(range): Query<Range>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let interval = range.interval.unwrap_or(5).max(1) * 1000;
    let query = uri.query();
    answer_logged(&app, &node, &job, "stats", query, &headers, |_, log| {
        let now = now_ms();
        let end = range.end.unwrap_or(now).min(now);
        let end = log.usage.paused_at.map_or(end, |p| end.min(p));
        let began = log.usage.first_ms(log.start_ms);
        let start = range.start.unwrap_or(began).max(began);
        let first = ((start - began + interval - 1) / interval).max(0);
        let last = (end - began) / interval;
        let first = first.max(last - MAX_SAMPLES + 1);
        let mut out = Vec::new();
        for k in first..=last {
            for op in &log.ops {
                out.push(log.usage.sample(&op.id, log.start_ms, began + k * interval));
            }
        }
        Value::Array(out)
    })
    .0
}

/// SSE: every `interval` seconds one frame, a `TaskStat[]` with one sample per op; ends
/// with the job.
pub async fn stream(
    State(app): State<App>,
    Path((node, job)): Path<(String, String)>,
    Query(range): Query<Range>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let (refused, _) = answer_logged(
        &app,
        &node,
        &job,
        "stats/stream",
        uri.query(),
        &headers,
        |_, _| Value::Null,
    );
    if refused.status() != StatusCode::OK {
        return refused;
    }
    let period = Duration::from_secs(range.interval.unwrap_or(5).clamp(1, 3600) as u64);
    let feed = app.nodes().jobs.get(&job).map(|l| l.feed.subscribe());
    let Some(feed) = feed else {
        return text(StatusCode::NOT_FOUND, super::info::NO_JOB);
    };
    let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let body = stream::unfold(
        (app, job, feed, tick),
        |(app, job, mut feed, mut tick)| async move {
            loop {
                tokio::select! {
                    _ = tick.tick() => {
                        let frame = {
                            let nodes = app.nodes();
                            let log = nodes.jobs.get(&job).filter(|l| l.ended.is_none())?;
                            if log.usage.paused_at.is_some() {
                                continue;
                            }
                            let now = now_ms();
                            let samples: Vec<Value> = log
                                .ops
                                .iter()
                                .map(|op| log.usage.sample(&op.id, log.start_ms, now))
                                .collect();
                            Value::Array(samples)
                        };
                        return Some((Ok::<_, Infallible>(sse_frame(&frame)), (app, job, feed, tick)));
                    }
                    live = feed.recv() => match live {
                        Ok(Live::Close(..)) | Ok(Live::Cut) => return None,
                        Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                        _ => {}
                    },
                }
            }
        },
    );
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "text/event-stream")
        .header(header::CACHE_CONTROL, "no-cache")
        .body(Body::from_stream(body))
        .unwrap_or_else(|_| text(StatusCode::INTERNAL_SERVER_ERROR, "stream failed"))
}

/// `POST /job/{job}/group/{group}/operation/{op}/restart` or `/stop`.
pub async fn op_control(
    State(app): State<App>,
    Path((node, job, group, op, action)): Path<(String, String, String, String, String)>,
    headers: HeaderMap,
) -> Response {
    let route = format!("group/{group}/operation/{op}/{action}");
    if action != "restart" && action != "stop" {
        return super::newer::missing_post(&format!("/job/{job}/{route}"));
    }
    let (checked, seq) = answer_logged(&app, &node, &job, &route, None, &headers, |_, _| {
        Value::Null
    });
    if checked.status() != StatusCode::OK {
        return checked;
    }
    let mut nodes = app.nodes();
    let done = act(&mut nodes, &job, &group, &op, &action);
    nodes.finish(seq, Some(done.status().as_u16()), false);
    done
}

fn act(nodes: &mut Nodes, job: &str, group: &str, op: &str, action: &str) -> Response {
    let Some(log) = nodes.jobs.get_mut(job) else {
        return text(StatusCode::NOT_FOUND, super::info::NO_JOB);
    };
    let Some(found) = log
        .ops
        .iter()
        .find(|o| o.id == op && o.group == group)
        .cloned()
    else {
        return json_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            &json!({ "error": format!("Operation {op} not found in group {group}") }),
        );
    };
    let (status, line, message) = if action == "restart" {
        (
            "running",
            format!("Restarting op {op}\n"),
            "Operation restarted",
        )
    } else {
        (
            "stopped",
            format!("Stopping op {op}\n"),
            "Operation Stopped",
        )
    };
    if action == "restart" {
        log.trouble.restarted_by_hand(op);
    }
    log.op_status.retain(|(id, _)| id != op);
    log.op_status.push((op.to_string(), status.to_string()));
    log.write(Draft::system(&found, "info", Value::String(line)), now_ms());
    log.tell(Live::Changed);
    json_response(StatusCode::OK, &json!({ "message": message }))
}
