//! The made-up resource figures of the node double, and what tests do to them: a memory
//! leak on one op, a container restart (its cumulative counters start again from 0), and
//! hours of history before the job's start on this node (for the 24 h range).
//! Figures depend only on the time and the op, so every route agrees on them.

use axum::body::Bytes;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{json, Value};

use super::control::with_running;
use super::now_ms;
use crate::routes::control::{bad, ok, parse, Reply};
use crate::state::App;

/// The container's memory limit, MB.
const LIMIT_MB: i64 = 24_564;
/// How fast a leaking op grows, MB a second.
const LEAK_MB_S: f64 = 100.0;

#[derive(Debug, Clone, Default)]
pub struct Usage {
    /// History before the job's start here (ms): the figures begin this much earlier.
    pub backdate_ms: i64,
    /// `(op, when)`: the op's container restarted then.
    pub restarts: Vec<(String, i64)>,
    /// `(op, since)`: the op leaks memory from then on.
    pub leaks: Vec<(String, i64)>,
    /// The node's collector stalled then: no samples from that time on (the stream stays
    /// open and silent).
    pub paused_at: Option<i64>,
}

impl Usage {
    /// When the figures of this node's job begin.
    pub fn first_ms(&self, start_ms: i64) -> i64 {
        start_ms - self.backdate_ms
    }

    /// One op's sample at `t` (ms); disk and network are cumulative since its container
    /// (re)started.
    pub fn sample(&self, op: &str, start_ms: i64, t: i64) -> Value {
        let seed = op.bytes().map(i64::from).sum::<i64>();
        let k = t.div_euclid(5_000);
        let began = self
            .restarts
            .iter()
            .filter(|(o, at)| o == op && *at <= t)
            .map(|(_, at)| *at)
            .max()
            .unwrap_or(self.first_ms(start_ms));
        let s = (t - began).max(0) as f64 / 1000.0;
        let cpu = 60.0 + ((k * 37 + seed).rem_euclid(140)) as f64 * 0.9;
        let mut usage = (3_000 + (k * 53 + seed).rem_euclid(300)) as f64;
        if let Some(since) = self
            .leaks
            .iter()
            .filter(|(o, at)| o == op && *at <= t)
            .map(|(_, at)| *at)
            .min()
        {
            usage += (t - since.max(began)).max(0) as f64 / 1000.0 * LEAK_MB_S;
        }
        let usage = usage.min(LIMIT_MB as f64).round();
        let r = |x: f64| (x * 1000.0).round() / 1000.0;
        json!({
            "opId": op,
            "timestamp": t,
            "cpu": { "cpu_percent": (cpu * 10.0).round() / 10.0 },
            "memory": {
                "memory_usage": usage,
                "memory_limit": LIMIT_MB,
                "memory_percent": (usage / LIMIT_MB as f64 * 1000.0).round() / 10.0,
            },
            "disk": { "read": r(s * 0.3), "write": r(s * 0.15) },
            "network": { "received": r(s * 0.65), "sent": r(s * 0.225) },
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Change {
    /// Restart this op's container now.
    restart: Option<String>,
    /// This op leaks memory from now on.
    leak: Option<String>,
    /// Hours of figures before the job's start here (at most 48).
    history_hours: Option<f64>,
    /// `true`: no samples from now on; `false`: samples again.
    pause: Option<bool>,
}

/// `POST /__fake/jobs/{job}/usage {restart?, leak?, history_hours?, pause?}`: answers what the
/// node's figures now carry.
pub async fn change(State(app): State<App>, Path(job): Path<String>, body: Bytes) -> Reply {
    let change: Change = parse(&body)?;
    if let Some(h) = change.history_hours {
        if !(0.0..=48.0).contains(&h) {
            return Err(bad("history_hours must be between 0 and 48"));
        }
    }
    let answer = with_running(&app, &job, |log| {
        let known = |op: &Option<String>| {
            op.as_ref()
                .is_none_or(|o| log.ops.iter().any(|x| &x.id == o))
        };
        if !known(&change.restart) || !known(&change.leak) {
            return Err(bad("no such op in the job"));
        }
        let now = now_ms();
        if let Some(op) = change.restart {
            log.usage.restarts.push((op, now));
        }
        if let Some(op) = change.leak {
            log.usage.leaks.push((op, now));
        }
        match change.pause {
            Some(true) => log.usage.paused_at = Some(now),
            Some(false) => log.usage.paused_at = None,
            None => {}
        }
        if let Some(h) = change.history_hours {
            log.usage.backdate_ms = (h * 3_600_000.0) as i64;
        }
        Ok(json!({
            "job": job,
            "ops": log.ops.iter().map(|o| o.id.clone()).collect::<Vec<_>>(),
            "restarts": log.usage.restarts.len(),
            "leaks": log.usage.leaks.iter().map(|(o, _)| o.clone()).collect::<Vec<_>>(),
            "first_ms": log.usage.first_ms(log.start_ms),
            "paused": log.usage.paused_at.is_some(),
        }))
    })??;
    ok(answer)
}
