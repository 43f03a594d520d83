//! Drawing the log pane from the store: the spacer's height, the scroll position (following,
//! a permalinked line, or the line the reader had at the top), and the rows in view plus a
//! few, reusing the rows already in the DOM whose line is unchanged.

use super::model::LogModel;
use super::row::{build, ROW_HEIGHT};
use crate::domain::logs::filter::LogFilter;
use crate::domain::logs::line::{Body, LineId};
use crate::domain::logs::store::Row;
use crate::domain::logs::LogStore;
use leptos::prelude::*;
use std::collections::HashMap;
use web_sys::{Document, Element, HtmlElement};

/// Rows drawn above and below the visible ones.
const OVERSCAN: i32 = 10;

/// What the pane keeps between draws (DOM nodes: this tab only).
#[derive(Default)]
pub struct Drawn {
    /// The rows in the DOM, to reuse while their line is unchanged.
    rows: HashMap<Row, Element>,
    /// The store's layout and the filter the rows were drawn for.
    layout: u64,
    filter: Option<LogFilter>,
    /// While paused: the key of the line at the top and how far it is scrolled past.
    pub anchor: Option<((i64, u16, u64), i32)>,
    /// The permalinked line has been found and scrolled to.
    pub marked_found: bool,
    /// A scroll we caused, not the reader.
    pub ours: Option<i32>,
}

impl Drawn {
    /// Forgets the rows drawn (they are drawn again, e.g. for another permalinked line).
    pub fn clear(&mut self) {
        self.rows.drain().for_each(|(_, e)| e.remove());
    }
}

/// The pane's elements.
pub struct Pane {
    pub viewport: HtmlElement,
    pub spacer: HtmlElement,
    pub rows: HtmlElement,
}

/// What a draw found: the permalinked line was scrolled to for the first time.
pub struct Painted {
    pub marked_now: bool,
}

impl Pane {
    /// Draws `store` as `f` filters it. Stops following when a permalinked line is found.
    pub fn draw(
        &self,
        d: &mut Drawn,
        store: &LogStore,
        f: &LogFilter,
        model: LogModel,
        doc: &Document,
    ) -> Painted {
        let vp = &self.viewport;
        let n = store.visible_len() as i32;
        let _ = self
            .spacer
            .style()
            .set_property("height", &format!("{}px", n * ROW_HEIGHT));
        let marked = f.line.as_deref().and_then(LineId::parse);
        // Rows drawn for another layout or filter (highlights, mark) are not reused.
        if d.layout != store.layout() || d.filter.as_ref() != Some(f) {
            d.layout = store.layout();
            d.filter = Some(f.clone());
            d.clear();
        }
        let height = vp.client_height();
        let mut target = None;
        let mut marked_now = false;
        if let Some(i) = marked
            .as_ref()
            .filter(|_| !d.marked_found)
            .and_then(|id| store.find_visible(id))
        {
            d.marked_found = true;
            d.anchor = None;
            marked_now = true;
            model.following.set(false);
            target = Some((i as i32 * ROW_HEIGHT - height / 2).max(0));
        }
        if target.is_none() {
            target = if model.following.get_untracked() {
                Some((n * ROW_HEIGHT - height).max(0))
            } else {
                d.anchor
                    .map(|(key, offset)| store.visible_index_of(key) as i32 * ROW_HEIGHT + offset)
            };
        }
        if let Some(t) = target.filter(|t| *t != vp.scroll_top()) {
            vp.set_scroll_top(t);
            d.ours = Some(vp.scroll_top());
        }
        let top = vp.scroll_top();
        let first = (top / ROW_HEIGHT - OVERSCAN).max(0);
        let last = ((top + height) / ROW_HEIGHT + OVERSCAN).min(n);
        let _ = self.rows.style().set_property(
            "transform",
            &format!("translateY({}px)", first * ROW_HEIGHT),
        );
        self.place_rows(d, store, first..last, marked.as_ref(), doc);
        // The anchor for the next draw, while paused: the line at the top.
        d.anchor = if model.following.get_untracked() {
            None
        } else {
            let i = top / ROW_HEIGHT;
            store
                .visible_row(i as usize)
                .and_then(|r| store.row_key(r))
                .map(|k| (k, top - i * ROW_HEIGHT))
        };
        Painted { marked_now }
    }

    /// Puts the rows `range` in the DOM in order: kept rows stay where they are (a focused
    /// "Copy" keeps its focus), new ones are built, gone ones removed.
    fn place_rows(
        &self,
        d: &mut Drawn,
        store: &LogStore,
        range: std::ops::Range<i32>,
        marked: Option<&LineId>,
        doc: &Document,
    ) {
        let matcher = store.matcher();
        let mut old = std::mem::take(&mut d.rows);
        let mut order: Vec<Element> = Vec::with_capacity(range.len());
        for i in range {
            let Some(row) = store.visible_row(i as usize) else {
                break;
            };
            let Some(line) = store.line(row) else {
                continue;
            };
            // A progress line changes in place: drawn again every time.
            let element = match old.remove(&row) {
                Some(e) if !matches!(line.body, Body::Progress(_)) => e,
                stale => {
                    if let Some(e) = stale {
                        e.remove();
                    }
                    build(doc, line, matcher, marked.is_some_and(|m| m.matches(line)))
                }
            };
            order.push(element.clone());
            d.rows.insert(row, element);
        }
        for (_, e) in old {
            e.remove();
        }
        let mut at = self.rows.first_element_child();
        for e in order {
            if at.as_ref() == Some(&e) {
                at = e.next_element_sibling();
            } else {
                let _ = self.rows.insert_before(&e, at.as_ref().map(|a| a.as_ref()));
            }
        }
    }
}
