//! Deterministic seed data. Deployment `i` (0-based, in `GET /__fake/deployments`
//! order) has status `Status::ALL[i % 8]`:
//! 0 DRAFT, 1 STARTING, 2 RUNNING, 3 STOPPING, 4 STOPPED, 5 ERROR,
//! 6 INSUFFICIENT_FUNDS, 7 ARCHIVED; and strategy `Strategy::ALL[(i + i / 8) % 4]`
//! (SIMPLE, SIMPLE-EXTEND, SCHEDULED, INFINITE), so the first 32 cover every pair.

mod markets;
mod workloads;

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Map, Value};

use crate::clock::seed_base;
use crate::hub::Hub;
use crate::model::{Deployment, Job, JobState, Revision, Status, Strategy, TaskKind};
use crate::nodes::logs::nanos_time;
use crate::rng::Rng;
use crate::store::{endpoints, Ctx, Record, Store};
use workloads::{definition, WORKLOADS};

const TIMEOUTS: [i64; 5] = [60, 90, 120, 1440, 240];
const SCHEDULES: [&str; 4] = [
    "0 */6 * * *",
    "30 2 * * 1-5",
    "*/15 * * * *",
    "0 9,17 * * *",
];

pub fn store(count: usize, hub: Hub) -> Store {
    let markets = markets::all();
    let mut rng = Rng::new(0x6e6f_7361_6e61);
    // One account owns everything, as the real API shows a key only its own deployments
    // (and the node double checks headers against that account). Three are still drawn
    // so the ids that follow stay what they were.
    let owners: Vec<String> = (0..3).map(|_| rng.address()).collect();
    let nodes: Vec<String> = (0..8).map(|_| rng.address()).collect();
    let mut ctx = Ctx::new(rng, hub, nodes, owners[0].clone());
    let step = spacing(count);
    let records = (0..count)
        .map(|i| {
            let market = markets[i % markets.len()]["address"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            seed_one(i, &mut ctx, market, owners[0].clone(), step)
        })
        .collect();
    Store {
        records,
        markets,
        credits: markets::credits(),
        ctx,
    }
}

/// Minutes between seeded deployments: 3 hours, less when there are many, so
/// every seeded timestamp stays within `clock::SEED_SPAN_DAYS` of the base.
fn spacing(count: usize) -> i64 {
    (300 * 60 / count.max(1) as i64).clamp(1, 180)
}

fn seed_one(i: usize, ctx: &mut Ctx, market: String, owner: String, step: i64) -> Record {
    let status = Status::ALL[i % 8];
    let strategy = Strategy::ALL[(i + i / 8) % 4];
    let workload = &WORKLOADS[i % WORKLOADS.len()];
    let name = match i / WORKLOADS.len() {
        0 => workload.name.to_string(),
        round => format!("{}-{}", workload.name, round + 1),
    };
    let created =
        seed_base() + Duration::minutes(i as i64 * step) + Duration::seconds((i * 7 % 60) as i64);
    let id = ctx.rng.address();
    let vault = ctx.rng.address();
    let replicas = match status {
        Status::Draft | Status::Starting | Status::Running | Status::Stopping => {
            1 + (i as i64 * 3) % 5
        }
        _ => (i as i64 * 3) % 6,
    };
    let timeout = TIMEOUTS[i % TIMEOUTS.len()];
    let revision_count = 1 + (i % 3) as i64;
    let active_revision = if i % 7 == 5 && revision_count > 1 {
        revision_count - 1
    } else {
        revision_count
    };
    let revisions: Vec<Revision> = (1..=revision_count)
        .map(|r| Revision {
            revision: r,
            deployment: id.clone(),
            ipfs_definition_hash: ctx.rng.ipfs_hash(),
            job_definition: definition(workload.kind, r),
            created_at: created + Duration::hours(2 * (r - 1)),
        })
        .collect();
    let active_definition = &revisions[(active_revision - 1) as usize].job_definition;
    let dep = Deployment {
        endpoints: endpoints(&id, active_definition),
        id,
        name,
        vault,
        market,
        owner,
        status,
        replicas,
        timeout,
        confidential: i % 5 == 3,
        active_revision,
        active_jobs: 0,
        strategy,
        schedule: (strategy == Strategy::Scheduled).then(|| SCHEDULES[(i / 4) % 4].to_string()),
        rotation_time: (strategy == Strategy::Infinite).then_some(timeout / 4),
        created_at: created,
        updated_at: created,
        extra: Map::new(),
    };
    let mut rec = Record {
        dep,
        revisions,
        jobs: Vec::new(),
        events: Vec::new(),
        tasks: Vec::new(),
        pending: None,
    };
    // The time of the next seeded happening; it only moves forward.
    let mut clock = created + Duration::hours(2 * revision_count);
    seed_past_jobs(i, ctx, &mut rec, &mut clock);
    seed_current_jobs(ctx, &mut rec, &mut clock);
    seed_notable_events(i, ctx, &mut rec, &mut clock);
    seed_tasks(ctx, &mut rec, clock);
    rec.refresh_active_jobs();
    rec.dep.updated_at = clock;
    rec
}

fn seed_past_jobs(i: usize, ctx: &mut Ctx, rec: &mut Record, clock: &mut DateTime<Utc>) {
    let count = match rec.dep.status {
        Status::Draft | Status::Starting => 0,
        // Enough on some deployments to page through jobs and events.
        Status::Running => 3 + (i * 5) % 12,
        Status::Stopping | Status::InsufficientFunds => 1,
        Status::Stopped => 1 + i % 3,
        Status::Error | Status::Archived => 2,
    };
    for k in 0..count {
        let state = if k % 3 == 2 {
            JobState::Stopped
        } else {
            JobState::Completed
        };
        let start = *clock;
        let end = start + Duration::minutes(20);
        let revision = 1 + (k as i64 % rec.dep.active_revision);
        let mut job = new_job(ctx, rec, JobState::Running, start);
        job.revision = revision;
        job.state = state;
        job.time_end = end.timestamp();
        job.updated_at = end;
        if state == JobState::Completed {
            job.result = Some(result_of(&rec.definition_of(revision), start, end));
        }
        let listed = format!("Job {} listed", job.job);
        ctx.log_event(
            rec,
            "JOB_LIST_CONFIRMED",
            listed,
            Some(job.tx.clone()),
            start,
        );
        if state == JobState::Stopped {
            let stopped = format!("Job {} stopped", job.job);
            let tx = ctx.rng.signature();
            ctx.log_event(rec, "JOB_STOPPED_CONFIRMED", stopped, Some(tx), end);
        }
        rec.jobs.push(job);
        *clock = end + Duration::minutes(5);
    }
}

fn seed_current_jobs(ctx: &mut Ctx, rec: &mut Record, clock: &mut DateTime<Utc>) {
    let state = match rec.dep.status {
        Status::Running | Status::Stopping => JobState::Running,
        Status::Starting => JobState::Queued,
        _ => return,
    };
    for j in 0..rec.dep.replicas {
        let mut job = new_job(ctx, rec, state, *clock);
        if state == JobState::Queued {
            job.node = None;
            job.node_absent = j % 2 == 0;
            job.time_start = 0;
        } else {
            let listed = format!("Job {} listed", job.job);
            ctx.log_event(
                rec,
                "JOB_LIST_CONFIRMED",
                listed,
                Some(job.tx.clone()),
                *clock,
            );
        }
        rec.jobs.push(job);
        *clock += Duration::minutes(1);
    }
}

fn seed_notable_events(i: usize, ctx: &mut Ctx, rec: &mut Record, clock: &mut DateTime<Utc>) {
    let mut notes: Vec<(&str, &str)> = Vec::new();
    match (rec.dep.status, rec.dep.strategy) {
        (Status::Error, _) => {
            notes.push(("JOB_LIST_ERROR", "Failed to list job: market queue is full"));
            notes.push(("JOB_LIST_ERROR", "Failed to list job: transaction expired"));
            notes.push((
                "RAPID_COMPLETION_FAIL_SAFE",
                "Jobs completed too quickly; the deployment was stopped to protect its funds",
            ));
        }
        (Status::InsufficientFunds, _) => {
            notes.push((
                "JOB_EXTEND_ERROR",
                "Insufficient funds in vault to extend the job",
            ));
        }
        (Status::Running, Strategy::SimpleExtend | Strategy::Infinite) => {
            notes.push(("JOB_EXTEND_SUCCESSFUL", "Job extended"));
        }
        (Status::Stopping, _) if (i / 8) % 2 == 1 => {
            notes.push(("JOB_STOP_ERROR", "Failed to stop job: node did not respond"));
        }
        (Status::Stopped, _) if i.is_multiple_of(4) => {
            notes.push((
                "RAPID_COMPLETION_THROTTLE",
                "Jobs are completing quickly; listing is slowed down",
            ));
        }
        _ => {}
    }
    let had_jobs = !matches!(rec.dep.status, Status::Draft | Status::Starting);
    if i % 6 == 2 && had_jobs {
        notes.push(("FRPS_TUNNEL_LOST", "Tunnel to the service was lost"));
        notes.push((
            "FRPS_TUNNEL_RECOVERED",
            "Tunnel to the service was recovered",
        ));
    }
    for (kind, message) in notes {
        let tx = kind.starts_with("JOB_").then(|| ctx.rng.signature());
        ctx.log_event(rec, kind, message.to_string(), tx, *clock);
        *clock += Duration::minutes(3);
    }
}

fn seed_tasks(ctx: &mut Ctx, rec: &mut Record, clock: DateTime<Utc>) {
    let first_running = rec
        .jobs
        .iter()
        .find(|j| j.state == JobState::Running)
        .map(|j| j.job.clone());
    let timeout = Duration::minutes(rec.dep.timeout - 10);
    match (rec.dep.status, rec.dep.strategy) {
        (Status::Starting, _) => ctx.add_task(rec, TaskKind::List, None, clock, clock),
        (Status::Stopping, _) => ctx.add_task(rec, TaskKind::Stop, None, clock, clock),
        (Status::Running, Strategy::SimpleExtend | Strategy::Infinite) => {
            ctx.add_task(rec, TaskKind::Extend, first_running, clock, clock + timeout)
        }
        (Status::Running | Status::Stopped, Strategy::Scheduled) => {
            ctx.add_task(rec, TaskKind::List, None, clock, clock + Duration::hours(6))
        }
        _ => {}
    }
}

fn new_job(ctx: &mut Ctx, rec: &Record, state: JobState, at: DateTime<Utc>) -> Job {
    Job {
        tx: ctx.rng.signature(),
        job: ctx.rng.address(),
        deployment: rec.dep.id.clone(),
        market: rec.dep.market.clone(),
        node: Some(ctx.pick_node()),
        node_absent: false,
        revision: rec.dep.active_revision,
        state,
        time_start: at.timestamp(),
        time_end: 0,
        listed_at: at.timestamp() - 30,
        result: None,
        created_at: at - Duration::seconds(30),
        updated_at: at,
    }
}

/// The result a finished job reports: one state per op, with a little log.
fn result_of(definition: &Value, start: DateTime<Utc>, end: DateTime<Utc>) -> Value {
    let op_id = definition["ops"][0]["id"].as_str().unwrap_or("op");
    json!({
        "status": "success",
        "startTime": start.timestamp(),
        "endTime": end.timestamp(),
        "opStates": [{
            "operationId": op_id,
            "group": op_id,
            "status": "success",
            "startTime": start.timestamp(),
            "endTime": end.timestamp(),
            "exitCode": 0,
            // stdout and stderr told apart; the last line without a timestamp, which the
            // contract allows.
            "logs": [
                { "type": "stdout", "log": format!("{op_id} started\n"),
                  "timestamp": nanos_time(start.timestamp_millis()) },
                { "type": "stderr", "log": "WARNING: no GPU metrics exporter configured\n",
                  "timestamp": nanos_time(start.timestamp_millis() + 1_250) },
                { "type": "stdout", "log": format!("{op_id} finished\n") }
            ]
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::SEED_SPAN_DAYS;
    use crate::validate::jobdef;

    #[test]
    fn same_count_same_data() {
        let a = store(30, Hub::default());
        let b = store(30, Hub::default());
        let ids = |s: &Store| {
            s.records
                .iter()
                .map(|r| r.dep.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&a), ids(&b));
    }

    #[test]
    fn covers_every_status_and_strategy() {
        let s = store(30, Hub::default());
        for (i, rec) in s.records.iter().enumerate() {
            assert_eq!(rec.dep.status, Status::ALL[i % 8]);
        }
        for strategy in Strategy::ALL {
            assert!(s.records.iter().any(|r| r.dep.strategy == strategy));
        }
        let a = store(100, Hub::default());
        assert_eq!(a.records.len(), 100);
    }

    #[test]
    fn seeded_data_keeps_the_contract() {
        let s = store(100, Hub::default());
        let limit = seed_base() + Duration::days(SEED_SPAN_DAYS);
        for rec in &s.records {
            let d = &rec.dep;
            assert!(crate::rng::is_address(&d.id));
            assert!(
                d.updated_at >= d.created_at && d.updated_at < limit,
                "{}",
                d.name
            );
            assert!(rec.revision(d.active_revision).is_some());
            for r in &rec.revisions {
                assert_eq!(jobdef::validate(&r.job_definition, "body"), Ok(()));
            }
            if let Some(rotation) = d.rotation_time {
                assert!(rotation <= d.timeout - 10);
            }
            assert_eq!(d.schedule.is_some(), d.strategy == Strategy::Scheduled);
            let running = rec
                .jobs
                .iter()
                .filter(|j| j.state == JobState::Running)
                .count();
            assert_eq!(d.active_jobs, running as i64);
        }
    }
}
