//! The replicas form: a whole number from 0, with a cost warning from 100.

use super::draft::Draft;
use super::setting_form::SettingForm;
use crate::api::endpoints;
use crate::api::models::ReplicasUpdated;
use crate::domain::numbers::{parse_replicas, replicas_warning};
use leptos::prelude::*;

const WARNING: &str = "edit-replicas-warning";

#[component]
pub fn ReplicasForm(id: String, draft: Draft, locked: bool) -> impl IntoView {
    let parsed = Memo::new(move |_| draft.text.with(|t| parse_replicas(t)));
    let warning = Memo::new(move |_| parsed.get().ok().and_then(replicas_warning));
    view! {
        <section class="card edit-card">
            <h2>"Replicas"</h2>
            <SettingForm
                name="replicas"
                label="Replicas"
                min="0"
                draft=draft
                locked=locked
                parsed=parsed
                send=move |n| endpoints::update_replica_count(&id, n)
                saved=|r: ReplicasUpdated| (
                    r.replicas.to_string(),
                    format!("Saved: {} replicas.", r.replicas),
                )
                hint=move || {
                    view! {
                        "How many copies of the job run at once (0 or more). Saved: "
                        {move || draft.saved.get()}
                    }
                }
                note=Signal::derive(move || warning.with(Option::is_some).then_some(WARNING))
            >
                {move || {
                    warning
                        .get()
                        .map(|m| {
                            view! {
                                <p class="field-warning" id=WARNING>
                                    {m}
                                </p>
                            }
                        })
                }}
            </SettingForm>
        </section>
    }
}
