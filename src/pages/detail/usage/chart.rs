//! One chart as SVG built by the app: value grid and labels, time labels, one line per op
//! and replica, restart marks, the memory limit, and a crosshair at the hovered time.
//! Drawn at its pixel width (SVG attributes and classes only: the CSP allows no inline
//! style). Pointer and arrow keys move the shared cursor; the read-out says the figures.

use super::lines::ChartLines;
use super::model::Model;
use super::readout::Readout;
use crate::domain::usage::chart::{value_ticks, HEIGHT, PAD_BOTTOM, PAD_LEFT, PAD_TOP};
use crate::domain::usage::format::{clock, figure, tick};
use crate::domain::usage::metric::{nearest, Metric};
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
    let data = move || all.with(|a| a.get(index).cloned());
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
                {move || data().map(|c| view! { <Svg c=c model=model range=range /> })}
            </div>
            <Readout id=readout_id metric=metric index=index model=model range=range all=all />
        </figure>
    }
}

#[component]
fn Svg(c: ChartLines, model: Model, range: Memo<Range>) -> impl IntoView {
    let s = c.scale;
    let w = s.width;
    let offset = offset_ms();
    let r = range.get_untracked();
    let bottom = HEIGHT - PAD_BOTTOM;
    let grid = value_ticks(s.vmax)
        .into_iter()
        .map(|v| {
            let y = format!("{:.1}", s.y(v));
            view! {
                <line class="usage-grid" x1=PAD_LEFT x2=w - 8.0 y1=y.clone() y2=y.clone() />
                <text class="usage-tick" x=PAD_LEFT - 6.0 y=y dy="0.32em" text-anchor="end">
                    {tick(v)}
                </text>
            }
        })
        .collect_view();
    let times = crate::domain::usage::chart::time_ticks(s.t0, s.t1, r.tick_ms(), offset)
        .into_iter()
        .map(|t| {
            let x = s.x(t);
            view! {
                <line class="usage-grid" x1=x x2=x y1=bottom y2=bottom + 4.0 />
                <text class="usage-tick" x=x y=HEIGHT - 6.0 text-anchor="middle">
                    {clock(t, offset, false)}
                </text>
            }
        })
        .collect_view();
    let limit = c.limit.map(|l| {
        let y = s.y(l);
        view! {
            <line class="usage-limit" x1=PAD_LEFT x2=w - 8.0 y1=y y2=y />
            <text class="usage-tick" x=w - 10.0 y=y + 12.0 text-anchor="end">
                {format!("limit {}", figure(Metric::Memory, l))}
            </text>
        }
    });
    let lines = c
        .lines
        .iter()
        .map(|(i, _, l)| view! { <path class=super::chart::colour(*i) d=s.path(&l.runs) /> })
        .collect_view();
    let restarts = c
        .lines
        .iter()
        .flat_map(|(_, _, l)| l.restarts.iter().copied())
        .map(|t| {
            let x = s.x(t);
            view! { <line class="usage-restart" x1=x x2=x y1=PAD_TOP y2=bottom /> }
        })
        .collect_view();
    let gap = r.gap_ms();
    let points = c.lines.clone();
    let cursor = move || {
        let t = model.cursor.get()?;
        let x = s.x(t);
        let dots = points
            .iter()
            .filter_map(|(i, _, l)| nearest(l, t, gap).map(|p| (*i, p)))
            .map(|(i, p)| {
                view! { <circle class=super::chart::colour(i) cx=s.x(p.t) cy=s.y(p.v) r="3" /> }
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
            viewBox=format!("0 0 {w:.0} {HEIGHT:.0}")
            width=format!("{w:.0}")
            height=format!("{HEIGHT:.0}")
            aria-hidden="true"
            focusable="false"
        >
            {grid}
            {times}
            <line class="usage-axis" x1=PAD_LEFT x2=w - 8.0 y1=bottom y2=bottom />
            {limit}
            {lines}
            {restarts}
            {cursor}
        </svg>
    }
}
