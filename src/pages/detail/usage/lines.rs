//! The four charts' lines over the chosen window, shared by the charts, the read-out and the
//! table. Each series' lines are derived as samples arrive (`Held::derived`); here each line
//! keeps a `Trace` (its thinned path, column by column), so a live sample changes the last
//! column of each path and the transforms that place them, not every point.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::model::{now_ms, Model};
use crate::domain::usage::chart::{top, Scale};
use crate::domain::usage::held::SeriesKey;
use crate::domain::usage::metric::{Metric, Point};
use crate::domain::usage::range::Range;
use crate::domain::usage::thin::Trace;
use leptos::prelude::*;

/// One line of a chart as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct LineView {
    /// Its colour and place in the legend.
    pub i: usize,
    pub key: SeriesKey,
    /// The path in the trace's coordinates (the same text, shared, while it is unchanged),
    /// and the transform to pixels.
    pub d: Arc<str>,
    pub transform: String,
    /// Restarts within the window.
    pub restarts: Vec<i64>,
    /// The newest point within the window.
    pub last: Option<Point>,
}

/// One chart's lines and scale.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLines {
    pub metric: Metric,
    pub lines: Vec<LineView>,
    pub scale: Scale,
    /// Memory: the largest limit, drawn as a line.
    pub limit: Option<f64>,
}

pub fn derive(model: Model, range: Memo<Range>) -> Memo<Vec<ChartLines>> {
    // Each line's trace, and its path as last written with the trace's change count then.
    let traces = StoredValue::new(BTreeMap::<(SeriesKey, usize), (Trace, u64, Arc<str>)>::new());
    // Always "changed": the window moves with every sample; the charts compare the parts.
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
                let mut keys: Vec<&SeriesKey> = h.derived.keys().collect();
                keys.sort_by_key(|k| (order.iter().position(|j| *j == k.job), k.op.clone()));
                let col_ms = Scale {
                    t0: start,
                    t1: end,
                    vmax: 1.0,
                    width,
                }
                .col_ms();
                traces
                    .try_update_value(|tr| {
                        tr.retain(|(k, _), _| h.derived.contains_key(k));
                        Metric::ALL
                            .into_iter()
                            .map(|metric| {
                                let mut most = 0.0f64;
                                let mut anchors = Vec::with_capacity(keys.len());
                                let mut lines: Vec<LineView> = keys
                                    .iter()
                                    .enumerate()
                                    .map(|(i, k)| {
                                        let derived = &h.derived[*k];
                                        let line = derived.line(metric);
                                        let (trace, written, d) = tr
                                            .entry(((*k).clone(), metric.index()))
                                            .or_insert_with(|| {
                                                (Trace::default(), u64::MAX, Arc::from(""))
                                            });
                                        trace.sync(line, derived.epoch, col_ms, start);
                                        trace.drop_before(start);
                                        if *written != trace.changes {
                                            *written = trace.changes;
                                            *d = Arc::from(trace.d());
                                        }
                                        most = most.max(trace.max());
                                        anchors.push(trace.anchor);
                                        let in_window = |t: i64| (start..=end).contains(&t);
                                        LineView {
                                            i,
                                            key: (*k).clone(),
                                            d: d.clone(),
                                            transform: String::new(),
                                            restarts: line
                                                .restarts
                                                .iter()
                                                .copied()
                                                .filter(|t| in_window(*t))
                                                .collect(),
                                            last: line.last().copied().filter(|p| in_window(p.t)),
                                        }
                                    })
                                    .collect();
                                let limit = (metric == Metric::Memory)
                                    .then(|| {
                                        lines
                                            .iter()
                                            .filter_map(|l| l.last.map(|p| p.a))
                                            .fold(0.0, f64::max)
                                    })
                                    .filter(|l| *l > 0.0);
                                let scale = Scale {
                                    t0: start,
                                    t1: end,
                                    vmax: top([most].into_iter().chain(limit)),
                                    width,
                                };
                                for (l, anchor) in lines.iter_mut().zip(anchors) {
                                    l.transform = scale.transform(anchor);
                                }
                                ChartLines {
                                    metric,
                                    lines,
                                    scale,
                                    limit,
                                }
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            })
        },
        |_, _| true,
    )
}
