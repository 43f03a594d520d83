//! A small button that copies a value (an id, an endpoint URL) to the clipboard.

use leptos::prelude::*;
use std::time::Duration;

/// The icons are CSS masks (`.copy-button` in style/main.css), not inline SVG:
/// the list shows up to 100 of these, and each inline icon was three more
/// elements and a reactive child to build per row.
#[component]
pub fn CopyButton(
    #[prop(into)] text: String,
    /// What is copied, for the accessible name: "Copy id", "Copy URL".
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let _ = window.navigator().clipboard().write_text(&text);
        copied.set(true);
        set_timeout(
            move || _ = copied.try_set(false),
            Duration::from_millis(1500),
        );
    };
    view! {
        <button
            type="button"
            class="btn-icon copy-button"
            class:copied=copied
            aria-label=label.clone()
            title=label
            on:click=copy
        />
        <span class="visually-hidden" role="status">
            {move || if copied.get() { "Copied" } else { "" }}
        </span>
    }
}

/// The same button and status with no signal or listener of their own, for
/// the rows of a table: one listener above them all calls [`copy_clicked`].
pub fn plain_copy_button(text: String, label: &'static str) -> impl IntoView {
    view! {
        <button
            type="button"
            class="btn-icon copy-button"
            aria-label=label
            title=label
            data-copy=text
        />
        <span class="visually-hidden" role="status" />
    }
}

/// For a click listener above [`plain_copy_button`]s: copies when the click
/// was on one of them, and says whether it was.
pub fn copy_clicked(target: &web_sys::Element) -> bool {
    let Some(button) = target.closest("button[data-copy]").ok().flatten() else {
        return false;
    };
    let Some(window) = web_sys::window() else {
        return true;
    };
    let text = button.get_attribute("data-copy").unwrap_or_default();
    let _ = window.navigator().clipboard().write_text(&text);
    let status = button.next_element_sibling();
    let _ = button.class_list().add_1("copied");
    if let Some(status) = &status {
        status.set_text_content(Some("Copied"));
    }
    set_timeout(
        move || {
            let _ = button.class_list().remove_1("copied");
            if let Some(status) = status {
                status.set_text_content(Some(""));
            }
        },
        Duration::from_millis(1500),
    );
    true
}
