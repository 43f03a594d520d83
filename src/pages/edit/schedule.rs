//! The schedule form of a SCHEDULED deployment: a 5-field cron, read back in
//! plain English with its next runs in the user's local time.

use super::draft::{focus, Draft};
use super::submission::{Submission, SubmissionStatus};
use crate::api::endpoints;
use crate::api::models::{ScheduleUpdated, Strategy};
use crate::components::cron_reading::CronReading;
use crate::components::form_field::FormField;
use crate::domain::cron::parse_schedule;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

const INPUT: &str = "edit-schedule";
const READING: &str = "edit-schedule-reading";

#[component]
pub fn ScheduleSection(
    id: String,
    strategy: Strategy,
    draft: Draft,
    locked: bool,
) -> impl IntoView {
    let body = if strategy == Strategy::Scheduled {
        view! { <ScheduleForm id=id draft=draft locked=locked/> }.into_any()
    } else {
        view! {
            <p class="muted">
                {format!(
                    "Only SCHEDULED deployments have a schedule; this one uses the {} strategy.",
                    strategy.as_str()
                )}
            </p>
        }
        .into_any()
    };
    view! {
        <section class="card edit-card">
            <h2>"Schedule"</h2>
            {body}
        </section>
    }
}

#[component]
fn ScheduleForm(id: String, draft: Draft, locked: bool) -> impl IntoView {
    let submission = Submission::new();
    let parsed = Memo::new(move |_| draft.text.with(|t| parse_schedule(t)));
    let error = Memo::new(move |_| {
        if draft.touched.get() {
            parsed.get().err()
        } else {
            None
        }
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        draft.touched.set(true);
        match parsed.get_untracked() {
            Ok(schedule) => {
                let sent = draft.text.get_untracked();
                submission.send(
                    endpoints::update_schedule(&id, &schedule.text),
                    move |r: ScheduleUpdated| {
                        draft.saved_as(&sent, r.schedule.clone());
                        format!("Saved: the schedule is {}.", r.schedule)
                    },
                );
            }
            Err(_) => focus(INPUT),
        }
    };

    view! {
        <form on:submit=submit novalidate>
            <fieldset class="edit-fieldset" disabled=locked>
                <FormField
                    id=INPUT
                    label="Schedule"
                    error=error
                    hint=move || view! {
                        "Five fields: minute hour day-of-month month day-of-week, e.g. "
                        <code>"0 */6 * * *"</code>
                        ". Saved: "
                        <code>{move || draft.saved.get()}</code>
                    }
                    note=Signal::derive(move || parsed.with(|p| p.is_ok()).then_some(READING))
                    control=move |d| view! {
                        <input
                            id=INPUT
                            name="schedule"
                            type="text"
                            class="edit-cron mono"
                            autocomplete="off"
                            autocapitalize="off"
                            spellcheck="false"
                            aria-invalid=d.invalid()
                            aria-describedby=d.ids()
                            prop:value=move || draft.text.get()
                            on:input=move |ev| draft.text.set(event_target_value(&ev))
                        />
                    }
                >
                    {move || parsed.get().ok().map(|s| view! { <CronReading schedule=s id=READING/> })}
                </FormField>
                <button type="submit" class="btn btn-primary" disabled=move || submission.pending.get()>
                    "Save schedule"
                </button>
                <SubmissionStatus submission=submission/>
            </fieldset>
        </form>
    }
}
