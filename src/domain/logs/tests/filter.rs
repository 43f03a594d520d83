use std::sync::Arc;

use crate::domain::logs::filter::*;
use crate::domain::logs::line::{Body, LineText, LogLine, Source, Stream};

const A: &str = "AAAAAAAA1111111111111111111111111111111111";
const B: &str = "BBBBBBBB2222222222222222222222222222222222";

fn line(job: &str, op: &str, stream: Stream, text: &str) -> LogLine {
    LogLine {
        job: Arc::from(job),
        replica: 0,
        op: Arc::from(op),
        stream,
        timestamp: 1,
        source: Source::Live,
        ordinal: 0,
        seq: 0,
        body: Body::Text(LineText::new(text.into())),
        is_error: false,
    }
}

fn pairs(q: &str) -> Vec<(String, String)> {
    q.trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn round_trip(f: &LogFilter) -> LogFilter {
    let p = pairs(&f.to_query());
    LogFilter::from_pairs(p.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

#[test]
fn defaults_are_omitted() {
    assert_eq!(LogFilter::default().to_query(), "?tab=logs");
    assert!(!LogFilter::default().is_filtered());
}

#[test]
fn query_round_trip_in_a_fixed_order() {
    let f = LogFilter {
        replicas: vec![A.into(), B.into()],
        op: Some("web".into()),
        levels: Levels {
            output: false,
            errors: true,
            system: true,
        },
        query: "Error: a&b=c ü".into(),
        line: Some("AAAAAAAA-17-0".into()),
    };
    assert_eq!(
        f.to_query(),
        "?tab=logs&replicas=AAAAAAAA%2CBBBBBBBB&op=web&levels=errors%2Csystem&q=Error%3A%20a%26b%3Dc%20%C3%BC&line=AAAAAAAA-17-0"
    );
    let back = round_trip(&f);
    assert_eq!(back.replicas, vec!["AAAAAAAA", "BBBBBBBB"]);
    assert_eq!(back.op, f.op);
    assert_eq!(back.levels, f.levels);
    assert_eq!(back.query, f.query);
    assert_eq!(back.line, f.line);
    assert_eq!(round_trip(&back), back);
}

#[test]
fn levels_params() {
    let none = Levels {
        output: false,
        errors: false,
        system: false,
    };
    assert_eq!(none.to_param(), "none");
    assert_eq!(Levels::from_param("none"), none);
    assert_eq!(Levels::from_param("bogus"), Levels::default());
    assert_eq!(
        Levels::from_param("system,bogus"),
        Levels {
            output: false,
            errors: false,
            system: true
        }
    );
    let f = LogFilter::from_pairs([
        ("levels", "none"),
        ("other", "x"),
        ("op", ""),
        ("replicas", ",,"),
    ]);
    assert_eq!(f.levels, none);
    assert_eq!(f.op, None);
    assert!(f.replicas.is_empty());
}

#[test]
fn matching_by_level_op_replica_and_text() {
    let out = line(A, "web", Stream::Stdout, "Hello \u{1b}[31mWorld\u{1b}[0m");
    let err = line(B, "db", Stream::Stderr, "boom");
    let mut sys_err = line(A, "system", Stream::System, "node failed");
    sys_err.is_error = true;
    let sys = line(A, "system", Stream::System, "pulling");

    let all = LogFilter::default().matcher();
    assert!([&out, &err, &sys, &sys_err].iter().all(|l| all.matches(l)));

    let errors_only = LogFilter {
        levels: Levels {
            output: false,
            errors: true,
            system: false,
        },
        ..Default::default()
    }
    .matcher();
    assert!(!errors_only.matches(&out));
    assert!(errors_only.matches(&err));
    assert!(errors_only.matches(&sys_err), "node errors count as Errors");
    assert!(!errors_only.matches(&sys));

    let web = LogFilter {
        op: Some("web".into()),
        ..Default::default()
    }
    .matcher();
    assert!(web.matches(&out) && !web.matches(&err));

    let only_b = LogFilter {
        replicas: vec!["BBBBBBBB".into()],
        ..Default::default()
    }
    .matcher();
    assert!(!only_b.matches(&out) && only_b.matches(&err));

    // Search ignores case and ANSI codes (the escape sits between "Hello " and "World").
    let search = LogFilter {
        query: "o wOR".into(),
        ..Default::default()
    }
    .matcher();
    assert!(search.matches(&out));
    assert!(!search.matches(&err));
    let no_escape_text = LogFilter {
        query: "31m".into(),
        ..Default::default()
    }
    .matcher();
    assert!(!no_escape_text.matches(&out));
}

#[test]
fn search_ranges_ascii_and_unicode() {
    let n = Needle::new("ab");
    assert_eq!(n.ranges("xABxaBab"), vec![1..3, 4..6, 6..8]);
    assert_eq!(Needle::new("aa").ranges("aaaa"), vec![0..2, 2..4]);
    assert!(Needle::new("").ranges("abc").is_empty());
    assert!(Needle::new("abcd").ranges("abc").is_empty());
    // Non-ASCII needle, multi-byte haystack.
    let n = Needle::new("ÜBER");
    assert_eq!(n.ranges("Das ist über gut, ÜBER"), vec![8..13, 19..24]);
    // ASCII needle around multi-byte characters stays on char boundaries.
    let r = Needle::new("b").ranges("éb日b");
    assert_eq!(r, vec![2..3, 6..7]);
    assert!(Needle::new("日本").is_in("こんにちは日本"));
    assert!(!Needle::new("日本x").is_in("日本"));
}

#[test]
fn toggling_replicas() {
    let all = [A, B];
    let mut f = LogFilter::default();
    f.toggle_replica(A, &all);
    assert_eq!(f.replicas, vec!["BBBBBBBB"]);
    assert!(!f.shows_job(A) && f.shows_job(B));
    f.toggle_replica(A, &all);
    assert!(f.replicas.is_empty(), "all chosen again means no filter");
    assert!(f.shows_job(A));
}

#[test]
fn permalinks_carry_only_the_line() {
    let id = crate::domain::logs::line::LineId::parse("AAAAAAAA-1738324800123-2").unwrap();
    assert_eq!(
        LogFilter::permalink(&id),
        "?tab=logs&line=AAAAAAAA-1738324800123-2"
    );
    let back = LogFilter::from_pairs([("tab", "logs"), ("line", "AAAAAAAA-1738324800123-2")]);
    assert_eq!(back.line.as_deref(), Some("AAAAAAAA-1738324800123-2"));
    assert!(!back.is_filtered());
}
