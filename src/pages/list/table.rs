//! The deployments table, with its empty state.

use super::GoTo;
use crate::api::models::Deployment;
use crate::components::copy_button::CopyButton;
use crate::components::relative_time::RelativeTime;
use crate::components::status_badge::StatusBadge;
use crate::domain::units::{format_minutes, short_id};
use crate::nav::list_view::ListView;
use crate::nav::paths;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn DeploymentTable(deployments: Vec<Deployment>, view: Memo<ListView>, go: GoTo) -> impl IntoView {
    if deployments.is_empty() {
        let filtered = view.with_untracked(|v| !v.search.is_empty() || !v.statuses.is_empty() || !v.strategies.is_empty());
        return view! {
            <div class="empty" role="status">
                {if filtered {
                    view! {
                        <p>"No deployments match these filters."</p>
                        <button type="button" class="btn" on:click=move |_| go.go(ListView::default(), false)>
                            "Clear filters"
                        </button>
                    }.into_any()
                } else {
                    view! { <p>"No deployments yet."</p> }.into_any()
                }}
            </div>
        }
        .into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="deployments">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"ID"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Strategy"</th>
                        <th scope="col" class="num">"Replicas"</th>
                        <th scope="col" class="num">"Active jobs"</th>
                        <th scope="col">"Timeout"</th>
                        <th scope="col">"Updated"</th>
                    </tr>
                </thead>
                <tbody>
                    {deployments.into_iter().map(row).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

fn row(d: Deployment) -> impl IntoView {
    let status = d.status;
    view! {
        <tr data-id=d.id.clone()>
            <td class="name"><A href=paths::deployment(&d.id)>{d.name.clone()}</A></td>
            <td class="id">
                <code title=d.id.clone()>{short_id(&d.id)}</code>
                <CopyButton text=d.id.clone() label="Copy id"/>
            </td>
            <td><StatusBadge status=Signal::stored(status)/></td>
            <td>{d.strategy.as_str()}</td>
            <td class="num">{d.replicas}</td>
            <td class="num">{d.active_jobs}</td>
            <td>{format_minutes(d.timeout)}</td>
            <td><RelativeTime iso=d.updated_at.clone()/></td>
        </tr>
    }
}
