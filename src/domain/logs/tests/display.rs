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
}
