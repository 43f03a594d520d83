//! What is drawn of a line: a bounded prefix of very long lines (a 1 MB line must not
//! stall the renderer; the download keeps it whole), search highlights and the local time.

use std::ops::Range;

use super::ansi::{ParsedLine, Span, Style};

/// Characters drawn of one line at most.
pub const MAX_DISPLAY_CHARS: usize = 4_000;

/// A piece of a drawn line: text, style, and whether it is a search match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub style: Style,
    pub highlight: bool,
}

/// A line ready to draw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DrawnLine {
    pub pieces: Vec<Piece>,
    /// Characters not drawn ("… N more characters").
    pub more: usize,
}

/// Cuts a parsed line to `max_chars` characters; returns what was left out.
pub fn truncate(parsed: &mut ParsedLine, max_chars: usize) -> usize {
    let Some((cut, _)) = parsed.text.char_indices().nth(max_chars) else {
        return 0;
    };
    let more = parsed.text[cut..].chars().count();
    parsed.text.truncate(cut);
    parsed.spans.retain(|s| s.start < cut);
    if let Some(last) = parsed.spans.last_mut() {
        last.end = last.end.min(cut);
    }
    more
}

/// "… 12,345 more characters".
pub fn more_label(more: usize) -> String {
    format!("… {} more characters", group_thousands(more))
}

fn group_thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Splits styled spans at the match ranges (byte ranges of `parsed.text`).
pub fn highlight(parsed: &ParsedLine, matches: &[Range<usize>]) -> Vec<Piece> {
    let mut out = Vec::new();
    for &Span { start, end, style } in &parsed.spans {
        let mut at = start;
        for m in matches.iter().filter(|m| m.start < end && m.end > start) {
            let ms = m.start.max(start);
            let me = m.end.min(end);
            if ms > at {
                out.push(piece(parsed, at..ms, style, false));
            }
            out.push(piece(parsed, ms..me, style, true));
            at = me;
        }
        if at < end {
            out.push(piece(parsed, at..end, style, false));
        }
    }
    out
}

fn piece(parsed: &ParsedLine, r: Range<usize>, style: Style, highlight: bool) -> Piece {
    Piece {
        text: parsed.text.get(r).unwrap_or_default().to_string(),
        style,
        highlight,
    }
}

/// Parses, caps and highlights one raw line: what a row draws. O(line length).
pub fn draw(
    raw: &str,
    query_ranges: impl Fn(&str) -> Vec<Range<usize>>,
    max_chars: usize,
) -> DrawnLine {
    // Only a prefix is parsed: a 1 MB line costs no more to draw than a long one. Escape
    // codes take bytes, so the prefix leaves room for them before the cut.
    let bound = max_chars.saturating_mul(8).max(1024);
    let (head, tail_chars) = match raw.char_indices().nth(bound) {
        Some((cut, _)) => (&raw[..cut], raw[cut..].chars().count()),
        None => (raw, 0),
    };
    let mut parsed = super::ansi::parse(head);
    let more = truncate(&mut parsed, max_chars) + tail_chars;
    let matches = query_ranges(&parsed.text);
    DrawnLine {
        pieces: highlight(&parsed, &matches),
        more,
    }
}

/// `HH:MM:SS.mmm` in the viewer's time zone.
pub fn local_time(ms: i64) -> String {
    use chrono::{Local, Offset, TimeZone};
    match Local.timestamp_millis_opt(ms).single() {
        Some(t) => clock_time(ms, t.offset().fix().local_minus_utc() / 60),
        None => String::new(),
    }
}

/// `HH:MM:SS.mmm` of `ms` at `offset_minutes` east of UTC. Written out by hand: a row is
/// drawn for every line that scrolls into view (2,000 a second when following a busy job),
/// and chrono parses a strftime pattern on every call.
pub fn clock_time(ms: i64, offset_minutes: i32) -> String {
    const DAY: i64 = 86_400_000;
    let local = ms + i64::from(offset_minutes) * 60_000;
    let t = local.rem_euclid(DAY);
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        t / 3_600_000,
        t / 60_000 % 60,
        t / 1000 % 60,
        t % 1000
    )
}

/// `2025-01-31T12:00:00.123Z` (by hand, like `clock_time`).
pub fn iso_time(ms: i64) -> String {
    use chrono::{Datelike, Timelike};
    match chrono::DateTime::from_timestamp_millis(ms) {
        Some(t) => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
            ms.rem_euclid(1000)
        ),
        None => String::new(),
    }
}

/// The accessible name of a line's "Copy" button (its visible label stays "Copy"), distinct
/// for every line shown: the replica with the node's time (unique per job, to the ms) and
/// the line's part of a multi-line frame; a result line by its number in the job's result.
/// `time` is what the row shows (`clock_time`), or `None` when the line has no time.
pub fn copy_label(line: &super::LogLine, time: Option<&str>) -> String {
    use super::line::Source;
    let who = super::replica::label(line.replica);
    let at = time.map(|t| format!(" at {t}")).unwrap_or_default();
    match line.source {
        Source::Live if line.ordinal == 0 => format!("Copy link to the {who} line{at}"),
        Source::Live => format!(
            "Copy link to the {who} line{at}, part {}",
            u64::from(line.ordinal) + 1
        ),
        Source::Result => format!(
            "Copy link to {who} result line {}{at}",
            u64::from(line.ordinal) + 1
        ),
    }
}
