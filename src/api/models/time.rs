//! Timestamps stay as the server's strings in the models (nothing is lost on a
//! round trip); this turns one into a `DateTime` when the UI needs to compute.

use chrono::{DateTime, Utc};

/// Parses an ISO 8601 / RFC 3339 timestamp such as `2025-01-31T12:00:00.000Z`.
pub fn parse_timestamp(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
