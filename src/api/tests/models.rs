use serde_json::json;

use crate::api::models::*;

fn deployment(text: &str) -> Deployment {
    serde_json::from_str(text).expect("deployment fixture parses")
}

#[test]
fn simple_deployment_reads_every_field() {
    let d = deployment(fixture!("deployment_simple.json"));
    assert_eq!(d.id, "MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KT");
    assert_eq!(d.name, "nginx demo");
    assert_eq!(d.vault, "cJnTPkyRFA6CAFjF1YveCHK1ATbQgdM9mwZgikp4Wzx");
    assert_eq!(d.market, "rxktcSSSS7XhS4D5EVB8Nf471dAb7Qg25xEgRAhHPfQX");
    assert_eq!(d.owner, "88wYWXXL6A7pNpHXvmBa2EaQAmb2qaLix6mwHaQBPrF");
    assert_eq!(d.status, Status::Running);
    assert_eq!(d.strategy, Strategy::Simple);
    assert_eq!((d.replicas, d.timeout), (2, 120));
    assert_eq!((d.active_revision, d.active_jobs), (1, 2));
    assert!(!d.confidential);
    assert_eq!(d.schedule, None);
    assert_eq!(d.rotation_time, None);
    assert_eq!(
        d.endpoints,
        vec![Endpoint {
            op_id: "web".into(),
            port: Port::Number(80),
            url: "https://abc123.node.k8s.prd.nos.ci".into(),
        }]
    );
}

#[test]
fn timestamps_parse_to_utc() {
    let d = deployment(fixture!("deployment_simple.json"));
    let created = d.created_at_utc().unwrap();
    assert_eq!(created.to_rfc3339(), "2025-03-01T10:00:00+00:00");
    let updated = parse_timestamp(&d.updated_at).unwrap();
    assert_eq!(updated.timestamp_millis() % 1000, 250);
    assert_eq!(
        parse_timestamp("2025-03-01T12:00:00+02:00")
            .unwrap()
            .to_rfc3339(),
        "2025-03-01T10:00:00+00:00"
    );
    assert_eq!(parse_timestamp("yesterday"), None);
    assert_eq!(parse_timestamp(""), None);
}

#[test]
fn simple_extend_deployment_with_a_placeholder_port() {
    let d = deployment(fixture!("deployment_simple_extend.json"));
    assert_eq!(d.strategy, Strategy::SimpleExtend);
    assert_eq!(d.status, Status::Stopped);
    assert!(d.confidential);
    assert_eq!(d.active_revision, 3);
    assert_eq!(d.endpoints[0].port, Port::Text("%%ops.llm.port%%".into()));
    assert_eq!(d.endpoints[0].port.to_string(), "%%ops.llm.port%%");
    assert_eq!(Port::Number(8080).to_string(), "8080");
}

#[test]
fn scheduled_deployment_carries_its_cron() {
    let d = deployment(fixture!("deployment_scheduled.json"));
    assert_eq!(d.strategy, Strategy::Scheduled);
    assert_eq!(d.status, Status::Draft);
    assert_eq!(d.schedule.as_deref(), Some("0 3 * * *"));
    assert_eq!(d.rotation_time, None);
}

#[test]
fn infinite_deployment_carries_its_rotation_time() {
    let d = deployment(fixture!("deployment_infinite.json"));
    assert_eq!(d.strategy, Strategy::Infinite);
    assert_eq!(d.status, Status::InsufficientFunds);
    assert_eq!(d.rotation_time, Some(30));
    assert_eq!((d.replicas, d.timeout), (3, 600));
}

#[test]
fn missing_and_null_optional_fields_take_defaults() {
    let d = deployment(fixture!("deployment_minimal.json"));
    assert_eq!(d.name, "bare");
    assert_eq!(d.vault, "");
    assert_eq!(d.owner, "");
    assert!(d.endpoints.is_empty());
    assert!(!d.confidential);
    assert_eq!((d.replicas, d.active_jobs, d.active_revision), (0, 0, 0));
    assert_eq!(d.updated_at, "");
    assert_eq!(parse_timestamp(&d.updated_at), None);
    assert!(d.created_at_utc().is_some());
}

#[test]
fn unknown_fields_are_ignored_and_unknown_values_read_as_unknown() {
    let d = deployment(fixture!("deployment_unknown_values.json"));
    assert_eq!(d.status, Status::Unknown);
    assert_eq!(d.strategy, Strategy::Unknown);
    assert_eq!(d.name, "nginx demo");
    assert_eq!(d.endpoints.len(), 1);
}

#[test]
fn a_deployment_without_an_id_is_refused() {
    assert!(serde_json::from_str::<Deployment>(r#"{"name":"x"}"#).is_err());
}

#[test]
fn odd_counters_do_not_break_a_deployment() {
    let d = deployment(r#"{"id":"x","replicas":null,"timeout":60.0,"active_jobs":-1}"#);
    assert_eq!((d.replicas, d.timeout, d.active_jobs), (0, 60, 0));
}

#[test]
fn deployment_list_skips_a_bad_item_and_keeps_the_rest() {
    let list: DeploymentList = serde_json::from_str(fixture!("deployments_list.json")).unwrap();
    let ids: Vec<&str> = list.deployments.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KT",
            "Ab8dLcukC7edhDQ7cn5d4gEYkbUrMWeWQLGsCmrG6dLa",
            "YyNoVKf58ZTBqNAYT3j5qcdsyuMNmPfYetW5v6JXmj5",
        ]
    );
    assert_eq!(list.deployments[2].status, Status::Error);
    assert_eq!(
        list.pagination,
        Pagination {
            cursor_next: Some("eyJjcmVhdGVkX2F0IjoiMjAyNS0wMy0wMSJ9".into()),
            cursor_prev: None,
            total_items: 23,
        }
    );
}

#[test]
fn an_empty_list_reads() {
    let list: DeploymentList =
        serde_json::from_str(r#"{"deployments":[],"pagination":{"cursor_next":null,"cursor_prev":null,"total_items":0}}"#)
            .unwrap();
    assert!(list.deployments.is_empty());
    assert_eq!(list.pagination, Pagination::default());
}

#[test]
fn job_list_reads_states_and_optional_node() {
    let list: JobList = serde_json::from_str(fixture!("jobs_list.json")).unwrap();
    let states: Vec<JobState> = list.jobs.iter().map(|j| j.state).collect();
    assert_eq!(
        states,
        [
            JobState::Running,
            JobState::Queued,
            JobState::Completed,
            JobState::Stopped
        ]
    );
    let running = &list.jobs[0];
    assert_eq!(
        running.node.as_deref(),
        Some("2AezWtiAgufXjPAcc921toi7ap9UxDuxE2HEKZGqeMHb")
    );
    assert_eq!(running.revision, 2);
    assert_eq!(running.started_at().unwrap().timestamp(), 1_740_823_560);
    let queued = &list.jobs[1];
    assert_eq!(queued.node, None);
    assert_eq!(queued.time_start, 0);
    assert_eq!(queued.started_at(), None);
    assert_eq!(list.jobs[3].node, None);
    assert_eq!(list.pagination.cursor_prev.as_deref(), Some("cHJldg"));
    assert_eq!(list.pagination.total_items, 4);
}

#[test]
fn job_detail_maps_the_numeric_state() {
    let d: JobDetail = serde_json::from_str(fixture!("job_detail.json")).unwrap();
    assert_eq!(d.state, JobState::Running);
    assert_eq!(d.revision, 2);
    assert_eq!(d.job_definition["ops"][0]["id"], "web");
    assert!(d.job_result.is_null());
    assert_eq!(d.ended_at(), None);
    assert_eq!(d.listed_at_utc().unwrap().timestamp(), 1_740_823_500);
    assert_eq!(d.started_at().unwrap().timestamp(), 1_740_823_560);

    let done: JobDetail = serde_json::from_str(fixture!("job_detail_completed.json")).unwrap();
    assert_eq!(done.state, JobState::Completed);
    assert_eq!(done.job_result["status"], "success");
    assert!(done.confidential);
    assert_eq!(done.ended_at().unwrap().timestamp(), 1_740_827_200);
}

#[test]
fn job_state_reads_names_numbers_and_strangers() {
    let read = |v: serde_json::Value| serde_json::from_value::<JobState>(v).unwrap();
    assert_eq!(read(json!(0)), JobState::Queued);
    assert_eq!(read(json!(3)), JobState::Stopped);
    assert_eq!(read(json!(9)), JobState::Unknown);
    assert_eq!(read(json!(-1)), JobState::Unknown);
    assert_eq!(read(json!("COMPLETED")), JobState::Completed);
    assert_eq!(read(json!("LOST")), JobState::Unknown);
    assert_eq!(
        serde_json::to_value(JobState::Running).unwrap(),
        json!("RUNNING")
    );
    for state in JobState::ALL {
        assert_eq!(JobState::parse(state.as_str()), Some(state));
    }
}

#[test]
fn revision_list_keeps_the_job_definition_as_sent() {
    let list: RevisionList = serde_json::from_str(fixture!("revisions_list.json")).unwrap();
    assert_eq!(list.revisions.len(), 2);
    let r = &list.revisions[0];
    assert_eq!(r.revision, 2);
    assert_eq!(
        r.ipfs_definition_hash,
        "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"
    );
    let expected: serde_json::Value =
        serde_json::from_str(fixture!("job_definition.json")).unwrap();
    assert_eq!(r.job_definition, expected);
    let keys: Vec<&String> = r.job_definition.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["version", "type", "meta", "ops"],
        "key order is preserved"
    );
    assert!(r.created_at_utc().is_some());
}

#[test]
fn event_list_reads_categories_types_and_optional_tx() {
    let list: EventList = serde_json::from_str(fixture!("events_list.json")).unwrap();
    let e = &list.events;
    assert_eq!(e.len(), 3);
    assert_eq!(e[0].category, EventCategory::Event);
    assert_eq!(e[0].kind, "JOB_LIST_CONFIRMED");
    assert_eq!(
        e[0].deployment_id,
        "MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KT"
    );
    assert!(e[0].tx.is_some());
    assert_eq!(e[1].category, EventCategory::Deployment);
    assert_eq!(e[1].tx, None);
    assert_eq!(e[2].tx, None);
    assert_eq!(list.pagination.total_items, 31);
}

#[test]
fn task_list_reads_kinds_and_optional_fields() {
    let list: TaskList = serde_json::from_str(fixture!("tasks_list.json")).unwrap();
    let kinds: Vec<TaskKind> = list.tasks.iter().map(|t| t.task).collect();
    assert_eq!(kinds, [TaskKind::Extend, TaskKind::List, TaskKind::Stop]);
    let extend = &list.tasks[0];
    assert_eq!(
        extend.job.as_deref(),
        Some("bbrZNhFgtsqwDtGuSptFDaYPo22sJXHDmfPVtoPQ6F7F")
    );
    assert_eq!((extend.limit, extend.active_revision), (Some(1), Some(2)));
    assert!(extend.due_at_utc().is_some());
    let stop = &list.tasks[2];
    assert_eq!(
        (stop.tx.as_deref(), stop.job.as_deref(), stop.limit),
        (None, None, None)
    );
}

#[test]
fn markets_read_with_prices_as_numbers_or_text() {
    let markets: Vec<Market> = serde_json::from_str(fixture!("markets.json")).unwrap();
    assert_eq!(markets.len(), 3);
    let m = &markets[0];
    assert_eq!(m.market_type, MarketType::Premium);
    assert_eq!(m.gpu_types, ["RTX 4090"]);
    assert_eq!(m.usd_reward_per_hour, Some(0.45));
    assert_eq!(m.lowest_vram, Some(24.0));
    assert_eq!(m.label(), "NVIDIA 4090");
    let c = &markets[1];
    assert_eq!(c.market_type, MarketType::Community);
    assert_eq!(c.usd_reward_per_hour, Some(0.10));
    assert_eq!(c.lowest_vram, None);
    let odd = &markets[2];
    assert_eq!(odd.market_type, MarketType::Unknown);
    assert_eq!(odd.label(), odd.address);
}

#[test]
fn credit_balance_computes_what_is_available() {
    let b: CreditBalance = serde_json::from_str(fixture!("credits_balance.json")).unwrap();
    assert_eq!(b.assigned_credits, 100.0);
    assert_eq!(b.reserved_credits, 12.5);
    assert_eq!(b.settled_credits, 37.25);
    assert!((b.available() - 50.25).abs() < 1e-9);
}

#[test]
fn mutation_responses_read() {
    let r: RevisionCreated = serde_json::from_str(fixture!("revision_created.json")).unwrap();
    assert_eq!(r.active_revision, 3);
    assert_eq!(r.revisions[0].revision, 3);
    assert_eq!(r.endpoints[0].url, "https://ghi789.node.k8s.prd.nos.ci");
    let a: ActiveRevisionUpdated =
        serde_json::from_str(fixture!("active_revision_updated.json")).unwrap();
    assert_eq!((a.active_revision, a.endpoints.len()), (2, 1));
    let r: ReplicasUpdated = serde_json::from_str(fixture!("replicas_updated.json")).unwrap();
    assert_eq!(r.replicas, 0);
    let s: ScheduleUpdated = serde_json::from_str(fixture!("schedule_updated.json")).unwrap();
    assert_eq!(s.schedule, "*/15 * * * *");
    let t: TimeoutUpdated = serde_json::from_str(fixture!("timeout_updated.json")).unwrap();
    assert_eq!(t.timeout, 90);
    let n: NameUpdated = serde_json::from_str(fixture!("name_updated.json")).unwrap();
    assert_eq!(n.name, "renamed");
    let c: StatusChanged = serde_json::from_str(fixture!("status_changed_starting.json")).unwrap();
    assert_eq!(c.status, Status::Starting);
    assert_eq!(c.updated_at, "2025-03-03T09:00:00.000Z");
}

fn create(strategy: Strategy) -> DeploymentCreate {
    DeploymentCreate {
        name: "demo".into(),
        market: "rxktcSSSS7XhS4D5EVB8Nf471dAb7Qg25xEgRAhHPfQX".into(),
        replicas: 1,
        timeout: 60,
        strategy,
        schedule: None,
        rotation_time: None,
        job_definition: serde_json::from_str(fixture!("job_definition.json")).unwrap(),
        confidential: None,
        autostart: None,
        vault: None,
    }
}

#[test]
fn deployment_create_leaves_out_unset_options() {
    let body = serde_json::to_value(create(Strategy::Simple)).unwrap();
    let keys: Vec<&String> = body.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "name",
            "market",
            "replicas",
            "timeout",
            "strategy",
            "job_definition"
        ]
    );
    assert_eq!(body["strategy"], "SIMPLE");
    assert_eq!(
        body["job_definition"]["ops"][0]["args"]["image"],
        "docker.io/nginx:latest"
    );
}

#[test]
fn deployment_create_sends_set_options_with_wire_names() {
    let mut scheduled = create(Strategy::Scheduled);
    scheduled.schedule = Some("0 3 * * *".into());
    scheduled.autostart = Some(true);
    scheduled.confidential = Some(false);
    scheduled.vault = Some("cJnTPkyRFA6CAFjF1YveCHK1ATbQgdM9mwZgikp4Wzx".into());
    let body = serde_json::to_value(&scheduled).unwrap();
    assert_eq!(body["strategy"], "SCHEDULED");
    assert_eq!(body["schedule"], "0 3 * * *");
    assert_eq!(body["autostart"], true);
    assert_eq!(body["confidential"], false);
    assert_eq!(body["vault"], "cJnTPkyRFA6CAFjF1YveCHK1ATbQgdM9mwZgikp4Wzx");
    assert!(body.get("rotation_time").is_none());

    let mut infinite = create(Strategy::SimpleExtend);
    infinite.strategy = Strategy::Infinite;
    infinite.rotation_time = Some(20);
    let body = serde_json::to_value(&infinite).unwrap();
    assert_eq!(body["strategy"], "INFINITE");
    assert_eq!(body["rotation_time"], 20);
    assert_eq!(
        serde_json::to_value(Strategy::SimpleExtend).unwrap(),
        "SIMPLE-EXTEND"
    );
}
