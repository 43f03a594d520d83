//! A replica's endpoints with the word its node gives each: ONLINE, OFFLINE or UNKNOWN.
//! A node without the `/endpoints` route says so instead of an error.

use super::card::Replica;
use crate::api::node::info::NodeEndpoint;
use crate::api::node::routes::RouteError;
use crate::domain::endpoint_health::Health;
use crate::domain::links::web_link;
use leptos::prelude::*;

/// What a node without the route is said to do.
pub const NOT_REPORTED: &str = "This node does not report endpoints.";

#[component]
pub fn Endpoints(replica: Replica, merged: Memo<Vec<NodeEndpoint>>) -> impl IntoView {
    let list_name = format!("Endpoints of {}", replica.label.get_value());
    let note = move || {
        replica.route.with(|r| match r {
            Some((Err(RouteError::Missing), _)) => {
                Some(view! { <p class="muted replica-no-route">{NOT_REPORTED}</p> }.into_any())
            }
            Some((Err(RouteError::Failed(m)), _)) => {
                Some(view! { <p class="muted">"Endpoints: "{m.clone()}</p> }.into_any())
            }
            _ => None,
        })
    };
    let list = move || {
        let list = merged.get();
        (!list.is_empty()).then(|| {
            view! {
                <ul class="replica-endpoints" aria-label=list_name.clone()>
                    {list.into_iter().map(endpoint).collect_view()}
                </ul>
            }
        })
    };
    view! {
        {note}
        {list}
    }
}

fn endpoint(e: NodeEndpoint) -> impl IntoView {
    let health = Health::parse(&e.status);
    let class = format!(
        "endpoint-health endpoint-health-{}",
        health.label().to_ascii_lowercase()
    );
    let target = match (e.op_id.as_deref(), e.port.as_deref()) {
        (Some(op), Some(port)) => format!("{op}:{port}"),
        _ => e.id.clone(),
    };
    let url = e.url.clone().unwrap_or_default();
    let link = match web_link(&url) {
        Some(href) => {
            let href = href.to_string();
            view! {
                <a href=href.clone() target="_blank" rel="noopener noreferrer">
                    {href.clone()}
                </a>
            }
            .into_any()
        }
        None => view! { <span>{url}</span> }.into_any(),
    };
    view! {
        <li data-endpoint=e.id.clone()>
            <span class="muted">{target}" "</span>
            <span class="replica-endpoint-url">{link}</span>
            " "
            <span class=class>{health.label()}</span>
        </li>
    }
}
