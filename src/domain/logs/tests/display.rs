use crate::domain::logs::ansi::{parse, Style};
use crate::domain::logs::display::*;
use crate::domain::logs::filter::Needle;

#[test]
fn long_lines_are_capped_for_display() {
    let long = "x".repeat(1_000_000);
    let drawn = draw(&long, |_| Vec::new(), MAX_DISPLAY_CHARS);
    let shown: usize = drawn.pieces.iter().map(|p| p.text.chars().count()).sum();
    assert_eq!(shown, MAX_DISPLAY_CHARS);
    assert_eq!(drawn.more, 1_000_000 - MAX_DISPLAY_CHARS);
    assert_eq!(more_label(drawn.more), "… 996,000 more characters");
    let short = draw("short", |_| Vec::new(), 10);
    assert_eq!(short.more, 0);
}

#[test]
fn truncation_respects_characters_and_spans() {
    let mut p = parse("\u{1b}[31méé\u{1b}[0mabc");
    let more = truncate(&mut p, 3);
    assert_eq!(p.text, "ééa");
    assert_eq!(more, 2);
    assert_eq!(p.spans.last().unwrap().end, p.text.len());
    assert_eq!(p.spans.len(), 2);
}

#[test]
fn highlights_split_styled_spans() {
    let needle = Needle::new("LO w");
    let drawn = draw("hel\u{1b}[1mlo world", |t| needle.ranges(t), 100);
    let parts: Vec<(&str, bool, bool)> = drawn
        .pieces
        .iter()
        .map(|p| (p.text.as_str(), p.style.bold, p.highlight))
        .collect();
    assert_eq!(
        parts,
        vec![
            ("hel", false, false),
            ("lo w", true, true),
            ("orld", true, false)
        ]
    );
    let one_match: Vec<std::ops::Range<usize>> = std::iter::once(1..2).collect();
    let plain = highlight(&parse("aXa"), &one_match);
    assert_eq!(
        plain[1],
        Piece {
            text: "X".into(),
            style: Style::default(),
            highlight: true
        }
    );
}

#[test]
fn times() {
    assert_eq!(iso_time(1738324800123), "2025-01-31T12:00:00.123Z");
    assert_eq!(local_time(0).len(), "00:00:00.000".len());
    assert_eq!(iso_time(-1), "1969-12-31T23:59:59.999Z");
}

#[test]
fn clock_time_in_a_zone() {
    // 2025-01-31T12:00:00.123Z
    let ms = 1738324800123;
    assert_eq!(clock_time(ms, 0), "12:00:00.123");
    assert_eq!(clock_time(ms, 60), "13:00:00.123");
    assert_eq!(clock_time(ms, -330), "06:30:00.123");
    // Across midnight both ways.
    assert_eq!(clock_time(ms, 13 * 60), "01:00:00.123");
    assert_eq!(clock_time(ms - 12 * 3_600_000, -60), "23:00:00.123");
    assert_eq!(clock_time(-1, 0), "23:59:59.999");
}

#[test]
fn copy_labels_differ_per_line() {
    use super::text;
    use crate::domain::logs::job_log::JobLog;
    use std::collections::HashSet;
    let mut log = JobLog::new("JobAddr1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 1, 100);
    log.push_live(&[text("web", 1000, "a\nb"), text("web", 1001, "c")]);
    let labels: Vec<String> = log
        .lines()
        .map(|l| copy_label(l, Some(&clock_time(l.timestamp, 0))))
        .collect();
    assert_eq!(
        labels,
        vec![
            "Copy link to the Replica 2 line at 00:00:01.000",
            "Copy link to the Replica 2 line at 00:00:01.000, part 2",
            "Copy link to the Replica 2 line at 00:00:01.001",
        ]
    );
    let unique: HashSet<&String> = labels.iter().collect();
    assert_eq!(unique.len(), labels.len());
}

#[test]
fn copy_labels_of_result_lines_count_them() {
    use crate::api::node::result::parse_result;
    use crate::domain::logs::job_log::JobLog;
    let mut log = JobLog::new("JobAddr1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 0, 100);
    let result = parse_result(
        &serde_json::json!({"opStates": [{"operationId": "web", "logs": [
            {"type": "stdout", "log": "one\ntwo", "timestamp": "2025-01-31T12:00:00Z"},
            {"type": "stdout", "log": "untimed"}
        ]}]}),
    )
    .unwrap();
    log.set_result(&result);
    let labels: Vec<String> = log.lines().map(|l| copy_label(l, None)).collect();
    assert_eq!(
        labels,
        vec![
            "Copy link to Replica 1 result line 1",
            "Copy link to Replica 1 result line 2",
            "Copy link to Replica 1 result line 3",
        ]
    );
}
