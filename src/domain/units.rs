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
        for (minutes, want) in [
            (0, "0 min"),
            (45, "45 min"),
            (60, "60 min"),
            (90, "90 min"),
            (119, "119 min"),
        ] {
            assert_eq!(format_minutes(minutes), want, "{minutes}");
        }
    }

    #[test]
    fn minutes_from_two_hours_become_hours() {
        for (minutes, want) in [
            (120, "2 h"),
            (150, "2 h 30 min"),
            (1440, "24 h"),
            (1441, "24 h 1 min"),
        ] {
            assert_eq!(format_minutes(minutes), want, "{minutes}");
        }
    }

    #[test]
    fn hours_hints() {
        let cases = [
            (90, "= 1.5 hours"),
            (60, "= 1 hour"),
            (120, "= 2 hours"),
            (100, "= 1.67 hours"),
            (30, "= 0.5 hours"),
            (0, "= 0 hours"),
        ];
        for (minutes, want) in cases {
            assert_eq!(hours_hint(minutes), want, "{minutes}");
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        parse_timestamp(s).unwrap()
    }

    #[test]
    fn relative_times_in_the_past_and_future() {
        let now = at("2026-11-28T14:00:00Z");
        let (s, m, h, d) = (
            Duration::seconds,
            Duration::minutes,
            Duration::hours,
            Duration::days,
        );
        let cases = [
            (-s(0), "just now"),
            (-s(9), "just now"),
            (-s(10), "10 s ago"),
            (-s(45), "45 s ago"),
            (-s(60), "1 min ago"),
            (-s(199), "3 min ago"),
            (-m(59), "59 min ago"),
            (-m(150), "2 h ago"),
            (-h(23), "23 h ago"),
            (-h(24), "1 day ago"),
            (-d(5), "5 days ago"),
            (-d(45), "1 month ago"),
            (-d(800), "2 years ago"),
            (s(5), "just now"),
            (s(30), "in 30 s"),
            (m(3), "in 3 min"),
            (h(5), "in 5 h"),
            (d(2), "in 2 days"),
        ];
        for (from_now, want) in cases {
            assert_eq!(format_relative(now + from_now, now), want, "{from_now}");
        }
    }

    #[test]
    fn exact_times() {
        for (time, want) in [
            ("2026-11-28T14:03:22.517Z", "2026-11-28 14:03:22 UTC"),
            ("0987-01-02T03:04:05Z", "0987-01-02 03:04:05 UTC"),
            ("2026-11-28T16:03:22+02:00", "2026-11-28 14:03:22 UTC"),
        ] {
            assert_eq!(format_exact(at(time)), want, "{time}");
        }
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
        let cases = [
            (12.34, "$12.34"),
            (0.0, "$0.00"),
            (0.005, "$0.01"),
            (1234.5, "$1,234.50"),
            (1_000_000.0, "$1,000,000.00"),
            (-3.0, "-$3.00"),
            (-0.001, "$0.00"),
            (f64::NAN, "$—"),
        ];
        for (usd, want) in cases {
            assert_eq!(format_usd(usd), want, "{usd}");
        }
    }
}
