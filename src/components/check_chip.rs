//! One on/off value of a filter drawn as a chip: a checkbox and its label;
//! `ChipSet`, a chip for each value of an enum (statuses, job states).

use leptos::prelude::*;

#[component]
pub fn CheckChip(
    #[prop(into)] checked: Signal<bool>,
    /// Runs when the user ticks or unticks it.
    on_toggle: Callback<()>,
    children: Children,
) -> impl IntoView {
    view! {
        <label class="chip">
            <input
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |_| on_toggle.run(())
            />
            {children()}
        </label>
    }
}

/// Under `legend`, a chip for each of `values`: ticked while `chosen` says
/// so; a change runs `toggle` with the value.
#[component]
pub fn ChipSet<T>(
    legend: &'static str,
    values: &'static [T],
    chosen: Callback<T, bool>,
    toggle: Callback<T>,
    label: fn(T) -> &'static str,
) -> impl IntoView
where
    T: Copy + Send + Sync + 'static,
{
    let chip = move |value: T| {
        view! {
            <CheckChip
                checked=Signal::derive(move || chosen.run(value))
                on_toggle=Callback::new(move |_| toggle.run(value))
            >
                {label(value)}
            </CheckChip>
        }
    };
    view! {
        <fieldset class="status-filter">
            <legend>{legend}</legend>
            {values.iter().copied().map(chip).collect_view()}
        </fieldset>
    }
}
