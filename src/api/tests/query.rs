use chrono::{TimeZone, Utc};

use crate::api::models::{EventCategory, JobState, Status, Strategy, TaskKind};
use crate::api::query::*;

/// A query as `to_query_pairs` builds it.
type Query = Vec<(String, String)>;

fn pairs(list: &[(&str, &str)]) -> Query {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn page_sizes_are_only_the_four_the_api_accepts() {
    let accepted: Vec<u32> = (0..=200)
        .filter(|n| PageSize::from_u32(*n).is_some())
        .collect();
    assert_eq!(accepted, [10, 20, 50, 100]);
    assert_eq!(PageSize::default().as_u32(), 10);
    for size in PageSize::ALL {
        assert_eq!(PageSize::from_u32(size.as_u32()), Some(size));
    }
}

#[test]
fn default_page_asks_for_ten_newest_first() {
    assert_eq!(SortOrder::default(), SortOrder::Desc);
    assert_eq!(
        Page::default().to_query_pairs(),
        pairs(&[("limit", "10"), ("sort_order", "desc")])
    );
}

#[test]
fn page_carries_its_cursor_and_order() {
    let page = Page {
        cursor: Some("eyJpZCI6MX0=".into()),
        limit: PageSize::Fifty,
        sort_order: SortOrder::Asc,
    };
    assert_eq!(
        page.to_query_pairs(),
        pairs(&[
            ("cursor", "eyJpZCI6MX0="),
            ("limit", "50"),
            ("sort_order", "asc")
        ])
    );
    let blank = Page {
        cursor: Some(String::new()),
        ..Page::default()
    };
    assert_eq!(blank.to_query_pairs()[0].0, "limit");
}

#[test]
fn empty_deployment_filter_adds_nothing() {
    assert!(DeploymentFilter::default().to_query_pairs().is_empty());
    let blanks = DeploymentFilter {
        search: Some("   ".into()),
        name: Some(String::new()),
        statuses: vec![Status::Unknown],
        strategies: vec![Strategy::Unknown],
        ..Default::default()
    };
    assert!(blanks.to_query_pairs().is_empty());
}

#[test]
fn filters_use_comma_lists_and_iso_dates_and_leave_out_what_is_empty() {
    let day = |m, d, h, min, s| Some(Utc.with_ymd_and_hms(2025, m, d, h, min, s).unwrap());
    let deployments = DeploymentFilter {
        search: Some(" llama ".into()),
        id: Some("MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KT".into()),
        name: Some("my app".into()),
        statuses: vec![Status::Running, Status::InsufficientFunds, Status::Running],
        strategies: vec![Strategy::SimpleExtend, Strategy::Infinite],
        vault: Some("cJnTPkyRFA6CAFjF1YveCHK1ATbQgdM9mwZgikp4Wzx".into()),
        created_after: day(1, 2, 3, 4, 5),
        created_before: day(2, 1, 0, 0, 0),
    };
    let jobs = JobFilter {
        states: vec![JobState::Queued, JobState::Unknown, JobState::Running],
        job: Some("bbrZNhFgtsqwDtGuSptFDaYPo22sJXHDmfPVtoPQ6F7F".into()),
        created_after: None,
        created_before: day(3, 1, 0, 0, 0),
    };
    let events = EventFilter {
        category: Some(EventCategory::Deployment),
        types: vec!["JOB_LIST_ERROR".into(), "".into(), "JOB_STOP_ERROR".into()],
        ..Default::default()
    };
    let unknown_category = EventFilter {
        category: Some(EventCategory::Unknown),
        ..Default::default()
    };
    let tasks = TaskFilter {
        task: Some(TaskKind::Extend),
    };
    let cases = [
        (
            "deployments",
            deployments.to_query_pairs(),
            pairs(&[
                ("search", "llama"),
                ("id", "MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KT"),
                ("name", "my app"),
                ("status", "RUNNING,INSUFFICIENT_FUNDS"),
                ("strategy", "SIMPLE-EXTEND,INFINITE"),
                ("vault", "cJnTPkyRFA6CAFjF1YveCHK1ATbQgdM9mwZgikp4Wzx"),
                ("created_after", "2025-01-02T03:04:05.000Z"),
                ("created_before", "2025-02-01T00:00:00.000Z"),
            ]),
        ),
        (
            "no job filter",
            JobFilter::default().to_query_pairs(),
            pairs(&[]),
        ),
        (
            "jobs",
            jobs.to_query_pairs(),
            pairs(&[
                ("state", "QUEUED,RUNNING"),
                ("job", "bbrZNhFgtsqwDtGuSptFDaYPo22sJXHDmfPVtoPQ6F7F"),
                ("created_before", "2025-03-01T00:00:00.000Z"),
            ]),
        ),
        (
            "no event filter",
            EventFilter::default().to_query_pairs(),
            pairs(&[]),
        ),
        (
            "events",
            events.to_query_pairs(),
            pairs(&[
                ("category", "Deployment"),
                ("type", "JOB_LIST_ERROR,JOB_STOP_ERROR"),
            ]),
        ),
        (
            "unknown event category",
            unknown_category.to_query_pairs(),
            pairs(&[]),
        ),
        (
            "no task filter",
            TaskFilter::default().to_query_pairs(),
            pairs(&[]),
        ),
        (
            "tasks",
            tasks.to_query_pairs(),
            pairs(&[("task", "EXTEND")]),
        ),
    ];
    for (case, sent, want) in cases {
        assert_eq!(sent, want, "{case}");
    }
}

#[test]
fn no_filter_ever_emits_a_revision() {
    let all = [
        DeploymentFilter::default().to_query_pairs(),
        JobFilter {
            states: JobState::ALL.to_vec(),
            job: Some("j".into()),
            ..Default::default()
        }
        .to_query_pairs(),
        Page::default().to_query_pairs(),
    ];
    assert!(all.iter().flatten().all(|(k, _)| k != "revision"));
}

#[test]
fn encoding_keeps_unreserved_and_escapes_the_rest() {
    assert_eq!(encode_component("AZaz09-._~"), "AZaz09-._~");
    assert_eq!(
        encode_component("a b,c/d?e&f=g+h#i%"),
        "a%20b%2Cc%2Fd%3Fe%26f%3Dg%2Bh%23i%25"
    );
    assert_eq!(encode_component("é✓"), "%C3%A9%E2%9C%93");
    assert_eq!(encode_component(""), "");
    assert_eq!(
        encode_query(&pairs(&[
            ("search", "gpu & co"),
            ("status", "RUNNING,STOPPED")
        ])),
        "search=gpu%20%26%20co&status=RUNNING%2CSTOPPED"
    );
    assert_eq!(encode_query(&[]), "");
}
