//! The parts of a chart's SVG around its lines. Each follows only what it draws, so a live
//! sample that moves the window touches the time labels and marks, not the value grid.

use super::chart::{colour, offset_ms, Plot};
use crate::domain::usage::chart::{
    time_ticks, value_ticks, Scale, HEIGHT, PAD_BOTTOM, PAD_LEFT, PAD_TOP,
};
use crate::domain::usage::format::{clock, figure, tick};
use crate::domain::usage::held::SeriesKey;
use crate::domain::usage::metric::{nearest_in, Metric};
use crate::domain::usage::range::Range;
use leptos::prelude::*;

const BOTTOM: f64 = HEIGHT - PAD_BOTTOM;

/// A vertical mark at time `t` from `y1` to `y2`, moving with the window.
#[component]
fn TimeMark(class: &'static str, t: i64, y1: f64, y2: f64, scale: Memo<Scale>) -> impl IntoView {
    view! { <line class=class x1=move || scale.get().x(t) x2=move || scale.get().x(t) y1=y1 y2=y2 /> }
}

/// Horizontal value lines with their labels, and the memory limit; redrawn only when the
/// axis maximum or the width changes.
#[component]
pub fn ValueGrid(plot: Plot, scale: Memo<Scale>) -> impl IntoView {
    let Plot { index, all, .. } = plot;
    let width = Memo::new(move |_| scale.get().width);
    let vmax = Memo::new(move |_| scale.get().vmax);
    let limit = Memo::new(move |_| all.with(|a| a.get(index).and_then(|c| c.limit)));
    let at = move || Scale {
        vmax: vmax.get(),
        width: width.get(),
        ..scale.get_untracked()
    };
    let grid = move || {
        let s = at();
        value_ticks(s.vmax)
            .into_iter()
            .map(|v| {
                let y = format!("{:.1}", s.y(v));
                view! {
                    <line
                        class="usage-grid"
                        x1=PAD_LEFT
                        x2=s.width - 8.0
                        y1=y.clone()
                        y2=y.clone()
                    />
                    <text class="usage-tick" x=PAD_LEFT - 6.0 y=y dy="0.32em" text-anchor="end">
                        {tick(v)}
                    </text>
                }
            })
            .collect_view()
    };
    let limit_view = move || {
        let l = limit.get()?;
        let s = at();
        let y = s.y(l);
        Some(view! {
            <line class="usage-limit" x1=PAD_LEFT x2=s.width - 8.0 y1=y y2=y />
            <text class="usage-tick" x=s.width - 10.0 y=y + 12.0 text-anchor="end">
                {format!("limit {}", figure(Metric::Memory, l))}
            </text>
        })
    };
    view! {
        {grid}
        <line class="usage-axis" x1=PAD_LEFT x2=move || width.get() - 8.0 y1=BOTTOM y2=BOTTOM />
        {limit_view}
    }
}

/// Round local times along the bottom axis.
#[component]
pub fn TimeTicks(range: Memo<Range>, scale: Memo<Scale>) -> impl IntoView {
    let offset = offset_ms();
    let ticks = Memo::new(move |_| {
        let s = scale.get();
        time_ticks(s.t0, s.t1, range.get().tick_ms(), offset)
    });
    view! {
        <For each=move || ticks.get() key=|t| *t let:t>
            <TimeMark class="usage-grid" t=t y1=BOTTOM y2=BOTTOM + 4.0 scale=scale />
            <text class="usage-tick" x=move || scale.get().x(t) y=HEIGHT - 6.0 text-anchor="middle">
                {clock(t, offset, false)}
            </text>
        </For>
    }
}

/// A mark where a container restarted (a counter dropped).
#[component]
pub fn RestartMarks(plot: Plot, scale: Memo<Scale>) -> impl IntoView {
    let Plot { index, all, .. } = plot;
    let restarts = Memo::new(move |_| {
        all.with(|a| {
            a.get(index)
                .map(|c| {
                    c.lines
                        .iter()
                        .flat_map(|l| l.restarts.iter().copied())
                        .collect()
                })
                .unwrap_or_else(Vec::<i64>::new)
        })
    });
    view! {
        <For each=move || restarts.get() key=|t| *t let:t>
            <TimeMark class="usage-restart" t=t y1=PAD_TOP y2=BOTTOM scale=scale />
        </For>
    }
}

/// The hovered time: a vertical line and a dot on every line's nearest sample.
#[component]
pub fn Crosshair(
    plot: Plot,
    scale: Memo<Scale>,
    keys: Memo<Vec<(usize, SeriesKey)>>,
) -> impl IntoView {
    let Plot {
        index,
        model,
        range,
        ..
    } = plot;
    move || {
        let t = model.cursor.get()?;
        let s = scale.get();
        let x = s.x(t);
        let gap = range.get().gap_ms();
        let metric = Metric::ALL[index];
        let dots = keys
            .get()
            .into_iter()
            .filter_map(|(i, k)| {
                model.held.with(|h| {
                    let line = h.derived.get(&k)?.line(metric);
                    nearest_in(line, t, gap, s.t0, s.t1).map(|p| (i, p))
                })
            })
            .map(|(i, p)| {
                view! { <circle class=colour(i) cx=s.x(p.t) cy=s.y(p.v) r="3" /> }
            })
            .collect_view();
        Some(view! {
            <line class="usage-cursor" x1=x x2=x y1=PAD_TOP y2=BOTTOM />
            {dots}
        })
    }
}
