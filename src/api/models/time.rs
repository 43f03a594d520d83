//! Timestamps stay as the server's strings in the models (nothing is lost on a
//! round trip); this turns one into a `DateTime` when the UI needs to compute.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};

/// Parses an ISO 8601 / RFC 3339 timestamp such as `2025-01-31T12:00:00.000Z`,
/// the one timestamp parser of the app. A time without an offset is taken as UTC.
pub fn parse_timestamp(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.with_timezone(&Utc));
    }
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .map(|naive| Utc.from_utc_datetime(&naive))
}
