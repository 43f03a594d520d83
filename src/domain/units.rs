//! Minutes, times, ids and money as people read them.

use super::words::count_of;
use chrono::{DateTime, Datelike, Timelike, Utc};

/// Minutes as people say them. Under two hours people count in minutes
/// ("60 min", "90 min"); from two hours on, in hours plus any leftover minutes.
pub fn format_minutes(minutes: u32) -> String {
    if minutes < 120 {
        return format!("{minutes} min");
    }
    let (h, m) = (minutes / 60, minutes % 60);
    if m == 0 {
        format!("{h} h")
    } else {
        format!("{h} h {m} min")
    }
}

/// A helper line under a minutes input: "= 1.5 hours".
pub fn hours_hint(minutes: u32) -> String {
    let hours = f64::from(minutes) / 60.0;
    let text = format!("{hours:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let unit = if text == "1" { "hour" } else { "hours" };
    format!("= {text} {unit}")
}

/// "just now", "45 s ago", "3 min ago", "2 h ago", "5 days ago", or the same
/// in the future ("in 3 min"). Units are floored, like a clock.
pub fn format_relative(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (now - then).num_seconds();
    let (ago, secs) = (secs >= 0, secs.unsigned_abs());
    if secs < 10 {
        return "just now".to_string();
    }
    let amount = match secs {
        s if s < 60 => format!("{s} s"),
        s if s < 3_600 => format!("{} min", s / 60),
        s if s < 86_400 => format!("{} h", s / 3_600),
        s if s < 30 * 86_400 => count_of(s / 86_400, "day"),
        s if s < 365 * 86_400 => count_of(s / (30 * 86_400), "month"),
        s => count_of(s / (365 * 86_400), "year"),
    };
    if ago {
        format!("{amount} ago")
    } else {
        format!("in {amount}")
    }
}

/// The exact instant for tooltips: "2026-11-28 14:03:22 UTC".
pub fn format_exact(dt: DateTime<Utc>) -> String {
    // Written out rather than `dt.format(..)`: the list calls this for every row,
    // and chrono would parse the format string each time.
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

/// Unix seconds as the jobs API sends them; 0 means "not yet", so it gives `None`.
pub fn from_unix_seconds(secs: i64) -> Option<DateTime<Utc>> {
    if secs <= 0 {
        return None;
    }
    DateTime::from_timestamp(secs, 0)
}

/// A long address shortened for display: "7xKX…gAsU". Short ones stay whole.
pub fn short_id(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= 9 {
        return id.to_string();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

/// Dollars with cents and thousands separators: "$1,234.50", "-$3.00".
/// A value that is not a number shows as "$—" rather than a wrong amount.
pub fn format_usd(amount: f64) -> String {
    if !amount.is_finite() {
        return "$—".to_string();
    }
    let cents = (amount.abs() * 100.0).round() as u64;
    let sign = if amount < 0.0 && cents > 0 { "-" } else { "" };
    let dollars = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in dollars.chars().enumerate() {
        if i > 0 && (dollars.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{sign}${grouped}.{:02}", cents % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::parse_timestamp;
    use chrono::Duration;

    #[test]
    fn minutes_under_two_hours_stay_minutes() {
        assert_eq!(format_minutes(0), "0 min");
        assert_eq!(format_minutes(45), "45 min");
        assert_eq!(format_minutes(60), "60 min");
        assert_eq!(format_minutes(90), "90 min");
        assert_eq!(format_minutes(119), "119 min");
    }

    #[test]
    fn minutes_from_two_hours_become_hours() {
        assert_eq!(format_minutes(120), "2 h");
        assert_eq!(format_minutes(150), "2 h 30 min");
        assert_eq!(format_minutes(1440), "24 h");
        assert_eq!(format_minutes(1441), "24 h 1 min");
    }

    #[test]
    fn hours_hints() {
        assert_eq!(hours_hint(90), "= 1.5 hours");
        assert_eq!(hours_hint(60), "= 1 hour");
        assert_eq!(hours_hint(120), "= 2 hours");
        assert_eq!(hours_hint(100), "= 1.67 hours");
        assert_eq!(hours_hint(30), "= 0.5 hours");
        assert_eq!(hours_hint(0), "= 0 hours");
    }

    fn at(s: &str) -> DateTime<Utc> {
        parse_timestamp(s).unwrap()
    }

    #[test]
    fn relative_times_in_the_past() {
        let now = at("2026-11-28T14:00:00Z");
        let ago = |d: Duration| format_relative(now - d, now);
        assert_eq!(ago(Duration::seconds(0)), "just now");
        assert_eq!(ago(Duration::seconds(9)), "just now");
        assert_eq!(ago(Duration::seconds(10)), "10 s ago");
        assert_eq!(ago(Duration::seconds(45)), "45 s ago");
        assert_eq!(ago(Duration::seconds(60)), "1 min ago");
        assert_eq!(ago(Duration::seconds(199)), "3 min ago");
        assert_eq!(ago(Duration::minutes(59)), "59 min ago");
        assert_eq!(ago(Duration::minutes(150)), "2 h ago");
        assert_eq!(ago(Duration::hours(23)), "23 h ago");
        assert_eq!(ago(Duration::hours(24)), "1 day ago");
        assert_eq!(ago(Duration::days(5)), "5 days ago");
        assert_eq!(ago(Duration::days(45)), "1 month ago");
        assert_eq!(ago(Duration::days(800)), "2 years ago");
    }

    #[test]
    fn relative_times_in_the_future() {
        let now = at("2026-11-28T14:00:00Z");
        let ahead = |d: Duration| format_relative(now + d, now);
        assert_eq!(ahead(Duration::seconds(5)), "just now");
        assert_eq!(ahead(Duration::seconds(30)), "in 30 s");
        assert_eq!(ahead(Duration::minutes(3)), "in 3 min");
        assert_eq!(ahead(Duration::hours(5)), "in 5 h");
        assert_eq!(ahead(Duration::days(2)), "in 2 days");
    }

    #[test]
    fn exact_times() {
        assert_eq!(
            format_exact(at("2026-11-28T14:03:22.517Z")),
            "2026-11-28 14:03:22 UTC"
        );
        assert_eq!(
            format_exact(at("0987-01-02T03:04:05Z")),
            "0987-01-02 03:04:05 UTC"
        );
        assert_eq!(
            format_exact(at("2026-11-28T16:03:22+02:00")),
            "2026-11-28 14:03:22 UTC"
        );
    }

    #[test]
    fn iso_parsing() {
        assert!(parse_timestamp("2026-11-28T14:03:22.123Z").is_some());
        assert_eq!(
            parse_timestamp("2026-11-28T14:03:22"),
            parse_timestamp("2026-11-28T14:03:22Z")
        );
        assert_eq!(parse_timestamp("yesterday"), None);
        assert_eq!(parse_timestamp(""), None);
    }

    #[test]
    fn unix_seconds() {
        assert_eq!(from_unix_seconds(0), None);
        assert_eq!(
            from_unix_seconds(1_764_338_602),
            parse_timestamp("2025-11-28T14:03:22Z")
        );
    }

    #[test]
    fn short_ids() {
        assert_eq!(
            short_id("7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU"),
            "7xKX…gAsU"
        );
        assert_eq!(short_id("abcdefghi"), "abcdefghi");
        assert_eq!(short_id("abcdefghij"), "abcd…ghij");
        assert_eq!(short_id(""), "");
    }

    #[test]
    fn dollars() {
        assert_eq!(format_usd(12.34), "$12.34");
        assert_eq!(format_usd(0.0), "$0.00");
        assert_eq!(format_usd(0.005), "$0.01");
        assert_eq!(format_usd(1234.5), "$1,234.50");
        assert_eq!(format_usd(1_000_000.0), "$1,000,000.00");
        assert_eq!(format_usd(-3.0), "-$3.00");
        assert_eq!(format_usd(-0.001), "$0.00");
        assert_eq!(format_usd(f64::NAN), "$—");
    }
}
