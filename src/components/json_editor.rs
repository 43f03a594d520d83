//! A plain-text JSON editor: a textarea with a line-number gutter that follows
//! its lines and scrolling, marked lines for problems, and a "Format" button.
//!
//! The gutter scroll is set through the `scrollTop` property (no inline styles:
//! the app runs under `style-src 'self'`). The textarea does not wrap lines, so
//! each gutter row stays level with its line.

use super::form_field::{describedby, Described};
use super::json_file_button::JsonFileButton;
use crate::client::json_file::{dropped_file, read_json_file};
use crate::domain::deployment_file::Imported;
use crate::domain::jobdef::review::pretty;
use crate::domain::words::count_of;
use leptos::html::{Div, Textarea};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Lines in the text as the textarea shows them (a trailing newline opens one more).
fn line_count(text: &str) -> usize {
    text.split('\n').count()
}

/// The gutter: one number a line, the marked ones flagged.
fn numbers(lines: usize, marks: &[usize]) -> impl IntoView {
    (1..=lines)
        .map(|n| {
            let marked = marks.contains(&n);
            view! {
                <span class="json-line" class:json-line-marked=marked>
                    {n}
                </span>
            }
        })
        .collect_view()
}

/// Replaces the whole text as if typed, so the browser's undo (Ctrl+Z) brings
/// the text before "Format" back; setting `value` would wipe the undo history.
/// `execCommand("insertText")` fires `input`, which updates the signal. False
/// where the browser does not support it (then the caller sets the value).
fn replace_as_typed(area: &web_sys::HtmlTextAreaElement, text: &str) -> bool {
    if area.value() == text {
        return true;
    }
    let document = document();
    let Some(exec) = js_sys::Reflect::get(&document, &"execCommand".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let _ = area.focus();
    area.select();
    let done = exec
        .call3(&document, &"insertText".into(), &false.into(), &text.into())
        .is_ok_and(|ok| ok.is_truthy());
    if done && area.value() == text {
        // Start at the top of the formatted text, as after a fresh load.
        let _ = area.set_selection_range(0, 0);
        area.set_scroll_top(0);
        true
    } else {
        false
    }
}

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
    let area = NodeRef::<Textarea>::new();
    let gutter = NodeRef::<Div>::new();
    let format_error = RwSignal::new(None::<String>);
    let format_error_id = format!("{id}-format-error");

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

    let format = move |_| match text.with_untracked(|t| pretty(t)) {
        Ok(formatted) => {
            format_error.set(None);
            let undoable = area
                .get_untracked()
                .is_some_and(|area| replace_as_typed(&area, &formatted));
            if !undoable {
                text.set(formatted);
            }
        }
        Err(message) => format_error.set(Some(message)),
    };

    // A dropped or picked `.json` file replaces the text: a bare job
    // definition as it is, a deployment file by its job definition.
    let open_file = move |file: web_sys::File| {
        if disabled.get_untracked() {
            return;
        }
        leptos::task::spawn_local(async move {
            match read_json_file(&file).await {
                Ok(Imported::JobDefinition(t)) => {
                    format_error.try_set(None);
                    text.try_set(t);
                }
                Ok(Imported::Deployment(form)) => {
                    format_error.try_set(None);
                    text.try_set(form.job_definition);
                }
                Err(problem) => {
                    let message = format!("{} was not opened. {problem}", file.name());
                    format_error.try_set(Some(message));
                }
            }
        });
    };

    let error_id = format_error_id.clone();
    let refused = Signal::derive(move || format_error.with(Option::is_some));
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
                    open_file(file);
                }
            }
        >
            <div class="json-editor-head">
                <label for=id.clone()>{label}</label>
                <span class="muted json-editor-count">
                    {move || count_of(lines.get() as u64, "line")}
                </span>
                <button type="button" class="btn" on:click=format disabled=move || disabled.get()>
                    "Format"
                </button>
                <JsonFileButton
                    label="Open .json file"
                    disabled=disabled
                    on_file=Callback::new(open_file)
                />
            </div>
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
                        format_error.set(None);
                        text.set(event_target_value(&ev));
                        sync_scroll();
                    }
                    on:scroll=move |_| sync_scroll()
                />
            </div>
            {move || {
                format_error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="field-error" id=format_error_id.clone()>
                                {message}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
