//! "Download logs": what the filters show, as plain text, one line per row.

use super::display::iso_time;
use super::line::LogLine;
use super::replica;

/// `timestamp<TAB>replica<TAB>op<TAB>stream<TAB>text\n` per row, ANSI removed, lines whole
/// (no display cap). O(total text).
pub fn download_text<'a>(rows: impl IntoIterator<Item = &'a LogLine>) -> String {
    let mut out = String::new();
    for line in rows {
        out.push_str(&iso_time(line.timestamp));
        out.push('\t');
        out.push_str(&replica::label(line.replica));
        out.push('\t');
        out.push_str(&line.op);
        out.push('\t');
        out.push_str(line.stream.label());
        out.push('\t');
        out.push_str(&line.plain_text());
        out.push('\n');
    }
    out
}

/// `nosana-logs-<deployment>.txt`, the id cut to what a file name may hold.
pub fn file_name(deployment: &str) -> String {
    let id: String = deployment
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(44)
        .collect();
    format!("nosana-logs-{id}.txt")
}
