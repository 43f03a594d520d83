//! The in-memory world: deployments with their revisions, jobs, events and
//! tasks, plus markets and the credit balance.

mod endpoints;
mod lifecycle;

use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

pub use endpoints::endpoints;
pub use lifecycle::Pending;

use crate::hub::Hub;
use crate::model::{Deployment, Event, Job, JobState, Revision, Task, TaskKind};
use crate::rng::Rng;

/// One deployment and everything that hangs off it.
pub struct Record {
    pub dep: Deployment,
    pub revisions: Vec<Revision>,
    pub jobs: Vec<Job>,
    pub events: Vec<Event>,
    /// Pending tasks only: a finished task leaves the list.
    pub tasks: Vec<Task>,
    /// An automatic status change to come (set by API actions, never by seeding,
    /// so seeded STARTING/STOPPING deployments stay put for tests).
    pub pending: Option<Pending>,
}

impl Record {
    pub fn revision(&self, n: i64) -> Option<&Revision> {
        self.revisions.iter().find(|r| r.revision == n)
    }

    pub fn definition_of(&self, n: i64) -> Value {
        self.revision(n)
            .map_or(Value::Null, |r| r.job_definition.clone())
    }

    pub fn refresh_active_jobs(&mut self) {
        self.dep.active_jobs = self
            .jobs
            .iter()
            .filter(|j| j.state == JobState::Running)
            .count() as i64;
    }

    pub fn touch(&mut self, now: DateTime<Utc>) {
        self.dep.updated_at = now;
    }

    /// The change frame the contract names for a deployment.
    pub fn change_frame(&self) -> Value {
        json!({
            "type": "deployment",
            "status": self.dep.status.as_str(),
            "replicas": self.dep.replicas,
            "active_revision": self.dep.active_revision,
        })
    }

    /// What a new stream starts with: the deployment, its active jobs, its
    /// pending tasks.
    pub fn snapshot_frames(&self) -> Vec<Value> {
        let mut head = Map::new();
        head.insert("type".into(), json!("deployment"));
        if let Value::Object(fields) = self.dep.to_json() {
            head.extend(fields);
        }
        let mut frames = vec![Value::Object(head)];
        frames.extend(
            self.jobs
                .iter()
                .filter(|j| j.state.is_active())
                .map(Job::frame),
        );
        frames.extend(self.tasks.iter().map(Task::frame));
        frames
    }
}

/// What mutations need besides the record: ids, the change feed, the node pool.
pub struct Ctx {
    pub rng: Rng,
    pub hub: Hub,
    pub nodes: Vec<String>,
    /// The account: the owner of every deployment, for whom node headers are signed.
    pub owner: String,
    /// Jobs that ended since the node double last looked (it uploads their results).
    pub ended_jobs: Vec<String>,
    seq: u64,
}

impl Ctx {
    pub fn new(rng: Rng, hub: Hub, nodes: Vec<String>, owner: String) -> Ctx {
        Ctx {
            rng,
            hub,
            nodes,
            owner,
            ended_jobs: Vec::new(),
            seq: 0,
        }
    }

    pub fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    pub fn emit_change(&self, rec: &Record) {
        self.hub.frame(&rec.dep.id, &rec.change_frame());
    }

    /// Appends an event to the log and the stream. Job events are in the
    /// `Deployment` category, the rest (tunnels, throttling) in `Event`.
    pub fn log_event(
        &mut self,
        rec: &mut Record,
        kind: &str,
        message: String,
        tx: Option<String>,
        at: DateTime<Utc>,
    ) {
        let category = if kind.starts_with("JOB_") {
            "Deployment"
        } else {
            "Event"
        };
        self.log_event_in(rec, category, kind, message, tx, at);
    }

    pub fn log_event_in(
        &mut self,
        rec: &mut Record,
        category: &str,
        kind: &str,
        message: String,
        tx: Option<String>,
        at: DateTime<Utc>,
    ) {
        let event = Event {
            seq: self.next_seq(),
            category: category.to_string(),
            deployment_id: rec.dep.id.clone(),
            kind: kind.to_string(),
            message,
            tx,
            created_at: at,
        };
        self.hub.frame(&rec.dep.id, &event.frame());
        rec.events.push(event);
    }

    pub fn add_task(
        &mut self,
        rec: &mut Record,
        kind: TaskKind,
        job: Option<String>,
        now: DateTime<Utc>,
        due: DateTime<Utc>,
    ) {
        let task = Task {
            id: format!("task-{}", self.next_seq()),
            task: kind,
            deployment_id: rec.dep.id.clone(),
            tx: None,
            job,
            limit: rec.dep.replicas,
            active_revision: rec.dep.active_revision,
            due_at: due,
            created_at: now,
            done: false,
            attempts: 0,
        };
        self.hub.frame(&rec.dep.id, &task.frame());
        rec.tasks.push(task);
    }

    /// Completes (and removes) the pending tasks of one kind.
    pub fn finish_tasks(&mut self, rec: &mut Record, kind: TaskKind) {
        let (done, keep): (Vec<Task>, Vec<Task>) =
            rec.tasks.drain(..).partition(|t| t.task == kind);
        rec.tasks = keep;
        for mut task in done {
            task.done = true;
            task.attempts += 1;
            self.hub.frame(&rec.dep.id, &task.frame());
        }
    }

    pub fn pick_node(&mut self) -> String {
        let i = self.rng.below(self.nodes.len() as u64) as usize;
        self.nodes[i].clone()
    }
}

pub struct Store {
    /// Seeded deployments in seed order, then inserted and created ones.
    pub records: Vec<Record>,
    pub markets: Vec<Value>,
    pub credits: Value,
    pub ctx: Ctx,
}

impl Store {
    pub fn get(&self, id: &str) -> Option<&Record> {
        self.records.iter().find(|r| r.dep.id == id)
    }

    /// The record and the mutation context, borrowed together.
    pub fn find(&mut self, id: &str) -> Option<(&mut Record, &mut Ctx)> {
        let rec = self.records.iter_mut().find(|r| r.dep.id == id)?;
        Some((rec, &mut self.ctx))
    }

    pub fn has_market(&self, address: &str) -> bool {
        self.markets
            .iter()
            .any(|m| m["address"].as_str() == Some(address))
    }

    pub fn remove(&mut self, id: &str) {
        self.records.retain(|r| r.dep.id != id);
        self.ctx.hub.close(Some(id));
    }

    /// Applies the automatic status changes that are due.
    pub fn advance(&mut self, at: std::time::Instant) {
        let now = crate::clock::now();
        for rec in &mut self.records {
            if rec.pending.as_ref().is_some_and(|p| p.due <= at) {
                self.ctx.advance(rec, now);
            }
        }
    }
}
