//! The table of a job's ops (status and exit code) and its endpoints, up or down.

use crate::api::node::info::NodeEndpoint;
use crate::components::table_head::{Columns, TableHead};
use crate::domain::links::web_link;
use crate::domain::logs::status::{Health, OpRow};
use leptos::prelude::*;

#[component]
pub fn OpTable(rows: Vec<OpRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="muted">"No ops reported yet."</p> }.into_any();
    }
    view! {
        <table class="job-status-ops">
            <TableHead columns=COLUMNS />
            <tbody>{rows.into_iter().map(row).collect_view()}</tbody>
        </table>
    }
    .into_any()
}

const COLUMNS: Columns = Columns::new(&["Op", "Status", "Exit code", "Notes"]);

fn row(r: OpRow) -> impl IntoView {
    let tone = format!("op-status op-status-{}", r.tone.as_str());
    let exit = if r.exit_text.is_empty() {
        "—".to_string()
    } else {
        r.exit_text
    };
    let op = r.op.clone();
    view! {
        <tr data-op=op>
            <th scope="row">{r.op}</th>
            <td>
                <span class=tone title=r.status>
                    {r.label}
                </span>
            </td>
            <td class="op-exit">{exit}</td>
            <td class="op-notes">{r.notes.join("; ")}</td>
        </tr>
    }
}

#[component]
pub fn NodeEndpoints(endpoints: Vec<(NodeEndpoint, Health)>) -> impl IntoView {
    if endpoints.is_empty() {
        return ().into_any();
    }
    view! {
        <ul class="job-status-endpoints" aria-label="Endpoints">
            {endpoints.into_iter().map(endpoint).collect_view()}
        </ul>
    }
    .into_any()
}

fn endpoint((e, health): (NodeEndpoint, Health)) -> impl IntoView {
    let class = format!(
        "endpoint-health endpoint-health-{}",
        health.label().to_ascii_lowercase()
    );
    let url = e.url.clone().unwrap_or_default();
    let target = match web_link(&url) {
        Some(href) => {
            let (href, text) = (href.to_string(), href.to_string());
            view! {
                <a href=href target="_blank" rel="noopener noreferrer">
                    {text}
                </a>
            }
            .into_any()
        }
        None => view! { <span>{url}</span> }.into_any(),
    };
    view! {
        <li>
            <span class="muted">{e.id}" "</span>
            {target}
            " "
            <span class=class>{health.label()}</span>
        </li>
    }
}
