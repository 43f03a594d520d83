//! Shared server state: the store, runtime settings, faults and the request log.
//! Locks are plain mutexes: no lock is held across an `.await`.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::cli::Options;
use crate::faults::{Fail, Faults, Scoped};
use crate::hub::Hub;
use crate::nodes::Nodes;
use crate::requestlog::RequestLog;
use crate::seed;
use crate::store::Store;

/// What `POST /__fake/config` can change; reset restores the launch values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    pub transition_ms: u64,
    /// false: the stream route is missing, like on an older gateway.
    pub stream: bool,
    /// false: the update-name route is missing.
    pub update_name: bool,
    /// false: the credits route is missing.
    pub credits: bool,
    pub revoked_keys: Vec<String>,
    pub keepalive_ms: u64,
    /// false: `/config.json` is 404, as on a host that serves none.
    pub config_json: bool,
    /// false: `POST /auth/sign-message/external` is missing (an older gateway).
    pub sign_message: bool,
    /// false: the fallback `GET /deployments/{id}/header` is missing.
    pub deployment_header: bool,
    /// true: the fallback answers a bare signature (no `nosana-auth:` in front).
    pub header_bare: bool,
    /// false: running jobs write nothing by themselves (tests push lines instead).
    pub node_output: bool,
    /// Interval of the automatic output of running jobs.
    pub node_output_ms: u64,
    /// How long an ended job's `jobResult` stays null before the node "uploads" it.
    pub result_delay_ms: u64,
    /// true: nodes lack the newer routes (`/ops`, `/endpoints`, `/node/info`).
    pub older_nodes: bool,
}

impl Settings {
    fn launch(opts: &Options) -> Settings {
        Settings {
            transition_ms: opts.transition_ms,
            stream: true,
            update_name: true,
            credits: true,
            revoked_keys: Vec::new(),
            keepalive_ms: opts.keepalive_ms,
            config_json: opts.config_json,
            sign_message: true,
            deployment_header: true,
            header_bare: false,
            node_output: opts.node_output_ms > 0,
            node_output_ms: opts.node_output_ms.max(1),
            result_delay_ms: opts.result_delay_ms,
            older_nodes: false,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsPatch {
    pub transition_ms: Option<u64>,
    pub stream: Option<bool>,
    pub update_name: Option<bool>,
    pub credits: Option<bool>,
    pub revoked_keys: Option<Vec<String>>,
    pub keepalive_ms: Option<u64>,
    pub config_json: Option<bool>,
    pub sign_message: Option<bool>,
    pub deployment_header: Option<bool>,
    pub header_bare: Option<bool>,
    pub node_output: Option<bool>,
    pub node_output_ms: Option<u64>,
    pub result_delay_ms: Option<u64>,
    pub older_nodes: Option<bool>,
}

impl Settings {
    pub fn apply(&mut self, patch: SettingsPatch) {
        if let Some(v) = patch.transition_ms {
            self.transition_ms = v;
        }
        if let Some(v) = patch.stream {
            self.stream = v;
        }
        if let Some(v) = patch.update_name {
            self.update_name = v;
        }
        if let Some(v) = patch.credits {
            self.credits = v;
        }
        if let Some(v) = patch.revoked_keys {
            self.revoked_keys = v;
        }
        if let Some(v) = patch.keepalive_ms {
            self.keepalive_ms = v.max(1);
        }
        let flags = [
            (patch.config_json, &mut self.config_json),
            (patch.sign_message, &mut self.sign_message),
            (patch.deployment_header, &mut self.deployment_header),
            (patch.header_bare, &mut self.header_bare),
            (patch.node_output, &mut self.node_output),
            (patch.older_nodes, &mut self.older_nodes),
        ];
        for (given, field) in flags {
            if let Some(v) = given {
                *field = v;
            }
        }
        if let Some(v) = patch.node_output_ms {
            self.node_output_ms = v.max(1);
        }
        if let Some(v) = patch.result_delay_ms {
            self.result_delay_ms = v;
        }
    }
}

pub struct Shared {
    pub launch: Options,
    pub hub: Hub,
    store: Mutex<Store>,
    settings: Mutex<Settings>,
    faults: Mutex<Faults>,
    log: Mutex<RequestLog>,
    nodes: Mutex<Nodes>,
}

#[derive(Clone)]
pub struct App(pub Arc<Shared>);

/// A panic in one handler must not wedge every later request.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl App {
    pub fn new(opts: &Options) -> App {
        let hub = Hub::default();
        App(Arc::new(Shared {
            launch: opts.clone(),
            store: Mutex::new(seed::store(opts.seed_count, hub.clone())),
            hub,
            settings: Mutex::new(Settings::launch(opts)),
            faults: Mutex::new(launch_faults(opts)),
            log: Mutex::new(RequestLog::default()),
            nodes: Mutex::new(Nodes::default()),
        }))
    }

    pub fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.0.store)
    }

    pub fn settings(&self) -> Settings {
        lock(&self.0.settings).clone()
    }

    pub fn settings_mut(&self) -> MutexGuard<'_, Settings> {
        lock(&self.0.settings)
    }

    pub fn faults(&self) -> MutexGuard<'_, Faults> {
        lock(&self.0.faults)
    }

    pub fn log(&self) -> MutexGuard<'_, RequestLog> {
        lock(&self.0.log)
    }

    /// The node double's state. Lock order: the store first, then the nodes.
    pub fn nodes(&self) -> MutexGuard<'_, Nodes> {
        lock(&self.0.nodes)
    }

    /// When an automatic status change asked for now should happen.
    pub fn transition_due(&self) -> Instant {
        Instant::now() + Duration::from_millis(self.settings().transition_ms)
    }

    /// Reseeds the store, clears faults and the log, restores the launch
    /// settings (with the overrides given) and ends open streams.
    pub fn reset(&self, seed_count: Option<usize>, transition_ms: Option<u64>) {
        let count = seed_count.unwrap_or(self.0.launch.seed_count);
        let fresh = seed::store(count, self.0.hub.clone());
        {
            // Under the store lock, so a stream opened meanwhile sees either
            // the old data and the close, or only the new data.
            let mut store = self.store();
            self.0.hub.close(None);
            *store = fresh;
            self.nodes().reset();
        }
        *self.faults() = Faults::default();
        self.log().clear();
        let mut settings = Settings::launch(&self.0.launch);
        if let Some(ms) = transition_ms {
            settings.transition_ms = ms;
        }
        *self.settings_mut() = settings;
    }
}

fn launch_faults(opts: &Options) -> Faults {
    Faults {
        fail_next: opts
            .fail_next
            .filter(|(count, _)| *count > 0)
            .map(|(count, status)| Scoped {
                value: Fail {
                    count,
                    status,
                    body: None,
                },
                path_contains: None,
            }),
        ..Faults::default()
    }
}
