use crate::domain::logs::ansi::*;

fn styled(input: &str) -> Vec<(String, Style)> {
    parse(input)
        .pieces()
        .map(|(t, s)| (t.to_string(), s))
        .collect()
}

fn fg(i: u8) -> Style {
    Style {
        fg: Some(Color::Palette(i)),
        ..Style::default()
    }
}

#[test]
fn plain_text_is_one_plain_span() {
    let p = parse("hello world");
    assert_eq!(p.text, "hello world");
    assert_eq!(
        p.spans,
        vec![Span {
            start: 0,
            end: 11,
            style: Style::default()
        }]
    );
    assert!(parse("").spans.is_empty());
}

#[test]
fn colours_bold_and_reset() {
    assert_eq!(
        styled("a\u{1b}[31mred\u{1b}[0mb"),
        vec![
            ("a".into(), Style::default()),
            ("red".into(), fg(1)),
            ("b".into(), Style::default())
        ]
    );
    let bold_green = Style {
        bold: true,
        ..fg(2)
    };
    assert_eq!(
        styled("\u{1b}[1;32mok\u{1b}[m"),
        vec![("ok".into(), bold_green)]
    );
    // Bright colours and backgrounds.
    let s = styled("\u{1b}[91;104mx");
    assert_eq!(s[0].1.fg, Some(Color::Palette(9)));
    assert_eq!(s[0].1.bg, Some(Color::Palette(12)));
    // 39/49 reset only the colour.
    let s = styled("\u{1b}[1;31;42m\u{1b}[39;49mx");
    assert_eq!(
        s[0].1,
        Style {
            bold: true,
            ..Style::default()
        }
    );
}

#[test]
fn nested_attributes_accumulate_and_unset_separately() {
    let s = styled("\u{1b}[1m\u{1b}[3m\u{1b}[4mA\u{1b}[22mB\u{1b}[23;24mC\u{1b}[2;7;9mD");
    assert_eq!(
        s[0].1,
        Style {
            bold: true,
            italic: true,
            underline: true,
            ..Style::default()
        }
    );
    assert_eq!(
        s[1].1,
        Style {
            italic: true,
            underline: true,
            ..Style::default()
        }
    );
    assert_eq!(s[2].1, Style::default());
    assert_eq!(
        s[3].1,
        Style {
            dim: true,
            inverse: true,
            strike: true,
            ..Style::default()
        }
    );
    assert_eq!(s.iter().map(|p| p.0.as_str()).collect::<String>(), "ABCD");
}

#[test]
fn colours_256_and_truecolor() {
    let s = styled("\u{1b}[38;5;208ma\u{1b}[48;5;21mb\u{1b}[38;2;10;20;30mc\u{1b}[38:2::1:2:3md");
    assert_eq!(s[0].1.fg, Some(Color::Palette(208)));
    assert_eq!(s[1].1.bg, Some(Color::Palette(21)));
    assert_eq!(s[2].1.fg, Some(Color::Rgb(10, 20, 30)));
    assert_eq!(s[3].1.fg, Some(Color::Rgb(1, 2, 3)));
    assert_eq!(Color::Palette(196).css(), "#ff0000");
    assert_eq!(Color::Palette(232).css(), "#080808");
    assert_eq!(Color::Rgb(1, 2, 255).css(), "#0102ff");
    // Out-of-range values are ignored, not wrapped, and do not poison what follows.
    let s = styled("\u{1b}[38;5;300;1mx");
    assert_eq!(s[0].1.fg, None);
    let s = styled("\u{1b}[38;2;1;2m\u{1b}[32my");
    assert_eq!(s[0].1.fg, Some(Color::Palette(2)));
}

#[test]
fn broken_and_unknown_sequences_are_safe() {
    // Other CSI (cursor, erase) is dropped.
    assert_eq!(parse("a\u{1b}[2Kb\u{1b}[1;1Hc\u{1b}[?25l").text, "abc");
    // OSC title and hyperlinks are dropped, their text kept.
    assert_eq!(
        parse("\u{1b}]0;title\u{7}x\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\").text,
        "xlink"
    );
    // A sequence cut by the end of the line.
    assert_eq!(parse("abc\u{1b}[31").text, "abc");
    assert_eq!(parse("abc\u{1b}").text, "abc");
    // A sequence broken by a character that cannot be in it: that character is text again.
    assert_eq!(parse("\u{1b}[3é1mx").text, "é1mx");
    // Two-character escapes and charset selection.
    assert_eq!(parse("\u{1b}(Bq\u{1b}7r\u{1b}=s").text, "qrs");
    // Unknown SGR numbers change nothing.
    assert_eq!(styled("\u{1b}[31m\u{1b}[58;66mx")[0].1, fg(1));
    // Huge parameter lists do not blow up.
    let hostile = format!("\u{1b}[{}mok", "1;".repeat(100_000));
    assert_eq!(parse(&hostile).text, "ok");
    // Bare control characters are dropped, tab kept.
    assert_eq!(parse("a\u{7}b\tc\u{8}d").text, "ab\tcd");
}

#[test]
fn carriage_return_keeps_the_last_redraw() {
    assert_eq!(parse("10%\r50%\r100%").text, "100%");
    assert_eq!(parse("done\r").text, "done");
    // The style in force carries over the redraw.
    let s = styled("\u{1b}[32m1\r2");
    assert_eq!(s, vec![("2".into(), fg(2))]);
}

#[test]
fn strip_borrows_plain_text() {
    assert!(matches!(strip("plain"), std::borrow::Cow::Borrowed(_)));
    assert_eq!(strip("\u{1b}[1mbold\u{1b}[0m"), "bold");
    assert!(!needs_parsing("tab\tok"));
    assert!(needs_parsing("a\u{1b}[0m"));
    assert!(needs_parsing("a\u{9b}31mb"));
    assert!(!needs_parsing("ü é 日本"));
    assert_eq!(strip("a\u{9b}31mb\u{85}c"), "abc");
}

#[test]
fn spans_cover_the_text_without_gaps_or_repeats() {
    let p = parse("\u{1b}[31mé\u{1b}[31mü\u{1b}[0m日本\u{1b}[1m!");
    assert_eq!(p.text, "éü日本!");
    let mut at = 0;
    for s in &p.spans {
        assert_eq!(s.start, at);
        assert!(s.end > s.start);
        at = s.end;
    }
    assert_eq!(at, p.text.len());
    // Same style twice in a row is merged.
    assert_eq!(p.spans.len(), 3);
}

#[test]
fn css_for_styles() {
    let s = Style {
        bold: true,
        underline: true,
        strike: true,
        ..fg(1)
    };
    let css = s.css();
    assert!(css.contains(&("color", "#cd3131".to_string())));
    assert!(css.contains(&("font-weight", "bold".to_string())));
    assert!(css.contains(&("text-decoration", "underline line-through".to_string())));
    let inv = Style {
        inverse: true,
        ..fg(1)
    };
    assert!(inv
        .css()
        .contains(&("background-color", "#cd3131".to_string())));
    assert!(Style::default().css().is_empty());
}

#[test]
fn random_input_never_breaks_the_invariants() {
    const ALPHABET: [&str; 16] = [
        "\u{1b}", "[", "]", "3", "8", ";", ":", "5", "2", "m", "\r", "a", "é", "日", "\u{7}", "\\",
    ];
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..5_000 {
        let mut input = String::new();
        for _ in 0..(seed % 40) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            input.push_str(ALPHABET[(seed % 16) as usize]);
        }
        let p = parse(&input);
        assert!(
            !p.text.contains('\u{1b}') && !p.text.contains('\r') && !p.text.contains('\u{7}'),
            "{input:?}"
        );
        let mut at = 0;
        for s in &p.spans {
            assert_eq!(s.start, at, "{input:?}");
            assert!(
                s.end > s.start && p.text.is_char_boundary(s.end),
                "{input:?}"
            );
            at = s.end;
        }
        assert_eq!(at, p.text.len(), "{input:?}");
        assert_eq!(strip(&input), p.text.as_str(), "{input:?}");
    }
}
