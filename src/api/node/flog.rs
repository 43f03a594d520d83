//! The `/flog` WebSocket: the handshake the client sends on `open`, and the server's frames.
//!
//! Every server frame is `{"path":"flog","data":"<json text>"}`; `data` is a TaskLog
//! `{opId, group, type, timestamp, message}`. Frames name no job: one socket per job.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{json, Value};
use std::borrow::Cow;

/// The one text frame sent on `open`. `op` narrows the stream to one op.
/// Holds the node header: never log it.
pub fn handshake(header: &str, job: &str, op: Option<&str>) -> String {
    let mut body = json!({ "jobAddress": job });
    if let Some(op) = op {
        body["opId"] = Value::String(op.to_string());
    }
    json!({ "path": "/flog", "header": header, "body": body }).to_string()
}

/// Who wrote a line: the program (`container`) or the node itself (`info`, `error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskLogKind {
    Container,
    Info,
    Error,
    /// A type this client does not know, kept as sent.
    Other(String),
}

impl TaskLogKind {
    pub fn parse(s: &str) -> TaskLogKind {
        match s {
            "container" => TaskLogKind::Container,
            "info" => TaskLogKind::Info,
            "error" => TaskLogKind::Error,
            other => TaskLogKind::Other(other.to_string()),
        }
    }

    /// The node's own lines (`info`, `error`, and unknown types).
    pub fn is_system(&self) -> bool {
        !matches!(self, TaskLogKind::Container)
    }
}

/// Which progress event a frame carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressEvent {
    /// `multi-process-bar-*`: an image pull, one bar per layer.
    MultiStart,
    MultiUpdate,
    MultiStop,
    /// `process-bar-*`: a resource download, one bar.
    Start,
    Update,
    Stop,
}

impl ProgressEvent {
    pub fn parse(s: &str) -> Option<ProgressEvent> {
        Some(match s {
            "multi-process-bar-start" => ProgressEvent::MultiStart,
            "multi-process-bar-update" => ProgressEvent::MultiUpdate,
            "multi-process-bar-stop" => ProgressEvent::MultiStop,
            "process-bar-start" => ProgressEvent::Start,
            "process-bar-update" => ProgressEvent::Update,
            "process-bar-stop" => ProgressEvent::Stop,
            _ => return None,
        })
    }

    pub fn is_multi(self) -> bool {
        matches!(
            self,
            ProgressEvent::MultiStart | ProgressEvent::MultiUpdate | ProgressEvent::MultiStop
        )
    }
}

/// A progress frame's fields, each optional: nodes differ in what they send.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub event: ProgressEvent,
    /// The layer id of an image pull update (`payload.event.id`).
    pub id: Option<String>,
    /// `payload.event.status`, e.g. `Downloading`, `Pull complete`.
    pub status: Option<String>,
    pub current: Option<u64>,
    pub total: Option<u64>,
}

/// A TaskLog's `message`.
#[derive(Debug, Clone, PartialEq)]
pub enum TaskMessage {
    /// A line (usually ending in `\n`; may hold ANSI codes).
    Text(String),
    Progress(Progress),
    /// An object of unknown shape, kept as its JSON text so it is shown, not dropped.
    Unknown(String),
}

/// One log entry from the node.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskLog {
    pub op_id: String,
    pub group: Option<String>,
    pub kind: TaskLogKind,
    /// The node's clock in ms, strictly increasing per job.
    pub timestamp: i64,
    pub message: TaskMessage,
}

/// Why a frame could not be read (the socket stays open: skip the frame).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameError {
    NotJson,
    /// Valid JSON with another `path` (not a log frame).
    OtherPath(String),
    BadData,
}

#[derive(Deserialize)]
struct Frame {
    #[serde(default)]
    path: Option<String>,
    data: Value,
}

/// Reads one server frame into a TaskLog. `data` may be JSON text (the contract) or,
/// leniently, the object itself.
///
/// At 2,000 lines a second this runs for every line: the usual frame is read straight into
/// typed fields (`Fast*`, no `Value` maps); any frame that does not fit them exactly (an odd
/// type, a duplicate key, a float timestamp) is read again the lenient way, so both give the
/// same answer.
pub fn parse_frame(text: &str) -> Result<TaskLog, FrameError> {
    fast_frame(text).unwrap_or_else(|| parse_frame_lenient(text))
}

#[derive(Deserialize)]
struct FastFrame<'a> {
    #[serde(default)]
    path: Option<Cow<'a, str>>,
    #[serde(borrow)]
    data: &'a RawValue,
}

#[derive(Deserialize)]
struct FastLog<'a> {
    #[serde(rename = "opId", default)]
    op_id: Option<String>,
    #[serde(default)]
    group: Option<String>,
    #[serde(rename = "type", default)]
    kind: Option<Cow<'a, str>>,
    #[serde(default)]
    timestamp: Option<i64>,
    #[serde(default, borrow)]
    message: Option<&'a RawValue>,
}

/// `None`: not the usual shape, read it leniently instead.
fn fast_frame(text: &str) -> Option<Result<TaskLog, FrameError>> {
    let frame: FastFrame = serde_json::from_str(text).ok()?;
    if let Some(path) = frame.path {
        if path.trim_start_matches('/') != "flog" {
            return Some(Err(FrameError::OtherPath(path.into_owned())));
        }
    }
    let raw = frame.data.get();
    let inner: Cow<str> = if raw.starts_with('"') {
        Cow::Owned(serde_json::from_str::<String>(raw).ok()?)
    } else {
        Cow::Borrowed(raw)
    };
    // A derived struct would also accept an array; only an object is a TaskLog.
    if !inner.trim_start().starts_with('{') {
        return None;
    }
    let log: FastLog = serde_json::from_str(&inner).ok()?;
    let message = match log.message.map(RawValue::get) {
        None | Some("null") => TaskMessage::Text(String::new()),
        Some(m) if m.starts_with('"') => TaskMessage::Text(serde_json::from_str(m).ok()?),
        Some(m) => message(&serde_json::from_str(m).ok()?),
    };
    Some(Ok(TaskLog {
        op_id: log.op_id.unwrap_or_else(|| "system".to_string()),
        group: log.group,
        kind: TaskLogKind::parse(log.kind.as_deref().unwrap_or("container")),
        timestamp: log.timestamp.unwrap_or(0),
        message,
    }))
}

/// `parse_frame` through `Value`: accepts every shape the contract's leniency allows.
pub fn parse_frame_lenient(text: &str) -> Result<TaskLog, FrameError> {
    let frame: Frame = serde_json::from_str(text).map_err(|_| FrameError::NotJson)?;
    if let Some(path) = frame.path.as_deref() {
        if path.trim_start_matches('/') != "flog" {
            return Err(FrameError::OtherPath(path.to_string()));
        }
    }
    let data = match frame.data {
        Value::String(s) => serde_json::from_str(&s).map_err(|_| FrameError::BadData)?,
        v @ Value::Object(_) => v,
        _ => return Err(FrameError::BadData),
    };
    task_log(&data).ok_or(FrameError::BadData)
}

/// A TaskLog from its JSON object; `None` when it is not an object.
pub fn task_log(data: &Value) -> Option<TaskLog> {
    let obj = data.as_object()?;
    let text = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
    let timestamp = obj
        .get("timestamp")
        .and_then(|t| t.as_i64().or_else(|| t.as_f64().map(|f| f as i64)))
        .unwrap_or(0);
    Some(TaskLog {
        op_id: text("opId").unwrap_or_else(|| "system".to_string()),
        group: text("group"),
        kind: TaskLogKind::parse(
            obj.get("type")
                .and_then(Value::as_str)
                .unwrap_or("container"),
        ),
        timestamp,
        message: message(obj.get("message").unwrap_or(&Value::Null)),
    })
}

fn message(m: &Value) -> TaskMessage {
    match m {
        Value::String(s) => TaskMessage::Text(s.clone()),
        Value::Null => TaskMessage::Text(String::new()),
        Value::Object(o) => match o
            .get("type")
            .and_then(Value::as_str)
            .and_then(ProgressEvent::parse)
        {
            Some(event) => TaskMessage::Progress(progress(event, o.get("payload"))),
            None => TaskMessage::Unknown(m.to_string()),
        },
        other => TaskMessage::Unknown(other.to_string()),
    }
}

fn progress(event: ProgressEvent, payload: Option<&Value>) -> Progress {
    let payload = payload.unwrap_or(&Value::Null);
    // Image pulls nest the Docker event under `payload.event`; downloads are flat.
    let inner = payload.get("event").unwrap_or(payload);
    let detail = inner.get("progressDetail").unwrap_or(inner);
    let num = |v: &Value, k: &str| {
        v.get(k)
            .and_then(|n| n.as_u64().or_else(|| n.as_f64().map(|f| f.max(0.0) as u64)))
    };
    let text = |k: &str| {
        inner.get(k).and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    };
    Progress {
        event,
        id: text("id"),
        status: text("status"),
        current: num(detail, "current").or_else(|| num(payload, "current")),
        total: num(detail, "total").or_else(|| num(payload, "total")),
    }
}
