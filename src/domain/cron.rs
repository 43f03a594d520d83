//! Schedules of SCHEDULED deployments: standard 5-field cron, as the server's
//! worker reads it. Validation and descriptions are ours; next runs come from croner.

mod describe;
mod field;

use chrono::{DateTime, Utc};
use croner::parser::{CronParser, Seconds, Year};
use croner::Cron;

pub use describe::describe;
pub use field::{Field, Item, Kind};

/// A valid schedule: the five parsed fields and the engine that finds its runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// The expression with its fields separated by single spaces.
    pub text: String,
    pub fields: [Field; 5],
    cron: Cron,
}

impl Schedule {
    pub fn minute(&self) -> &Field {
        &self.fields[0]
    }
    pub fn hour(&self) -> &Field {
        &self.fields[1]
    }
    pub fn day_of_month(&self) -> &Field {
        &self.fields[2]
    }
    pub fn month(&self) -> &Field {
        &self.fields[3]
    }
    pub fn day_of_week(&self) -> &Field {
        &self.fields[4]
    }
}

/// Parses `minute hour day-of-month month day-of-week`. Refuses seconds and
/// years, `@nicknames` (the server checks for exactly five fields) and
/// Quartz-only syntax (`?`, `L`, `W`, `#`).
pub fn parse_schedule(text: &str) -> Result<Schedule, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("Enter a schedule, e.g. 0 * * * * for every hour".to_string());
    }
    if t.starts_with('@') {
        return Err(nickname_hint(t));
    }
    let parts: Vec<&str> = t.split_whitespace().collect();
    if parts.len() != 5 {
        return Err(format!(
            "A schedule has 5 fields (minute hour day-of-month month day-of-week); this one has {}{}",
            parts.len(),
            if parts.len() > 5 { ". Seconds and years are not supported" } else { "" }
        ));
    }
    let mut fields = Vec::with_capacity(5);
    for (kind, part) in Kind::ALL.into_iter().zip(&parts) {
        fields.push(field::parse(kind, part)?);
    }
    let fields: [Field; 5] = fields.try_into().expect("five kinds, five fields");
    if let Some(reason) = impossible_day(&fields) {
        return Err(reason);
    }
    let numeric: Vec<String> = fields.iter().map(Field::numeric).collect();
    let cron = CronParser::builder()
        .seconds(Seconds::Disallowed)
        .year(Year::Disallowed)
        .build()
        .parse(&numeric.join(" "))
        .map_err(|e| format!("This schedule cannot be used: {e}"))?;
    Ok(Schedule {
        text: parts.join(" "),
        fields,
        cron,
    })
}

fn nickname_hint(t: &str) -> String {
    let equivalent = match t.to_ascii_lowercase().as_str() {
        "@yearly" | "@annually" => Some("0 0 1 1 *"),
        "@monthly" => Some("0 0 1 * *"),
        "@weekly" => Some("0 0 * * 0"),
        "@daily" | "@midnight" => Some("0 0 * * *"),
        "@hourly" => Some("0 * * * *"),
        _ => None,
    };
    match equivalent {
        Some(e) => format!("Nicknames like {t} are not accepted: write the 5 fields instead ({e})"),
        None => "Nicknames like @hourly are not accepted: write the 5 fields, e.g. 0 * * * *"
            .to_string(),
    }
}

/// A day-of-month that no selected month has (e.g. 31 in February only)
/// would never run; say so instead of promising runs.
fn impossible_day(fields: &[Field; 5]) -> Option<String> {
    let (dom, month, dow) = (&fields[2], &fields[3], &fields[4]);
    if dom.is_star() || !dow.is_star() {
        return None;
    }
    let longest = month
        .values
        .iter()
        .map(|m| match m {
            2 => 29,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        })
        .max()
        .unwrap_or(31);
    let first = *dom.values.iter().next()?;
    (first > longest).then(|| {
        format!("Day-of-month field: no selected month has a day {first}, so this schedule would never run")
    })
}

/// The next `n` runs strictly after `after`, in UTC.
pub fn next_runs(schedule: &Schedule, after: DateTime<Utc>, n: usize) -> Vec<DateTime<Utc>> {
    schedule.cron.iter_after(after).take(n).collect()
}

#[cfg(test)]
mod tests;
