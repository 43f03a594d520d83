//! Every job's lines merged into one time-ordered list, and the rows the filter lets through.
//!
//! Rows refer to lines by (job, absolute position), so a row costs 16 bytes. Live lines
//! arriving in order are inserted by binary search near the end: O(log n) plus the few rows
//! after them, never a re-sort of 100k rows. A replay out of order, a result replacing a
//! job's lines, or the cap dropping old lines rebuild in O(n) (k sorted runs merged).

use crate::api::node::flog::TaskLog;
use crate::api::node::result::JobResult;

use super::filter::{LogFilter, Matcher};
use super::job_log::{JobLog, Pushed, DEFAULT_CAP};
use super::line::{LineId, LogLine};

/// A reference to one line: the job's index and the line's absolute position in that job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Row {
    pub job: u16,
    pub pos: u64,
}

/// All the log lines of one deployment's jobs.
#[derive(Debug, Clone)]
pub struct LogStore {
    jobs: Vec<JobLog>,
    cap: usize,
    merged: Vec<Row>,
    visible: Vec<Row>,
    matcher: Matcher,
    version: u64,
    /// Changes when rows may refer to other lines than before (a rebuild): a view that
    /// keeps drawn rows by `Row` must forget them then.
    layout: u64,
}

impl Default for LogStore {
    fn default() -> Self {
        LogStore::new(DEFAULT_CAP)
    }
}

impl LogStore {
    /// `cap` lines are kept per job.
    pub fn new(cap: usize) -> LogStore {
        LogStore {
            jobs: Vec::new(),
            cap,
            merged: Vec::new(),
            visible: Vec::new(),
            matcher: LogFilter::default().matcher(),
            version: 0,
            layout: 0,
        }
    }

    /// The job's index (its replica number - 1), adding it on first sight. Add jobs in the
    /// order they should be numbered.
    pub fn add_job(&mut self, job: &str) -> u16 {
        if let Some(i) = self.job_index(job) {
            return i;
        }
        let i = u16::try_from(self.jobs.len()).unwrap_or(u16::MAX);
        self.jobs.push(JobLog::new(job, i, self.cap));
        i
    }

    pub fn job_index(&self, job: &str) -> Option<u16> {
        self.jobs
            .iter()
            .position(|j| &*j.job == job)
            .and_then(|i| u16::try_from(i).ok())
    }

    pub fn jobs(&self) -> &[JobLog] {
        &self.jobs
    }

    pub fn job(&self, index: u16) -> Option<&JobLog> {
        self.jobs.get(usize::from(index))
    }

    /// Changes whenever a row was added, removed or updated in place: redraw then.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// See the `layout` field: changes on every rebuild.
    pub fn layout(&self) -> u64 {
        self.layout
    }

    /// The `i`th shown row's reference.
    pub fn visible_row(&self, i: usize) -> Option<Row> {
        self.visible.get(i).copied()
    }

    /// A row's ordering key: (timestamp, job, push order). Keys stay valid across drops
    /// and rebuilds, unlike rows: a view anchors its scroll position on one.
    pub fn row_key(&self, row: Row) -> Option<(i64, u16, u64)> {
        self.line(row).map(|l| (l.timestamp, row.job, l.seq))
    }

    /// The index in the shown rows of the first row at or after `key`. O(log n).
    pub fn visible_index_of(&self, key: (i64, u16, u64)) -> usize {
        self.visible.partition_point(|r| self.key(*r) < key)
    }

    /// Every op id of every job, sorted, once each (for the op menu).
    pub fn ops(&self) -> Vec<String> {
        let mut ops: Vec<String> = self
            .jobs
            .iter()
            .flat_map(|j| j.ops().iter().map(|o| o.to_string()))
            .collect();
        ops.sort();
        ops.dedup();
        ops
    }

    /// See `JobLog::reconnected`.
    pub fn reconnected(&mut self, job: u16) {
        if let Some(j) = self.jobs.get_mut(usize::from(job)) {
            j.reconnected();
        }
    }

    /// Adds a batch of socket frames of one job (batch them per animation frame).
    pub fn push_live(&mut self, job: u16, logs: &[TaskLog]) -> Pushed {
        let Some(log) = self.jobs.get_mut(usize::from(job)) else {
            return Pushed::default();
        };
        let before_end = log.positions().end;
        let pushed = log.push_live(logs);
        if pushed.added == 0 && pushed.updated == 0 && pushed.dropped == 0 {
            return pushed;
        }
        self.version += 1;
        if pushed.reordered {
            self.rebuild();
            return pushed;
        }
        if pushed.dropped > 0 {
            let start = self.jobs[usize::from(job)].positions().start;
            let stale = |r: &Row| r.job == job && r.pos < start;
            self.merged.retain(|r| !stale(r));
            self.visible.retain(|r| !stale(r));
        }
        let range = self.jobs[usize::from(job)].positions();
        for pos in before_end.max(range.start)..range.end {
            self.insert(Row { job, pos });
        }
        pushed
    }

    /// The job's result replaces its live lines.
    pub fn set_result(&mut self, job: u16, result: &JobResult) {
        if let Some(j) = self.jobs.get_mut(usize::from(job)) {
            j.set_result(result);
            self.version += 1;
            self.rebuild();
        }
    }

    /// Several results at once (a page of ended jobs): one rebuild instead of one per job.
    pub fn set_results<'a>(&mut self, results: impl IntoIterator<Item = (u16, &'a JobResult)>) {
        let mut any = false;
        for (job, result) in results {
            if let Some(j) = self.jobs.get_mut(usize::from(job)) {
                j.set_result(result);
                any = true;
            }
        }
        if any {
            self.version += 1;
            self.rebuild();
        }
    }

    /// A new filter: O(n) over every row.
    /// The permalinked `line` is not a filter: changing only it costs nothing.
    pub fn set_filter(&mut self, filter: &LogFilter) {
        let same = LogFilter {
            line: filter.line.clone(),
            ..self.matcher.filter().clone()
        };
        if same == *filter {
            return;
        }
        self.matcher = filter.matcher();
        self.refilter();
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Every row, filtered or not.
    pub fn total_len(&self) -> usize {
        self.merged.len()
    }

    /// Rows the filter shows.
    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// The `i`th shown row.
    pub fn visible_line(&self, i: usize) -> Option<&LogLine> {
        self.visible.get(i).and_then(|r| self.line(*r))
    }

    /// The shown rows in `range` (clamped): what a virtualised list renders.
    pub fn visible_lines(
        &self,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = &LogLine> + '_ {
        let end = range.end.min(self.visible.len());
        let start = range.start.min(end);
        self.visible[start..end]
            .iter()
            .filter_map(|r| self.line(*r))
    }

    /// Every shown line, in order (for the download).
    pub fn all_visible(&self) -> impl Iterator<Item = &LogLine> + '_ {
        self.visible.iter().filter_map(|r| self.line(*r))
    }

    /// The shown row index of a permalinked line. O(n).
    pub fn find_visible(&self, id: &LineId) -> Option<usize> {
        self.visible
            .iter()
            .position(|r| self.line(*r).is_some_and(|l| id.matches(l)))
    }

    /// Older lines dropped by the cap, all jobs together.
    pub fn dropped(&self) -> u64 {
        self.jobs.iter().map(JobLog::dropped).sum()
    }

    pub fn line(&self, row: Row) -> Option<&LogLine> {
        self.jobs.get(usize::from(row.job))?.get(row.pos)
    }

    fn key(&self, row: Row) -> (i64, u16, u64) {
        match self.line(row) {
            Some(l) => (l.timestamp, row.job, l.seq),
            None => (i64::MIN, row.job, 0),
        }
    }

    fn insert(&mut self, row: Row) {
        let key = self.key(row);
        let at = self.position(&self.merged, key);
        self.merged.insert(at, row);
        if self.line(row).is_some_and(|l| self.matcher.matches(l)) {
            let at = self.position(&self.visible, key);
            self.visible.insert(at, row);
        }
    }

    /// Where a key goes in a sorted row list; checks the end first (the usual case).
    fn position(&self, rows: &[Row], key: (i64, u16, u64)) -> usize {
        match rows.last() {
            None => 0,
            Some(&last) if self.key(last) <= key => rows.len(),
            _ => rows.partition_point(|r| self.key(*r) <= key),
        }
    }

    fn rebuild(&mut self) {
        let mut rows: Vec<Row> = Vec::with_capacity(self.jobs.iter().map(JobLog::len).sum());
        for (i, j) in self.jobs.iter().enumerate() {
            let job = u16::try_from(i).unwrap_or(u16::MAX);
            rows.extend(j.positions().map(|pos| Row { job, pos }));
        }
        // Each job's rows are one sorted run: the stable sort merges k runs in O(n log k).
        rows.sort_by_key(|r| self.key(*r));
        self.merged = rows;
        self.layout += 1;
        self.refilter();
    }

    fn refilter(&mut self) {
        self.visible = self
            .merged
            .iter()
            .copied()
            .filter(|r| self.line(*r).is_some_and(|l| self.matcher.matches(l)))
            .collect();
        self.version += 1;
    }
}
