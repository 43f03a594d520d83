//! One chart as SVG built by the app: value grid and labels, time labels, one line per op
//! and replica, restart marks, the memory limit, and a crosshair at the hovered time.
//! Drawn at its pixel width (SVG attributes and classes only: the CSP allows no inline
//! style). Pointer and arrow keys move the shared cursor; the read-out says the figures.
//! Each part follows only what it shows: a live sample rewrites the lines' paths and
//! transforms and moves the time labels; the grid is redrawn only for a new axis maximum.

use super::lines::ChartLines;
use super::model::Model;
use super::readout::Readout;
use crate::domain::usage::chart::{
    time_ticks, value_ticks, Scale, HEIGHT, PAD_BOTTOM, PAD_LEFT, PAD_RIGHT, PAD_TOP,
};
use crate::domain::usage::format::{clock, figure, tick};
use crate::domain::usage::held::SeriesKey;
use crate::domain::usage::metric::{nearest_in, Metric};
use crate::domain::usage::range::Range;
use chrono::Local;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The viewer's offset from UTC, for round local times on the axis.
pub fn offset_ms() -> i64 {
    i64::from(Local::now().offset().local_minus_utc()) * 1000
}

/// Series colours: eight classes whose strokes are set for light and dark in the CSS.
pub fn colour(i: usize) -> String {
    format!("usage-line c{}", i % 8)
}

#[component]
pub fn Chart(
    metric: Metric,
    index: usize,
    model: Model,
    range: Memo<Range>,
    all: Memo<Vec<ChartLines>>,
) -> impl IntoView {
    let id = format!("usage-{}", metric.title().to_lowercase());
    let readout_id = format!("{id}-readout");
    let on_move = move |ev: web_sys::MouseEvent| {
        let Some(target) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let rect = target.get_bounding_client_rect();
        let Some(scale) = all.with_untracked(|a| a.get(index).map(|c| c.scale)) else {
            return;
        };
        if rect.width() <= 0.0 {
            return;
        }
        let x = (f64::from(ev.client_x()) - rect.left()) * scale.width / rect.width();
        model.cursor.set(Some(scale.t_at(x)));
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(scale) = all.with_untracked(|a| a.get(index).map(|c| c.scale)) else {
            return;
        };
        let step = range.get_untracked().ms() / 60;
        let at = model.cursor.get_untracked().unwrap_or(scale.t1);
        let next = match ev.key().as_str() {
            "ArrowLeft" => Some(at - step),
            "ArrowRight" => Some(at + step),
            "Home" => Some(scale.t0),
            "End" => Some(scale.t1),
            "Escape" => None,
            _ => return,
        };
        ev.prevent_default();
        model.cursor.set(next.map(|t| t.clamp(scale.t0, scale.t1)));
    };
    let label = format!(
        "{} chart: {}. Arrow keys, Home and End move the read-out below; Escape hides it.",
        metric.title(),
        metric.what()
    );
    view! {
        <figure class="usage-chart" aria-labelledby=format!("{id}-title")>
            <figcaption id=format!(
                "{id}-title",
            )>
                {metric.title()} <span class="muted">{format!(" ({})", metric.unit())}</span>
            </figcaption>
            <div
                class="usage-plot"
                tabindex="0"
                role="group"
                aria-label=label
                aria-describedby=readout_id.clone()
                on:mousemove=on_move
                on:click=on_move
                on:mouseleave=move |_| model.cursor.set(None)
                on:keydown=on_key
            >
                <Svg id=id.clone() index=index model=model range=range all=all />
            </div>
            <Readout id=readout_id metric=metric index=index model=model range=range all=all />
        </figure>
    }
}

#[component]
fn Svg(
    id: String,
    index: usize,
    model: Model,
    range: Memo<Range>,
    all: Memo<Vec<ChartLines>>,
) -> impl IntoView {
    let offset = offset_ms();
    let bottom = HEIGHT - PAD_BOTTOM;
    let fallback = Scale {
        t0: 0,
        t1: 1,
        vmax: 1.0,
        width: 600.0,
    };
    let scale = Memo::new(move |_| {
        all.with(|a| a.get(index).map(|c| c.scale))
            .unwrap_or(fallback)
    });
    let width = Memo::new(move |_| scale.get().width);
    let vmax = Memo::new(move |_| scale.get().vmax);
    let keys = Memo::new(move |_| {
        all.with(|a| {
            a.get(index)
                .map(|c| c.lines.iter().map(|l| (l.i, l.key.clone())).collect())
                .unwrap_or_else(Vec::<(usize, SeriesKey)>::new)
        })
    });
    let ticks = Memo::new(move |_| {
        let s = scale.get();
        time_ticks(s.t0, s.t1, range.get().tick_ms(), offset)
    });
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
    let limit = Memo::new(move |_| all.with(|a| a.get(index).and_then(|c| c.limit)));
    let grid = move || {
        let s = Scale {
            vmax: vmax.get(),
            width: width.get(),
            ..scale.get_untracked()
        };
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
        let w = width.get();
        let y = Scale {
            vmax: vmax.get(),
            ..scale.get_untracked()
        }
        .y(l);
        Some(view! {
            <line class="usage-limit" x1=PAD_LEFT x2=w - 8.0 y1=y y2=y />
            <text class="usage-tick" x=w - 10.0 y=y + 12.0 text-anchor="end">
                {format!("limit {}", figure(Metric::Memory, l))}
            </text>
        })
    };
    let clip = format!("{id}-clip");
    let clip_url = format!("url(#{clip})");
    let cursor = move || {
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
            <line class="usage-cursor" x1=x x2=x y1=PAD_TOP y2=bottom />
            {dots}
        })
    };
    view! {
        <svg
            class="usage-svg"
            viewBox=move || format!("0 0 {:.0} {HEIGHT:.0}", width.get())
            width=move || format!("{:.0}", width.get())
            height=format!("{HEIGHT:.0}")
            aria-hidden="true"
            focusable="false"
        >
            <defs>
                <clipPath id=clip>
                    <rect
                        x=PAD_LEFT - 2.0
                        y="0"
                        width=move || width.get() - PAD_LEFT - PAD_RIGHT + 4.0
                        height=HEIGHT
                    />
                </clipPath>
            </defs>
            {grid}
            <For each=move || ticks.get() key=|t| *t let:t>
                <line
                    class="usage-grid"
                    x1=move || scale.get().x(t)
                    x2=move || scale.get().x(t)
                    y1=bottom
                    y2=bottom + 4.0
                />
                <text
                    class="usage-tick"
                    x=move || scale.get().x(t)
                    y=HEIGHT - 6.0
                    text-anchor="middle"
                >
                    {clock(t, offset, false)}
                </text>
            </For>
            <line class="usage-axis" x1=PAD_LEFT x2=move || width.get() - 8.0 y1=bottom y2=bottom />
            {limit_view}
            <g clip-path=clip_url>
                <For each=move || keys.get() key=|k| k.clone() let:k>
                    <Path index=index i=k.0 key=k.1 all=all />
                </For>
            </g>
            <For each=move || restarts.get() key=|t| *t let:t>
                <line
                    class="usage-restart"
                    x1=move || scale.get().x(t)
                    x2=move || scale.get().x(t)
                    y1=PAD_TOP
                    y2=bottom
                />
            </For>
            {cursor}
        </svg>
    }
}

/// One line: its path and transform are written only when they changed.
#[component]
fn Path(index: usize, i: usize, key: SeriesKey, all: Memo<Vec<ChartLines>>) -> impl IntoView {
    let k = key.clone();
    let d = Memo::new_with_compare(
        move |_| {
            all.with(|a| {
                a.get(index)
                    .and_then(|c| c.lines.iter().find(|l| l.key == k))
                    .map(|l| l.d.clone())
            })
        },
        // The same text is the same `Arc`: no need to compare the text itself.
        |a, b| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => !std::sync::Arc::ptr_eq(a, b),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let transform = Memo::new(move |_| {
        all.with(|a| {
            a.get(index)
                .and_then(|c| c.lines.iter().find(|l| l.key == key))
                .map(|l| l.transform.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <path
            class=colour(i)
            d=move || d.get().map(|d| d.to_string()).unwrap_or_default()
            transform=move || transform.get()
            vector-effect="non-scaling-stroke"
        />
    }
}
