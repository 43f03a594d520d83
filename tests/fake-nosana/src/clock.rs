//! Time: the fixed base of the seed data, "now" for mutations, and the ISO 8601
//! spelling the API uses (`2026-11-01T00:00:00.000Z`, as JavaScript prints it).

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};

/// Seed timestamps are offsets from this instant, so the data is the same on
/// every run. They all fall within `SEED_SPAN_DAYS` after it.
pub const SEED_SPAN_DAYS: i64 = 16;

pub fn seed_base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0)
        .single()
        .expect("valid base time")
}

/// The wall clock, but never earlier than the seed base: a mutation must not
/// produce an `updated_at` older than the seeded `created_at` on a machine
/// whose clock is behind.
pub fn now() -> DateTime<Utc> {
    let now = Utc::now();
    let floor = seed_base() + chrono::Duration::days(SEED_SPAN_DAYS);
    let t = if now < floor { floor } else { now };
    // Millisecond precision, like the real API, so a value survives a round trip.
    DateTime::from_timestamp_millis(t.timestamp_millis()).unwrap_or(t)
}

pub fn iso(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// RFC 3339 date-time (what AJV's `date-time` format accepts).
pub fn parse_iso(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// `#[serde(with = "crate::clock::iso_serde")]` for timestamp fields.
pub mod iso_serde {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::iso(t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO 8601 date-time: {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_like_javascript() {
        assert_eq!(iso(&seed_base()), "2026-11-01T00:00:00.000Z");
    }

    #[test]
    fn parses_offsets_and_refuses_dates_without_time() {
        assert_eq!(parse_iso("2026-11-01T01:00:00+01:00"), Some(seed_base()));
        assert_eq!(parse_iso("2026-11-01"), None);
    }

    #[test]
    fn now_is_after_the_seed_data() {
        assert!(now() > seed_base());
    }
}
