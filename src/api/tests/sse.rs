use super::FeedStr;
use crate::api::sse::{is_event_stream, SseParser};

#[test]
fn yields_data_of_complete_events_only() {
    let mut p = SseParser::new();
    assert!(p.feed_str("data: {\"a\":1}\n").is_empty());
    assert_eq!(p.feed_str("\n"), ["{\"a\":1}"]);
    assert_eq!(p.feed_str("data: one\n\ndata: two\n\n"), ["one", "two"]);
}

#[test]
fn comments_and_other_fields_are_ignored() {
    let mut p = SseParser::new();
    let out = p.feed_str(": keep-alive\n\nevent: update\nid: 7\nretry: 1000\ndata: x\n\n");
    assert_eq!(out, ["x"]);
    assert!(p.feed_str(": keep-alive\n\n").is_empty());
}

#[test]
fn frames_split_anywhere_across_chunks() {
    let text = "data: {\"type\":\"job\"}\n\n: keep-alive\n\ndata: {\"type\":\"task\"}\n\n";
    for cut in 0..=text.len() {
        let mut p = SseParser::new();
        let mut out = p.feed_str(&text[..cut]);
        out.extend(p.feed_str(&text[cut..]));
        assert_eq!(
            out,
            ["{\"type\":\"job\"}", "{\"type\":\"task\"}"],
            "cut at {cut}"
        );
    }
}

#[test]
fn one_byte_at_a_time_even_inside_a_utf8_character() {
    let text = "data: caf\u{e9} \u{2713}\n\n";
    let mut p = SseParser::new();
    let mut out = Vec::new();
    for b in text.as_bytes() {
        out.extend(p.feed(std::slice::from_ref(b)));
    }
    assert_eq!(out, ["caf\u{e9} \u{2713}"]);
}

#[test]
fn crlf_and_cr_line_endings() {
    let mut p = SseParser::new();
    assert_eq!(p.feed_str("data: a\r\n\r\ndata: b\r\r"), ["a"]);
    assert_eq!(p.feed_str("data: c\r\r"), ["b"]);
    // A `\r` at a chunk's end may be the first half of `\r\n`.
    let mut p = SseParser::new();
    assert!(p.feed_str("data: c\r").is_empty());
    assert!(p.feed_str("\n\r").is_empty());
    assert_eq!(p.feed_str("\n"), ["c"]);
}

#[test]
fn multi_line_data_is_joined_with_newlines() {
    let mut p = SseParser::new();
    assert_eq!(
        p.feed_str("data: first\ndata:second\ndata\n\n"),
        ["first\nsecond\n"]
    );
}

#[test]
fn an_event_without_data_is_not_yielded() {
    let mut p = SseParser::new();
    assert!(p.feed_str("event: ping\n\n\n\n").is_empty());
}

#[test]
fn a_leading_byte_order_mark_is_skipped() {
    let mut p = SseParser::new();
    assert!(p.feed(b"\xEF\xBB").is_empty());
    assert_eq!(p.feed(b"\xBFdata: x\n\n"), ["x"]);
}

#[test]
fn only_an_event_stream_content_type_is_accepted() {
    assert!(is_event_stream(Some("text/event-stream")));
    assert!(is_event_stream(Some("Text/Event-Stream; charset=utf-8")));
    assert!(!is_event_stream(Some("text/html; charset=utf-8")));
    assert!(!is_event_stream(Some("application/json")));
    assert!(!is_event_stream(None));
}
