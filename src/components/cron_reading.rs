//! What a cron schedule means in words, and its next runs in local time and UTC.

use super::local_time::{LocalTime, Precision};
use crate::domain::cron::{describe, next_runs, Schedule};
use chrono::Utc;
use leptos::prelude::*;

const RUNS: usize = 5;

#[component]
pub fn CronReading(
    schedule: Schedule,
    /// Id of the sentence in words, for `aria-describedby` on the input.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let runs = next_runs(&schedule, Utc::now(), RUNS);
    view! {
        <div class="cron-reading">
            <p id=id class="cron-words">
                {describe(&schedule)}
                " (times in UTC)"
            </p>
            <p class="cron-runs-title">
                {if runs.is_empty() {
                    "No upcoming runs were found for this schedule.".to_string()
                } else {
                    format!("Next {} runs, in your local time and UTC:", runs.len())
                }}
            </p>
            <ol class="cron-runs">
                {runs
                    .into_iter()
                    .map(|t| {
                        let utc = t.format("%H:%M UTC").to_string();
                        view! {
                            <li>
                                <LocalTime at=t precision=Precision::Minutes />
                                <span class="muted">" · "{utc}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </div>
    }
}
