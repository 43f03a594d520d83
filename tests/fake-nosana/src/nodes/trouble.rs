//! Container trouble on the node double: an op killed for memory, restarted by Docker, or
//! failing its health check, as newer nodes report it (`/info` `opStates[].diagnostics`,
//! Docker's state) and as it shows in the job's endpoints (a failing check takes the op's
//! endpoints OFFLINE). Made by tests through `POST /__fake/jobs/{job}/trouble`.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{json, Value};

use super::logs::Live;
use super::now_ms;
use crate::routes::control::{bad, ok, parse, Reply};
use crate::state::App;

/// Docker's default: a container turns unhealthy after this many failed checks in a row.
const RETRIES: u64 = 3;
/// Docker keeps the last five check results.
const KEPT_CHECKS: usize = 5;

/// One op's Docker state beyond "running fine".
#[derive(Debug, Clone, Default)]
pub struct OpTrouble {
    oom_killed: bool,
    restarts: u64,
    /// Set when the op's container exited and stays down (`failed`, with this code).
    exited: Option<i64>,
    /// `None`: the op has no health check reported yet.
    health: Option<Health>,
}

#[derive(Debug, Clone)]
struct Health {
    healthy: bool,
    streak: u64,
    /// `(exit code, output, ms)`, oldest first.
    log: Vec<(i64, String, i64)>,
}

/// Every op's trouble in one job.
#[derive(Debug, Clone, Default)]
pub struct Trouble {
    ops: BTreeMap<String, OpTrouble>,
}

impl Trouble {
    /// `opStates[].diagnostics` for the op: Docker's `State` plus `RestartCount`.
    pub fn diagnostics(&self, op: &str, started_ms: i64) -> Value {
        let t = self.ops.get(op).cloned().unwrap_or_default();
        let started = chrono::DateTime::from_timestamp_millis(started_ms)
            .map(|d| d.to_rfc3339())
            .unwrap_or_default();
        let mut state = json!({
            "Status": if t.exited.is_some() { "exited" } else { "running" },
            "Running": t.exited.is_none(),
            "Restarting": false,
            "OOMKilled": t.oom_killed,
            "Dead": false,
            "ExitCode": t.exited.unwrap_or(0),
            "Error": "",
            "StartedAt": started,
            "RestartCount": t.restarts,
        });
        if let Some(h) = &t.health {
            state["Health"] = json!({
                "Status": if h.healthy { "healthy" } else if h.streak >= RETRIES { "unhealthy" } else { "starting" },
                "FailingStreak": h.streak,
                "Log": h.log.iter().map(|(code, output, at)| {
                    let at = chrono::DateTime::from_timestamp_millis(*at).map(|d| d.to_rfc3339()).unwrap_or_default();
                    json!({ "Start": at, "End": at, "ExitCode": code, "Output": output })
                }).collect::<Vec<_>>(),
            });
        }
        state
    }

    /// The op's status and exit code when its container is down for good.
    pub fn exited(&self, op: &str) -> Option<i64> {
        self.ops.get(op).and_then(|t| t.exited)
    }

    /// Whether the op's endpoints answer: not while it is down or unhealthy.
    pub fn endpoints_up(&self, op: &str) -> bool {
        self.ops.get(op).is_none_or(|t| {
            t.exited.is_none()
                && t.health
                    .as_ref()
                    .is_none_or(|h| h.healthy || h.streak < RETRIES)
        })
    }

    /// An op restarted through the op controls comes back clean (a new container); Docker's
    /// restart count is its own and stays.
    pub fn restarted_by_hand(&mut self, op: &str) {
        if let Some(t) = self.ops.get_mut(op) {
            t.oom_killed = false;
            t.exited = None;
            t.health = None;
        }
    }

    fn check(&mut self, op: &str, code: i64, output: String) {
        let t = self.ops.entry(op.to_string()).or_default();
        let h = t.health.get_or_insert(Health {
            healthy: true,
            streak: 0,
            log: Vec::new(),
        });
        if code == 0 {
            h.healthy = true;
            h.streak = 0;
        } else {
            h.healthy = false;
            // The first failure the test asks for is the one that makes it unhealthy.
            h.streak = if h.streak == 0 { RETRIES } else { h.streak + 1 };
        }
        h.log.push((code, output, now_ms()));
        if h.log.len() > KEPT_CHECKS {
            h.log.remove(0);
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TroubleBody {
    /// The op (default: the job's first).
    #[serde(rename = "opId")]
    op_id: Option<String>,
    /// `oom` (killed for memory: exits 137 and stays down), `restart` (Docker restarted
    /// it), `health-failing` (one more failed check), `healthy` (a passing check).
    event: String,
    /// The failed check's output (`health-failing`).
    output: Option<String>,
}

/// `POST /__fake/jobs/{job}/trouble`: answers the op's diagnostics as `/info` now says.
pub async fn trouble(State(app): State<App>, Path(job): Path<String>, body: Bytes) -> Reply {
    let body: TroubleBody = parse(&body)?;
    let done = super::control::with_running(&app, &job, |log| {
        let op = match &body.op_id {
            None => log.ops[0].id.clone(),
            Some(id) if log.ops.iter().any(|o| &o.id == id) => id.clone(),
            Some(id) => return Err(bad(format!("the job has no op {id:?}"))),
        };
        match body.event.as_str() {
            "oom" => {
                let t = log.trouble.ops.entry(op.clone()).or_default();
                t.oom_killed = true;
                t.exited = Some(137);
            }
            "restart" => {
                let t = log.trouble.ops.entry(op.clone()).or_default();
                t.restarts += 1;
                t.exited = None;
            }
            "health-failing" => {
                let output = body.output.clone().unwrap_or_else(|| {
                    "curl: (7) Failed to connect to localhost port 80: Connection refused".into()
                });
                log.trouble.check(&op, 1, output);
            }
            "healthy" => log.trouble.check(&op, 0, "OK".into()),
            other => {
                return Err(bad(format!(
                    "event must be oom, restart, health-failing or healthy, not {other:?}"
                )))
            }
        }
        log.tell(Live::Changed);
        Ok(log.trouble.diagnostics(&op, log.start_ms))
    })??;
    ok(done)
}
