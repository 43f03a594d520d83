//! The four charts' lines over the chosen window, derived once per change of the held
//! samples, the range or the width, and shared by the charts, the read-out and the table.

use super::model::{now_ms, Model};
use crate::domain::usage::chart::{top, Scale};
use crate::domain::usage::held::SeriesKey;
use crate::domain::usage::metric::{line, Line, Metric};
use crate::domain::usage::range::Range;
use leptos::prelude::*;

/// One chart's lines and scale.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLines {
    pub metric: Metric,
    pub lines: Vec<(usize, SeriesKey, Line)>,
    pub scale: Scale,
    /// Memory: the largest limit, drawn as a line.
    pub limit: Option<f64>,
}

pub fn derive(model: Model, range: Memo<Range>) -> Memo<Vec<ChartLines>> {
    // Always "changed": comparing every point would cost as much as drawing them.
    Memo::new_with_compare(
        move |_| {
            let r = range.get();
            let width = model.width.get();
            let end = now_ms();
            let start = end - r.ms();
            // Series in the replicas' order (then by op), so "Replica 1" is the first line.
            let order: Vec<String> = model
                .replicas
                .with(|r| r.iter().map(|x| x.job.clone()).collect());
            model.held.with(|h| {
                let mut keys: Vec<&SeriesKey> = h.series.keys().collect();
                keys.sort_by_key(|k| (order.iter().position(|j| *j == k.job), k.op.clone()));
                Metric::ALL
                    .into_iter()
                    .map(|metric| {
                        let lines: Vec<(usize, SeriesKey, Line)> = keys
                            .iter()
                            .enumerate()
                            .map(|(i, k)| {
                                let l = line(metric, h.window(k, start, end), start, r.gap_ms());
                                (i, (*k).clone(), l)
                            })
                            .collect();
                        let limit = (metric == Metric::Memory)
                            .then(|| {
                                lines
                                    .iter()
                                    .filter_map(|(_, _, l)| l.last().map(|p| p.a))
                                    .fold(0.0, f64::max)
                            })
                            .filter(|l| *l > 0.0);
                        let vmax = top(lines
                            .iter()
                            .flat_map(|(_, _, l)| l.points().map(|p| p.v))
                            .chain(limit));
                        ChartLines {
                            metric,
                            lines,
                            scale: Scale {
                                t0: start,
                                t1: end,
                                vmax,
                                width,
                            },
                            limit,
                        }
                    })
                    .collect()
            })
        },
        |_, _| true,
    )
}
