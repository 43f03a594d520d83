//! What a node holds for one job: its log lines (TaskLogs, each already written as the
//! `/flog` frame it is sent as) and where the job stands; and the live feed its sockets
//! and `/info` streams follow.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::ws::Utf8Bytes;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::Value;
use tokio::sync::broadcast;

/// The lines a socket may fall behind before it catches up from the held lines.
const FEED: usize = 8192;

/// Where a line goes in the job's result (`opStates[].logs[].type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
    NodeErr,
}

impl Stream {
    pub fn as_str(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
            Stream::NodeErr => "nodeerr",
        }
    }
}

/// One TaskLog. The frame is written once, when the line is made.
#[derive(Debug)]
pub struct Line {
    /// The node's clock in ms, strictly increasing per job.
    pub ts: i64,
    pub op: String,
    pub group: String,
    /// `{"path":"flog","data":"<TaskLog as JSON text>"}` (cheap to clone for each socket).
    pub frame: Utf8Bytes,
    /// The line's place in the result: `None` for the node's info lines and progress.
    pub result: Option<(Stream, String)>,
}

/// What a line is before it gets its timestamp.
#[derive(Debug, Clone)]
pub struct Draft {
    pub op: String,
    pub group: String,
    /// `container`, `info` or `error`.
    pub kind: String,
    /// A string, or a progress object `{type, payload}`.
    pub message: Value,
    pub result: Option<(Stream, String)>,
}

impl Draft {
    /// Program output on stdout (or stderr).
    pub fn out(op: &Op, text: String, stream: Stream) -> Draft {
        Draft {
            op: op.id.clone(),
            group: op.group.clone(),
            kind: "container".into(),
            result: Some((stream, text.clone())),
            message: Value::String(text),
        }
    }

    /// The node's own line (`opId` "system").
    pub fn system(op: &Op, kind: &str, message: Value) -> Draft {
        let result = match (kind, &message) {
            ("error", Value::String(text)) => Some((Stream::NodeErr, text.clone())),
            _ => None,
        };
        Draft {
            op: "system".into(),
            group: op.group.clone(),
            kind: kind.into(),
            message,
            result,
        }
    }
}

/// An op of the job's definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Op {
    pub id: String,
    /// `execution.group`, else the op id.
    pub group: String,
    pub image: String,
}

impl Op {
    pub fn from_definition(definition: &Value) -> Vec<Op> {
        let ops: Vec<Op> = definition["ops"]
            .as_array()
            .map(|ops| {
                ops.iter()
                    .filter_map(|op| {
                        let id = op["id"].as_str()?.to_string();
                        let group = op["execution"]["group"]
                            .as_str()
                            .map_or_else(|| id.clone(), str::to_string);
                        let image = op["args"]["image"].as_str().unwrap_or("").to_string();
                        Some(Op { id, group, image })
                    })
                    .collect()
            })
            .unwrap_or_default();
        if ops.is_empty() {
            // A hostile definition still gets one op to write for.
            return vec![Op {
                id: "op".into(),
                group: "op".into(),
                image: "unknown".into(),
            }];
        }
        ops
    }
}

/// What sockets and `/info` streams of a job are told.
#[derive(Debug, Clone)]
pub enum Live {
    Line(Arc<Line>),
    /// The job's state changed: `/info` sends a frame (and ends once the job ended).
    Changed,
    /// Close every socket with this code.
    Close(u16, &'static str),
    /// Cut every socket without a close frame (an abnormal close, 1006 in a browser).
    Cut,
}

/// How a job ended on the node.
#[derive(Debug, Clone, Copy)]
pub struct Ended {
    pub completed: bool,
    /// The first op's exit code (the others exit as the job ended: 0, or 143 when stopped).
    pub exit_code: i64,
    pub at_ms: i64,
    /// When the node uploads the result and forgets the job.
    pub result_due: Instant,
}

impl Ended {
    /// The exit code of the op at `index`.
    pub fn op_exit_code(&self, index: usize) -> i64 {
        match (index, self.completed) {
            (0, _) => self.exit_code,
            (_, true) => 0,
            (_, false) => 143,
        }
    }

    /// A node's word for how an op (or the job) ended: a stop, else its exit code.
    pub fn status_of(&self, exit_code: i64) -> &'static str {
        match (self.completed, exit_code) {
            (false, _) => "stopped",
            (true, 0) => "success",
            (true, _) => "failed",
        }
    }

    /// The job's status: that of its first op.
    pub fn status(&self) -> &'static str {
        self.status_of(self.exit_code)
    }
}

pub struct JobLog {
    pub deployment: String,
    pub job: String,
    pub node: String,
    pub ops: Vec<Op>,
    pub start_ms: i64,
    pub lines: Vec<Arc<Line>>,
    last_ts: i64,
    pub feed: broadcast::Sender<Live>,
    /// How far the automatic output got.
    pub step: u64,
    /// A fresh job's start-up still to be written live (the image pull under way).
    pub starting: VecDeque<Draft>,
    pub ended: Option<Ended>,
    /// The result is out: the node no longer has the job.
    pub gone: bool,
    /// Ops stopped or restarted through the op controls, by op id.
    pub op_status: Vec<(String, String)>,
    /// The first op's exit code, when the end control route gave one.
    pub exit_code: Option<i64>,
    /// Docker trouble of its ops (out of memory, restarts, health checks).
    pub trouble: super::trouble::Trouble,
    /// What tests did to the resource figures (leak, restart, history).
    pub usage: super::usage::Usage,
}

impl JobLog {
    pub fn new(deployment: &str, job: &str, node: &str, ops: Vec<Op>, start_ms: i64) -> JobLog {
        JobLog {
            deployment: deployment.to_string(),
            job: job.to_string(),
            node: node.to_string(),
            ops,
            start_ms,
            lines: Vec::new(),
            last_ts: start_ms - 1,
            feed: broadcast::channel(FEED).0,
            step: 0,
            starting: VecDeque::new(),
            ended: None,
            gone: false,
            op_status: Vec::new(),
            exit_code: None,
            trouble: Default::default(),
            usage: Default::default(),
        }
    }

    /// The next timestamp: `at` unless that would not be after the last one.
    fn stamp(&mut self, at: i64) -> i64 {
        self.last_ts = at.max(self.last_ts + 1);
        self.last_ts
    }

    pub fn last_ts(&self) -> i64 {
        self.last_ts
    }

    /// Holds a line stamped `at` (or just after the last one) without telling anyone:
    /// for history written before any socket could listen.
    pub fn hold(&mut self, draft: Draft, at: i64) -> Arc<Line> {
        let ts = self.stamp(at);
        // Written by hand rather than through `json!`: seeding 100,000 lines must be quick.
        let mut task_log = String::with_capacity(96 + draft.op.len() * 2);
        task_log.push_str("{\"opId\":");
        push_json_str(&mut task_log, &draft.op);
        task_log.push_str(",\"group\":");
        push_json_str(&mut task_log, &draft.group);
        task_log.push_str(",\"type\":");
        push_json_str(&mut task_log, &draft.kind);
        task_log.push_str(",\"timestamp\":");
        task_log.push_str(&ts.to_string());
        task_log.push_str(",\"message\":");
        match &draft.message {
            Value::String(text) => push_json_str(&mut task_log, text),
            other => task_log.push_str(&other.to_string()),
        }
        task_log.push('}');
        let mut frame = String::with_capacity(task_log.len() * 5 / 4 + 32);
        frame.push_str("{\"path\":\"flog\",\"data\":");
        push_json_str(&mut frame, &task_log);
        frame.push('}');
        let line = Arc::new(Line {
            ts,
            op: draft.op,
            group: draft.group,
            frame: frame.into(),
            result: draft.result,
        });
        self.lines.push(line.clone());
        line
    }

    /// Holds a line and sends it to the job's sockets.
    pub fn write(&mut self, draft: Draft, now_ms: i64) -> Arc<Line> {
        let line = self.hold(draft, now_ms);
        let _ = self.feed.send(Live::Line(line.clone()));
        line
    }

    /// The held lines for a new socket, grouped by op (ops in the order they first wrote,
    /// each op's lines in time order) as a node replays them; narrowed to an op or group.
    pub fn replay(&self, op: Option<&str>, group: Option<&str>) -> Vec<Arc<Line>> {
        let mut order: Vec<&str> = Vec::new();
        for line in &self.lines {
            if !order.contains(&line.op.as_str()) {
                order.push(&line.op);
            }
        }
        let mut out = Vec::with_capacity(self.lines.len());
        for name in order {
            out.extend(
                self.lines
                    .iter()
                    .filter(|l| l.op == name && wanted(l, op, group))
                    .cloned(),
            );
        }
        out
    }

    /// Held lines after `ts`, in time order (a socket that fell behind the feed catches up).
    pub fn after(&self, ts: i64, op: Option<&str>, group: Option<&str>) -> Vec<Arc<Line>> {
        let start = self.lines.partition_point(|l| l.ts <= ts);
        self.lines[start..]
            .iter()
            .filter(|l| wanted(l, op, group))
            .cloned()
            .collect()
    }

    pub fn tell(&self, live: Live) {
        let _ = self.feed.send(live);
    }

    /// The op's status on the node while the job runs.
    pub fn op_status(&self, op: &str) -> &str {
        if !self.starting.is_empty() {
            return "pulling";
        }
        self.op_status
            .iter()
            .find(|(id, _)| id == op)
            .map_or("running", |(_, s)| s.as_str())
    }
}

/// Appends `s` as a JSON string literal (quotes and escapes, control characters as `\u00XX`).
pub fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{b:04x}"));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// Whether a line passes a socket's `opId` / `group` narrowing.
pub fn wanted(line: &Line, op: Option<&str>, group: Option<&str>) -> bool {
    op.is_none_or(|o| line.op == o) && group.is_none_or(|g| line.group == g)
}

/// RFC 3339 with nanoseconds, as results carry them. The sub-millisecond part is made
/// up (deterministically): the node's log clock has it, the live frames do not.
pub fn nanos_time(ts_ms: i64) -> String {
    let nanos_extra = (ts_ms.unsigned_abs().wrapping_mul(7919) % 1_000_000) as i64;
    let t = DateTime::<Utc>::from_timestamp_millis(ts_ms).unwrap_or_default()
        + chrono::Duration::nanoseconds(nanos_extra);
    t.to_rfc3339_opts(SecondsFormat::Nanos, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn op(id: &str) -> Op {
        Op {
            id: id.into(),
            group: id.into(),
            image: "img".into(),
        }
    }

    #[test]
    fn timestamps_strictly_increase_and_replay_groups_by_op() {
        let mut log = JobLog::new("d", "j", "n", vec![op("a"), op("b")], 1000);
        let (a, b) = (op("a"), op("b"));
        log.hold(Draft::out(&a, "a1\n".into(), Stream::Stdout), 1000);
        log.hold(Draft::out(&b, "b1\n".into(), Stream::Stdout), 1000);
        log.hold(Draft::out(&a, "a2\n".into(), Stream::Stderr), 900);
        let ts: Vec<i64> = log.lines.iter().map(|l| l.ts).collect();
        assert_eq!(ts, [1000, 1001, 1002]);
        let replay: Vec<i64> = log.replay(None, None).iter().map(|l| l.ts).collect();
        assert_eq!(replay, [1000, 1002, 1001]);
        assert_eq!(log.replay(Some("b"), None).len(), 1);
        assert_eq!(log.after(1000, None, None).len(), 2);
        let frame: Value = serde_json::from_str(log.lines[0].frame.as_str()).unwrap();
        assert_eq!(frame["path"], "flog");
        let data: Value = serde_json::from_str(frame["data"].as_str().unwrap()).unwrap();
        assert_eq!(
            data,
            json!({"opId":"a","group":"a","type":"container","timestamp":1000,"message":"a1\n"})
        );
    }

    #[test]
    fn strings_are_escaped_as_json_does() {
        for s in [
            "plain",
            "quote \" back \\ slash",
            "\x1b[32mgreen\x1b[0m\n",
            "tab\tcr\r\u{7}\u{8}\u{c}",
            "ünï 日本",
        ] {
            let mut out = String::new();
            push_json_str(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn result_times_have_nanoseconds() {
        let t = nanos_time(1_700_000_000_123);
        assert!(t.starts_with("2023-11-14T22:13:20.123"), "{t}");
        assert_eq!(t.len(), "2023-11-14T22:13:20.123456789Z".len());
    }
}
