//! Figures as people read them, with their units; times of day for the axes and read-out.

use super::metric::Metric;

/// Below this many seconds without a sample the latest figures still stand.
pub const STALE_S: i64 = 15;

/// A figure in full, for the read-out and the table: "123.4 %", "3,120 MB", "1.50 MB/s".
pub fn figure(metric: Metric, v: f64) -> String {
    match metric {
        Metric::Cpu => format!("{v:.1} %"),
        Metric::Memory => megabytes(v),
        Metric::Disk | Metric::Network => rate(v),
    }
}

/// MB with a thousands separator; GB (1024 MB) from 10 GB on.
pub fn megabytes(v: f64) -> String {
    if v >= 10_240.0 {
        format!("{:.1} GB", v / 1024.0)
    } else {
        format!("{} MB", thousands(v.round() as i64))
    }
}

/// MB/s; KB/s (1024 KB a MB) below 1 MB/s.
pub fn rate(v: f64) -> String {
    if v >= 1.0 {
        format!("{v:.2} MB/s")
    } else {
        format!("{:.0} KB/s", v * 1024.0)
    }
}

/// A short axis label: "50", "2.5", "12k" (the unit is in the axis title).
pub fn tick(v: f64) -> String {
    if v >= 10_000.0 {
        format!("{}k", trim(v / 1000.0))
    } else {
        trim(v)
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// `HH:MM` (or `HH:MM:SS`) of `t_ms` in the viewer's zone, `offset_ms` east of UTC.
pub fn clock(t_ms: i64, offset_ms: i64, seconds: bool) -> String {
    let s = (t_ms + offset_ms).div_euclid(1000).rem_euclid(86_400);
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if seconds {
        format!("{h:02}:{m:02}:{sec:02}")
    } else {
        format!("{h:02}:{m:02}")
    }
}

/// Seconds without a sample when that is long enough to say so instead of the figures.
pub fn no_reading_for(now_ms: i64, last_ms: Option<i64>) -> Option<i64> {
    let last = last_ms?;
    let s = (now_ms - last).max(0) / 1000;
    (s >= STALE_S).then_some(s)
}

/// How full a small bar is, 0 to 100: CPU against all the host's cores (100 % a core),
/// memory against its limit.
pub fn bar_percent(value: f64, of: f64) -> u32 {
    if !(of > 0.0 && value.is_finite()) {
        return 0;
    }
    (value / of * 100.0).clamp(0.0, 100.0).round() as u32
}

/// "1.50 MB/s (read 1.00 MB/s, write 0.50 MB/s)", "3,120 MB of 24.0 GB", "123.4 %".
pub fn describe(metric: Metric, v: f64, a: f64, b: f64) -> String {
    match metric.parts() {
        Some((pa, pb)) => format!(
            "{} ({pa} {}, {pb} {})",
            figure(metric, v),
            figure(metric, a),
            figure(metric, b)
        ),
        None if metric == Metric::Memory && a > 0.0 => {
            format!("{} of {}", figure(metric, v), figure(metric, a))
        }
        None => figure(metric, v),
    }
}
