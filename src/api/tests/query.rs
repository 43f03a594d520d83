use chrono::{TimeZone, Utc};

use crate::api::models::{EventCategory, JobState, Status, Strategy, TaskKind};
use crate::api::query::*;

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
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
fn deployment_filter_uses_comma_lists_and_iso_dates() {
    let filter = DeploymentFilter {
        search: Some(" llama ".into()),
        id: Some("MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KT".into()),
        name: Some("my app".into()),
        statuses: vec![Status::Running, Status::InsufficientFunds, Status::Running],
        strategies: vec![Strategy::SimpleExtend, Strategy::Infinite],
        vault: Some("cJnTPkyRFA6CAFjF1YveCHK1ATbQgdM9mwZgikp4Wzx".into()),
        created_after: Some(Utc.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).unwrap()),
        created_before: Some(Utc.with_ymd_and_hms(2025, 2, 1, 0, 0, 0).unwrap()),
    };
    assert_eq!(
        filter.to_query_pairs(),
        pairs(&[
            ("search", "llama"),
            ("id", "MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KT"),
            ("name", "my app"),
            ("status", "RUNNING,INSUFFICIENT_FUNDS"),
            ("strategy", "SIMPLE-EXTEND,INFINITE"),
            ("vault", "cJnTPkyRFA6CAFjF1YveCHK1ATbQgdM9mwZgikp4Wzx"),
            ("created_after", "2025-01-02T03:04:05.000Z"),
            ("created_before", "2025-02-01T00:00:00.000Z"),
        ])
    );
}

#[test]
fn job_filter() {
    assert!(JobFilter::default().to_query_pairs().is_empty());
    let filter = JobFilter {
        states: vec![JobState::Queued, JobState::Unknown, JobState::Running],
        job: Some("bbrZNhFgtsqwDtGuSptFDaYPo22sJXHDmfPVtoPQ6F7F".into()),
        created_after: None,
        created_before: Some(Utc.with_ymd_and_hms(2025, 3, 1, 0, 0, 0).unwrap()),
    };
    assert_eq!(
        filter.to_query_pairs(),
        pairs(&[
            ("state", "QUEUED,RUNNING"),
            ("job", "bbrZNhFgtsqwDtGuSptFDaYPo22sJXHDmfPVtoPQ6F7F"),
            ("created_before", "2025-03-01T00:00:00.000Z"),
        ])
    );
}

#[test]
fn event_filter() {
    assert!(EventFilter::default().to_query_pairs().is_empty());
    let filter = EventFilter {
        category: Some(EventCategory::Deployment),
        types: vec!["JOB_LIST_ERROR".into(), "".into(), "JOB_STOP_ERROR".into()],
        ..Default::default()
    };
    assert_eq!(
        filter.to_query_pairs(),
        pairs(&[
            ("category", "Deployment"),
            ("type", "JOB_LIST_ERROR,JOB_STOP_ERROR")
        ])
    );
    let unknown = EventFilter {
        category: Some(EventCategory::Unknown),
        ..Default::default()
    };
    assert!(unknown.to_query_pairs().is_empty());
}

#[test]
fn task_filter() {
    assert!(TaskFilter::default().to_query_pairs().is_empty());
    let filter = TaskFilter {
        task: Some(TaskKind::Extend),
    };
    assert_eq!(filter.to_query_pairs(), pairs(&[("task", "EXTEND")]));
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

#[test]
fn date_bounds_accept_a_day_or_a_timestamp() {
    assert_eq!(
        parse_date_bound("2025-03-01"),
        Some(Utc.with_ymd_and_hms(2025, 3, 1, 0, 0, 0).unwrap())
    );
    assert_eq!(
        parse_date_bound("2025-03-01T12:00:00+01:00"),
        Some(Utc.with_ymd_and_hms(2025, 3, 1, 11, 0, 0).unwrap())
    );
    assert_eq!(parse_date_bound("March"), None);
}
