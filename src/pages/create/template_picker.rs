//! Starting the job definition from a template, without silently losing edits.

use crate::domain::templates::{by_key, TEMPLATES};
use leptos::prelude::*;

#[component]
pub fn TemplatePicker(text: RwSignal<String>) -> impl IntoView {
    let choice = RwSignal::new(TEMPLATES[0].key.to_string());
    // Set when loading would replace text the user wrote themselves.
    let confirming = RwSignal::new(false);
    let is_pristine = move || {
        text.with(|t| t.trim().is_empty() || TEMPLATES.iter().any(|tpl| tpl.json == t.as_str()))
    };
    let load = move || {
        if let Some(template) = by_key(&choice.get_untracked()) {
            text.set(template.json.to_string());
        }
        confirming.set(false);
    };
    view! {
        <div class="template-picker">
            <label for="create-template">"Template"</label>
            <select
                id="create-template"
                prop:value=move || choice.get()
                on:change=move |ev| choice.set(event_target_value(&ev))
            >
                {TEMPLATES
                    .iter()
                    .map(|t| view! { <option value=t.key>{t.label}</option> })
                    .collect_view()}
            </select>
            <button
                type="button"
                class="btn"
                on:click=move |_| if is_pristine() { load() } else { confirming.set(true) }
            >
                "Use template"
            </button>
            <Show when=move || confirming.get()>
                <span role="alert" class="field-warning">
                    "This replaces the job definition you wrote. "
                </span>
                <button type="button" class="btn btn-danger" on:click=move |_| load()>
                    "Replace"
                </button>
                <button type="button" class="btn" on:click=move |_| confirming.set(false)>
                    "Keep mine"
                </button>
            </Show>
        </div>
    }
}
