use super::text;
use crate::api::node::result::parse_result;
use crate::domain::logs::download::{download_text, file_name};
use crate::domain::logs::filter::{Levels, LogFilter};
use crate::domain::logs::line::LineId;
use crate::domain::logs::replica;
use crate::domain::logs::store::LogStore;

const A: &str = "AAAAAAAA1111111111111111111111111111111111";
const B: &str = "BBBBBBBB2222222222222222222222222222222222";

fn shown(store: &LogStore) -> Vec<String> {
    store
        .all_visible()
        .map(|l| format!("{}:{}", l.replica, l.plain_text()))
        .collect()
}

#[test]
fn jobs_merge_by_time_and_appends_stay_ordered() {
    let mut s = LogStore::new(100);
    let a = s.add_job(A);
    let b = s.add_job(B);
    assert_eq!((a, b, s.add_job(A)), (0, 1, 0));
    s.push_live(a, &[text("web", 10, "a10"), text("web", 30, "a30")]);
    s.push_live(b, &[text("web", 20, "b20")]);
    s.push_live(b, &[text("web", 25, "b25"), text("web", 40, "b40")]);
    s.push_live(a, &[text("web", 35, "a35")]);
    assert_eq!(
        shown(&s),
        vec!["0:a10", "1:b20", "1:b25", "0:a30", "0:a35", "1:b40"]
    );
    // Equal timestamps across jobs: by job order.
    s.push_live(b, &[text("web", 50, "b50")]);
    s.push_live(a, &[text("web", 50, "a50")]);
    assert_eq!(&shown(&s)[6..], ["0:a50", "1:b50"]);
    assert_eq!(s.total_len(), 8);
}

#[test]
fn incremental_merge_equals_a_full_sort() {
    // Pseudo-random interleaving of 3 jobs, pushed in small batches.
    let jobs = [A, B, "CCCCCCCC3333333333333333333333333333333333"];
    let mut s = LogStore::new(1_000);
    for j in jobs {
        s.add_job(j);
    }
    let mut seed = 7u64;
    let mut next_ts = [0i64; 3];
    let mut expected = Vec::new();
    for _ in 0..600 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = (seed >> 33) as usize % 3;
        let batch = 1 + (seed >> 40) as usize % 4;
        let mut frames = Vec::new();
        for _ in 0..batch {
            next_ts[j] += 1 + (seed >> 50) as i64 % 5;
            frames.push(text("op", next_ts[j], &format!("{j}@{}", next_ts[j])));
            expected.push((next_ts[j], j));
        }
        s.push_live(j as u16, &frames);
    }
    expected.sort();
    let got: Vec<(i64, usize)> = s
        .all_visible()
        .map(|l| (l.timestamp, usize::from(l.replica)))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn the_filter_follows_appends_and_changes() {
    let mut s = LogStore::new(100);
    let a = s.add_job(A);
    let b = s.add_job(B);
    s.push_live(a, &[text("web", 1, "hello"), text("db", 2, "query")]);
    s.set_filter(&LogFilter {
        query: "HEL".into(),
        ..Default::default()
    });
    assert_eq!(shown(&s), vec!["0:hello"]);
    s.push_live(b, &[text("web", 3, "say hello"), text("web", 4, "bye")]);
    assert_eq!(shown(&s), vec!["0:hello", "1:say hello"]);
    let v = s.version();
    s.set_filter(&LogFilter {
        replicas: vec![B.into()],
        ..Default::default()
    });
    assert!(s.version() > v);
    assert_eq!(shown(&s), vec!["1:say hello", "1:bye"]);
    s.set_filter(&LogFilter {
        op: Some("db".into()),
        ..Default::default()
    });
    assert_eq!(shown(&s), vec!["0:query"]);
    s.set_filter(&LogFilter {
        levels: Levels {
            output: false,
            errors: true,
            system: true,
        },
        ..Default::default()
    });
    assert_eq!(s.visible_len(), 0);
    assert_eq!(s.ops(), vec!["db", "web"]);
}

#[test]
fn the_cap_bounds_rows_and_counts_drops() {
    let mut s = LogStore::new(5);
    let a = s.add_job(A);
    let b = s.add_job(B);
    for ts in 0..20 {
        s.push_live(a, &[text("w", ts * 2, &format!("a{ts}"))]);
        s.push_live(b, &[text("w", ts * 2 + 1, &format!("b{ts}"))]);
    }
    assert_eq!(s.total_len(), 10);
    assert_eq!(s.dropped(), 30);
    assert_eq!(
        shown(&s),
        vec![
            "0:a15", "1:b15", "0:a16", "1:b16", "0:a17", "1:b17", "0:a18", "1:b18", "0:a19",
            "1:b19"
        ]
    );
    assert_eq!(s.visible_lines(8..100).count(), 2);
    assert_eq!(s.visible_line(0).unwrap().plain_text(), "a15");
}

#[test]
fn live_lines_in_batches_of_any_size_give_the_same_rows() {
    // The socket's frames are added in batches (a drain every 100 ms, at most a slice per
    // task): however they are cut, the rows, dedupe after a reconnect included, are the same.
    let before: Vec<_> = (1..=40).map(|t| text("w", t, &format!("l{t}"))).collect();
    // After the reconnect the node replays from line 31 on, then new lines follow.
    let after: Vec<_> = (31..=70).map(|t| text("w", t, &format!("l{t}"))).collect();
    let rows = |size: usize, cap: usize| {
        let mut s = LogStore::new(cap);
        let a = s.add_job(A);
        for batch in before.chunks(size) {
            s.push_live(a, batch);
        }
        s.reconnected(a);
        for batch in after.chunks(size) {
            s.push_live(a, batch);
        }
        shown(&s)
    };
    let every: Vec<String> = (1..=70).map(|t| format!("0:l{t}")).collect();
    for size in [1, 3, 16, 1_000] {
        assert_eq!(rows(size, 1_000), every, "batches of {size}");
        // With the cap reached, when old lines are dropped depends on the batches (the cap
        // drops a sixteenth at once); what is kept is still the newest, once each.
        let capped = rows(size, 50);
        assert!(capped.len() >= 47 && capped.len() <= 50, "{}", capped.len());
        assert_eq!(
            capped[..],
            every[every.len() - capped.len()..],
            "capped, batches of {size}"
        );
    }
}

#[test]
fn reconnect_dedupes_and_result_replaces() {
    let mut s = LogStore::new(100);
    let a = s.add_job(A);
    s.push_live(a, &[text("w", 1, "one"), text("w", 2, "two")]);
    s.reconnected(a);
    s.push_live(
        a,
        &[
            text("w", 1, "one"),
            text("w", 2, "two"),
            text("w", 3, "three"),
        ],
    );
    assert_eq!(shown(&s), vec!["0:one", "0:two", "0:three"]);
    let result = parse_result(
        &serde_json::json!({"opStates": [{"operationId": "w", "logs": [
        {"type": "stdout", "log": "final", "timestamp": "2025-01-31T12:00:00Z"}]}]}),
    )
    .unwrap();
    s.set_result(a, &result);
    assert_eq!(shown(&s), vec!["0:final"]);
    let id = LineId::parse("AAAAAAAA-r0").unwrap();
    assert_eq!(s.find_visible(&id), Some(0));
    assert_eq!(
        s.find_visible(&LineId::parse("AAAAAAAA-1-0").unwrap()),
        None
    );
}

#[test]
fn download_is_plain_text_of_what_is_shown() {
    let mut s = LogStore::new(100);
    let a = s.add_job(A);
    let b = s.add_job(B);
    s.push_live(
        a,
        &[text("web", 1738324800123, "\u{1b}[32mgreen\u{1b}[0m\n")],
    );
    s.push_live(b, &[text("db", 1738324800124, "hidden")]);
    s.set_filter(&LogFilter {
        replicas: vec![A.into()],
        ..Default::default()
    });
    assert_eq!(
        download_text(s.all_visible()),
        "2025-01-31T12:00:00.123Z\tReplica 1\tweb\tstdout\tgreen\n"
    );
    assert_eq!(file_name("Dep/1?"), "nosana-logs-Dep1.txt");
}

#[test]
fn replica_labels_and_colours() {
    assert_eq!(replica::label(0), "Replica 1");
    assert_eq!(replica::colour(9), 1);
    assert_eq!(replica::class(3), "replica-c3");
}

#[test]
fn many_lines_stay_within_the_cap() {
    let mut s = LogStore::new(20_000);
    let a = s.add_job(A);
    let batch: Vec<_> = (0..30_000).map(|ts| text("w", ts, "line")).collect();
    s.push_live(a, &batch);
    // Dropped in chunks of cap/16: the newest 18,750 are kept.
    assert_eq!(s.total_len(), 18_750);
    assert_eq!(s.dropped(), 11_250);
    assert_eq!(s.visible_line(0).unwrap().timestamp, 11_250);
    // Then 1,250 more fit before the next drop.
    let more: Vec<_> = (30_000..31_250).map(|ts| text("w", ts, "line")).collect();
    assert_eq!(s.push_live(a, &more).dropped, 0);
    assert_eq!(s.total_len(), 20_000);
    assert_eq!(
        s.push_live(a, &[text("w", 31_250, "one more")]).dropped,
        1_251
    );
    assert_eq!(s.total_len(), 18_750);
    assert_eq!(s.visible_line(18_749).unwrap().plain_text(), "one more");
}

#[test]
fn several_results_at_once() {
    let mut s = LogStore::new(100);
    let a = s.add_job(A);
    let b = s.add_job(B);
    let r = |t: &str, text: &str| {
        parse_result(
            &serde_json::json!({"opStates": [{"operationId": "w", "logs": [
            {"type": "stderr", "log": text, "timestamp": t}]}]}),
        )
        .unwrap()
    };
    let (ra, rb) = (
        r("2025-01-31T12:00:02Z", "late"),
        r("2025-01-31T12:00:01Z", "early"),
    );
    s.set_results([(a, &ra), (b, &rb), (9, &rb)]);
    assert_eq!(shown(&s), vec!["1:early", "0:late"]);
    assert!(s.jobs().iter().all(|j| j.has_result()));
}

#[test]
fn random_pushes_reconnects_and_caps_match_a_plain_model() {
    // The model: every line ever accepted per job, newest `kept` of each, merged by (ts, job).
    let cap = 64;
    let mut s = LogStore::new(cap);
    let jobs = [s.add_job(A), s.add_job(B)];
    let mut model: [Vec<i64>; 2] = [Vec::new(), Vec::new()];
    let mut next = [0i64; 2];
    let mut seed = 99u64;
    let mut rand = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    for _ in 0..400 {
        let j = rand(2) as usize;
        if rand(10) == 0 {
            // A reconnect: the node replays the last few lines, then new ones follow.
            s.reconnected(jobs[j]);
            let replay: Vec<_> = model[j]
                .iter()
                .rev()
                .take(5)
                .rev()
                .map(|&ts| text("w", ts, "again"))
                .collect();
            s.push_live(jobs[j], &replay);
        }
        let batch: Vec<_> = (0..1 + rand(6))
            .map(|_| {
                next[j] += 1 + rand(3) as i64;
                model[j].push(next[j]);
                text("w", next[j], "x")
            })
            .collect();
        s.push_live(jobs[j], &batch);
    }
    let mut expected: Vec<(i64, u16)> = Vec::new();
    for (j, m) in model.iter().enumerate() {
        let kept = s.job(jobs[j]).unwrap().len();
        assert!(kept <= cap && kept >= cap - cap / 16, "{kept}");
        assert_eq!(s.job(jobs[j]).unwrap().dropped() as usize + kept, m.len());
        expected.extend(m[m.len() - kept..].iter().map(|&ts| (ts, j as u16)));
    }
    expected.sort();
    let got: Vec<(i64, u16)> = s.all_visible().map(|l| (l.timestamp, l.replica)).collect();
    assert_eq!(got, expected);
    assert!(
        s.all_visible().all(|l| l.plain_text() == "x"),
        "replayed lines were not kept twice"
    );
}

#[test]
fn a_scroll_anchor_finds_its_line_after_drops_and_a_replay() {
    let mut s = LogStore::new(32);
    let a = s.add_job(A);
    let b = s.add_job(B);
    s.push_live(
        a,
        &(0..20)
            .map(|i| text("web", i * 10, "a"))
            .collect::<Vec<_>>(),
    );
    s.push_live(
        b,
        &(0..10)
            .map(|i| text("web", i * 10 + 5, "b"))
            .collect::<Vec<_>>(),
    );
    // The reader's top line: b's 5th (ts 45).
    let at = s
        .all_visible()
        .position(|l| l.timestamp == 45)
        .expect("line at 45");
    let key = s.row_key(s.visible_row(at).unwrap()).unwrap();
    assert_eq!(s.visible_index_of(key), at);
    let layout = s.layout();
    // The cap drops a's oldest lines: the anchor moves up by as many rows as were dropped before it.
    s.push_live(
        a,
        &(20..40)
            .map(|i| text("web", i * 10, "a"))
            .collect::<Vec<_>>(),
    );
    assert!(s.dropped() > 0);
    let now = s.visible_index_of(key);
    assert_eq!(s.visible_line(now).unwrap().timestamp, 45);
    assert_eq!(
        s.layout(),
        layout,
        "drops alone keep rows pointing at the same lines"
    );
    // A replay out of order rebuilds the layout; the key still finds the line.
    s.push_live(b, &[text("side", 1, "early")]);
    assert_ne!(
        s.layout(),
        layout,
        "a rebuild tells drawn rows to be forgotten"
    );
    let again = s.visible_index_of(key);
    assert_eq!(s.visible_line(again).unwrap().timestamp, 45);
}
