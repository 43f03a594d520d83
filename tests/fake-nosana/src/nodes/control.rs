//! Control routes for the node double (`/__fake`, no key): write lines to a running job,
//! hold N lines of history, run its automatic output, end it, cut its sockets, read what
//! its node holds; make every node header stale; read what reached the nodes.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

use super::logs::{Draft, JobLog, Live, Stream};
use super::{now_ms, output, tick};
use crate::model::JobState;
use crate::routes::control::{bad, ok, parse, refuse, Refusal, Reply};
use crate::state::App;

/// More than this is a typo, not a test.
const MAX_HISTORY: usize = 1_000_000;

pub fn router() -> Router<App> {
    Router::new()
        .route("/__fake/jobs/{job}", get(job_state))
        .route("/__fake/jobs/{job}/logs", post(push_lines))
        .route("/__fake/jobs/{job}/history", post(history))
        .route("/__fake/jobs/{job}/output", post(run_output))
        .route("/__fake/jobs/{job}/end", post(end))
        .route("/__fake/jobs/{job}/drop", post(drop_sockets))
        .route("/__fake/jobs/{job}/trouble", post(super::trouble::trouble))
        .route("/__fake/jobs/{job}/usage", post(super::usage::change))
        .route("/__fake/nodes/rotate-signature", post(rotate))
        .route(
            "/__fake/node-requests",
            get(node_requests).delete(clear_node_requests),
        )
}

fn not_found() -> Refusal {
    refuse(StatusCode::NOT_FOUND, "no such job")
}

/// The running job's node state; 404 for an unknown job, 409 when no node runs it.
pub(super) fn with_running<T>(
    app: &App,
    job: &str,
    f: impl FnOnce(&mut JobLog) -> T,
) -> Result<T, Refusal> {
    let store = app.store();
    let found = super::find_job(&store, job).ok_or_else(not_found)?;
    if found.state != JobState::Running {
        return Err(refuse(
            StatusCode::CONFLICT,
            "the job is not running on a node",
        ));
    }
    let mut nodes = app.nodes();
    let log = nodes
        .ensure(&store, job)
        .filter(|l| l.ended.is_none())
        .ok_or_else(|| refuse(StatusCode::CONFLICT, "the job is not running on a node"))?;
    Ok(f(log))
}

/// The job as its node sees it. A running job's node state is made on the way: the node
/// holds its start-up from the moment it started.
async fn job_state(State(app): State<App>, Path(job): Path<String>) -> Reply {
    let store = app.store();
    let found = super::find_job(&store, &job).ok_or_else(not_found)?;
    let state = found.state.as_str();
    let mut nodes = app.nodes();
    if found.state == JobState::Running {
        nodes.ensure(&store, &job);
    }
    let log = nodes.jobs.get(&job);
    ok(json!({
        "job": job,
        "state": state,
        "node": found.node,
        "held_lines": log.map_or(0, |l| l.lines.len()),
        "last_timestamp": log.map(JobLog::last_ts),
        "ended_on_node": log.is_some_and(|l| l.ended.is_some()),
        "result_uploaded": log.is_some_and(|l| l.gone),
        "listeners": log.map_or(0, |l| l.feed.receiver_count()),
    }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinesBody {
    lines: Vec<PushedLine>,
}

/// A container line as text, or a TaskLog's fields.
#[derive(Deserialize)]
#[serde(untagged)]
enum PushedLine {
    Text(String),
    Full(FullLine),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FullLine {
    #[serde(rename = "opId")]
    op_id: Option<String>,
    group: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    message: Value,
    /// Where a container line goes in the result: `stdout` (default) or `stderr`.
    stream: Option<String>,
}

fn draft(log: &JobLog, line: PushedLine) -> Result<Draft, Refusal> {
    let first = &log.ops[0];
    let full = match line {
        PushedLine::Text(text) => return Ok(Draft::out(first, text, Stream::Stdout)),
        PushedLine::Full(full) => full,
    };
    let kind = full.kind.unwrap_or_else(|| "container".into());
    let op = full
        .op_id
        .as_deref()
        .and_then(|id| log.ops.iter().find(|o| o.id == id))
        .unwrap_or(first);
    let mut d = match kind.as_str() {
        "container" => {
            let stream = match full.stream.as_deref() {
                None | Some("stdout") => Stream::Stdout,
                Some("stderr") => Stream::Stderr,
                Some(other) => return Err(bad(format!("unknown stream {other:?}"))),
            };
            let mut d = Draft::out(op, String::new(), stream);
            d.result = full.message.as_str().map(|t| (stream, t.to_string()));
            d.message = full.message;
            d
        }
        "info" | "error" => Draft::system(op, &kind, full.message),
        other => return Err(bad(format!("unknown type {other:?}"))),
    };
    // Any opId or group is written as given: clients must cope with what nodes send.
    if let Some(id) = full.op_id {
        d.op = id;
    }
    if let Some(group) = full.group {
        d.group = group;
    }
    Ok(d)
}

/// `{"lines": ["text", {"opId"?, "group"?, "type"?, "message", "stream"?}]}`: written live,
/// each stamped by the node clock. Answers the count and the last timestamp.
async fn push_lines(State(app): State<App>, Path(job): Path<String>, body: Bytes) -> Reply {
    let body: LinesBody = parse(&body)?;
    let written = with_running(&app, &job, |log| {
        let now = now_ms();
        let drafts = body
            .lines
            .into_iter()
            .map(|line| draft(log, line))
            .collect::<Result<Vec<_>, _>>()?;
        let count = drafts.len();
        for d in drafts {
            log.write(d, now);
        }
        Ok::<_, Refusal>((count, log.last_ts()))
    })??;
    ok(json!({ "written": written.0, "last_timestamp": written.1 }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HistoryBody {
    lines: usize,
}

/// `{"lines": N}`: N more held lines, for sockets opened afterwards (not sent live).
async fn history(State(app): State<App>, Path(job): Path<String>, body: Bytes) -> Reply {
    let body: HistoryBody = parse(&body)?;
    if body.lines > MAX_HISTORY {
        return Err(bad(format!("at most {MAX_HISTORY} lines")));
    }
    let (held, last) = with_running(&app, &job, |log| {
        output::history(log, body.lines, now_ms());
        (log.lines.len(), log.last_ts())
    })?;
    ok(json!({ "held_lines": held, "last_timestamp": last }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepsBody {
    steps: Option<u64>,
}

/// `{"steps"?: n}` (default 1): the next steps of the automatic output, now, paused or not.
async fn run_output(State(app): State<App>, Path(job): Path<String>, body: Bytes) -> Reply {
    let body: StepsBody = parse(&body)?;
    let steps = body.steps.unwrap_or(1).min(10_000);
    let (written, last) = with_running(&app, &job, |log| {
        (output::advance(log, steps, now_ms()), log.last_ts())
    })?;
    ok(json!({ "written": written, "last_timestamp": last }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EndBody {
    state: Option<String>,
    exit_code: Option<i64>,
}

/// `{"state"?: "COMPLETED" | "STOPPED", "exit_code"?: 0..=255}`: the job ends now, as the
/// deployments API and its stream then say (a SIMPLE or SIMPLE-EXTEND deployment left
/// without jobs goes STOPPED). Its first op exited with `exit_code` (default 0, or 143 when
/// stopped), as its `/info` and its result say. Its `/info` streams end; its sockets stay
/// open and quiet until the result is uploaded (`result_delay_ms` later), then close with
/// 1008. An exit code needs a node to report it.
async fn end(State(app): State<App>, Path(job): Path<String>, body: Bytes) -> Reply {
    let body: EndBody = parse(&body)?;
    let state = match body.state.as_deref() {
        None | Some("COMPLETED") => JobState::Completed,
        Some("STOPPED") => JobState::Stopped,
        Some(other) => {
            return Err(bad(format!(
                "state must be COMPLETED or STOPPED, not {other:?}"
            )))
        }
    };
    // A container's exit status is a byte.
    if body.exit_code.is_some_and(|c| !(0..=255).contains(&c)) {
        return Err(bad("exit_code must be 0 to 255"));
    }
    {
        let mut store = app.store();
        let store = &mut *store;
        let found = super::find_job(store, &job).ok_or_else(not_found)?;
        if found.state != JobState::Running {
            return Err(refuse(StatusCode::CONFLICT, "the job is not running"));
        }
        if let Some(code) = body.exit_code {
            let mut nodes = app.nodes();
            let log = nodes.ensure(store, &job).ok_or_else(|| {
                refuse(
                    StatusCode::CONFLICT,
                    "the job has no node to report an exit code",
                )
            })?;
            log.exit_code = Some(code);
        }
        let (rec, index) = store
            .records
            .iter_mut()
            .find_map(|r| {
                let i = r.jobs.iter().position(|j| j.job == job)?;
                Some((r, i))
            })
            .ok_or_else(not_found)?;
        store.ctx.end_job(rec, index, state, crate::clock::now());
    }
    tick::settle(&app);
    job_state(State(app), Path(job)).await
}

/// Cuts every socket (and `/info` stream) of the job without a close frame (a browser
/// sees 1006). Answers how many were listening.
async fn drop_sockets(State(app): State<App>, Path(job): Path<String>) -> Reply {
    if super::find_job(&app.store(), &job).is_none() {
        return Err(not_found());
    }
    let nodes = app.nodes();
    let listeners = nodes.jobs.get(&job).map_or(0, |log| {
        log.tell(Live::Cut);
        log.feed.receiver_count()
    });
    ok(json!({ "ok": true, "listeners": listeners }))
}

/// Every node header issued so far becomes stale (sockets get 3000, `/info` 401).
async fn rotate(State(app): State<App>) -> Reply {
    let generation = app.nodes().rotate();
    ok(json!({ "ok": true, "generation": generation }))
}

async fn node_requests(State(app): State<App>) -> Reply {
    ok(serde_json::to_value(&app.nodes().requests).unwrap_or_default())
}

async fn clear_node_requests(State(app): State<App>) -> Reply {
    app.nodes().requests.clear();
    ok(json!({ "ok": true }))
}
