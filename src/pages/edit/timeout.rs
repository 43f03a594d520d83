//! The timeout form: whole minutes, at least 60, with the same time in hours.

use super::draft::Draft;
use super::setting_form::SettingForm;
use crate::api::endpoints;
use crate::api::models::TimeoutUpdated;
use crate::domain::numbers::{parse_timeout_update, parse_whole};
use crate::domain::units::{format_minutes, hours_hint};
use leptos::prelude::*;

const HOURS: &str = "edit-timeout-hours";

#[component]
pub fn TimeoutForm(id: String, draft: Draft, locked: bool) -> impl IntoView {
    let parsed = Memo::new(move |_| draft.text.with(|t| parse_timeout_update(t)));
    let hours = Signal::derive(move || {
        draft
            .text
            .with(|t| parse_whole(t, "minutes").ok().map(hours_hint))
    });
    let saved = move || {
        draft.saved.with(|s| {
            s.parse::<u32>()
                .map(format_minutes)
                .unwrap_or_else(|_| s.clone())
        })
    };
    view! {
        <section class="card edit-card">
            <h2>"Timeout"</h2>
            <SettingForm
                name="timeout"
                label="Timeout (minutes)"
                min="60"
                draft=draft
                locked=locked
                parsed=parsed
                send=move |n| endpoints::update_timeout(&id, n)
                saved=saved_text
                hint=move || {
                    view! {
                        "How long each job may run: at least 60 minutes. Saved: "
                        {saved}
                    }
                }
                unit=(HOURS, hours)
            />
        </section>
    }
}

fn saved_text(r: TimeoutUpdated) -> (String, String) {
    let message = format!(
        "Saved: the timeout is {} ({}).",
        format_minutes(r.timeout),
        hours_hint(r.timeout)
    );
    (r.timeout.to_string(), message)
}
