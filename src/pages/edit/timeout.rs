//! The timeout form: whole minutes, at least 60, with the same time in hours.

use super::draft::{focus, Draft};
use super::submission::{Submission, SubmissionStatus};
use crate::api::endpoints;
use crate::api::models::TimeoutUpdated;
use crate::components::form_field::FormField;
use crate::domain::numbers::{parse_timeout_update, parse_whole};
use crate::domain::units::{format_minutes, hours_hint};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

const INPUT: &str = "edit-timeout";
const HOURS: &str = "edit-timeout-hours";

#[component]
pub fn TimeoutForm(id: String, draft: Draft, locked: bool) -> impl IntoView {
    let submission = Submission::new();
    let parsed = Memo::new(move |_| draft.text.with(|t| parse_timeout_update(t)));
    let error = Memo::new(move |_| {
        if draft.touched.get() {
            parsed.get().err()
        } else {
            None
        }
    });
    let hours = move || {
        draft
            .text
            .with(|t| parse_whole(t, "minutes").ok().map(hours_hint))
    };
    let saved = move || {
        draft.saved.with(|s| {
            s.parse::<u32>()
                .map(format_minutes)
                .unwrap_or_else(|_| s.clone())
        })
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        draft.touched.set(true);
        match parsed.get_untracked() {
            Ok(n) => {
                let sent = draft.text.get_untracked();
                submission.send(
                    endpoints::update_timeout(&id, n),
                    move |r: TimeoutUpdated| {
                        draft.saved_as(&sent, r.timeout.to_string());
                        format!(
                            "Saved: the timeout is {} ({}).",
                            format_minutes(r.timeout),
                            hours_hint(r.timeout)
                        )
                    },
                );
            }
            Err(_) => focus(INPUT),
        }
    };

    view! {
        <section class="card edit-card">
            <h2>"Timeout"</h2>
            <form on:submit=submit novalidate>
                <fieldset class="edit-fieldset" disabled=locked>
                    <FormField
                        id=INPUT
                        label="Timeout (minutes)"
                        error=error
                        hint=move || view! { "How long each job may run: at least 60 minutes. Saved: " {saved} }
                        note=Signal::stored(Some(HOURS))
                        control=move |d| view! {
                            <div class="input-with-unit">
                                <input
                                    id=INPUT
                                    name="timeout"
                                    type="number"
                                    min="60"
                                    step="1"
                                    inputmode="numeric"
                                    class="edit-number"
                                    aria-invalid=d.invalid()
                                    aria-describedby=d.ids()
                                    prop:value=move || draft.text.get()
                                    on:input=move |ev| draft.text.set(event_target_value(&ev))
                                />
                                <span class="unit-hint" id=HOURS>{hours}</span>
                            </div>
                        }
                    />
                    <button type="submit" class="btn btn-primary" disabled=move || submission.pending.get()>
                        "Save timeout"
                    </button>
                    <SubmissionStatus submission=submission/>
                </fieldset>
            </form>
        </section>
    }
}
