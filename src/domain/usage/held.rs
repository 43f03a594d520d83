//! The samples held for the charts: per job and op, oldest first, one per timestamp.
//! `/stats` answers fill the past; stream frames append. Both may overlap or arrive out of
//! order (a poll answered after a frame): a sample for a time already held replaces it.

use std::collections::{BTreeMap, BTreeSet};

use super::metric::{Line, Metric, Step};
use super::range::GAP_MS;
use crate::api::node::stats::TaskStat;

/// One series: an op of one replica (job).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SeriesKey {
    pub job: String,
    pub op: String,
}

/// A series' four lines (in `Metric::ALL` order) over all its held samples, extended as
/// samples are appended: a live frame costs one step per line, not a re-derivation. A
/// sample that lands before the newest rebuilds that series' lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Derived {
    pub lines: [Line; 4],
    steps: [Step; 4],
    /// Changes whenever the lines are rebuilt or trimmed rather than extended, so drawings
    /// made from them know to start again.
    pub epoch: u64,
}

impl Derived {
    pub fn from_samples(samples: &[TaskStat], epoch: u64) -> Derived {
        let mut d = Derived {
            epoch,
            ..Derived::default()
        };
        for s in samples {
            d.extend(s);
        }
        d
    }

    /// Takes a sample newer than all before.
    fn extend(&mut self, s: &TaskStat) {
        for (i, m) in Metric::ALL.into_iter().enumerate() {
            self.steps[i].take(m, s, i64::MIN, GAP_MS, &mut self.lines[i]);
        }
    }

    pub fn line(&self, metric: Metric) -> &Line {
        &self.lines[metric.index()]
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Held {
    pub series: BTreeMap<SeriesKey, Vec<TaskStat>>,
    /// Per job: from when on everything the node had is held (set by `/stats` answers).
    pub from_ms: BTreeMap<String, i64>,
    /// Each series' lines, kept up to date with `series`.
    pub derived: BTreeMap<SeriesKey, Derived>,
    epochs: u64,
}

impl Held {
    /// Adds samples of `job`; returns how many were new or changed.
    pub fn add(&mut self, job: &str, samples: impl IntoIterator<Item = TaskStat>) -> usize {
        let mut changed = 0;
        let mut rebuild = BTreeSet::new();
        for s in samples {
            let key = SeriesKey {
                job: job.to_string(),
                op: s.op_id.clone(),
            };
            let list = self.series.entry(key.clone()).or_default();
            match list.last() {
                // The usual case, a live frame: append.
                Some(last) if last.timestamp < s.timestamp => {
                    if !rebuild.contains(&key) {
                        self.derived.entry(key).or_default().extend(&s);
                    }
                    list.push(s);
                }
                None => {
                    self.epochs += 1;
                    let mut d = Derived {
                        epoch: self.epochs,
                        ..Derived::default()
                    };
                    d.extend(&s);
                    self.derived.insert(key, d);
                    list.push(s);
                }
                _ => {
                    match list.binary_search_by_key(&s.timestamp, |x| x.timestamp) {
                        Ok(i) if list[i] == s => continue,
                        Ok(i) => list[i] = s,
                        Err(i) => list.insert(i, s),
                    }
                    rebuild.insert(key);
                }
            }
            changed += 1;
        }
        for key in rebuild {
            self.epochs += 1;
            let d = Derived::from_samples(&self.series[&key], self.epochs);
            self.derived.insert(key, d);
        }
        changed
    }

    /// Records that `job`'s samples from `from_ms` on are all held.
    pub fn covered(&mut self, job: &str, from_ms: i64) {
        let e = self.from_ms.entry(job.to_string()).or_insert(from_ms);
        *e = (*e).min(from_ms);
    }

    pub fn held_from(&self, job: &str) -> Option<i64> {
        self.from_ms.get(job).copied()
    }

    /// Drops samples older than `before_ms` (beyond the widest range), and the lines'
    /// points before it. (The first rate left was derived from a dropped sample; it lies
    /// before every window shown.)
    pub fn trim(&mut self, before_ms: i64) {
        for (key, list) in self.series.iter_mut() {
            let cut = list.partition_point(|s| s.timestamp < before_ms);
            if cut > 0 {
                list.drain(..cut);
                if let Some(d) = self.derived.get_mut(key) {
                    self.epochs += 1;
                    d.epoch = self.epochs;
                    for l in &mut d.lines {
                        l.trim(before_ms);
                    }
                }
            }
        }
        for from in self.from_ms.values_mut() {
            *from = (*from).max(before_ms);
        }
    }

    /// As `trim`, but only once samples reach `slack_ms` beyond: dropping the oldest sample
    /// of every series on each live frame would move all held samples each time.
    pub fn trim_lazily(&mut self, before_ms: i64, slack_ms: i64) {
        let due = self.series.values().any(|l| {
            l.first()
                .is_some_and(|s| s.timestamp < before_ms - slack_ms)
        });
        if due {
            self.trim(before_ms);
        }
    }

    /// Forgets jobs no longer running.
    pub fn keep_jobs(&mut self, jobs: &[String]) {
        self.series.retain(|k, _| jobs.contains(&k.job));
        self.derived.retain(|k, _| jobs.contains(&k.job));
        self.from_ms.retain(|j, _| jobs.contains(j));
    }

    /// The newest sample of each series of `job`.
    pub fn latest(&self, job: &str) -> Vec<(&SeriesKey, &TaskStat)> {
        self.series
            .iter()
            .filter(|(k, _)| k.job == job)
            .filter_map(|(k, v)| v.last().map(|s| (k, s)))
            .collect()
    }

    /// Samples of one series within `[start, end]`, and the one before (so a rate can be
    /// derived for the first point shown).
    pub fn window(&self, key: &SeriesKey, start: i64, end: i64) -> &[TaskStat] {
        let Some(list) = self.series.get(key) else {
            return &[];
        };
        let from = list
            .partition_point(|s| s.timestamp < start)
            .saturating_sub(1);
        let to = list.partition_point(|s| s.timestamp <= end);
        &list[from..to.max(from)]
    }

    pub fn points(&self) -> usize {
        self.series.values().map(Vec::len).sum()
    }
}
