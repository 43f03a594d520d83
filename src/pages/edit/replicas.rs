//! The replicas form: a whole number from 0, with a cost warning from 100.

use super::draft::{focus, Draft};
use super::submission::{Submission, SubmissionStatus};
use crate::api::endpoints;
use crate::api::models::ReplicasUpdated;
use crate::components::form_field::FormField;
use crate::domain::numbers::{parse_replicas, replicas_warning};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

const INPUT: &str = "edit-replicas";
const WARNING: &str = "edit-replicas-warning";

#[component]
pub fn ReplicasForm(id: String, draft: Draft, locked: bool) -> impl IntoView {
    let submission = Submission::new();
    let parsed = Memo::new(move |_| draft.text.with(|t| parse_replicas(t)));
    let error = Memo::new(move |_| {
        if draft.touched.get() {
            parsed.get().err()
        } else {
            None
        }
    });
    let warning = Memo::new(move |_| parsed.get().ok().and_then(replicas_warning));

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        draft.touched.set(true);
        match parsed.get_untracked() {
            Ok(n) => {
                let sent = draft.text.get_untracked();
                submission.send(
                    endpoints::update_replica_count(&id, n),
                    move |r: ReplicasUpdated| {
                        draft.saved_as(&sent, r.replicas.to_string());
                        format!("Saved: {} replicas.", r.replicas)
                    },
                );
            }
            Err(_) => focus(INPUT),
        }
    };

    view! {
        <section class="card edit-card">
            <h2>"Replicas"</h2>
            <form on:submit=submit novalidate>
                <fieldset class="edit-fieldset" disabled=locked>
                    <FormField
                        id=INPUT
                        label="Replicas"
                        error=error
                        hint=move || view! { "How many copies of the job run at once (0 or more). Saved: " {move || draft.saved.get()} }
                        note=Signal::derive(move || warning.with(|w| w.is_some()).then_some(WARNING))
                        control=move |d| view! {
                            <input
                                id=INPUT
                                name="replicas"
                                type="number"
                                min="0"
                                step="1"
                                inputmode="numeric"
                                class="edit-number"
                                aria-invalid=d.invalid()
                                aria-describedby=d.ids()
                                prop:value=move || draft.text.get()
                                on:input=move |ev| draft.text.set(event_target_value(&ev))
                            />
                        }
                    >
                        {move || warning.get().map(|m| view! { <p class="field-warning" id=WARNING>{m}</p> })}
                    </FormField>
                    <button type="submit" class="btn btn-primary" disabled=move || submission.pending.get()>
                        "Save replicas"
                    </button>
                    <SubmissionStatus submission=submission/>
                </fieldset>
            </form>
        </section>
    }
}
