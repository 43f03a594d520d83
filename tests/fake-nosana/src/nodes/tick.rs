//! The node double's clock work, on the fake's background tick: jobs that ended are
//! noticed (their `/info` streams end), results are uploaded once due (then the node
//! forgets the job and closes its sockets with 1008), and running jobs write their
//! automatic output.

use std::time::{Duration, Instant};

use super::logs::{Ended, Live};
use super::{now_ms, output, result, Nodes};
use crate::model::JobState;
use crate::state::App;
use crate::store::Store;

pub fn tick(app: &App) {
    settle(app);
    let settings = app.settings();
    let now = Instant::now();
    let mut nodes = app.nodes();
    nodes.output_on = settings.node_output;
    if settings.node_output {
        let due = nodes.next_output.is_none_or(|t| t <= now);
        if due {
            nodes.next_output = Some(now + Duration::from_millis(settings.node_output_ms));
            let ms = now_ms();
            for log in nodes.jobs.values_mut().filter(|l| l.ended.is_none()) {
                output::advance(log, 1, ms);
            }
        }
    } else {
        nodes.next_output = None;
    }
}

/// Notices the jobs that ended and uploads the results that are due.
pub fn settle(app: &App) {
    let delay = Duration::from_millis(app.settings().result_delay_ms);
    let mut store = app.store();
    let ended = std::mem::take(&mut store.ctx.ended_jobs);
    let mut nodes = app.nodes();
    let now = Instant::now();
    for job in ended {
        notice_end(&mut nodes, &store, &job, now + delay);
    }
    upload_due(&mut nodes, &mut store, now);
}

fn notice_end(nodes: &mut Nodes, store: &Store, job: &str, result_due: Instant) {
    let Some(state) = super::find_job(store, job).map(|j| j.state) else {
        return;
    };
    let Some(log) = nodes.ensure(store, job) else {
        return;
    };
    if log.ended.is_none() {
        let completed = state == JobState::Completed;
        let default_code = if completed { 0 } else { 143 };
        log.ended = Some(Ended {
            completed,
            exit_code: log.exit_code.unwrap_or(default_code),
            at_ms: now_ms(),
            result_due,
        });
        log.tell(Live::Changed);
    }
}

fn upload_due(nodes: &mut Nodes, store: &mut Store, now: Instant) {
    for log in nodes.jobs.values_mut() {
        let Some(ended) = log.ended.filter(|e| e.result_due <= now && !log.gone) else {
            continue;
        };
        log.gone = true;
        log.tell(Live::Close(1008, "Job is no longer running on this node"));
        let Some(rec) = store
            .records
            .iter_mut()
            .find(|r| r.dep.id == log.deployment)
        else {
            continue;
        };
        if let Some(job) = rec.jobs.iter_mut().find(|j| j.job == log.job) {
            if job.result.is_none() {
                job.result = Some(result::build(log, job, &ended));
            }
        }
    }
}
