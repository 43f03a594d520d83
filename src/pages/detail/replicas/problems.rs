//! A replica's container problems in plain words, op by op, from its node's latest `/info`
//! frame; a failing health check shows its last check's output.

use super::card::Replica;
use crate::api::node::info::JobInfo;
use crate::domain::diagnostics::{problems, Problem};
use leptos::prelude::*;

/// Each op with problems, in the node's order.
fn by_op(info: &JobInfo) -> Vec<(String, Vec<Problem>)> {
    info.op_states
        .iter()
        .map(|op| {
            (
                op.operation_id.clone(),
                problems(&op.diagnostics, &op.status, op.exit_code),
            )
        })
        .filter(|(_, p)| !p.is_empty())
        .collect()
}

#[component]
pub fn Problems(replica: Replica) -> impl IntoView {
    let label = replica.label.get_value();
    let list_name = format!("Container problems on {label}");
    move || {
        let found = replica.info.with(|i| i.as_ref().map(by_op))?;
        if found.is_empty() {
            return Some(
                view! { <p class="replica-ok muted">"No container problems reported."</p> }
                    .into_any(),
            );
        }
        Some(
            view! {
                <ul class="replica-problems" aria-label=list_name.clone()>
                    {found.into_iter().map(op_problems).collect_view()}
                </ul>
            }
            .into_any(),
        )
    }
}

fn op_problems((op, list): (String, Vec<Problem>)) -> impl IntoView {
    list.into_iter()
        .map(|p| {
            view! {
                <li class="replica-problem" data-op=op.clone()>
                    <span class="replica-problem-op">"op "{op.clone()}": "</span>
                    <span class="replica-problem-text">{p.text}</span>
                    {p
                        .detail
                        .map(|d| {
                            view! {
                                <span class="replica-problem-detail">
                                    "Last check: "<code>{d}</code>
                                </span>
                            }
                        })}
                </li>
            }
        })
        .collect_view()
}
