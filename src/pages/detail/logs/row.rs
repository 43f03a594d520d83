//! One log row as DOM nodes: text from the node is only ever a text node (never markup),
//! ANSI styles are set through the CSSOM (which the strict CSP allows), search matches are
//! `<mark>`s, and a very long line is cut for display with how much more it holds.

use crate::domain::logs::display::{
    copy_label, draw, iso_time, local_time, more_label, MAX_DISPLAY_CHARS,
};
use crate::domain::logs::filter::Matcher;
use crate::domain::logs::line::Body;
use crate::domain::logs::{replica, LogLine};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// Every row's height in CSS pixels (`.log-row` in the stylesheet says the same).
pub const ROW_HEIGHT: i32 = 20;

fn el(doc: &Document, tag: &str, class: &str, text: Option<&str>) -> Element {
    let e = doc.create_element(tag).expect("create element");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    e
}

/// Builds the row of `line`; `marked` for the permalinked line.
pub fn build(doc: &Document, line: &LogLine, matcher: &Matcher, marked: bool) -> Element {
    let id = line.id().to_string();
    let row = el(
        doc,
        "div",
        if marked {
            "log-row log-row-marked"
        } else {
            "log-row"
        },
        None,
    );
    let _ = row.set_attribute("data-line-id", &id);
    let _ = row.set_attribute("data-job", &line.job);
    if marked {
        let _ = row.set_attribute("aria-current", "true");
    }
    // A result line without a time reads 0: say nothing rather than 1970.
    let clock = (line.timestamp > 0).then(|| local_time(line.timestamp));
    // First, so it stays in view when a long line scrolls sideways.
    let copy = el(doc, "button", "log-copy", Some("Copy"));
    let _ = copy.set_attribute("type", "button");
    let _ = copy.set_attribute("aria-label", &copy_label(line, clock.as_deref()));
    let _ = copy.set_attribute("title", "Copy a link to this line");
    let _ = copy.set_attribute("data-copy", &id);
    let _ = row.append_child(&copy);
    let time = if let Some(clock) = &clock {
        let t = el(doc, "span", "log-time", Some(clock));
        let _ = t.set_attribute("title", &format!("{} UTC", iso_time(line.timestamp)));
        t
    } else {
        let t = el(doc, "span", "log-time", Some("—           "));
        let _ = t.set_attribute("title", "No time recorded");
        t
    };
    let _ = row.append_child(&time);
    let badge = format!("log-replica {}", replica::class(line.replica));
    let replica_badge = el(doc, "span", &badge, Some(&replica::label(line.replica)));
    let _ = replica_badge.set_attribute("title", &line.job);
    let _ = row.append_child(&replica_badge);
    let _ = row.append_child(&el(doc, "span", "log-op", Some(&line.op)));
    let stream = line.stream.label();
    let stream_class = format!(
        "log-stream log-stream-{}{}",
        stream.to_ascii_lowercase(),
        if line.is_error {
            " log-stream-error"
        } else {
            ""
        }
    );
    let _ = row.append_child(&el(doc, "span", &stream_class, Some(stream)));
    let text = el(doc, "span", "log-text", None);
    match &line.body {
        Body::Progress(p) => {
            let _ = text.class_list().add_1("log-progress");
            text.set_text_content(Some(&p.describe()));
        }
        Body::Text(t) => {
            let drawn = draw(&t.raw, |s| matcher.ranges(s), MAX_DISPLAY_CHARS);
            for piece in drawn.pieces {
                if piece.style.is_plain() && !piece.highlight {
                    let _ = text.append_child(&doc.create_text_node(&piece.text));
                    continue;
                }
                let tag = if piece.highlight { "mark" } else { "span" };
                let span = el(doc, tag, "", Some(&piece.text));
                if let Some(html) = span.dyn_ref::<HtmlElement>() {
                    let style = html.style();
                    for (prop, value) in piece.style.css() {
                        let _ = style.set_property(prop, &value);
                    }
                }
                let _ = text.append_child(&span);
            }
            if drawn.more > 0 {
                let _ =
                    text.append_child(&el(doc, "span", "log-more", Some(&more_label(drawn.more))));
            }
        }
    }
    let _ = row.append_child(&text);
    row
}
