//! Exact times in the reader's own time zone and language, formatted by the
//! browser's `Intl.DateTimeFormat`, with the UTC instant on hover.
//!
//! The formatters are built once per page: constructing an `Intl.DateTimeFormat`
//! costs far more than formatting with one, and tables format a time per row.

use crate::domain::units::format_exact;
use chrono::{DateTime, Utc};
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// How precise a shown time is: job starts need seconds, schedules do not.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Seconds,
    Minutes,
}

thread_local! {
    static SECONDS: Function = formatter(true);
    static MINUTES: Function = formatter(false);
}

fn formatter(seconds: bool) -> Function {
    let options = Object::new();
    let set = |key: &str, value: &str| {
        let _ = Reflect::set(&options, &key.into(), &value.into());
    };
    set("weekday", "short");
    set("year", "numeric");
    set("month", "short");
    set("day", "numeric");
    set("hour", "2-digit");
    set("minute", "2-digit");
    if seconds {
        set("second", "2-digit");
    }
    // "GMT+5:30" says which zone the reader is looking at without a lookup table.
    set("timeZoneName", "shortOffset");
    Intl::DateTimeFormat::new(&Array::new(), &options).format()
}

/// The instant in the browser's time zone, e.g. "Thu, Dec 3, 2026, 04:45:25 PM GMT+1".
pub fn local_text(at: DateTime<Utc>, precision: Precision) -> String {
    let date = Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let format = |f: &Function| f.call1(&JsValue::UNDEFINED, &date).ok();
    let text = match precision {
        Precision::Seconds => SECONDS.with(format),
        Precision::Minutes => MINUTES.with(format),
    };
    // A browser without Intl time zones still gets a true (UTC) time.
    text.and_then(|v| v.as_string())
        .unwrap_or_else(|| format_exact(at))
}

/// `<time>` showing the local time, the UTC instant on hover.
#[component]
pub fn LocalTime(
    at: DateTime<Utc>,
    #[prop(default = Precision::Seconds)] precision: Precision,
) -> impl IntoView {
    view! {
        <time datetime=at.to_rfc3339() title=format_exact(at)>
            {local_text(at, precision)}
        </time>
    }
}
