//! Name, strategy with its own fields, replicas, timeout and the two switches.

use super::field_message;
use crate::api::models::Strategy;
use crate::components::cron_reading::CronReading;
use crate::components::form_field::{Described, FormField};
use crate::domain::create::{CreateForm, Field, Invalid};
use crate::domain::cron::parse_schedule;
use crate::domain::numbers::{parse_replicas, replicas_warning};
use crate::domain::units::hours_hint;
use leptos::prelude::*;

#[component]
pub fn SettingsFields(
    form: RwSignal<CreateForm>,
    invalid: RwSignal<Option<Invalid>>,
) -> impl IntoView {
    let strategy = Memo::new(move |_| form.with(|f| f.strategy));
    view! {
        <div class="card">
            <h2>"Settings"</h2>
            <TextField form=form field=Field::Name invalid=invalid />
            <div class="field">
                <label for="create-strategy">"Strategy"</label>
                <select
                    id="create-strategy"
                    prop:value=move || strategy.get().as_str()
                    on:change=move |ev| {
                        let picked = Strategy::parse(&event_target_value(&ev))
                            .unwrap_or(Strategy::Simple);
                        form.update(|f| f.strategy = picked);
                    }
                >
                    {Strategy::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.as_str()>{s.as_str()}</option> })
                        .collect_view()}
                </select>
                <p class="hint">{move || strategy_hint(strategy.get())}</p>
            </div>
            <Show when=move || strategy.get() == Strategy::Scheduled>
                <TextField form=form field=Field::Schedule invalid=invalid />
                {move || {
                    form.with(|f| parse_schedule(&f.schedule).ok())
                        .map(|s| view! { <CronReading schedule=s id="create-schedule-reading" /> })
                }}
            </Show>
            <Show when=move || strategy.get() == Strategy::Infinite>
                <TextField
                    form=form
                    field=Field::RotationTime
                    invalid=invalid
                    hint="Optional: how long before the timeout a replacement job is listed; at least 10 minutes below the timeout."
                />
            </Show>
            <TextField form=form field=Field::Replicas invalid=invalid />
            {move || {
                form.with(|f| parse_replicas(&f.replicas).ok().and_then(replicas_warning))
                    .map(|w| view! { <p class="field-warning">{w}</p> })
            }}
            <TextField form=form field=Field::Timeout invalid=invalid />
            <p class="hint">
                {move || form.with(|f| f.timeout.trim().parse::<u32>().ok().map(hours_hint))}
            </p>
            {check(
                " Confidential",
                move || form.with(|f| f.confidential),
                move |on| form.update(|f| f.confidential = on),
            )}
            {check(
                " Start now",
                move || form.with(|f| f.autostart),
                move |on| form.update(|f| f.autostart = on),
            )}
        </div>
    }
}

fn strategy_hint(strategy: Strategy) -> &'static str {
    match strategy {
        Strategy::Simple => "Runs the jobs once, until they finish or time out.",
        Strategy::SimpleExtend => {
            "Like SIMPLE, but extends running jobs instead of letting them time out."
        }
        Strategy::Scheduled => "Starts the jobs on a cron schedule.",
        Strategy::Infinite => {
            "Keeps jobs running, listing a replacement before each one times out."
        }
        Strategy::Unknown => "",
    }
}

/// A typed setting's input id, its label and whether it takes a whole number.
fn text_field(field: Field) -> (&'static str, &'static str, bool) {
    match field {
        Field::Name => ("create-name", "Name", false),
        Field::Schedule => ("create-schedule", "Schedule", false),
        Field::RotationTime => ("create-rotation", "Rotation time (minutes)", false),
        Field::Replicas => ("create-replicas", "Replicas", true),
        Field::Timeout => ("create-timeout", "Timeout (minutes)", true),
        // Picked and edited elsewhere on the page (market picker, JSON editor).
        Field::Market => ("create-market", "Market", false),
        Field::JobDefinition => ("create-job-definition", "Job definition", false),
    }
}

/// A text input of the form, as a `FormField`.
#[component]
pub fn TextField(
    field: Field,
    form: RwSignal<CreateForm>,
    invalid: RwSignal<Option<Invalid>>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let (id, label, numeric) = text_field(field);
    let error = field_message(invalid, field);
    let control = move |d: Described| {
        view! {
            <input
                id=id
                type="text"
                inputmode=if numeric { "numeric" } else { "text" }
                autocomplete="off"
                aria-invalid=d.invalid()
                aria-describedby=d.ids()
                prop:value=move || form.with(|f| f.text(field).to_string())
                on:input=move |ev| form.update(|f| *f.text_mut(field) = event_target_value(&ev))
            />
        }
    };
    match hint {
        Some(hint) => {
            view! { <FormField id=id label=label error=error hint=move || hint control=control /> }
                .into_any()
        }
        None => view! { <FormField id=id label=label error=error control=control /> }.into_any(),
    }
}

/// A yes/no setting of the form, as a checkbox.
fn check(
    label: &'static str,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    set: impl Fn(bool) + 'static,
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=checked
                on:change=move |ev| set(event_target_checked(&ev))
            />
            {label}
        </label>
    }
}
