//! A SCHEDULED deployment's cron: as written, in plain English, and its next
//! run in the reader's local time.

use crate::components::local_time::{LocalTime, Precision};
use crate::domain::cron::{describe, next_runs, parse_schedule};
use crate::domain::units::format_relative;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

#[component]
pub fn ScheduleReading(cron: Memo<Option<String>>, now: RwSignal<DateTime<Utc>>) -> impl IntoView {
    move || {
        let Some(text) = cron.get().filter(|t| !t.trim().is_empty()) else {
            return view! { <span class="muted">"Not set"</span> }.into_any();
        };
        match parse_schedule(&text) {
            Ok(schedule) => {
                let words = describe(&schedule);
                let next = Memo::new(move |_| next_runs(&schedule, now.get(), 1).first().copied());
                view! {
                    <div class="detail-schedule">
                        <code class="detail-cron">{text}</code>
                        <span class="detail-schedule-words">{words}" (UTC)"</span>
                        <span class="detail-next-run">
                            "Next run: "
                            {move || match next.get() {
                                Some(at) => next_run(at, now.get()).into_any(),
                                None => view! { <span class="muted">"none"</span> }.into_any(),
                            }}
                        </span>
                    </div>
                }
                .into_any()
            }
            Err(reason) => view! {
                <div class="detail-schedule">
                    <code class="detail-cron">{text}</code>
                    <span class="muted">"This schedule cannot be read: "{reason}</span>
                </div>
            }
            .into_any(),
        }
    }
}

fn next_run(at: DateTime<Utc>, now: DateTime<Utc>) -> impl IntoView {
    view! {
        <LocalTime at=at precision=Precision::Minutes />
        " ("
        {format_relative(at, now)}
        ")"
    }
}
