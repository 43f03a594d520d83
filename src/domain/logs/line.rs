//! One log line, whichever source it came from.

use std::sync::Arc;

use super::progress::ProgressState;

/// Where a line was written. Live lines cannot tell stdout from stderr: they are `Stdout`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stream {
    Stdout,
    Stderr,
    /// The node's own lines (`info`/`error` live, `nodeerr` in results).
    System,
}

impl Stream {
    /// As shown and downloaded: `stdout`, `stderr`, `System`.
    pub fn label(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
            Stream::System => "System",
        }
    }
}

/// Where the line came from: the clocks differ, so the two are never merged by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    Live,
    Result,
}

/// The text of a line, or a progress bar that updates in place.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Text(LineText),
    /// Boxed: most lines are text, and this keeps every line small.
    Progress(Box<ProgressState>),
}

/// A text line as sent, with its visible text cached when it differs (ANSI codes, `\r`),
/// so search and filtering never re-parse: O(1) extra memory for plain lines.
#[derive(Debug, Clone, PartialEq)]
pub struct LineText {
    pub raw: String,
    plain: Option<Box<str>>,
}

impl LineText {
    pub fn new(raw: String) -> LineText {
        let plain = match super::ansi::strip(&raw) {
            std::borrow::Cow::Borrowed(_) => None,
            std::borrow::Cow::Owned(p) => Some(p.into_boxed_str()),
        };
        LineText { raw, plain }
    }

    pub fn plain(&self) -> &str {
        self.plain.as_deref().unwrap_or(&self.raw)
    }
}

/// One row of the log view.
#[derive(Debug, Clone, PartialEq)]
pub struct LogLine {
    /// The job's address.
    pub job: Arc<str>,
    /// The job's index in the store (replica label and colour come from it).
    pub replica: u16,
    pub op: Arc<str>,
    pub stream: Stream,
    /// ms since the epoch: the node's clock (live) or the result's RFC 3339 time.
    pub timestamp: i64,
    pub source: Source,
    /// Live: the TaskLog's timestamp-unique frame's line number (a frame may hold several
    /// lines). Result: the line's position in the job's result, all ops in order.
    pub ordinal: u32,
    /// Push order within the job; breaks ties of equal timestamps.
    pub seq: u64,
    pub body: Body,
    /// For node `error` lines: shown as a system error, filtered as "Errors" too.
    pub is_error: bool,
}

impl LogLine {
    /// The raw text (ANSI codes kept). A progress line gives its current description.
    pub fn raw_text(&self) -> std::borrow::Cow<'_, str> {
        match &self.body {
            Body::Text(t) => std::borrow::Cow::Borrowed(&t.raw),
            Body::Progress(p) => std::borrow::Cow::Owned(p.describe()),
        }
    }

    /// The text as people read it: ANSI removed, `\r` overwrites applied.
    pub fn plain_text(&self) -> std::borrow::Cow<'_, str> {
        match &self.body {
            Body::Text(t) => std::borrow::Cow::Borrowed(t.plain()),
            Body::Progress(p) => std::borrow::Cow::Owned(p.describe()),
        }
    }

    /// The permalink id: stable across reloads (the node replays the same lines with the
    /// same timestamps; the result does not change).
    pub fn id(&self) -> LineId {
        LineId {
            job: short_job(&self.job).to_string(),
            source: self.source,
            key: match self.source {
                Source::Live => self.timestamp,
                Source::Result => 0,
            },
            ordinal: self.ordinal,
        }
    }

    /// The ordering key inside one job.
    pub fn sort_key(&self) -> (i64, u64) {
        (self.timestamp, self.seq)
    }
}

/// The first 8 characters of a job address: enough to tell replicas apart in a URL.
pub fn short_job(job: &str) -> &str {
    match job.char_indices().nth(8) {
        Some((i, _)) => &job[..i],
        None => job,
    }
}

/// A line's permalink id: `{job8}-{ts}-{n}` (live) or `{job8}-r{n}` (result).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LineId {
    pub job: String,
    pub source: Source,
    pub key: i64,
    pub ordinal: u32,
}

impl LineId {
    /// `None` for anything that is not an id this module wrote.
    pub fn parse(s: &str) -> Option<LineId> {
        let (job, rest) = s.split_once('-')?;
        if job.is_empty() || !job.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        if let Some(n) = rest.strip_prefix('r') {
            return Some(LineId {
                job: job.to_string(),
                source: Source::Result,
                key: 0,
                ordinal: n.parse().ok()?,
            });
        }
        let (ts, n) = rest.split_once('-')?;
        Some(LineId {
            job: job.to_string(),
            source: Source::Live,
            key: ts.parse().ok()?,
            ordinal: n.parse().ok()?,
        })
    }

    pub fn matches(&self, line: &LogLine) -> bool {
        line.id() == *self
    }
}

impl std::fmt::Display for LineId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.source {
            Source::Live => write!(f, "{}-{}-{}", self.job, self.key, self.ordinal),
            Source::Result => write!(f, "{}-r{}", self.job, self.ordinal),
        }
    }
}
