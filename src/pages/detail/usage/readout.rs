//! The exact figures at the hovered (or keyboard-chosen) time, for every line of a chart.

use super::chart::Plot;
use crate::domain::usage::format::{clock, describe};
use crate::domain::usage::metric::{nearest_in, Metric};
use leptos::prelude::*;

#[component]
pub fn Readout(id: String, metric: Metric, plot: Plot) -> impl IntoView {
    let (index, model, range, all) = (plot.index, plot.model, plot.range, plot.all);
    let rows = move || {
        let t = model.cursor.get()?;
        let gap = range.get().gap_ms();
        let offset = super::chart::offset_ms();
        all.with(|a| {
            let c = a.get(index)?;
            let (t0, t1) = (c.scale.t0, c.scale.t1);
            let items: Vec<_> = c
                .lines
                .iter()
                .map(|l| {
                    let name = model.series_name(&l.key.job, &l.key.op);
                    let restarted = l.restarts.iter().any(|r| (r - t).abs() <= gap);
                    let near = model.held.with(|h| {
                        let line = h.derived.get(&l.key)?.line(metric);
                        nearest_in(line, t, gap, t0, t1)
                    });
                    let text = match near {
                        None => "no sample".to_string(),
                        Some(p) => describe(metric, p.v, p.a, p.b),
                    };
                    (l.i, name, text, restarted)
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
