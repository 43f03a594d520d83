//! The deployments table, with its empty state.
//!
//! Up to 100 rows are built at once on the first view, so a row holds no
//! listener and no selection effect of its own: one click listener on the
//! table's body handles every row's checkbox and copy button, and one effect
//! shows the selection on every row.

use super::bulk::Selection;
use super::GoToList;
use crate::api::models::Deployment;
use crate::client::Preload;
use crate::components::copy_button::{copy_clicked, plain_copy_button};
use crate::components::deployment_cost::DeploymentCost;
use crate::components::relative_time::RelativeTime;
use crate::components::status_badge::static_badge;
use crate::domain::bulk::{range, select_all};
use crate::domain::units::{format_minutes, short_id};
use crate::url_state::list_view::ListView;
use crate::url_state::paths;
use leptos::html::Tbody;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    let body = NodeRef::<Tbody>::new();
    Effect::new(move |_| {
        let Some(body) = body.get() else { return };
        selection.ids.with(|sel| show_selection(&body, sel));
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if copy_clicked(&target) || !target.matches("td.select input").unwrap_or(false) {
            return;
        }
        if let Some(id) = target
            .closest("tr")
            .ok()
            .flatten()
            .and_then(|tr| tr.get_attribute("data-id"))
        {
            pick(selection, ids, &id, ev.shift_key());
        }
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
                <tbody
                    node_ref=body
                    on:pointerover=|_| Preload::detail()
                    on:focusin=|_| Preload::detail()
                    on:click=on_click
                >
                    {deployments.into_iter().map(row).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Ticks the selected rows' checkboxes and marks the rows, unticks the others.
fn show_selection(body: &web_sys::HtmlElement, selected: &[String]) {
    let mut row = body.first_element_child();
    while let Some(tr) = row {
        let on = tr
            .get_attribute("data-id")
            .is_some_and(|id| selected.contains(&id));
        let _ = tr.class_list().toggle_with_force("selected", on);
        if let Some(input) = tr
            .query_selector("td.select input")
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_checked(on);
        }
        row = tr.next_element_sibling();
    }
}

/// A click on a row's checkbox; shift-click selects the range from the last clicked row.
fn pick(selection: Selection, ids: StoredValue<Vec<String>>, id: &str, shift: bool) {
    let anchor = selection.anchor.get_value();
    selection.ids.update(|sel| {
        if shift {
            ids.with_value(|ids| select_all(sel, &range(ids, anchor.as_deref(), id)));
        } else if let Some(pos) = sel.iter().position(|s| s == id) {
            sel.remove(pos);
        } else {
            sel.push(id.to_string());
        }
    });
    selection.anchor.set_value(Some(id.to_string()));
}

fn row(d: Deployment) -> impl IntoView {
    let status = d.status;
    view! {
        <tr data-id=d.id.clone()>
            <td class="select">
                <input type="checkbox" aria-label=format!("Select {}", d.name) />
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
                {plain_copy_button(d.id.clone(), "Copy id")}
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
