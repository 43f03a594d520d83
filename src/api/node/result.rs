//! The job's result (`GET /deployments/{id}/jobs/{job}` -> `jobResult`): past logs with
//! stdout and stderr told apart, and each op's exit code.

use crate::api::models::parse_timestamp;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::borrow::Cow;

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

/// `GET /deployments/{id}/jobs/{job}` read for its result alone: the result is kept as text
/// (other fields are skipped, not built), to be read in parts (`ResultParts`).
#[derive(Deserialize)]
pub struct ResultText {
    #[serde(rename = "jobResult", default)]
    pub job_result: Option<Box<RawValue>>,
}

/// A result's ops with their lines still as text: reading 20,000 lines at once is a long
/// task, so a caller reads them a slice at a time (`read_lines`) and yields between slices.
pub struct ResultParts<'a> {
    pub status: String,
    pub errors: Value,
    pub ops: Vec<OpParts<'a>>,
}

/// One op: everything but its lines, and its lines as text.
pub struct OpParts<'a> {
    /// `logs` is empty here.
    pub op: ResultOp,
    pub lines: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct FastResult<'a> {
    #[serde(default)]
    status: Value,
    #[serde(default)]
    errors: Value,
    #[serde(rename = "opStates", default, borrow)]
    op_states: Option<Vec<&'a RawValue>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FastOp<'a> {
    #[serde(default, deserialize_with = "null_default")]
    operation_id: String,
    #[serde(default)]
    group: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    status: String,
    #[serde(default)]
    exit_code: Option<i64>,
    #[serde(default)]
    start_time: Option<i64>,
    #[serde(default)]
    end_time: Option<i64>,
    #[serde(default, borrow)]
    logs: Option<Vec<&'a RawValue>>,
    #[serde(default)]
    errors: Value,
}

#[derive(Deserialize)]
struct FastLine<'a> {
    #[serde(rename = "type", default, borrow)]
    kind: Option<Cow<'a, str>>,
    #[serde(default)]
    log: Option<String>,
    #[serde(default, borrow)]
    timestamp: Option<Cow<'a, str>>,
}

fn is_object(raw: &RawValue) -> bool {
    raw.get().trim_start().starts_with('{')
}

/// A result's text split into ops and lines, `None` for `null` or a non-object (as
/// `parse_result`). Shapes the typed fields do not fit exactly go through `parse_result`'s
/// lenient reading, so both give the same result.
pub fn result_parts(text: &str) -> Option<ResultParts<'_>> {
    // Each pass over a 2 MB result costs a few ms: the typed reading is the only one.
    let fast = text
        .trim_start()
        .starts_with('{')
        .then(|| serde_json::from_str::<FastResult>(text).ok())
        .flatten();
    let Some(fast) = fast else {
        let value: Value = serde_json::from_str(text).ok()?;
        let result = parse_result(&value)?;
        return Some(ResultParts {
            status: result.status,
            errors: result.errors,
            ops: result
                .ops
                .into_iter()
                .map(|op| OpParts {
                    op,
                    lines: Vec::new(),
                })
                .collect(),
        });
    };
    let ops = fast
        .op_states
        .unwrap_or_default()
        .into_iter()
        .filter_map(op_parts)
        .collect();
    Some(ResultParts {
        status: fast.status.as_str().unwrap_or_default().to_string(),
        errors: fast.errors,
        ops,
    })
}

fn op_parts(raw: &RawValue) -> Option<OpParts<'_>> {
    let fast = is_object(raw)
        .then(|| serde_json::from_str::<FastOp>(raw.get()).ok())
        .flatten();
    let Some(fast) = fast else {
        // The lenient reading, lines included.
        let value: Value = serde_json::from_str(raw.get()).ok()?;
        return op(&value).map(|op| OpParts {
            op,
            lines: Vec::new(),
        });
    };
    let errors = fast
        .errors
        .as_array()
        .map(|e| e.iter().map(op_error).collect())
        .unwrap_or_default();
    Some(OpParts {
        op: ResultOp {
            operation_id: fast.operation_id,
            group: fast.group,
            status: fast.status,
            exit_code: fast.exit_code,
            start_time: fast.start_time,
            end_time: fast.end_time,
            logs: Vec::new(),
            errors,
        },
        lines: fast.logs.unwrap_or_default(),
    })
}

/// Reads some of an op's lines (skipping what is not a line, as `parse_result`).
pub fn read_lines(lines: &[&RawValue], into: &mut Vec<ResultLog>) {
    into.extend(lines.iter().filter_map(|raw| {
        let fast = is_object(raw)
            .then(|| serde_json::from_str::<FastLine>(raw.get()).ok())
            .flatten();
        match fast {
            Some(l) => Some(ResultLog {
                stream: ResultStream::parse(l.kind.as_deref().unwrap_or("stdout")),
                log: l.log.unwrap_or_default(),
                timestamp: l.timestamp.as_deref().and_then(rfc3339_ms),
            }),
            None => result_log(&serde_json::from_str(raw.get()).ok()?),
        }
    }));
}

impl ResultParts<'_> {
    /// Every line read at once (for callers that need no slices, and tests).
    pub fn read_all(self) -> JobResult {
        JobResult {
            status: self.status,
            errors: self.errors,
            ops: self
                .ops
                .into_iter()
                .map(|mut p| {
                    let mut logs = std::mem::take(&mut p.op.logs);
                    read_lines(&p.lines, &mut logs);
                    p.op.logs = logs;
                    p.op
                })
                .collect(),
        }
    }
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
    let logs = list("logs").iter().filter_map(result_log).collect();
    let errors = list("errors").iter().map(op_error).collect();
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

fn result_log(l: &Value) -> Option<ResultLog> {
    let o = l.as_object()?;
    Some(ResultLog {
        stream: ResultStream::parse(o.get("type").and_then(Value::as_str).unwrap_or("stdout")),
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
}

fn op_error(e: &Value) -> ResultError {
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
}

/// A timestamp (any fraction, nanoseconds included) as ms since the epoch.
pub fn rfc3339_ms(s: &str) -> Option<i64> {
    parse_timestamp(s).map(|t| t.timestamp_millis())
}
