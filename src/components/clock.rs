//! One shared "now" that ticks, so relative times ("3 min ago") stay true
//! without every row running its own timer.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct Clock(pub RwSignal<DateTime<Utc>>);

pub fn provide_clock() {
    let now = RwSignal::new(Utc::now());
    let _ = set_interval_with_handle(move || now.set(Utc::now()), Duration::from_secs(10));
    provide_context(Clock(now));
}

pub fn use_now() -> RwSignal<DateTime<Utc>> {
    use_context::<Clock>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(Utc::now()))
}
