//! The replica strip: per running job, its host's GPU, and the latest CPU and memory as
//! small bars, or how long no reading came instead of numbers that went stale.

use super::model::{Link, Model, Replica};
use crate::components::clock::use_now;
use crate::domain::usage::format::{bar_percent, figure, megabytes, no_reading_for};
use crate::domain::usage::metric::Metric;
use leptos::prelude::*;

#[component]
pub fn ReplicaStrip(model: Model) -> impl IntoView {
    view! {
        <ul class="usage-strip" aria-label="Replicas">
            <For each=move || model.replicas.get() key=|r| r.job.clone() let:replica>
                <ReplicaCard model=model replica=replica />
            </For>
        </ul>
    }
}

#[component]
fn ReplicaCard(model: Model, replica: Replica) -> impl IntoView {
    let now = use_now();
    let job = replica.job.clone();
    let (j1, j2, j3) = (job.clone(), job.clone(), job.clone());
    let name = move || {
        let n = model
            .replicas
            .with(|r| r.iter().position(|x| x.job == j1))
            .map_or(0, |i| i + 1);
        format!("Replica {n}")
    };
    let gpu = move || {
        model.hosts.with(|h| {
            let host = h.get(&j2)?;
            let g = host.gpus.first()?;
            let count = host.gpus.len();
            let mem = g
                .memory_mb
                .map(|m| format!(", {}", megabytes(m)))
                .unwrap_or_default();
            let times = if count > 1 {
                format!("{count} × ")
            } else {
                String::new()
            };
            Some(format!("{times}{}{mem}", g.name))
        })
    };
    // The figures shown, so that a sample of another replica redraws nothing here.
    let j4 = j3.clone();
    let latest = Memo::new(move |_| {
        model.held.with(|h| {
            let l = h.latest(&j4);
            if l.is_empty() {
                return None;
            }
            let cpu: f64 = l.iter().filter_map(|(_, s)| s.cpu_percent).sum();
            let used: f64 = l.iter().filter_map(|(_, s)| s.memory_usage).sum();
            let limit: f64 = l.iter().filter_map(|(_, s)| s.memory_limit).sum();
            Some((cpu, used, limit))
        })
    });
    let j5 = j3.clone();
    let stale = Memo::new(move |_| {
        let seen = model.seen.with(|s| s.get(&j5).copied());
        no_reading_for(now.get().timestamp_millis(), seen)
    });
    let body = move || {
        let link = model.links.with(|l| l.get(&j3).cloned());
        if link == Some(Link::NotOffered) {
            return view! { <p class="muted">"This node does not report usage."</p> }.into_any();
        }
        if let Some(s) = stale.get() {
            return view! { <p class="usage-stale">{format!("No reading for {s} s")}</p> }
                .into_any();
        }
        let Some((cpu, used, limit)) = latest.get() else {
            return view! { <p class="muted">"No reading yet."</p> }.into_any();
        };
        let cores = model
            .hosts
            .with(|h| h.get(&j3).and_then(|x| x.cpu_cores))
            .map_or(100.0, |c| f64::from(c) * 100.0);
        let mem_text = if limit > 0.0 {
            format!("{} of {}", megabytes(used), megabytes(limit))
        } else {
            megabytes(used)
        };
        view! {
            <div class="usage-bar">
                <span class="usage-bar-label">"CPU"</span>
                <meter min="0" max="100" value=bar_percent(cpu, cores) aria-label="CPU" />
                <span>{figure(Metric::Cpu, cpu)}</span>
            </div>
            <div class="usage-bar">
                <span class="usage-bar-label">"Memory"</span>
                <meter
                    min="0"
                    max="100"
                    high="90"
                    value=bar_percent(used, limit)
                    aria-label="Memory"
                />
                <span>{mem_text}</span>
            </div>
        }
        .into_any()
    };
    view! {
        <li class="usage-replica" data-job=job.clone()>
            <p class="usage-replica-head">
                <strong>{name}</strong>
                " "
                <span class="mono muted" title=job.clone()>
                    {crate::domain::units::short_id(&job)}
                </span>
            </p>
            <p class="usage-gpu">
                {move || gpu().unwrap_or_else(|| "GPU not reported".to_string())}
            </p>
            {body}
        </li>
    }
}
