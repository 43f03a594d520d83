//! The log pane: fixed-height rows, only those in view (plus a few) in the DOM, drawn
//! straight from the store (`paint`). Following keeps the newest line in view; scrolling up
//! pauses it, and then the line at the top stays put while lines arrive or old ones are
//! dropped.
//!
//! When it draws: scrolling, a filter or following switched on draw at the next animation
//! frame; new lines at most every `LINES_GAP_MS`. A busy job (2,000 lines a second) changes
//! every row in view each frame, and drawing a screenful sixty times a second kept the main
//! thread busy for most of every frame; ten times a second is as readable and leaves it idle.

use super::copy::copy_permalink;
use super::model::LogModel;
use super::paint::{Drawn, Pane};
use super::reveal::keep_in_view;
use super::row::ROW_HEIGHT;
use crate::domain::logs::filter::LogFilter;
use leptos::html::Div;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Draws for new lines are at least this far apart.
const LINES_GAP_MS: f64 = 100.0;

/// When the pane draws (see the module's notes).
#[derive(Default)]
struct Clock {
    scheduled: bool,
    /// A draw for new lines is waiting for `LINES_GAP_MS` to pass.
    waiting: bool,
    last: f64,
}

fn now() -> f64 {
    js_sys::Date::now()
}

impl Clock {
    /// `draw` at the next animation frame (once, however often asked before it).
    fn schedule(clock: StoredValue<Clock, LocalStorage>, draw: impl FnOnce() + 'static) {
        let already = clock.try_update_value(|c| std::mem::replace(&mut c.scheduled, true));
        if already == Some(false) {
            request_animation_frame(draw);
        }
    }

    /// `draw` for new lines: at the next frame, or once `LINES_GAP_MS` have passed since
    /// the last draw.
    fn schedule_lines(clock: StoredValue<Clock, LocalStorage>, draw: impl FnOnce() + 'static) {
        let Some((wait, waiting)) =
            clock.try_with_value(|c| (c.last + LINES_GAP_MS - now(), c.waiting))
        else {
            return;
        };
        if wait <= 0.0 {
            Clock::schedule(clock, draw);
        } else if !waiting {
            clock.update_value(|c| c.waiting = true);
            set_timeout(
                move || {
                    if clock.try_update_value(|c| c.waiting = false).is_some() {
                        Clock::schedule(clock, draw);
                    }
                },
                Duration::from_millis(wait.ceil() as u64),
            );
        }
    }
}

#[component]
pub fn Viewer(model: LogModel, filter: Memo<LogFilter>) -> impl IntoView {
    let viewport = NodeRef::<Div>::new();
    let spacer = NodeRef::<Div>::new();
    let rows = NodeRef::<Div>::new();
    let drawn = StoredValue::new_local(Drawn::default());
    let clock = StoredValue::new_local(Clock::default());

    let draw = move || {
        // A frame asked for before the view was left finds it gone.
        if clock.try_update_value(|c| c.scheduled = false).is_none() {
            return;
        }
        let (Some(vp), Some(spacer), Some(rows), Some(f)) = (
            viewport.get_untracked(),
            spacer.get_untracked(),
            rows.get_untracked(),
            filter.try_get_untracked(),
        ) else {
            return;
        };
        clock.update_value(|c| c.last = now());
        let viewport: HtmlElement = vp.into();
        let pane = Pane {
            viewport,
            spacer: spacer.into(),
            rows: rows.into(),
        };
        let painted = model.store.with_value(|store| {
            drawn.try_update_value(|d| pane.draw(d, store, &f, model, &document()))
        });
        // A permalink brings the pane into the page's view too, while the page settles.
        if painted.is_some_and(|p| p.marked_now) {
            keep_in_view(pane.viewport.clone());
        }
    };
    let schedule = move || Clock::schedule(clock, draw);
    let schedule_lines = move || Clock::schedule_lines(clock, draw);

    Effect::new(move |_| {
        model.version.track();
        if model.take_urgent() {
            schedule();
        } else {
            schedule_lines();
        }
    });
    Effect::new(move |_| {
        filter.track();
        model.following.track();
        schedule();
    });
    // A new permalink is looked for again.
    Effect::new(move |prev: Option<Option<String>>| {
        let line = filter.with(|f| f.line.clone());
        if prev.is_some_and(|p| p != line) {
            drawn.update_value(|d| {
                d.marked_found = false;
                d.clear();
            });
        }
        line
    });

    let on_scroll = move |_| {
        let Some(vp) = viewport.get_untracked() else {
            return;
        };
        let top = vp.scroll_top();
        if drawn.try_update_value(|d| d.ours.take()).flatten() == Some(top) {
            return;
        }
        let at_bottom = top + vp.client_height() >= vp.scroll_height() - ROW_HEIGHT / 2;
        if at_bottom != model.following.get_untracked() {
            model.following.set(at_bottom);
            model.unseen.set(0);
        }
        drawn.update_value(|d| d.anchor = None);
        schedule();
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-copy]").ok().flatten());
        if let Some(b) = button {
            copy_permalink(&b);
        }
    };

    view! {
        <div
            class="log-viewport"
            node_ref=viewport
            tabindex="0"
            role="region"
            aria-label="Log lines"
            on:scroll=on_scroll
            on:click=on_click
        >
            <div class="log-spacer" node_ref=spacer>
                <div class="log-rows" node_ref=rows />
            </div>
        </div>
    }
}
