//! Downsampling to the pixel width: a day of 5-second samples is 17,280 points per series,
//! far more than a chart's columns. Each column keeps its lowest and highest point (in time
//! order), so spikes and dips survive and a path has at most two points per column.

use super::metric::Point;

/// `runs` thinned to `columns` columns over `[t0, t1]`; runs stay apart (gaps stay gaps).
pub fn thin(runs: &[Vec<Point>], t0: i64, t1: i64, columns: usize) -> Vec<Vec<Point>> {
    let columns = columns.max(1);
    let span = (t1 - t0).max(1) as f64;
    let column = |t: i64| (((t - t0) as f64 / span) * columns as f64).floor() as i64;
    runs.iter()
        .map(|run| {
            if run.len() <= 2 * columns {
                return run.clone();
            }
            let mut out = Vec::with_capacity(2 * columns + 2);
            let mut i = 0;
            while i < run.len() {
                let c = column(run[i].t);
                let (mut lo, mut hi) = (i, i);
                let mut j = i + 1;
                while j < run.len() && column(run[j].t) == c {
                    if run[j].v < run[lo].v {
                        lo = j;
                    }
                    if run[j].v > run[hi].v {
                        hi = j;
                    }
                    j += 1;
                }
                let (first, second) = if lo <= hi { (lo, hi) } else { (hi, lo) };
                out.push(run[first]);
                if second != first {
                    out.push(run[second]);
                }
                i = j;
            }
            out
        })
        .collect()
}

/// One column of a `Trace`: its lowest and highest point (the first of equals).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bucket {
    col: i64,
    /// Its first point starts a run (the path moves there instead of drawing to it).
    new_run: bool,
    lo: Point,
    hi: Point,
}

/// A line thinned to columns of `col_ms` that stay put as time passes (whole multiples of
/// `col_ms`), with its SVG path text kept column by column. Coordinates are seconds after
/// `anchor` and the figures themselves; the chart maps them to pixels with a transform, so a
/// new sample changes only the last column's text, and a moving window or a new axis
/// maximum changes no text at all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trace {
    col_ms: i64,
    epoch: u64,
    pub anchor: i64,
    /// How much of the line is taken: runs seen, points of the last of them.
    seen: (usize, usize),
    /// The columns, oldest first; the last one may still change.
    buckets: std::collections::VecDeque<Bucket>,
    /// The text of every column but the last, and where each starts in it.
    text: String,
    starts: std::collections::VecDeque<usize>,
    /// Counts syncs and drops that may have changed the path (to skip rewriting it).
    pub changes: u64,
}

impl Trace {
    /// Brings the trace up to date with `line`: only its new points are taken unless the
    /// line was rebuilt (`epoch`) or the columns changed, then it starts again at `anchor`.
    pub fn sync(&mut self, line: &super::metric::Line, epoch: u64, col_ms: i64, anchor: i64) {
        let col_ms = col_ms.max(1);
        let (runs, last) = self.seen;
        let grown = runs <= line.runs.len()
            && (runs == 0 || line.runs.get(runs - 1).is_some_and(|r| r.len() >= last));
        if epoch != self.epoch || col_ms != self.col_ms || !grown {
            *self = Trace {
                col_ms,
                epoch,
                anchor,
                changes: self.changes + 1,
                ..Trace::default()
            };
            // Starting again: only from the column holding `anchor` (the window's start) on.
            let from = anchor.div_euclid(col_ms) * col_ms;
            for run in &line.runs {
                let skip = run.partition_point(|p| p.t < from);
                for (i, p) in run.iter().enumerate().skip(skip) {
                    self.take(*p, i == skip);
                }
            }
        } else {
            if runs > 0 {
                for p in &line.runs[runs - 1][last..] {
                    self.take(*p, false);
                }
            }
            for run in &line.runs[runs..] {
                for (i, p) in run.iter().enumerate() {
                    self.take(*p, i == 0);
                }
            }
        }
        self.seen = (line.runs.len(), line.runs.last().map_or(0, Vec::len));
    }

    fn take(&mut self, p: Point, new_run: bool) {
        self.changes += 1;
        let col = p.t.div_euclid(self.col_ms);
        if let Some(b) = self.buckets.back_mut() {
            if !new_run && b.col == col {
                if p.v < b.lo.v {
                    b.lo = p;
                }
                if p.v > b.hi.v {
                    b.hi = p;
                }
                return;
            }
            let done = *b;
            self.starts.push_back(self.text.len());
            let text = self.bucket_text(&done, new_run);
            self.text.push_str(&text);
        }
        self.buckets.push_back(Bucket {
            col,
            new_run,
            lo: p,
            hi: p,
        });
    }

    /// A column's text; `run_ends` when the next point starts a new run (or there is none),
    /// so that a run of one point gets a dash of one pixel (half a column) to show.
    fn bucket_text(&self, b: &Bucket, run_ends: bool) -> String {
        use std::fmt::Write;
        let (first, second) = if b.lo.t <= b.hi.t {
            (b.lo, b.hi)
        } else {
            (b.hi, b.lo)
        };
        let mut s = String::with_capacity(32);
        let x = |t: i64| (t - self.anchor) as f64 / 1000.0;
        let cmd = if b.new_run { 'M' } else { 'L' };
        let _ = write!(s, "{cmd}{:.1} {}", x(first.t), first.v as f32);
        if second.t != first.t {
            let _ = write!(s, "L{:.1} {}", x(second.t), second.v as f32);
        } else if b.new_run && run_ends {
            let _ = write!(s, "h{}", self.col_ms as f64 / 2000.0);
        }
        s
    }

    /// Forgets the columns before the one holding `t0` (they left the window).
    pub fn drop_before(&mut self, t0: i64) {
        let col0 = t0.div_euclid(self.col_ms.max(1));
        // The last column stays unless it left too (then nothing is shown).
        let gone = self.buckets.iter().take_while(|b| b.col < col0).count();
        if gone == 0 {
            return;
        }
        self.changes += 1;
        if gone == self.buckets.len() {
            self.buckets.clear();
            self.starts.clear();
            self.text.clear();
            return;
        }
        self.buckets.drain(..gone);
        self.starts.drain(..gone);
        let cut = self.starts.front().copied().unwrap_or(self.text.len());
        self.text.drain(..cut);
        for s in &mut self.starts {
            *s -= cut;
        }
    }

    /// The path (`M x y L x y ...`, x in seconds after `anchor`); empty for no points.
    pub fn d(&self) -> String {
        let Some(tail) = self.buckets.back() else {
            return String::new();
        };
        let mut d = String::with_capacity(self.text.len() + 40);
        d.push_str(&self.text);
        d.push_str(&self.bucket_text(tail, true));
        // The column that began this run left the window: start the path here.
        if d.starts_with('L') {
            d.replace_range(..1, "M");
        }
        d
    }

    /// The highest figure in the columns kept.
    pub fn max(&self) -> f64 {
        self.buckets.iter().map(|b| b.hi.v).fold(0.0, f64::max)
    }

    /// Columns kept (at most two points each).
    pub fn columns(&self) -> usize {
        self.buckets.len()
    }
}
