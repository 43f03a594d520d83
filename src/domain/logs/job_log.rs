//! One job's lines, oldest first, at most `cap` of them (the newest are kept).

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use crate::api::node::flog::{ProgressEvent, TaskLog, TaskMessage};
use crate::api::node::result::{JobResult, ResultStream};

use super::line::{Body, LineText, LogLine, Source, Stream};
use super::progress::{ProgressKind, ProgressState};

/// Lines kept per job by default: the newest 20,000.
pub const DEFAULT_CAP: usize = 20_000;

/// What one push changed, for the merged view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pushed {
    /// New lines (at the end unless `reordered`).
    pub added: usize,
    /// Progress lines updated in place.
    pub updated: usize,
    /// Lines skipped as already seen (before a reconnect).
    pub duplicates: usize,
    /// Oldest lines dropped by the cap during this push.
    pub dropped: usize,
    /// Lines arrived out of time order (the node's replay is grouped by op) and the job's
    /// lines were re-sorted: positions changed, the merged view must be rebuilt.
    pub reordered: bool,
}

type ProgressKey = (Arc<str>, ProgressKind, String);

/// One job's buffer: at most `cap` lines (once reached, between `cap - cap/16` and `cap`,
/// the newest). Lines are sorted by `(timestamp, seq)`; positions are absolute
/// (`base + index`) so the merged view can refer to them across drops.
#[derive(Debug, Clone)]
pub struct JobLog {
    pub job: Arc<str>,
    pub replica: u16,
    lines: VecDeque<LogLine>,
    cap: usize,
    /// Absolute position of `lines[0]`.
    base: u64,
    dropped: u64,
    next_seq: u64,
    /// Newest node timestamp seen; after a reconnect only newer lines are kept.
    last_seen: Option<i64>,
    cutoff: Option<i64>,
    /// Open progress lines, by (op, kind, layer id) -> the line's sort key.
    progress: HashMap<ProgressKey, (i64, u64)>,
    has_result: bool,
    ops: Vec<Arc<str>>,
}

impl JobLog {
    pub fn new(job: &str, replica: u16, cap: usize) -> JobLog {
        JobLog {
            job: Arc::from(job),
            replica,
            lines: VecDeque::new(),
            cap: cap.max(1),
            base: 0,
            dropped: 0,
            next_seq: 0,
            last_seen: None,
            cutoff: None,
            progress: HashMap::new(),
            has_result: false,
            ops: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// How many older lines the cap dropped (shown as "N older lines not kept").
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// True once the job's result replaced its live lines (live pushes are then ignored).
    pub fn has_result(&self) -> bool {
        self.has_result
    }

    /// The op ids seen, in first-seen order.
    pub fn ops(&self) -> &[Arc<str>] {
        &self.ops
    }

    pub fn lines(&self) -> impl DoubleEndedIterator<Item = &LogLine> + ExactSizeIterator {
        self.lines.iter()
    }

    /// Absolute positions currently held: `start..end`.
    pub fn positions(&self) -> std::ops::Range<u64> {
        self.base..self.base + self.lines.len() as u64
    }

    /// The line at an absolute position, if still held. O(1).
    pub fn get(&self, pos: u64) -> Option<&LogLine> {
        let i = pos.checked_sub(self.base)?;
        self.lines.get(usize::try_from(i).ok()?)
    }

    /// Marks a new connection: the node will replay what it holds, so from now on only
    /// lines newer than the newest seen are kept. Call before the new socket's first frame.
    pub fn reconnected(&mut self) {
        self.cutoff = self.last_seen;
    }

    /// Adds a batch of frames from the socket. O(batch · log n) when in order; a batch with
    /// older lines (replay) costs one adaptive sort of this job's lines.
    pub fn push_live(&mut self, logs: &[TaskLog]) -> Pushed {
        let mut out = Pushed::default();
        if self.has_result {
            return out;
        }
        let start_len = self.lines.len();
        for log in logs {
            if self.cutoff.is_some_and(|c| log.timestamp <= c) {
                out.duplicates += 1;
                continue;
            }
            self.last_seen = Some(
                self.last_seen
                    .map_or(log.timestamp, |l| l.max(log.timestamp)),
            );
            let op = self.op(&log.op_id);
            let stream = if log.kind.is_system() {
                Stream::System
            } else {
                Stream::Stdout
            };
            let is_error = matches!(log.kind, crate::api::node::flog::TaskLogKind::Error);
            match &log.message {
                TaskMessage::Text(text) => {
                    for (n, part) in split_lines(text).enumerate() {
                        self.append(
                            op.clone(),
                            stream,
                            log.timestamp,
                            Source::Live,
                            n as u32,
                            body(part),
                            is_error,
                        );
                        out.added += 1;
                    }
                }
                TaskMessage::Unknown(json) => {
                    self.append(
                        op,
                        stream,
                        log.timestamp,
                        Source::Live,
                        0,
                        body(json),
                        is_error,
                    );
                    out.added += 1;
                }
                TaskMessage::Progress(p) => {
                    let (added, updated) = self.fold_progress(op, stream, log.timestamp, p);
                    out.added += added;
                    out.updated += updated;
                }
            }
        }
        if self.lines.len() > start_len {
            // Only the new lines and the last old one need checking.
            let from = start_len.saturating_sub(1);
            let slice = self.lines.make_contiguous();
            if !slice[from..]
                .windows(2)
                .all(|w| w[0].sort_key() <= w[1].sort_key())
            {
                // Stable and adaptive: a replay of k ops is k sorted runs, merged in O(n log k).
                slice.sort_by_key(LogLine::sort_key);
                out.reordered = true;
            }
        }
        out.dropped = self.enforce_cap();
        out
    }

    /// Replaces every live line by the job's result (stdout and stderr told apart there).
    /// Lines without a timestamp take the previous line's.
    pub fn set_result(&mut self, result: &JobResult) {
        self.base += self.lines.len() as u64;
        self.lines.clear();
        self.progress.clear();
        self.dropped = 0;
        self.has_result = true;
        let mut ordinal = 0u32;
        let mut last_ts = 0i64;
        for op_state in &result.ops {
            let op = self.op(&op_state.operation_id);
            for log in &op_state.logs {
                let ts = log.timestamp.unwrap_or(last_ts);
                last_ts = ts;
                let (stream, is_error) = match log.stream {
                    ResultStream::Stderr => (Stream::Stderr, false),
                    ResultStream::NodeErr => (Stream::System, true),
                    _ => (Stream::Stdout, false),
                };
                for part in split_lines(&log.log) {
                    self.append(
                        op.clone(),
                        stream,
                        ts,
                        Source::Result,
                        ordinal,
                        body(part),
                        is_error,
                    );
                    ordinal += 1;
                }
            }
        }
        self.lines.make_contiguous().sort_by_key(LogLine::sort_key);
        self.enforce_cap();
    }

    fn op(&mut self, id: &str) -> Arc<str> {
        if let Some(op) = self.ops.iter().find(|o| &***o == id) {
            return op.clone();
        }
        let op: Arc<str> = Arc::from(id);
        self.ops.push(op.clone());
        op
    }

    #[allow(clippy::too_many_arguments)]
    fn append(
        &mut self,
        op: Arc<str>,
        stream: Stream,
        timestamp: i64,
        source: Source,
        ordinal: u32,
        body: Body,
        is_error: bool,
    ) -> (i64, u64) {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.lines.push_back(LogLine {
            job: self.job.clone(),
            replica: self.replica,
            op,
            stream,
            timestamp,
            source,
            ordinal,
            seq,
            body,
            is_error,
        });
        (timestamp, seq)
    }

    fn find_mut(&mut self, key: (i64, u64)) -> Option<&mut LogLine> {
        let i = self.lines.partition_point(|l| l.sort_key() < key);
        self.lines.get_mut(i).filter(|l| l.sort_key() == key)
    }

    /// Returns (lines added, lines updated).
    fn fold_progress(
        &mut self,
        op: Arc<str>,
        stream: Stream,
        ts: i64,
        p: &crate::api::node::flog::Progress,
    ) -> (usize, usize) {
        let kind = if p.event.is_multi() {
            ProgressKind::Layer
        } else {
            ProgressKind::Download
        };
        match p.event {
            ProgressEvent::MultiStart => {
                // A new image pull: its layers get lines of their own.
                self.progress
                    .retain(|(o, k, _), _| !(*o == op && *k == ProgressKind::Layer));
                (0, 0)
            }
            ProgressEvent::MultiStop | ProgressEvent::Stop => {
                let keys: Vec<ProgressKey> = self
                    .progress
                    .keys()
                    .filter(|(o, k, _)| *o == op && *k == kind)
                    .cloned()
                    .collect();
                let mut updated = 0;
                for key in keys {
                    if let Some(at) = self.progress.remove(&key) {
                        if let Some(Body::Progress(state)) = self.find_mut(at).map(|l| &mut l.body)
                        {
                            state.finish();
                            updated += 1;
                        }
                    }
                }
                (0, updated)
            }
            ProgressEvent::MultiUpdate if p.id.is_none() => {
                // A pull's summary line (`Digest: ...`, `Status: ...`): plain text.
                let text = p.status.clone().unwrap_or_default();
                if text.is_empty() {
                    return (0, 0);
                }
                self.append(op, stream, ts, Source::Live, 0, body(&text), false);
                (1, 0)
            }
            ProgressEvent::Start | ProgressEvent::Update | ProgressEvent::MultiUpdate => {
                let id = if kind == ProgressKind::Layer {
                    p.id.clone().unwrap_or_default()
                } else {
                    String::new()
                };
                let key: ProgressKey = (op.clone(), kind, id.clone());
                if p.event == ProgressEvent::Start {
                    self.progress.remove(&key);
                }
                if let Some(&at) = self.progress.get(&key) {
                    if let Some(Body::Progress(state)) = self.find_mut(at).map(|l| &mut l.body) {
                        state.update(p.status.as_deref(), p.current, p.total);
                        if state.done {
                            self.progress.remove(&key);
                        }
                        return (0, 1);
                    }
                }
                let mut state = ProgressState::new(kind, id);
                state.update(p.status.as_deref(), p.current, p.total);
                let done = state.done;
                let at = self.append(
                    op,
                    stream,
                    ts,
                    Source::Live,
                    0,
                    Body::Progress(Box::new(state)),
                    false,
                );
                if !done {
                    self.progress.insert(key, at);
                }
                (1, 0)
            }
        }
    }

    /// Past the cap, drops down to `cap - cap / 16`: the merged view's O(n) compaction then
    /// runs once per `cap / 16` new lines, not once per push (at 2,000 lines/s, twice a second).
    fn enforce_cap(&mut self) -> usize {
        if self.lines.len() <= self.cap {
            return 0;
        }
        let over = self.lines.len() - (self.cap - self.cap / 16);
        if over > 0 {
            self.lines.drain(..over);
            self.base += over as u64;
            self.dropped += over as u64;
        }
        over
    }
}

fn body(text: &str) -> Body {
    Body::Text(LineText::new(text.to_string()))
}

/// The lines of one message: one trailing newline is the line's end, not an empty line.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(text);
    text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l))
}
