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
    let message = move |field| field_message(invalid, field);
    let strategy = Memo::new(move |_| form.with(|f| f.strategy));
    view! {
        <div class="card">
            <h2>"Settings"</h2>
            <TextField
                id="create-name"
                label="Name"
                error=message(Field::Name)
                value=Signal::derive(move || form.with(|f| f.name.clone()))
                on_input=move |v| form.update(|f| f.name = v)
            />
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
                <TextField
                    id="create-schedule"
                    label="Schedule"
                    error=message(Field::Schedule)
                    value=Signal::derive(move || form.with(|f| f.schedule.clone()))
                    on_input=move |v| form.update(|f| f.schedule = v)
                />
                {move || {
                    form.with(|f| parse_schedule(&f.schedule).ok())
                        .map(|s| view! { <CronReading schedule=s id="create-schedule-reading" /> })
                }}
            </Show>
            <Show when=move || strategy.get() == Strategy::Infinite>
                <TextField
                    id="create-rotation"
                    label="Rotation time (minutes)"
                    error=message(Field::RotationTime)
                    value=Signal::derive(move || form.with(|f| f.rotation_time.clone()))
                    on_input=move |v| form.update(|f| f.rotation_time = v)
                    hint="Optional: how long before the timeout a replacement job is listed; at least 10 minutes below the timeout."
                />
            </Show>
            <TextField
                id="create-replicas"
                label="Replicas"
                error=message(Field::Replicas)
                numeric=true
                value=Signal::derive(move || form.with(|f| f.replicas.clone()))
                on_input=move |v| form.update(|f| f.replicas = v)
            />
            {move || {
                form.with(|f| parse_replicas(&f.replicas).ok().and_then(replicas_warning))
                    .map(|w| view! { <p class="field-warning">{w}</p> })
            }}
            <TextField
                id="create-timeout"
                label="Timeout (minutes)"
                error=message(Field::Timeout)
                numeric=true
                value=Signal::derive(move || form.with(|f| f.timeout.clone()))
                on_input=move |v| form.update(|f| f.timeout = v)
            />
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

/// A text input of the form, as a `FormField`.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    on_input: impl Fn(String) + 'static,
    #[prop(optional)] numeric: bool,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let control = move |d: Described| {
        view! {
            <input
                id=id
                type="text"
                inputmode=if numeric { "numeric" } else { "text" }
                autocomplete="off"
                aria-invalid=d.invalid()
                aria-describedby=d.ids()
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
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
