//! The result a node uploads when a job ended: each op's state and its logs, stdout and
//! stderr told apart (the live frames do not), at most the last 24,999 lines per op.

use serde_json::{json, Value};

use super::logs::{nanos_time, Ended, JobLog};
use crate::model::Job;

/// A node keeps at most this many lines per op.
pub const MAX_LINES_PER_OP: usize = 24_999;

pub fn build(log: &JobLog, job: &Job, ended: &Ended) -> Value {
    let op_states: Vec<Value> = log
        .ops
        .iter()
        .enumerate()
        .map(|(i, op)| {
            // The node's error lines name no op: they go with the first.
            let lines: Vec<&_> = log
                .lines
                .iter()
                .filter(|l| l.result.is_some() && (l.op == op.id || (i == 0 && l.op == "system")))
                .collect();
            let keep = &lines[lines.len().saturating_sub(MAX_LINES_PER_OP)..];
            let logs: Vec<Value> = keep
                .iter()
                .filter_map(|l| {
                    let (stream, text) = l.result.as_ref()?;
                    Some(json!({ "type": stream.as_str(), "log": text, "timestamp": nanos_time(l.ts) }))
                })
                .collect();
            let exit_code = ended.op_exit_code(i);
            json!({
                "operationId": op.id,
                "group": op.group,
                "status": ended.status_of(exit_code),
                "startTime": job.time_start,
                "endTime": job.time_end,
                "exitCode": exit_code,
                "logs": logs,
            })
        })
        .collect();
    json!({
        "status": ended.status(),
        "startTime": job.time_start,
        "endTime": job.time_end,
        "errors": [],
        "opStates": op_states,
    })
}
