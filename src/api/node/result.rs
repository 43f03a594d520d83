//! The job's result (`GET /deployments/{id}/jobs/{job}` -> `jobResult`): past logs with
//! stdout and stderr told apart, and each op's exit code.

use crate::api::models::parse_timestamp;
use serde::Deserialize;
use serde_json::Value;

use super::info::null_default;

/// The stream a result line was written to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultStream {
    Stdout,
    Stderr,
    Stdin,
    /// The node's own error lines.
    NodeErr,
    Other(String),
}

impl ResultStream {
    pub fn parse(s: &str) -> ResultStream {
        match s {
            "stdout" => ResultStream::Stdout,
            "stderr" => ResultStream::Stderr,
            "stdin" => ResultStream::Stdin,
            "nodeerr" => ResultStream::NodeErr,
            other => ResultStream::Other(other.to_string()),
        }
    }
}

/// One line of `opStates[].logs`.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultLog {
    pub stream: ResultStream,
    pub log: String,
    /// RFC 3339 (nanoseconds) as ms since the epoch; `None` when absent or unreadable.
    pub timestamp: Option<i64>,
}

/// One op of the result.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResultOp {
    pub operation_id: String,
    pub group: Option<String>,
    pub status: String,
    pub exit_code: Option<i64>,
    pub start_time: Option<i64>,
    pub end_time: Option<i64>,
    pub logs: Vec<ResultLog>,
    pub errors: Vec<ResultError>,
}

/// `errors[]` of an op: `{event, message}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultError {
    pub event: String,
    pub message: String,
}

/// The result as a whole; `None` for `null` (not uploaded yet) or a non-object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JobResult {
    pub status: String,
    pub ops: Vec<ResultOp>,
    pub errors: Value,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct RawOp {
    #[serde(deserialize_with = "null_default")]
    operation_id: String,
    group: Option<String>,
    #[serde(deserialize_with = "null_default")]
    status: String,
    exit_code: Option<i64>,
    start_time: Option<i64>,
    end_time: Option<i64>,
}

/// Reads `jobResult` leniently: bad ops and bad lines are skipped, not fatal.
pub fn parse_result(job_result: &Value) -> Option<JobResult> {
    let obj = job_result.as_object()?;
    let ops = obj
        .get("opStates")
        .and_then(Value::as_array)
        .map(|ops| ops.iter().filter_map(op).collect())
        .unwrap_or_default();
    Some(JobResult {
        status: obj
            .get("status")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        ops,
        errors: obj.get("errors").cloned().unwrap_or(Value::Null),
    })
}

fn op(v: &Value) -> Option<ResultOp> {
    let obj = v.as_object()?;
    // The small fields only: cloning `logs` (up to 25k lines per op) would double the work.
    let small: serde_json::Map<String, Value> = obj
        .iter()
        .filter(|(k, _)| *k != "logs" && *k != "errors")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let raw: RawOp = serde_json::from_value(Value::Object(small)).ok()?;
    let list = |k: &str| {
        obj.get(k)
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default()
    };
    let logs = list("logs")
        .iter()
        .filter_map(|l| {
            let o = l.as_object()?;
            Some(ResultLog {
                stream: ResultStream::parse(
                    o.get("type").and_then(Value::as_str).unwrap_or("stdout"),
                ),
                log: match o.get("log") {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Null) | None => String::new(),
                    Some(other) => other.to_string(),
                },
                timestamp: o
                    .get("timestamp")
                    .and_then(Value::as_str)
                    .and_then(rfc3339_ms),
            })
        })
        .collect();
    let errors = list("errors")
        .iter()
        .map(|e| {
            let s = |k: &str| {
                e.get(k)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            ResultError {
                event: s("event"),
                message: e
                    .get("message")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .unwrap_or_else(|| e.to_string()),
            }
        })
        .collect();
    Some(ResultOp {
        operation_id: raw.operation_id,
        group: raw.group,
        status: raw.status,
        exit_code: raw.exit_code,
        start_time: raw.start_time,
        end_time: raw.end_time,
        logs,
        errors,
    })
}

/// A timestamp (any fraction, nanoseconds included) as ms since the epoch.
pub fn rfc3339_ms(s: &str) -> Option<i64> {
    parse_timestamp(s).map(|t| t.timestamp_millis())
}
