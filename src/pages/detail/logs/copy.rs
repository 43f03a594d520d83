//! A line's "Copy": its permalink (this page, `?tab=logs&line=ID`) on the clipboard.

use crate::domain::logs::filter::LogFilter;
use crate::domain::logs::line::LineId;
use leptos::prelude::*;
use web_sys::Element;

/// Copies the permalink of `button`'s line and says so on the button for a moment (its
/// visible label and its accessible name).
pub fn copy_permalink(button: &Element) {
    let Some(line) = button
        .get_attribute("data-copy")
        .as_deref()
        .and_then(LineId::parse)
    else {
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
    let name = button.get_attribute("aria-label").unwrap_or_default();
    button.set_text_content(Some("Copied"));
    if let Some(rest) = name.strip_prefix("Copy ") {
        let _ = button.set_attribute("aria-label", &format!("Copied {rest}"));
    }
    let button = button.clone();
    set_timeout(
        move || {
            button.set_text_content(Some("Copy"));
            let _ = button.set_attribute("aria-label", &name);
        },
        std::time::Duration::from_millis(1500),
    );
}
