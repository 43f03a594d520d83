//! The deployment's service URLs. Only http and https become links; anything
//! else the API sends is shown as text.

use crate::api::models::Endpoint;
use crate::components::copy_button::CopyButton;
use crate::domain::links::web_link;
use leptos::prelude::*;

#[component]
pub fn EndpointList(endpoints: Memo<Vec<Endpoint>>) -> impl IntoView {
    move || {
        let list = endpoints.get();
        if list.is_empty() {
            return view! { <span class="muted">"None"</span> }.into_any();
        }
        view! { <ul class="detail-endpoints">{list.into_iter().map(endpoint).collect_view()}</ul> }
            .into_any()
    }
}

fn endpoint(e: Endpoint) -> impl IntoView {
    let target = format!("{}:{}", e.op_id, e.port);
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
        </li>
    }
}
