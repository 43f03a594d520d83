//! A deployment status as a coloured badge with its name in words.

use crate::api::models::Status;
use crate::domain::status::{label, tone};
use leptos::prelude::*;

#[component]
pub fn StatusBadge(#[prop(into)] status: Signal<Status>) -> impl IntoView {
    view! {
        <span
            class=move || format!("badge badge-{}", tone(status.get()).as_str())
            data-status=move || status.get().as_str()
        >
            {move || label(status.get())}
        </span>
    }
}

/// The same badge for a status that cannot change where it is shown (a list
/// row, a heading): plain attributes, so no reactive work per badge.
pub fn static_badge(status: Status) -> impl IntoView {
    view! {
        <span class=format!("badge badge-{}", tone(status).as_str()) data-status=status.as_str()>
            {label(status)}
        </span>
    }
}
