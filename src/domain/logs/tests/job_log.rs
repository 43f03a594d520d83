use super::{progress, system, text};
use crate::api::node::flog::{ProgressEvent as E, TaskLogKind};
use crate::api::node::result::parse_result;
use crate::domain::logs::job_log::JobLog;
use crate::domain::logs::line::{Body, LineId, Source, Stream};

const JOB: &str = "JobAddr1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

fn texts(log: &JobLog) -> Vec<String> {
    log.lines().map(|l| l.plain_text().into_owned()).collect()
}

#[test]
fn messages_split_into_lines() {
    let mut log = JobLog::new(JOB, 0, 100);
    let p = log.push_live(&[
        text("web", 1, "a\nb\r\n"),
        text("web", 2, "\n"),
        text("web", 3, "c"),
    ]);
    assert_eq!(p.added, 4);
    assert_eq!(texts(&log), vec!["a", "b", "", "c"]);
    let ids: Vec<String> = log.lines().map(|l| l.id().to_string()).collect();
    assert_eq!(
        ids,
        vec![
            "JobAddr1-1-0",
            "JobAddr1-1-1",
            "JobAddr1-2-0",
            "JobAddr1-3-0"
        ]
    );
    assert_eq!(
        LineId::parse("JobAddr1-1-1").unwrap(),
        log.lines().nth(1).unwrap().id()
    );
}

#[test]
fn replay_grouped_by_op_is_sorted_by_time() {
    let mut log = JobLog::new(JOB, 0, 100);
    let p = log.push_live(&[
        text("a", 1, "a1"),
        text("a", 3, "a3"),
        text("b", 2, "b2"),
        text("b", 4, "b4"),
    ]);
    assert!(p.reordered);
    assert_eq!(texts(&log), vec!["a1", "b2", "a3", "b4"]);
    let p = log.push_live(&[text("a", 5, "a5")]);
    assert!(!p.reordered);
    assert_eq!(log.ops().len(), 2);
}

#[test]
fn reconnect_keeps_only_newer_lines() {
    let mut log = JobLog::new(JOB, 0, 100);
    log.push_live(&[
        text("a", 10, "a10"),
        text("b", 5, "b5"),
        text("a", 20, "a20"),
    ]);
    log.reconnected();
    // The node replays everything it holds, then sends new lines.
    let p = log.push_live(&[
        text("a", 10, "a10"),
        text("a", 20, "a20"),
        text("b", 5, "b5"),
        text("b", 21, "b21"),
    ]);
    assert_eq!(p.duplicates, 3);
    assert_eq!(p.added, 1);
    assert_eq!(texts(&log), vec!["b5", "a10", "a20", "b21"]);
    // Before any reconnect, the first replay keeps older lines of later ops.
    let mut fresh = JobLog::new(JOB, 0, 100);
    fresh.reconnected();
    assert_eq!(fresh.push_live(&[text("a", 1, "x")]).added, 1);
}

#[test]
fn cap_keeps_the_newest_and_counts_the_dropped() {
    let mut log = JobLog::new(JOB, 0, 3);
    for ts in 0..10 {
        log.push_live(&[text("a", ts, &format!("l{ts}"))]);
    }
    assert_eq!(texts(&log), vec!["l7", "l8", "l9"]);
    assert_eq!(log.dropped(), 7);
    assert_eq!(log.positions(), 7..10);
    assert_eq!(log.get(7).unwrap().plain_text(), "l7");
    assert!(log.get(6).is_none());
    let p = log.push_live(&[text("a", 10, "x"), text("a", 11, "y")]);
    assert_eq!((p.added, p.dropped), (2, 2));
}

#[test]
fn streams_of_live_lines() {
    let mut log = JobLog::new(JOB, 0, 10);
    log.push_live(&[
        text("a", 1, "out"),
        system(2, TaskLogKind::Info, "info"),
        system(3, TaskLogKind::Error, "err"),
    ]);
    let s: Vec<(Stream, bool)> = log.lines().map(|l| (l.stream, l.is_error)).collect();
    assert_eq!(
        s,
        vec![
            (Stream::Stdout, false),
            (Stream::System, false),
            (Stream::System, true)
        ]
    );
}

#[test]
fn image_pull_progress_folds_into_one_line_per_layer() {
    let mut log = JobLog::new(JOB, 0, 100);
    let mut frames = vec![progress("web", 1, E::MultiStart, None, None, None, None)];
    let mut ts = 2;
    for i in 0..1000u64 {
        for layer in ["l1", "l2"] {
            frames.push(progress(
                "web",
                ts,
                E::MultiUpdate,
                Some(layer),
                Some("Downloading"),
                Some(i * 10),
                Some(10_000),
            ));
            ts += 1;
        }
    }
    frames.push(progress(
        "web",
        ts,
        E::MultiUpdate,
        Some("l1"),
        Some("Pull complete"),
        None,
        None,
    ));
    frames.push(progress(
        "web",
        ts + 1,
        E::MultiUpdate,
        None,
        Some("Digest: sha256:abc"),
        None,
        None,
    ));
    let p = log.push_live(&frames);
    assert_eq!(p.added, 3);
    assert_eq!(p.updated, 1998 + 1);
    assert_eq!(log.len(), 3);
    let Body::Progress(l1) = &log.lines().next().unwrap().body else {
        panic!()
    };
    assert!(l1.done);
    assert_eq!(l1.status, "Pull complete");
    assert_eq!(l1.current, Some(9990));
    let Body::Progress(l2) = &log.lines().nth(1).unwrap().body else {
        panic!()
    };
    assert!(!l2.done);
    assert_eq!(
        l2.describe(),
        "Layer l2: Downloading 10.0 kB / 10.0 kB (100%)"
    );
    assert_eq!(texts(&log)[2], "Digest: sha256:abc");
    // Stop finishes the open layers.
    let p = log.push_live(&[progress(
        "web",
        ts + 2,
        E::MultiStop,
        None,
        None,
        None,
        None,
    )]);
    assert_eq!(p.updated, 1);
    let Body::Progress(l2) = &log.lines().nth(1).unwrap().body else {
        panic!()
    };
    assert!(l2.done);
    assert!(l2.describe().ends_with("— done"));
}

#[test]
fn download_progress_folds_and_a_new_start_is_a_new_line() {
    let mut log = JobLog::new(JOB, 0, 100);
    log.push_live(&[
        progress("web", 1, E::Start, None, None, None, Some(100)),
        progress("web", 2, E::Update, None, None, Some(50), None),
        progress("web", 3, E::Update, None, None, Some(100), None),
        progress("web", 4, E::Stop, None, None, None, None),
        progress("web", 5, E::Start, None, None, None, Some(7)),
    ]);
    assert_eq!(log.len(), 2);
    let Body::Progress(first) = &log.lines().next().unwrap().body else {
        panic!()
    };
    assert_eq!(
        (first.current, first.total, first.done),
        (Some(100), Some(100), true)
    );
    assert_eq!(first.fraction(), Some(1.0));
    let Body::Progress(second) = &log.lines().nth(1).unwrap().body else {
        panic!()
    };
    assert_eq!(
        (second.current, second.total, second.done),
        (None, Some(7), false)
    );
}

#[test]
fn result_lines_replace_live_lines() {
    let mut log = JobLog::new(JOB, 2, 100);
    log.push_live(&[text("web", 1, "live")]);
    let result = parse_result(&serde_json::json!({"opStates": [
        {"operationId": "web", "logs": [
            {"type": "stdout", "log": "one\ntwo\n", "timestamp": "2025-01-31T12:00:00.5Z"},
            {"type": "stderr", "log": "bad", "timestamp": "2025-01-31T12:00:01Z"},
            {"type": "nodeerr", "log": "node"}
        ]},
        {"operationId": "late", "logs": [{"type": "stdout", "log": "early", "timestamp": "2025-01-31T11:00:00Z"}]}
    ]}))
    .unwrap();
    log.set_result(&result);
    assert!(log.has_result());
    assert_eq!(texts(&log), vec!["early", "one", "two", "bad", "node"]);
    let lines: Vec<_> = log.lines().collect();
    assert!(lines
        .iter()
        .all(|l| l.source == Source::Result && l.replica == 2));
    assert_eq!(lines[3].stream, Stream::Stderr);
    assert_eq!((lines[4].stream, lines[4].is_error), (Stream::System, true));
    assert_eq!(
        lines[4].timestamp, lines[3].timestamp,
        "no timestamp: the previous line's"
    );
    assert_eq!(lines[1].id().to_string(), "JobAddr1-r0");
    assert_eq!(LineId::parse("JobAddr1-r4").unwrap(), lines[0].id());
    // Live lines after the result are ignored.
    assert_eq!(log.push_live(&[text("web", 99, "late live")]).added, 0);
}

#[test]
fn line_ids_reject_garbage() {
    for bad in ["", "x", "a-b-c", "a--1", "-1-2", "a-r", "a-rx", "a b-1-2"] {
        assert_eq!(LineId::parse(bad), None, "{bad}");
    }
}
