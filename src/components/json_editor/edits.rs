//! What replaces the editor's whole text: "Format" (kept undoable) and a
//! dropped or picked `.json` file. Either may be refused, with a message.

use crate::client::json_file::read_json_file;
use crate::domain::deployment_file::Imported;
use crate::domain::jobdef::review::pretty;
use leptos::html::Textarea;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Edits {
    text: RwSignal<String>,
    pub area: NodeRef<Textarea>,
    /// Why the last Format or file was refused.
    pub refusal: RwSignal<Option<String>>,
    pub disabled: Signal<bool>,
}

impl Edits {
    pub fn new(text: RwSignal<String>, disabled: Signal<bool>) -> Self {
        let (area, refusal) = (NodeRef::new(), RwSignal::new(None));
        Edits {
            text,
            area,
            refusal,
            disabled,
        }
    }

    pub fn format(self) {
        match self.text.with_untracked(|t| pretty(t)) {
            Ok(formatted) => {
                self.refusal.set(None);
                let undoable = self
                    .area
                    .get_untracked()
                    .is_some_and(|area| replace_as_typed(&area, &formatted));
                if !undoable {
                    self.text.set(formatted);
                }
            }
            Err(message) => self.refusal.set(Some(message)),
        }
    }

    /// A bare job definition replaces the text as it is, a deployment file by
    /// its job definition.
    pub fn open_file(self, file: web_sys::File) {
        if self.disabled.get_untracked() {
            return;
        }
        leptos::task::spawn_local(async move {
            let opened = match read_json_file(&file).await {
                Ok(Imported::JobDefinition(text)) => Ok(text),
                Ok(Imported::Deployment(form)) => Ok(form.job_definition),
                Err(problem) => Err(format!("{} was not opened. {problem}", file.name())),
            };
            match opened {
                Ok(text) => {
                    self.refusal.try_set(None);
                    self.text.try_set(text);
                }
                Err(message) => {
                    self.refusal.try_set(Some(message));
                }
            }
        });
    }
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
