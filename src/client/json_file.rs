//! Reading a picked or dropped `.json` file: the size is checked before a byte
//! is read, and the text then goes to `domain::deployment_file::read`.

use crate::domain::deployment_file::{check_size, read, FileProblem, Imported};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, Event, File, HtmlInputElement};

/// The first file of a drop, if files (not text or links) were dropped.
pub fn dropped_file(ev: &DragEvent) -> Option<File> {
    ev.data_transfer()?.files()?.get(0)
}

/// The file chosen in an `<input type=file>`; the input is cleared so that
/// choosing the same file again is a change too.
pub fn picked_file(ev: &Event) -> Option<File> {
    let input: HtmlInputElement = leptos::prelude::event_target(ev);
    let file = input.files()?.get(0);
    input.set_value("");
    file
}

/// The file's content, read as a deployment file or a bare job definition.
pub async fn read_json_file(file: &File) -> Result<Imported, FileProblem> {
    check_size(file.size())?;
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| FileProblem {
            field: None,
            line: None,
            message: "The file could not be read".into(),
        })?;
    read(&text)
}
