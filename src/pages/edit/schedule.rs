//! The schedule form of a SCHEDULED deployment: a 5-field cron, read back in
//! plain English with its next runs in the user's local time.

use super::draft::Draft;
use super::setting_form::SettingForm;
use crate::api::endpoints;
use crate::api::models::{ScheduleUpdated, Strategy};
use crate::components::cron_reading::CronReading;
use crate::domain::cron::{parse_schedule, Schedule};
use leptos::prelude::*;

const READING: &str = "edit-schedule-reading";

#[component]
pub fn ScheduleSection(
    id: String,
    strategy: Strategy,
    draft: Draft,
    locked: bool,
) -> impl IntoView {
    let body = if strategy == Strategy::Scheduled {
        view! { <ScheduleForm id=id draft=draft locked=locked /> }.into_any()
    } else {
        view! {
            <p class="muted">
                {format!(
                    "Only SCHEDULED deployments have a schedule; this one uses the {} strategy.",
                    strategy.as_str(),
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
    let parsed = Memo::new(move |_| draft.text.with(|t| parse_schedule(t)));
    view! {
        <SettingForm
            name="schedule"
            label="Schedule"
            draft=draft
            locked=locked
            parsed=parsed
            send=move |s: Schedule| endpoints::update_schedule(&id, &s.text)
            saved=|r: ScheduleUpdated| {
                let message = format!("Saved: the schedule is {}.", r.schedule);
                (r.schedule, message)
            }
            hint=move || {
                view! {
                    "Five fields: minute hour day-of-month month day-of-week, e.g. "
                    <code>"0 */6 * * *"</code>
                    ". Saved: "
                    <code>{move || draft.saved.get()}</code>
                }
            }
            note=Signal::derive(move || parsed.with(Result::is_ok).then_some(READING))
        >
            {move || parsed.get().ok().map(|s| view! { <CronReading schedule=s id=READING /> })}
        </SettingForm>
    }
}
