//! The log pane: fixed-height rows, only those in view (plus a few) in the DOM, drawn
//! straight from the store once per animation frame. Following keeps the newest line in
//! view; scrolling up pauses it, and then the line at the top stays put while lines arrive
//! or old ones are dropped.

use super::model::LogModel;
use super::row::{build, ROW_HEIGHT};
use crate::domain::logs::filter::LogFilter;
use crate::domain::logs::line::{Body, LineId};
use crate::domain::logs::store::Row;
use leptos::html::Div;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Rows drawn above and below the visible ones.
const OVERSCAN: i32 = 10;

/// What the pane keeps between draws (DOM nodes: this tab only).
#[derive(Default)]
struct Drawn {
    /// The rows in the DOM, to reuse while their line is unchanged.
    rows: HashMap<Row, Element>,
    /// The store's layout and the filter the rows were drawn for.
    layout: u64,
    filter: Option<LogFilter>,
    /// While paused: the key of the line at the top and how far it is scrolled past.
    anchor: Option<((i64, u16, u64), i32)>,
    /// The permalinked line has been found and scrolled to.
    marked_found: bool,
    scheduled: bool,
    /// A scroll we caused, not the reader.
    ours: Option<i32>,
}

#[component]
pub fn Viewer(model: LogModel, filter: Memo<LogFilter>) -> impl IntoView {
    let viewport = NodeRef::<Div>::new();
    let spacer = NodeRef::<Div>::new();
    let rows = NodeRef::<Div>::new();
    let drawn = StoredValue::new_local(Drawn::default());

    let draw = move || {
        // A frame asked for before the view was left finds it gone.
        if drawn.try_update_value(|d| d.scheduled = false).is_none() {
            return;
        }
        let (Some(vp), Some(spacer), Some(rows_el)) = (
            viewport.get_untracked(),
            spacer.get_untracked(),
            rows.get_untracked(),
        ) else {
            return;
        };
        let Some(f) = filter.try_get_untracked() else {
            return;
        };
        let following = model.following.get_untracked();
        let doc = document();
        model.store.with_value(|store| {
            let n = store.visible_len() as i32;
            let _ = HtmlElement::style(&spacer)
                .set_property("height", &format!("{}px", n * ROW_HEIGHT));
            let marked = f.line.as_deref().and_then(LineId::parse);
            drawn.update_value(|d| {
                // Rows drawn for another layout or filter (highlights, mark) are not reused.
                if d.layout != store.layout() || d.filter.as_ref() != Some(&f) {
                    d.layout = store.layout();
                    d.filter = Some(f.clone());
                    d.rows.drain().for_each(|(_, e)| e.remove());
                }
            });
            let height = vp.client_height();
            // The permalinked line: scroll to it once it is there, and stop following.
            let mut target: Option<i32> = None;
            if let Some(id) = &marked {
                if !drawn.with_value(|d| d.marked_found) {
                    if let Some(i) = store.find_visible(id) {
                        drawn.update_value(|d| {
                            d.marked_found = true;
                            d.anchor = None;
                        });
                        model.following.set(false);
                        target = Some((i as i32 * ROW_HEIGHT - height / 2).max(0));
                    }
                }
            }
            let following = following && target.is_none() && model.following.get_untracked();
            if following {
                target = Some((n * ROW_HEIGHT - height).max(0));
            } else if target.is_none() {
                if let Some((key, offset)) = drawn.with_value(|d| d.anchor) {
                    let i = store.visible_index_of(key) as i32;
                    target = Some(i * ROW_HEIGHT + offset);
                }
            }
            if let Some(t) = target {
                if t != vp.scroll_top() {
                    vp.set_scroll_top(t);
                    drawn.update_value(|d| d.ours = Some(vp.scroll_top()));
                }
            }
            let top = vp.scroll_top();
            let first = (top / ROW_HEIGHT - OVERSCAN).max(0);
            let last = ((top + height) / ROW_HEIGHT + OVERSCAN).min(n);
            let _ = HtmlElement::style(&rows_el).set_property(
                "transform",
                &format!("translateY({}px)", first * ROW_HEIGHT),
            );
            let matcher = store.matcher();
            let mut next: HashMap<Row, Element> = HashMap::new();
            let mut order: Vec<Element> = Vec::new();
            let mut old = drawn
                .try_update_value(|d| std::mem::take(&mut d.rows))
                .unwrap_or_default();
            for i in first..last {
                let Some(row) = store.visible_row(i as usize) else {
                    break;
                };
                let Some(line) = store.line(row) else {
                    continue;
                };
                let is_progress = matches!(line.body, Body::Progress(_));
                let element = match old.remove(&row) {
                    Some(e) if !is_progress => e,
                    stale => {
                        if let Some(e) = stale {
                            e.remove();
                        }
                        let is_marked = marked.as_ref().is_some_and(|m| m.matches(line));
                        build(&doc, line, matcher, is_marked)
                    }
                };
                order.push(element.clone());
                next.insert(row, element);
            }
            // Rows that stay are not moved (a focused "Copy" keeps its focus); gone ones go.
            for (_, e) in old {
                e.remove();
            }
            let mut at = rows_el.first_element_child();
            for e in order {
                if at.as_ref() == Some(&e) {
                    at = e.next_element_sibling();
                } else {
                    let _ = rows_el.insert_before(&e, at.as_ref().map(|a| a.as_ref()));
                }
            }
            // The anchor for the next draw, while paused: the line at the top.
            let anchor = if model.following.get_untracked() {
                None
            } else {
                let i = top / ROW_HEIGHT;
                store
                    .visible_row(i as usize)
                    .and_then(|r| store.row_key(r))
                    .map(|k| (k, top - i * ROW_HEIGHT))
            };
            drawn.update_value(|d| {
                d.rows = next;
                d.anchor = anchor;
            });
        });
    };

    let schedule = move || {
        let already = drawn.try_update_value(|d| std::mem::replace(&mut d.scheduled, true));
        if already == Some(false) {
            request_animation_frame(draw);
        }
    };

    // Redraw when lines arrive, the filter changes, or following is switched on.
    Effect::new(move |_| {
        model.version.track();
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
                d.rows.drain().for_each(|(_, e)| e.remove());
            });
        }
        line
    });

    let on_scroll = move |_| {
        let Some(vp) = viewport.get_untracked() else {
            return;
        };
        let top = vp.scroll_top();
        let ours = drawn.try_update_value(|d| d.ours.take()).flatten();
        if ours == Some(top) {
            return;
        }
        let at_bottom = top + vp.client_height() >= vp.scroll_height() - ROW_HEIGHT / 2;
        if at_bottom {
            if !model.following.get_untracked() {
                model.following.set(true);
                model.unseen.set(0);
            }
        } else if model.following.get_untracked() {
            model.following.set(false);
            model.unseen.set(0);
        }
        drawn.update_value(|d| d.anchor = None);
        schedule();
    };

    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Some(id) = target
            .closest("[data-copy]")
            .ok()
            .flatten()
            .and_then(|b| b.get_attribute("data-copy"))
        else {
            return;
        };
        copy_permalink(&id, &target);
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

/// Puts the line's permalink (this page, `?tab=logs&line=ID`) on the clipboard and says so
/// on the button.
fn copy_permalink(id: &str, button: &Element) {
    let Some(line) = LineId::parse(id) else {
        return;
    };
    let window = window();
    let location = window.location();
    let link = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        LogFilter::permalink(&line)
    );
    let _ = window.navigator().clipboard().write_text(&link);
    if let Some(b) = button.closest("[data-copy]").ok().flatten() {
        b.set_text_content(Some("Copied"));
        let b: Option<HtmlElement> = b.dyn_into().ok();
        set_timeout(
            move || {
                if let Some(b) = b {
                    b.set_text_content(Some("Copy"));
                }
            },
            std::time::Duration::from_millis(1500),
        );
    }
}
