//! The deployment's service URLs. Only http and https become links; anything
//! else the API sends is shown as text. While replicas run, each URL carries the word
//! their nodes give it (ONLINE / OFFLINE / UNKNOWN), per replica where they differ.

use super::replicas::{replica_label, Watch};
use crate::api::models::Endpoint;
use crate::components::copy_button::CopyButton;
use crate::domain::endpoint_health::{same_endpoint, summary, worst, Seen};
use crate::domain::links::web_link;
use leptos::prelude::*;

#[component]
pub fn EndpointList(endpoints: Memo<Vec<Endpoint>>) -> impl IntoView {
    let watch = use_context::<Watch>();
    move || {
        let list = endpoints.get();
        if list.is_empty() {
            return view! { <span class="muted">"None"</span> }.into_any();
        }
        view! {
            <ul class="detail-endpoints">
                {list.into_iter().map(|e| endpoint(e, watch)).collect_view()}
            </ul>
        }
        .into_any()
    }
}

/// What each running replica's node says about `e`, in replica order.
fn seen(e: &Endpoint, watch: Watch) -> Vec<Seen> {
    let port = e.port.to_string();
    watch.jobs.with(|jobs| {
        watch.endpoints.with(|by_job| {
            jobs.iter()
                .enumerate()
                .filter_map(|(i, j)| {
                    let found = by_job
                        .get(&j.job)?
                        .iter()
                        .find(|n| same_endpoint(&e.op_id, &port, &e.url, n))?;
                    Some(Seen {
                        replica: replica_label(i),
                        health: crate::domain::endpoint_health::Health::parse(&found.status),
                    })
                })
                .collect()
        })
    })
}

fn health(e: &Endpoint, watch: Option<Watch>) -> impl IntoView {
    let e = e.clone();
    move || {
        let seen = seen(&e, watch?);
        let word = summary(&seen)?;
        let class = format!(
            "endpoint-health endpoint-health-{}",
            worst(&seen).label().to_ascii_lowercase()
        );
        Some(view! { <span class=class>{word}</span> })
    }
}

fn endpoint(e: Endpoint, watch: Option<Watch>) -> impl IntoView {
    let target = format!("{}:{}", e.op_id, e.port);
    let word = health(&e, watch);
    let url = match web_link(&e.url) {
        Some(href) => {
            let href = href.to_string();
            view! {
                <span class="detail-endpoint-url">
                    <a href=href.clone() target="_blank" rel="noopener noreferrer">
                        {href.clone()}
                    </a>
                    <CopyButton text=href label="Copy URL" />
                </span>
            }
            .into_any()
        }
        None => view! {
            <span class="detail-endpoint-text">{e.url}</span>
            <span class="muted">" (not a web address)"</span>
        }
        .into_any(),
    };
    view! {
        <li>
            <span class="detail-endpoint-target muted">{target}</span>
            {url}
            {word}
        </li>
    }
}
