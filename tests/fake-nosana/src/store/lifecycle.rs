//! Status changes: the ones the API asks for (start, stop) and the ones the
//! service makes by itself a little later (STARTING -> RUNNING with jobs,
//! STOPPING -> STOPPED once jobs end, jobs following the replica count).

use std::time::Instant;

use chrono::{DateTime, Utc};

use super::{Ctx, Record};
use crate::model::{Job, JobState, Status, Strategy, TaskKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Run,
    Stop,
    Reconcile,
}

#[derive(Debug, Clone, Copy)]
pub struct Pending {
    pub due: Instant,
    pub step: Step,
}

impl Ctx {
    pub fn start(&mut self, rec: &mut Record, now: DateTime<Utc>, due: Instant) {
        rec.dep.status = Status::Starting;
        rec.touch(now);
        rec.pending = Some(Pending {
            due,
            step: Step::Run,
        });
        self.emit_change(rec);
        self.add_task(rec, TaskKind::List, None, now, now);
    }

    pub fn stop(&mut self, rec: &mut Record, now: DateTime<Utc>, due: Instant) {
        rec.dep.status = Status::Stopping;
        rec.touch(now);
        rec.pending = Some(Pending {
            due,
            step: Step::Stop,
        });
        self.emit_change(rec);
        // A stopping deployment lists and extends nothing more.
        self.finish_tasks(rec, TaskKind::List);
        self.finish_tasks(rec, TaskKind::Extend);
        self.add_task(rec, TaskKind::Stop, None, now, now);
    }

    /// The replica count changed: a running deployment follows it after the delay.
    pub fn schedule_reconcile(&mut self, rec: &mut Record, due: Instant) {
        if rec.dep.status == Status::Running && rec.pending.is_none() {
            rec.pending = Some(Pending {
                due,
                step: Step::Reconcile,
            });
        }
    }

    /// Makes the pending change. A status set meanwhile by other means (a
    /// control-route patch) cancels it.
    pub(super) fn advance(&mut self, rec: &mut Record, now: DateTime<Utc>) {
        let Some(pending) = rec.pending.take() else {
            return;
        };
        match (pending.step, rec.dep.status) {
            (Step::Run, Status::Starting) => {
                rec.dep.status = Status::Running;
                rec.touch(now);
                self.emit_change(rec);
                self.converge(rec, now);
                self.finish_tasks(rec, TaskKind::List);
            }
            (Step::Stop, Status::Stopping) => {
                self.end_active_jobs(rec, now);
                self.finish_tasks(rec, TaskKind::Stop);
                rec.dep.status = Status::Stopped;
                rec.touch(now);
                self.emit_change(rec);
            }
            (Step::Reconcile, Status::Running) => self.converge(rec, now),
            _ => {}
        }
    }

    /// Starts or stops jobs until `replicas` are running.
    fn converge(&mut self, rec: &mut Record, now: DateTime<Utc>) {
        let target = rec.dep.replicas.max(0) as usize;
        let mut running = rec
            .jobs
            .iter()
            .filter(|j| j.state == JobState::Running)
            .count();
        let mut changed = Vec::new();
        for (i, job) in rec.jobs.iter_mut().enumerate() {
            if job.state != JobState::Queued {
                continue;
            }
            if running < target {
                job.state = JobState::Running;
                job.node = Some(self.pick_node());
                job.time_start = now.timestamp();
                running += 1;
            } else {
                job.state = JobState::Stopped;
                job.time_end = now.timestamp();
            }
            job.updated_at = now;
            changed.push(i);
        }
        while running < target {
            let job = self.new_running_job(rec, now);
            rec.jobs.push(job);
            changed.push(rec.jobs.len() - 1);
            running += 1;
        }
        // Too many: the newest go first.
        for (i, job) in rec.jobs.iter_mut().enumerate().rev() {
            if running <= target {
                break;
            }
            if job.state == JobState::Running {
                job.state = JobState::Stopped;
                job.time_end = now.timestamp();
                job.updated_at = now;
                changed.push(i);
                running -= 1;
            }
        }
        self.report_jobs(rec, &changed, now);
    }

    fn end_active_jobs(&mut self, rec: &mut Record, now: DateTime<Utc>) {
        let mut changed = Vec::new();
        for (i, job) in rec.jobs.iter_mut().enumerate() {
            if job.state.is_active() {
                job.state = JobState::Stopped;
                job.time_end = now.timestamp();
                job.updated_at = now;
                changed.push(i);
            }
        }
        self.report_jobs(rec, &changed, now);
    }

    fn new_running_job(&mut self, rec: &Record, now: DateTime<Utc>) -> Job {
        Job {
            tx: self.rng.signature(),
            job: self.rng.address(),
            deployment: rec.dep.id.clone(),
            market: rec.dep.market.clone(),
            node: Some(self.pick_node()),
            node_absent: false,
            revision: rec.dep.active_revision,
            state: JobState::Running,
            time_start: now.timestamp(),
            time_end: 0,
            listed_at: now.timestamp(),
            result: None,
            created_at: now,
            updated_at: now,
        }
    }

    /// Ends a running job now (a node finished or stopped it): its frame and event, and a
    /// SIMPLE or SIMPLE-EXTEND deployment left without jobs stops.
    pub fn end_job(&mut self, rec: &mut Record, index: usize, state: JobState, now: DateTime<Utc>) {
        let job = &mut rec.jobs[index];
        job.state = state;
        job.time_end = now.timestamp();
        job.updated_at = now;
        self.report_jobs(rec, &[index], now);
        let simple = matches!(rec.dep.strategy, Strategy::Simple | Strategy::SimpleExtend);
        if simple && rec.dep.status == Status::Running && rec.dep.active_jobs == 0 {
            rec.dep.status = Status::Stopped;
            rec.pending = None;
            rec.touch(now);
            self.emit_change(rec);
        }
    }

    /// Job frames and log events for the jobs at `indexes`, then the new count.
    fn report_jobs(&mut self, rec: &mut Record, indexes: &[usize], now: DateTime<Utc>) {
        for &i in indexes {
            let job = rec.jobs[i].clone();
            self.hub.frame(&rec.dep.id, &job.frame());
            if !job.state.is_active() && job.node.is_some() {
                self.ended_jobs.push(job.job.clone());
            }
            // A job that completed by itself has no event of its own in the contract's list.
            let (kind, verb) = match job.state {
                JobState::Running => ("JOB_LIST_CONFIRMED", "listed"),
                JobState::Completed => continue,
                _ => ("JOB_STOPPED_CONFIRMED", "stopped"),
            };
            let message = format!("Job {} {verb}", job.job);
            self.log_event(rec, kind, message, Some(job.tx.clone()), now);
        }
        rec.refresh_active_jobs();
    }
}
