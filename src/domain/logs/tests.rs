mod ansi;
mod display;
mod filter;
mod job_log;
mod reconnect;
mod status;
mod store;

use crate::api::node::flog::{Progress, ProgressEvent, TaskLog, TaskLogKind, TaskMessage};

/// A container line of `op` at node time `ts`.
pub(super) fn text(op: &str, ts: i64, msg: &str) -> TaskLog {
    TaskLog {
        op_id: op.into(),
        group: None,
        kind: TaskLogKind::Container,
        timestamp: ts,
        message: TaskMessage::Text(msg.into()),
    }
}

pub(super) fn system(ts: i64, kind: TaskLogKind, msg: &str) -> TaskLog {
    TaskLog {
        op_id: "system".into(),
        group: None,
        kind,
        timestamp: ts,
        message: TaskMessage::Text(msg.into()),
    }
}

pub(super) fn progress(
    op: &str,
    ts: i64,
    event: ProgressEvent,
    id: Option<&str>,
    status: Option<&str>,
    current: Option<u64>,
    total: Option<u64>,
) -> TaskLog {
    TaskLog {
        op_id: op.into(),
        group: None,
        kind: TaskLogKind::Info,
        timestamp: ts,
        message: TaskMessage::Progress(Progress {
            event,
            id: id.map(Into::into),
            status: status.map(Into::into),
            current,
            total,
        }),
    }
}
