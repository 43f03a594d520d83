//! The exact figures at the hovered (or keyboard-chosen) time, for every line of a chart.

use super::lines::ChartLines;
use super::model::Model;
use crate::domain::usage::format::{clock, describe};
use crate::domain::usage::metric::{nearest, Metric};
use crate::domain::usage::range::Range;
use leptos::prelude::*;

#[component]
pub fn Readout(
    id: String,
    metric: Metric,
    index: usize,
    model: Model,
    range: Memo<Range>,
    all: Memo<Vec<ChartLines>>,
) -> impl IntoView {
    let rows = move || {
        let t = model.cursor.get()?;
        let gap = range.get().gap_ms();
        let offset = super::chart::offset_ms();
        all.with(|a| {
            let c = a.get(index)?;
            let items: Vec<_> = c
                .lines
                .iter()
                .map(|(i, key, l)| {
                    let name = model.series_name(&key.job, &key.op);
                    let restarted = l.restarts.iter().any(|r| (r - t).abs() <= gap);
                    let text = match nearest(l, t, gap) {
                        None => "no sample".to_string(),
                        Some(p) => describe(metric, p.v, p.a, p.b),
                    };
                    (*i, name, text, restarted)
                })
                .collect();
            Some((clock(t, offset, true), items))
        })
    };
    view! {
        <div id=id class="usage-readout" aria-live="polite">
            {move || match rows() {
                None => {
                    view! {
                        <p class="muted">
                            "Point at the chart, or focus it and use the arrow keys, for exact values."
                        </p>
                    }
                        .into_any()
                }
                Some((at, items)) => {
                    view! {
                        <p class="usage-readout-time">{format!("At {at}")}</p>
                        <ul class="usage-readout-list">
                            {items
                                .into_iter()
                                .map(|(i, name, text, restarted)| {
                                    view! {
                                        <li>
                                            <span
                                                class=format!("usage-key c{}", i % 8)
                                                aria-hidden="true"
                                            />
                                            {format!("{name}: {text}")}
                                            {restarted.then_some(" (the container restarted)")}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
