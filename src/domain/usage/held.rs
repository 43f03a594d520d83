//! The samples held for the charts: per job and op, oldest first, one per timestamp.
//! `/stats` answers fill the past; stream frames append. Both may overlap or arrive out of
//! order (a poll answered after a frame): a sample for a time already held replaces it.

use std::collections::BTreeMap;

use crate::api::node::stats::TaskStat;

/// One series: an op of one replica (job).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SeriesKey {
    pub job: String,
    pub op: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Held {
    pub series: BTreeMap<SeriesKey, Vec<TaskStat>>,
    /// Per job: from when on everything the node had is held (set by `/stats` answers).
    pub from_ms: BTreeMap<String, i64>,
}

impl Held {
    /// Adds samples of `job`; returns how many were new or changed.
    pub fn add(&mut self, job: &str, samples: impl IntoIterator<Item = TaskStat>) -> usize {
        let mut changed = 0;
        for s in samples {
            let key = SeriesKey {
                job: job.to_string(),
                op: s.op_id.clone(),
            };
            let list = self.series.entry(key).or_default();
            match list.last() {
                // The usual case, a live frame: append.
                Some(last) if last.timestamp < s.timestamp => list.push(s),
                None => list.push(s),
                _ => match list.binary_search_by_key(&s.timestamp, |x| x.timestamp) {
                    Ok(i) if list[i] == s => continue,
                    Ok(i) => list[i] = s,
                    Err(i) => list.insert(i, s),
                },
            }
            changed += 1;
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

    /// Drops samples older than `before_ms` (beyond the widest range).
    pub fn trim(&mut self, before_ms: i64) {
        for list in self.series.values_mut() {
            let cut = list.partition_point(|s| s.timestamp < before_ms);
            if cut > 0 {
                list.drain(..cut);
            }
        }
        for from in self.from_ms.values_mut() {
            *from = (*from).max(before_ms);
        }
    }

    /// Forgets jobs no longer running.
    pub fn keep_jobs(&mut self, jobs: &[String]) {
        self.series.retain(|k, _| jobs.contains(&k.job));
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
