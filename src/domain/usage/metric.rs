//! The four charts' figures from held samples. CPU and memory are read as sent; disk and
//! network are cumulative counters, turned into rates: the difference of consecutive
//! samples over their actual spacing (intervals may be uneven). A counter that goes down
//! means the container restarted: that point has no rate (never a negative one) and is
//! marked. A spacing beyond the gap limit breaks the line instead of averaging over it.

use crate::api::node::stats::TaskStat;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    Cpu,
    Memory,
    Disk,
    Network,
}

impl Metric {
    pub const ALL: [Metric; 4] = [Metric::Cpu, Metric::Memory, Metric::Disk, Metric::Network];

    /// The place in `ALL`.
    pub fn index(self) -> usize {
        match self {
            Metric::Cpu => 0,
            Metric::Memory => 1,
            Metric::Disk => 2,
            Metric::Network => 3,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Metric::Cpu => "CPU",
            Metric::Memory => "Memory",
            Metric::Disk => "Disk",
            Metric::Network => "Network",
        }
    }

    /// The axis' unit.
    pub fn unit(self) -> &'static str {
        match self {
            Metric::Cpu => "%",
            Metric::Memory => "MB",
            Metric::Disk | Metric::Network => "MB/s",
        }
    }

    /// What the line is: for the chart's description.
    pub fn what(self) -> &'static str {
        match self {
            Metric::Cpu => "CPU use in percent of one core (over 100 on several cores)",
            Metric::Memory => "memory used in MB, against the container's limit",
            Metric::Disk => "disk reads plus writes in MB per second",
            Metric::Network => "network received plus sent in MB per second",
        }
    }

    /// The two parts a rate chart adds up, for the read-out.
    pub fn parts(self) -> Option<(&'static str, &'static str)> {
        match self {
            Metric::Disk => Some(("read", "write")),
            Metric::Network => Some(("received", "sent")),
            _ => None,
        }
    }

    fn counters(self, s: &TaskStat) -> Option<(f64, f64)> {
        match self {
            Metric::Disk => Some((s.disk_read?, s.disk_write?)),
            Metric::Network => Some((s.net_received?, s.net_sent?)),
            _ => None,
        }
    }
}

/// One point of a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub t: i64,
    /// The plotted figure (for rates: both parts added).
    pub v: f64,
    /// Rates: the two parts; memory: the limit; CPU: none.
    pub a: f64,
    pub b: f64,
}

/// A line: runs of points; a new run starts after a gap or a restart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    pub runs: Vec<Vec<Point>>,
    /// When a counter went down (the container restarted).
    pub restarts: Vec<i64>,
}

impl Line {
    pub fn points(&self) -> impl Iterator<Item = &Point> {
        self.runs.iter().flatten()
    }

    pub fn last(&self) -> Option<&Point> {
        self.runs.last().and_then(|r| r.last())
    }

    /// The part within `[start, end]`: runs cut there, emptied runs and restarts outside
    /// left out (what `line` gives for the samples of that window).
    pub fn window(&self, start: i64, end: i64) -> Line {
        let runs = self
            .runs
            .iter()
            .map(|r| {
                let from = r.partition_point(|p| p.t < start);
                let to = r.partition_point(|p| p.t <= end);
                r[from..to.max(from)].to_vec()
            })
            .filter(|r| !r.is_empty())
            .collect();
        let restarts = self
            .restarts
            .iter()
            .copied()
            .filter(|t| (start..=end).contains(t))
            .collect();
        Line { runs, restarts }
    }

    /// Drops points and restarts before `before`.
    pub fn trim(&mut self, before: i64) {
        for run in &mut self.runs {
            let cut = run.partition_point(|p| p.t < before);
            run.drain(..cut);
        }
        // Runs are in time order: when the last one empties, all do, and the next point
        // starts a new run either way.
        self.runs.retain(|r| !r.is_empty());
        self.restarts.retain(|t| *t >= before);
    }

    fn push(&mut self, p: Point, new_run: bool) {
        if new_run || self.runs.is_empty() {
            self.runs.push(Vec::new());
        }
        if let Some(run) = self.runs.last_mut() {
            run.push(p);
        }
    }
}

/// What the derivation carries from one sample to the next: the previous sample's time and
/// counters, and whether the line is broken (the next point starts a new run).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    prev: Option<(i64, Option<(f64, f64)>)>,
    broken: bool,
}

impl Default for Step {
    fn default() -> Self {
        Step {
            prev: None,
            broken: true,
        }
    }
}

impl Step {
    /// The previous sample's time, if any.
    pub fn prev_t(&self) -> Option<i64> {
        self.prev.map(|(t, _)| t)
    }

    /// Takes the next sample (newer than the previous one) into `out`; points before
    /// `start` are only used to derive the next rate, not shown.
    pub fn take(&mut self, metric: Metric, s: &TaskStat, start: i64, gap_ms: i64, out: &mut Line) {
        let gap = self.prev.is_some_and(|(pt, _)| s.timestamp - pt > gap_ms);
        if gap {
            self.broken = true;
        }
        let counters = metric.counters(s);
        let point = match metric {
            Metric::Cpu => s.cpu_percent.map(|v| Point {
                t: s.timestamp,
                v,
                a: 0.0,
                b: 0.0,
            }),
            Metric::Memory => s.memory_usage.map(|v| Point {
                t: s.timestamp,
                v,
                a: s.memory_limit.unwrap_or(0.0),
                b: 0.0,
            }),
            Metric::Disk | Metric::Network => {
                let before = self.prev.and_then(|(pt, c)| c.map(|c| (pt, c)));
                match (before, counters) {
                    (Some((pt, (pa, pb))), Some((a, b))) if !gap => {
                        if a < pa || b < pb {
                            if s.timestamp >= start {
                                out.restarts.push(s.timestamp);
                            }
                            None
                        } else if s.timestamp <= pt {
                            None
                        } else {
                            let dt = (s.timestamp - pt) as f64 / 1000.0;
                            let (ra, rb) = ((a - pa) / dt, (b - pb) / dt);
                            Some(Point {
                                t: s.timestamp,
                                v: ra + rb,
                                a: ra,
                                b: rb,
                            })
                        }
                    }
                    _ => None,
                }
            }
        };
        match point {
            Some(p) if p.t >= start => {
                out.push(p, self.broken);
                self.broken = false;
            }
            Some(_) => {}
            // No figure (first sample, restart, missing field): the line breaks here.
            None => self.broken = true,
        }
        self.prev = Some((s.timestamp, counters));
    }
}

/// The line of `metric` from samples oldest first; points before `start` are only used to
/// derive the first rate, not shown.
pub fn line(metric: Metric, samples: &[TaskStat], start: i64, gap_ms: i64) -> Line {
    let mut out = Line::default();
    let mut step = Step::default();
    for s in samples {
        step.take(metric, s, start, gap_ms, &mut out);
    }
    out
}

/// The point of `line` nearest to `t`, if one lies within `within_ms`.
pub fn nearest(line: &Line, t: i64, within_ms: i64) -> Option<Point> {
    nearest_in(line, t, within_ms, i64::MIN, i64::MAX)
}

/// As `nearest`, among the points within `[t0, t1]` (the window shown), `t` being there.
pub fn nearest_in(line: &Line, t: i64, within_ms: i64, t0: i64, t1: i64) -> Option<Point> {
    let mut best: Option<Point> = None;
    for run in &line.runs {
        let i = run.partition_point(|p| p.t < t);
        for j in [i.wrapping_sub(1), i] {
            if let Some(p) = run.get(j) {
                if (t0..=t1).contains(&p.t)
                    && (p.t - t).abs() <= within_ms
                    && best.is_none_or(|b| (p.t - t).abs() < (b.t - t).abs())
                {
                    best = Some(*p);
                }
            }
        }
    }
    best
}
