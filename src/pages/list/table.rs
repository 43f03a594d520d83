//! The deployments table, with its empty state.

use super::bulk::Selection;
use super::GoToList;
use crate::api::models::Deployment;
use crate::client::Preload;
use crate::components::copy_button::CopyButton;
use crate::components::deployment_cost::DeploymentCost;
use crate::components::relative_time::RelativeTime;
use crate::components::status_badge::static_badge;
use crate::domain::bulk::{range, select_all};
use crate::domain::units::{format_minutes, short_id};
use crate::url_state::list_view::ListView;
use crate::url_state::paths;
use leptos::prelude::*;

#[component]
pub fn DeploymentTable(
    deployments: Vec<Deployment>,
    view: Memo<ListView>,
    go: GoToList,
    selection: Selection,
) -> impl IntoView {
    if deployments.is_empty() {
        let filtered = view.with_untracked(|v| {
            !v.search.is_empty() || !v.statuses.is_empty() || !v.strategies.is_empty()
        });
        return view! {
            <div class="empty" role="status">
                {if filtered {
                    view! {
                        <p>"No deployments match these filters."</p>
                        <button
                            type="button"
                            class="btn"
                            on:click=move |_| go.go(ListView::default(), false)
                        >
                            "Clear filters"
                        </button>
                    }
                        .into_any()
                } else {
                    view! { <p>"No deployments yet."</p> }.into_any()
                }}
            </div>
        }
        .into_any();
    }
    let ids = StoredValue::new(deployments.iter().map(|d| d.id.clone()).collect::<Vec<_>>());
    let all_selected = move || {
        selection
            .ids
            .with(|sel| ids.with_value(|ids| ids.iter().all(|id| sel.contains(id))))
    };
    let toggle_all = move |_| {
        let every = all_selected();
        selection.ids.update(|sel| {
            ids.with_value(|ids| {
                if every {
                    sel.retain(|id| !ids.contains(id));
                } else {
                    select_all(sel, ids);
                }
            })
        });
    };
    view! {
        <div class="table-wrap">
            <table class="deployments">
                <thead>
                    <tr>
                        <th scope="col" class="select">
                            <input
                                type="checkbox"
                                aria-label="Select all on this page"
                                prop:checked=all_selected
                                on:change=toggle_all
                            />
                        </th>
                        <th scope="col">"Name"</th>
                        <th scope="col">"ID"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Strategy"</th>
                        <th scope="col" class="num">
                            "Replicas"
                        </th>
                        <th scope="col" class="num">
                            "Active jobs"
                        </th>
                        <th scope="col">"Cost"</th>
                        <th scope="col">"Timeout"</th>
                        <th scope="col">"Updated"</th>
                    </tr>
                </thead>
                // Fetch the detail page's code once a row is pointed at or focused.
                <tbody on:pointerover=|_| Preload::detail() on:focusin=|_| Preload::detail()>
                    {deployments.into_iter().map(|d| row(d, selection, ids)).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

fn row(d: Deployment, selection: Selection, ids: StoredValue<Vec<String>>) -> impl IntoView {
    let status = d.status;
    let id = d.id.clone();
    let is_selected = {
        let id = id.clone();
        move || selection.ids.with(|sel| sel.contains(&id))
    };
    let highlighted = is_selected.clone();
    // Shift-click selects the range from the last clicked row.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let anchor = selection.anchor.get_value();
        let picked = if ev.shift_key() {
            ids.with_value(|ids| range(ids, anchor.as_deref(), &id))
        } else {
            vec![id.clone()]
        };
        selection.ids.update(|sel| {
            if ev.shift_key() {
                select_all(sel, &picked);
            } else if let Some(pos) = sel.iter().position(|s| *s == id) {
                sel.remove(pos);
            } else {
                sel.push(id.clone());
            }
        });
        selection.anchor.set_value(Some(id.clone()));
    };
    view! {
        <tr data-id=d.id.clone() class:selected=highlighted>
            <td class="select">
                <input
                    type="checkbox"
                    aria-label=format!("Select {}", d.name)
                    prop:checked=is_selected
                    on:click=on_click
                />
            </td>
            // A plain link: the router handles clicks on every same-origin <a>, and
            // <A> would add an active-route memo to each of up to 100 rows.
            // `data-label`: on a phone each row is a card, and the stylesheet
            // writes the column's name before each value.
            <td class="name" data-label="Name">
                <a href=paths::deployment(&d.id)>{d.name.clone()}</a>
            </td>
            <td class="id" data-label="ID">
                <code title=d.id.clone()>{short_id(&d.id)}</code>
                <CopyButton text=d.id.clone() label="Copy id" />
            </td>
            <td class="status" data-label="Status">
                {static_badge(status)}
            </td>
            <td data-label="Strategy">{d.strategy.as_str()}</td>
            <td class="num" data-label="Replicas">
                {d.replicas}
            </td>
            <td class="num" data-label="Active jobs">
                {d.active_jobs}
            </td>
            <td class="cost" data-label="Cost">
                <DeploymentCost deployment=Signal::stored(Some(d.clone())) />
            </td>
            <td data-label="Timeout">{format_minutes(d.timeout)}</td>
            <td data-label="Updated">
                <RelativeTime iso=d.updated_at.clone() />
            </td>
        </tr>
    }
}
