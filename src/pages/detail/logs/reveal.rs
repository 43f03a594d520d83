//! A permalink opens the page with the log pane below the fold, and the fields above it
//! (cost, job status) arrive later and push it further down. So once the line is found, the
//! pane is brought into the page's view, and kept there while the page settles: until the
//! reader scrolls, clicks or types, or nothing has moved it for `SETTLED_MS`.

use leptos::ev;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::HtmlElement;

/// How long the pane must stay put before it is left alone.
const SETTLED_MS: f64 = 4_000.0;

struct Hold {
    pane: HtmlElement,
    /// The reader took over: stop.
    stop: Cell<bool>,
    /// When the pane last had to be moved back into view.
    moved_at: Cell<f64>,
    listeners: RefCell<Vec<WindowListenerHandle>>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Brings `pane` into the page's view now and after every change above it, for a while.
pub fn keep_in_view(pane: HtmlElement) {
    let hold = Rc::new(Hold {
        pane,
        stop: Cell::new(false),
        moved_at: Cell::new(now()),
        listeners: RefCell::new(Vec::new()),
    });
    hold.listeners.replace(vec![
        window_event_listener(ev::wheel, stopper(&hold)),
        window_event_listener(ev::touchstart, stopper(&hold)),
        window_event_listener(ev::keydown, stopper(&hold)),
        window_event_listener(ev::pointerdown, stopper(&hold)),
    ]);
    tick(hold);
}

/// A listener that ends the hold (the reader took over).
fn stopper<E>(hold: &Rc<Hold>) -> impl Fn(E) + 'static {
    let hold = Rc::downgrade(hold);
    move |_| {
        if let Some(h) = hold.upgrade() {
            h.stop.set(true);
        }
    }
}

fn tick(hold: Rc<Hold>) {
    let done =
        hold.stop.get() || !hold.pane.is_connected() || now() - hold.moved_at.get() > SETTLED_MS;
    if done {
        hold.listeners.take().into_iter().for_each(|l| l.remove());
        return;
    }
    if let Some(dy) = offset_from_view(&hold.pane) {
        let before = window().scroll_y().unwrap_or_default();
        window().scroll_by_with_x_and_y(0.0, dy);
        // Moved: wait for the page to settle again (a page that cannot scroll further is
        // as settled as it gets).
        if window().scroll_y().unwrap_or_default() != before {
            hold.moved_at.set(now());
        }
    }
    request_animation_frame(move || tick(hold));
}

/// How far the page must scroll to show `pane` whole (centred, or its top when it is taller
/// than the window); `None` when it is in view.
fn offset_from_view(pane: &HtmlElement) -> Option<f64> {
    let rect = pane.get_bounding_client_rect();
    let height = window().inner_height().ok()?.as_f64()?;
    let in_view = if rect.height() <= height {
        rect.top() >= 0.0 && rect.bottom() <= height
    } else {
        rect.top().abs() < 1.0
    };
    if in_view {
        return None;
    }
    let margin = ((height - rect.height()) / 2.0).max(0.0);
    Some(rect.top() - margin)
}
