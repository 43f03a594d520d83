//! "Show changes": what the editor's text changes from the active revision,
//! side by side, before a revision is created from it.

use crate::components::diff_view::DiffView;
use crate::components::disclosure::DisclosureButton;
use crate::domain::diff::{diff_text, editor_text, pretty};
use leptos::prelude::*;
use serde_json::Value;

const PANEL: &str = "edit-job-definition-changes";

#[component]
pub fn ChangesReview(
    text: RwSignal<String>,
    /// The active revision's definition (`None` when it was not found).
    base: RwSignal<Option<Value>>,
    active: RwSignal<u32>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let diff = move || {
        let old = base.with(|b| b.as_ref().map(pretty).unwrap_or_default());
        let rows = text.with(|t| diff_text(&old, &editor_text(t)));
        let old_title = if base.with(Option::is_some) {
            format!("Revision {} (active)", active.get())
        } else {
            "Active revision (not found)".to_string()
        };
        view! { <DiffView rows=rows old_title=old_title new_title="Your edit" /> }
    };
    view! {
        <div class="jobdef-changes">
            <DisclosureButton open=open controls=PANEL>
                {move || if open.get() { "Hide changes" } else { "Show changes" }}
            </DisclosureButton>
            <div id=PANEL class="jobdef-changes-panel" hidden=move || !open.get()>
                {move || open.get().then(diff)}
            </div>
        </div>
    }
}
