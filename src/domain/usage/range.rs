//! The chart's time range. It lives in the URL (`?usage=1h`), so a reload or a shared link
//! shows the same window; the section is open while the parameter is present.

/// The node's sampling interval, also the stream's: one sample per op every 5 s.
pub const SAMPLE_S: u32 = 5;

/// How much history a range change may need: the widest range.
pub const MAX_RANGE_MS: i64 = 24 * 3_600_000;

/// A missing point beyond this spacing breaks the line (the node sent nothing then): three
/// sampling intervals, so one lost frame is bridged and a pause is not. The same for every
/// range (all use the node's 5 s samples), so lines are derived once for all of them.
pub const GAP_MS: i64 = 3 * SAMPLE_S as i64 * 1000 + 500;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Range {
    M5,
    #[default]
    M15,
    H1,
    H6,
    H24,
}

impl Range {
    pub const ALL: [Range; 5] = [Range::M5, Range::M15, Range::H1, Range::H6, Range::H24];

    /// The value of `?usage=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Range::M5 => "5m",
            Range::M15 => "15m",
            Range::H1 => "1h",
            Range::H6 => "6h",
            Range::H24 => "24h",
        }
    }

    /// `?usage=` read back; an unknown value opens the default range.
    pub fn parse(s: &str) -> Range {
        Range::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .unwrap_or_default()
    }

    /// The button's text.
    pub fn label(self) -> &'static str {
        match self {
            Range::M5 => "5 min",
            Range::M15 => "15 min",
            Range::H1 => "1 h",
            Range::H6 => "6 h",
            Range::H24 => "24 h",
        }
    }

    /// Spoken: "last 15 minutes".
    pub fn spoken(self) -> &'static str {
        match self {
            Range::M5 => "last 5 minutes",
            Range::M15 => "last 15 minutes",
            Range::H1 => "last hour",
            Range::H6 => "last 6 hours",
            Range::H24 => "last 24 hours",
        }
    }

    pub fn ms(self) -> i64 {
        match self {
            Range::M5 => 5 * 60_000,
            Range::M15 => 15 * 60_000,
            Range::H1 => 3_600_000,
            Range::H6 => 6 * 3_600_000,
            Range::H24 => MAX_RANGE_MS,
        }
    }

    /// The interval asked of `/stats`. The node's own 5 s samples are kept for every range
    /// (the charts thin them to the pixel width), so a range change needs no new coarser
    /// copy of data already held.
    pub fn interval_s(self) -> u32 {
        SAMPLE_S
    }

    /// Spacing of the time axis' ticks: four to seven across the chart.
    pub fn tick_ms(self) -> i64 {
        match self {
            Range::M5 => 60_000,
            Range::M15 => 3 * 60_000,
            Range::H1 => 10 * 60_000,
            Range::H6 => 3_600_000,
            Range::H24 => 4 * 3_600_000,
        }
    }

    /// See `GAP_MS`.
    pub fn gap_ms(self) -> i64 {
        GAP_MS
    }
}

/// What to fetch so that `[now - range, now]` is held, given that samples from `held_from`
/// on are already held (`None`: nothing yet). `None` when nothing is missing.
pub fn missing_span(range: Range, now_ms: i64, held_from: Option<i64>) -> Option<(i64, i64)> {
    let start = now_ms - range.ms();
    match held_from {
        None => Some((start, now_ms)),
        Some(from) if from > start => Some((start, from)),
        Some(_) => None,
    }
}

/// The query with `?usage=` set to `range` (or removed for `None`); the other pairs stay as
/// they were, in order. Returns `""` or a string starting with `?`.
pub fn with_range<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    range: Option<Range>,
) -> String {
    use crate::api::query::encode_component as enc;
    let mut out: Vec<String> = pairs
        .into_iter()
        .filter(|(k, _)| *k != "usage")
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    if let Some(r) = range {
        out.push(format!("usage={}", r.as_str()));
    }
    if out.is_empty() {
        String::new()
    } else {
        format!("?{}", out.join("&"))
    }
}
