//! A plain-text JSON editor: a textarea with a line-number gutter that follows
//! its lines and scrolling, marked lines for problems, and a "Format" button.
//!
//! The gutter scroll is set through the `scrollTop` property (no inline styles:
//! the app runs under `style-src 'self'`). The textarea does not wrap lines, so
//! each gutter row stays level with its line.

mod edits;
mod gutter;

use super::form_field::{describedby, Described};
use super::json_file_button::JsonFileButton;
use crate::client::json_file::dropped_file;
use crate::domain::words::count_of;
use edits::Edits;
use gutter::{line_count, numbers};
use leptos::html::Div;
use leptos::prelude::*;

#[component]
pub fn JsonEditor(
    /// The textarea's id; other ids here derive from it.
    #[prop(into)]
    id: String,
    /// The visible label, also the textarea's accessible name.
    #[prop(into)]
    label: String,
    text: RwSignal<String>,
    /// 1-based lines to mark in the gutter (lines with problems).
    #[prop(into, optional)]
    marked: Signal<Vec<usize>>,
    #[prop(into, optional)] invalid: Signal<bool>,
    /// Ids of messages about the text, for `aria-describedby`.
    #[prop(into, optional)]
    described_by: Signal<Option<String>>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let edits = Edits::new(text, disabled);
    let (area, refusal) = (edits.area, edits.refusal);
    let gutter = NodeRef::<Div>::new();
    let refusal_id = format!("{id}-format-error");

    let sync_scroll = move || {
        // Runs from an animation frame that may come after the page is gone.
        if let (Some(Some(area)), Some(Some(gutter))) =
            (area.try_get_untracked(), gutter.try_get_untracked())
        {
            gutter.set_scroll_top(area.scroll_top());
        }
    };
    // After the text changes (typing, Format, loading), the gutter follows once drawn.
    Effect::new(move |_| {
        text.track();
        request_animation_frame(sync_scroll);
    });

    let lines = Memo::new(move |_| text.with(|t| line_count(t)));
    let marks = Memo::new(move |_| marked.get());
    let gutter_rows = move || marks.with(|marks| numbers(lines.get(), marks));

    let error_id = refusal_id.clone();
    let refused = Signal::derive(move || refusal.with(Option::is_some));
    let described = Described::new(
        Signal::derive(move || invalid.get() || refused.get()),
        Signal::derive(move || {
            let theirs = described_by.get();
            describedby(&[
                theirs.as_deref(),
                refused.get().then_some(error_id.as_str()),
            ])
        }),
    );

    view! {
        <div
            class="json-editor"
            on:dragover=|ev: web_sys::DragEvent| ev.prevent_default()
            on:drop=move |ev: web_sys::DragEvent| {
                if let Some(file) = dropped_file(&ev) {
                    ev.prevent_default();
                    ev.stop_propagation();
                    edits.open_file(file);
                }
            }
        >
            <Head for_id=id.clone() label=label lines=lines edits=edits />
            <div class="json-editor-body">
                <div class="json-gutter" aria-hidden="true" node_ref=gutter>
                    {gutter_rows}
                </div>
                <textarea
                    id=id.clone()
                    name=id
                    class="json-text"
                    rows="22"
                    wrap="off"
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    node_ref=area
                    disabled=move || disabled.get()
                    aria-invalid=described.invalid()
                    aria-describedby=described.ids()
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        refusal.set(None);
                        text.set(event_target_value(&ev));
                        sync_scroll();
                    }
                    on:scroll=move |_| sync_scroll()
                />
            </div>
            {move || {
                refusal
                    .get()
                    .map(|message| {
                        view! {
                            <p class="field-error" id=refusal_id.clone()>
                                {message}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The label, the line count, "Format" and "Open .json file".
#[component]
fn Head(for_id: String, label: String, lines: Memo<usize>, edits: Edits) -> impl IntoView {
    let disabled = edits.disabled;
    view! {
        <div class="json-editor-head">
            <label for=for_id>{label}</label>
            <span class="muted json-editor-count">
                {move || count_of(lines.get() as u64, "line")}
            </span>
            <button
                type="button"
                class="btn"
                on:click=move |_| edits.format()
                disabled=move || disabled.get()
            >
                "Format"
            </button>
            <JsonFileButton
                label="Open .json file"
                disabled=disabled
                on_file=Callback::new(move |file| edits.open_file(file))
            />
        </div>
    }
}
