//! A select of one value of an enum, or of none ("All strategies"): the
//! list's strategy filter and the history's category and task filters.

use crate::api::models::{EventCategory, Strategy, TaskKind};
use leptos::prelude::*;

/// An enum offered in a `ChoiceSelect`.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// The values offered, in order.
    const OFFERED: &'static [Self];
    /// The option's value and text.
    fn word(self) -> &'static str;
}

macro_rules! choice {
    ($($t:ty),*) => {$(
        impl Choice for $t {
            const OFFERED: &'static [Self] = &<$t>::ALL;
            fn word(self) -> &'static str {
                self.as_str()
            }
        }
    )*};
}

choice!(Strategy, EventCategory, TaskKind);

#[component]
pub fn ChoiceSelect<T: Choice>(
    /// Before the select, e.g. "Strategy ".
    label: &'static str,
    /// The first option, for none: "All strategies".
    all: &'static str,
    #[prop(into)] value: Signal<Option<T>>,
    on_change: impl Fn(Option<T>) + 'static,
) -> impl IntoView {
    view! {
        <label>
            {label}
            <select
                prop:value=move || value.get().map(T::word).unwrap_or("")
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    on_change(T::OFFERED.iter().copied().find(|c| c.word() == picked));
                }
            >
                <option value="">{all}</option>
                {T::OFFERED
                    .iter()
                    .map(|c| view! { <option value=c.word()>{c.word()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
