//! What the usage views share: the held samples, when each replica last reported, each
//! replica's link to its node, the hovered time and the charts' pixel width.

use std::collections::BTreeMap;

use crate::api::node::stats::NodeHost;
use crate::domain::usage::held::Held;
use leptos::prelude::*;

/// One replica's link to its node's figures.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    Connecting,
    Live,
    /// The node lacks the routes (older node): said plainly, never retried.
    NotOffered,
    /// Why the figures stopped, in plain words; `true` while trying again.
    Trouble(String, bool),
    Ended,
}

/// A running job (replica) and its node.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Replica {
    pub job: String,
    pub node: Option<String>,
}

#[derive(Clone, Copy)]
pub struct Model {
    pub held: RwSignal<Held>,
    /// This tab's clock (ms) when each job's last samples arrived.
    pub seen: RwSignal<BTreeMap<String, i64>>,
    pub links: RwSignal<BTreeMap<String, Link>>,
    pub hosts: RwSignal<BTreeMap<String, NodeHost>>,
    /// The time under the pointer or keyboard cursor, shared by the four charts.
    pub cursor: RwSignal<Option<i64>>,
    pub width: RwSignal<f64>,
    /// The running jobs shown, in order (their series are numbered by it).
    pub replicas: Signal<Vec<Replica>>,
}

impl Model {
    pub fn new(replicas: Signal<Vec<Replica>>) -> Model {
        Model {
            held: RwSignal::new(Held::default()),
            seen: RwSignal::new(BTreeMap::new()),
            links: RwSignal::new(BTreeMap::new()),
            hosts: RwSignal::new(BTreeMap::new()),
            cursor: RwSignal::new(None),
            width: RwSignal::new(600.0),
            replicas,
        }
    }

    pub fn set_link(&self, job: &str, link: Link) {
        self.links.try_update(|m| {
            m.insert(job.to_string(), link);
        });
    }

    /// "Replica 2 · op" for a series, numbered by the replicas' order.
    pub fn series_name(&self, job: &str, op: &str) -> String {
        let n = self
            .replicas
            .with_untracked(|r| r.iter().position(|x| x.job == job))
            .map(|i| i + 1);
        match n {
            Some(n) => format!("Replica {n} · {op}"),
            None => format!("{} · {op}", crate::domain::units::short_id(job)),
        }
    }
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}
