//! A job's status as the detail page shows it: each op's state and exit code, from the
//! node's `/info` frames while it runs and from its result after it ended.

use serde_json::Value;

use crate::api::node::info::{JobInfo, NodeEndpoint};
use crate::api::node::result::JobResult;
use crate::domain::words::count_of;

/// How a state is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    /// Not started yet, or starting.
    Waiting,
    Running,
    /// Ended well.
    Done,
    Failed,
    /// Stopped on purpose.
    Stopped,
    Unknown,
}

impl Tone {
    /// For a CSS class: `waiting`, `running`, `done`, `failed`, `stopped`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Waiting => "waiting",
            Tone::Running => "running",
            Tone::Done => "done",
            Tone::Failed => "failed",
            Tone::Stopped => "stopped",
            Tone::Unknown => "unknown",
        }
    }
}

/// A node or result status word as people read it, and its tone. Unknown words are shown
/// as sent.
pub fn status_label(status: &str) -> (String, Tone) {
    let s = status.trim().to_ascii_lowercase();
    let (label, tone) = match s.as_str() {
        "init" | "pending" | "waiting" | "queued" => ("Waiting", Tone::Waiting),
        "starting" | "pulling" => ("Starting", Tone::Waiting),
        "running" => ("Running", Tone::Running),
        "restarting" => ("Restarting", Tone::Running),
        "stopping" => ("Stopping", Tone::Running),
        "stopped" => ("Stopped", Tone::Stopped),
        "finished" | "success" | "completed" | "done" => ("Finished", Tone::Done),
        "failed" | "failure" | "error" => ("Failed", Tone::Failed),
        "" => ("Unknown", Tone::Unknown),
        _ => return (status.trim().to_string(), Tone::Unknown),
    };
    (label.to_string(), tone)
}

/// `Exit code 0`, `Exit code 137 (killed)`, `Exit code 143 (terminated)`; empty when unknown.
pub fn exit_code_text(code: Option<i64>) -> String {
    match code {
        None => String::new(),
        Some(c) => {
            let why = match c {
                137 => " (killed)",
                143 => " (terminated)",
                139 => " (crashed: segmentation fault)",
                126 => " (command cannot run)",
                127 => " (command not found)",
                _ => "",
            };
            format!("Exit code {c}{why}")
        }
    }
}

/// One op on the status panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpRow {
    pub op: String,
    pub group: Option<String>,
    /// The status as sent, e.g. `running`.
    pub status: String,
    pub label: String,
    pub tone: Tone,
    pub exit_code: Option<i64>,
    /// `exit_code_text` of the code.
    pub exit_text: String,
    /// Errors and Docker diagnostics in plain words (out of memory, restarts, health).
    pub notes: Vec<String>,
}

/// The ops of an `/info` frame, in the node's order. A non-zero exit code fails only an op
/// that says it finished.
pub fn ops_from_info(info: &JobInfo) -> Vec<OpRow> {
    info.op_states
        .iter()
        .map(|op| {
            let mut notes = error_notes(&op.errors);
            notes.extend(diagnostic_notes(&op.diagnostics));
            let fields = OpFields {
                op: &op.operation_id,
                group: &op.group,
                status: &op.status,
                exit_code: op.exit_code,
            };
            fields.row(|tone| tone == Tone::Done, notes)
        })
        .collect()
}

/// The ops of an ended job's result. A non-zero exit code fails every op not stopped on purpose.
pub fn ops_from_result(result: &JobResult) -> Vec<OpRow> {
    result
        .ops
        .iter()
        .map(|op| {
            let notes = op
                .errors
                .iter()
                .map(|e| {
                    if e.event.is_empty() {
                        e.message.clone()
                    } else {
                        format!("{}: {}", e.event, e.message)
                    }
                })
                .collect();
            let fields = OpFields {
                op: &op.operation_id,
                group: &op.group,
                status: &op.status,
                exit_code: op.exit_code,
            };
            fields.row(|tone| tone != Tone::Stopped, notes)
        })
        .collect()
}

/// What a live op and a result op both say about themselves.
struct OpFields<'a> {
    op: &'a str,
    group: &'a Option<String>,
    status: &'a str,
    exit_code: Option<i64>,
}

impl OpFields<'_> {
    /// The row; `fails_on_exit` says which tones a non-zero exit code turns into `Failed`.
    fn row(self, fails_on_exit: impl Fn(Tone) -> bool, notes: Vec<String>) -> OpRow {
        let (label, mut tone) = status_label(self.status);
        if self.exit_code.is_some_and(|c| c != 0) && fails_on_exit(tone) {
            tone = Tone::Failed;
        }
        OpRow {
            op: self.op.to_string(),
            group: self.group.clone(),
            status: self.status.to_string(),
            label,
            tone,
            exit_code: self.exit_code,
            exit_text: exit_code_text(self.exit_code),
            notes,
        }
    }
}

/// Error entries of any shape (`[{event, message}]`, `["text"]`, a string) as lines.
pub fn error_notes(errors: &Value) -> Vec<String> {
    match errors {
        Value::Null => Vec::new(),
        Value::String(s) if s.trim().is_empty() => Vec::new(),
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items.iter().flat_map(error_notes).collect(),
        Value::Object(o) => {
            let text = |k: &str| o.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
            match (text("event"), text("message").or_else(|| text("error"))) {
                (Some(e), Some(m)) => vec![format!("{e}: {m}")],
                (None, Some(m)) => vec![m.to_string()],
                (Some(e), None) => vec![e.to_string()],
                (None, None) if o.is_empty() => Vec::new(),
                (None, None) => vec![errors.to_string()],
            }
        }
        other => vec![other.to_string()],
    }
}

/// Docker state worth saying: killed for memory, restarts, failing health checks.
pub fn diagnostic_notes(d: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if d.get("OOMKilled").and_then(Value::as_bool) == Some(true) {
        out.push("Killed: out of memory".to_string());
    }
    if let Some(n) = d
        .get("RestartCount")
        .and_then(Value::as_u64)
        .filter(|n| *n > 0)
    {
        out.push(format!("Restarted {}", count_of(n, "time")));
    }
    if let Some(e) = d
        .get("Error")
        .and_then(Value::as_str)
        .filter(|e| !e.is_empty())
    {
        out.push(e.to_string());
    }
    if let Some(h) = d.get("Health").and_then(Value::as_object) {
        if let Some(s) = h.get("Status").and_then(Value::as_str) {
            if s != "healthy" && !s.is_empty() {
                let streak = h.get("FailingStreak").and_then(Value::as_u64).unwrap_or(0);
                out.push(if streak > 0 {
                    format!("Health: {s} ({streak} failed checks in a row)")
                } else {
                    format!("Health: {s}")
                });
            }
        }
    }
    out
}

/// An endpoint on the panel: up, down or unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    Up,
    Down,
    Unknown,
}

impl Health {
    pub fn parse(status: &str) -> Health {
        match status.trim().to_ascii_uppercase().as_str() {
            "ONLINE" | "UP" | "HEALTHY" => Health::Up,
            "OFFLINE" | "DOWN" | "UNHEALTHY" => Health::Down,
            _ => Health::Unknown,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Health::Up => "Up",
            Health::Down => "Down",
            Health::Unknown => "Unknown",
        }
    }
}

/// The endpoints an `/info` frame names for `job`, with their health.
pub fn endpoints(info: &JobInfo, job: &str) -> Vec<(NodeEndpoint, Health)> {
    info.endpoints(job)
        .into_iter()
        .map(|e| {
            let h = Health::parse(&e.status);
            (e, h)
        })
        .collect()
}
