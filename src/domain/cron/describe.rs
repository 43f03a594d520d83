//! Plain-English descriptions of a schedule. Common forms get their usual
//! wording; anything else is spelled out from the selected values, so the
//! text may be long but is never wrong.

use std::collections::BTreeSet;

use super::{Field, Schedule};
use crate::domain::words::noun_for;

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

pub fn describe(s: &Schedule) -> String {
    let (time, is_clock) = time_phrase(s.minute(), s.hour());
    let days = day_phrase(s.day_of_month(), s.day_of_week());
    let mut text = time;
    match days {
        Some(d) => {
            text.push(' ');
            text.push_str(&d);
        }
        None if is_clock => text = format!("every day {text}"),
        None => {}
    }
    if !s.month().is_star() {
        text.push_str(" in ");
        text.push_str(&runs(&s.month().values, " through ", |m| {
            MONTH_NAMES[m as usize - 1].to_string()
        }));
    }
    capitalise(&text)
}

/// The time-of-day part, and whether it names clock times ("at 09:30").
fn time_phrase(minute: &Field, hour: &Field) -> (String, bool) {
    let (m, h) = (&minute.values, &hour.values);
    let m_every = every(m, 0, 59);
    let h_every = every(h, 0, 23);
    match (m.len(), h.len()) {
        (60, 24) => return ("every minute".into(), false),
        (_, 24) if m_every.is_some() => {
            return (format!("every {} minutes", m_every.unwrap_or(1)), false)
        }
        (1, 24) => return (format!("every hour at minute {}", first(m)), false),
        (1, _) if h_every.is_some() => {
            let step = h_every.unwrap_or(1);
            return (format!("every {step} hours at minute {}", first(m)), false);
        }
        (a, b) if a * b <= 4 && a < 60 && b < 24 => {
            let times: Vec<String> = h
                .iter()
                .flat_map(|hh| m.iter().map(move |mm| format!("{hh:02}:{mm:02}")))
                .collect();
            return (format!("at {}", join(&times)), true);
        }
        _ => {}
    }
    let minutes = match (m.len(), m_every) {
        (60, _) => "every minute".to_string(),
        (_, Some(step)) => format!("every {step} minutes"),
        (n, None) => format!("at {} {}", noun_for(n as u64, "minute"), numbers(m)),
    };
    if h.len() == 24 {
        return (format!("{minutes} past every hour"), false);
    }
    let link = if minutes.starts_with("at") {
        "past"
    } else {
        "during"
    };
    let hours = format!("{} {}", noun_for(h.len() as u64, "hour"), numbers(h));
    (format!("{minutes} {link} {hours}"), false)
}

fn day_phrase(dom: &Field, dow: &Field) -> Option<String> {
    let by_date = (!dom.is_star()).then(|| {
        let n = dom.values.len();
        format!(
            "on {} {} of the month",
            noun_for(n as u64, "day"),
            numbers(&dom.values)
        )
    });
    let by_weekday = (!dow.is_star()).then(|| {
        if dow.values.len() == 7 {
            return "on every day of the week".to_string();
        }
        // Weeks read Monday to Sunday, so Sunday sorts last here.
        let monday_first: BTreeSet<u32> = dow
            .values
            .iter()
            .map(|d| if *d == 0 { 7 } else { *d })
            .collect();
        let names = runs(&monday_first, " through ", |d| {
            DAY_NAMES[d as usize % 7].into()
        });
        format!("on {names}")
    });
    match (by_date, by_weekday) {
        (Some(d), Some(w)) => Some(format!("{d} or {w}")),
        (d, w) => d.or(w),
    }
}

/// `Some(step)` when the values are exactly `min, min+step, ...` up to the
/// field's end, as `*/step` writes them.
fn every(values: &BTreeSet<u32>, min: u32, max: u32) -> Option<u32> {
    let v: Vec<u32> = values.iter().copied().collect();
    let step = match v.as_slice() {
        [a, b, ..] if *a == min => b - a,
        _ => return None,
    };
    let expected: Vec<u32> = (min..=max).step_by(step as usize).collect();
    (step >= 2 && v == expected).then_some(step)
}

/// Numbers, with runs as ranges and long even progressions shortened:
/// "0 and 30", "9-17", "1, 3-6 and 20", "1-23 (every 2nd)".
fn numbers(values: &BTreeSet<u32>) -> String {
    let v: Vec<u32> = values.iter().copied().collect();
    if v.len() > 6 {
        let step = v[1] - v[0];
        if step >= 2 && v.windows(2).all(|w| w[1] - w[0] == step) {
            let last = v[v.len() - 1];
            return format!("{}-{last} (every {})", v[0], ordinal(step));
        }
    }
    runs(values, "-", |n| n.to_string())
}

/// Consecutive values of three or more become "first{sep}last".
fn runs(values: &BTreeSet<u32>, sep: &str, name: impl Fn(u32) -> String) -> String {
    let mut parts: Vec<String> = Vec::new();
    let v: Vec<u32> = values.iter().copied().collect();
    let mut i = 0;
    while i < v.len() {
        let mut j = i;
        while j + 1 < v.len() && v[j + 1] == v[j] + 1 {
            j += 1;
        }
        if j - i >= 2 {
            parts.push(format!("{}{sep}{}", name(v[i]), name(v[j])));
        } else {
            parts.extend((i..=j).map(|k| name(v[k])));
        }
        i = j + 1;
    }
    join(&parts)
}

/// "a", "a and b", "a, b and c".
fn join(parts: &[String]) -> String {
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn first(values: &BTreeSet<u32>) -> u32 {
    values.iter().next().copied().unwrap_or_default()
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
