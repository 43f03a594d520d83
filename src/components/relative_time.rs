//! A timestamp as people read it ("3 min ago"), the exact time on hover.

use super::clock::use_now;
use crate::api::models::parse_timestamp;
use crate::domain::units::{format_exact, format_relative};
use leptos::prelude::*;

#[component]
pub fn RelativeTime(#[prop(into)] iso: String) -> impl IntoView {
    let now = use_now();
    match parse_timestamp(&iso) {
        Some(at) => view! {
            <time datetime=iso.clone() title=format_exact(at)>
                {move || format_relative(at, now.get())}
            </time>
        }
        .into_any(),
        None => view! { <span class="muted">{if iso.is_empty() { "—".to_string() } else { iso }}</span> }
            .into_any(),
    }
}
