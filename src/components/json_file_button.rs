//! A button that opens the browser's file picker for one `.json` file. The
//! native input stays hidden and out of the tab order: the button is its
//! keyboard path and its accessible name.

use crate::client::json_file::picked_file;
use leptos::html::Input;
use leptos::prelude::*;

#[component]
pub fn JsonFileButton(
    #[prop(into)] label: String,
    #[prop(into, optional)] disabled: Signal<bool>,
    /// The file picked.
    on_file: Callback<web_sys::File>,
) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    view! {
        <button
            type="button"
            class="btn"
            disabled=move || disabled.get()
            on:click=move |_| {
                if let Some(input) = input.get_untracked() {
                    input.click();
                }
            }
        >
            {label}
        </button>
        <input
            type="file"
            class="visually-hidden"
            accept=".json,application/json"
            tabindex="-1"
            aria-hidden="true"
            node_ref=input
            on:change=move |ev| {
                if let Some(file) = picked_file(&ev) {
                    on_file.run(file);
                }
            }
        />
    }
}
