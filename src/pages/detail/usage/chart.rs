//! One chart as SVG built by the app: value grid and labels, time labels, one line per op
//! and replica, restart marks, the memory limit, and a crosshair at the hovered time.
//! Drawn at its pixel width (SVG attributes and classes only: the CSP allows no inline
//! style). Pointer and arrow keys move the shared cursor; the read-out says the figures.
//! Each part follows only what it shows: a live sample rewrites the lines' paths and
//! transforms and moves the time labels; the grid is redrawn only for a new axis maximum.

use super::lines::ChartLines;
use super::model::Model;
use super::readout::Readout;
use super::svg_parts::{Crosshair, RestartMarks, TimeTicks, ValueGrid};
use crate::domain::usage::chart::{Scale, HEIGHT, PAD_LEFT, PAD_RIGHT};
use crate::domain::usage::held::SeriesKey;
use crate::domain::usage::metric::Metric;
use crate::domain::usage::range::Range;
use chrono::Local;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The viewer's offset from UTC, for round local times on the axis.
pub fn offset_ms() -> i64 {
    i64::from(Local::now().offset().local_minus_utc()) * 1000
}

/// What every part of one chart follows: which chart, the page's figures, the range and
/// the lines derived for all charts.
#[derive(Clone, Copy)]
pub struct Plot {
    pub index: usize,
    pub model: Model,
    pub range: Memo<Range>,
    pub all: Memo<Vec<ChartLines>>,
}

/// Series colours: eight classes whose strokes are set for light and dark in the CSS.
pub fn colour(i: usize) -> String {
    format!("usage-line c{}", i % 8)
}

#[component]
pub fn Chart(metric: Metric, plot: Plot) -> impl IntoView {
    let (index, model, range, all) = (plot.index, plot.model, plot.range, plot.all);
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
                <Svg id=id.clone() plot=plot />
            </div>
            <Readout id=readout_id metric=metric plot=plot />
        </figure>
    }
}

#[component]
fn Svg(id: String, plot: Plot) -> impl IntoView {
    let Plot { index, all, .. } = plot;
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
    let keys = Memo::new(move |_| {
        all.with(|a| {
            a.get(index)
                .map(|c| c.lines.iter().map(|l| (l.i, l.key.clone())).collect())
                .unwrap_or_else(Vec::<(usize, SeriesKey)>::new)
        })
    });
    let clip = format!("{id}-clip");
    let clip_url = format!("url(#{clip})");
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
            <ValueGrid plot=plot scale=scale />
            <TimeTicks range=plot.range scale=scale />
            <g clip-path=clip_url>
                <For each=move || keys.get() key=|k| k.clone() let:k>
                    <Path index=index i=k.0 key=k.1 all=all />
                </For>
            </g>
            <RestartMarks plot=plot scale=scale />
            <Crosshair plot=plot scale=scale keys=keys />
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
