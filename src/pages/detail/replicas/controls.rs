//! Restart or stop one op of a running replica, behind a confirmation naming the replica
//! and the op. Sent once (the buttons wait for the answer); the node's answer is shown and
//! noted for the Logs tab. A node without `/ops` (or the control route) offers no controls,
//! and says so.

use super::card::Replica;
use super::marks::Mark;
use super::Watch;
use crate::api::node::routes::{OpAction, RouteError};
use crate::client::nodes::ops;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::domain::logs::status::status_label;
use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What a node without the routes is said to do.
pub const NOT_REPORTED: &str = "This node does not report controls.";

/// The op asked about: its id, its group, what to do.
#[derive(Clone, PartialEq)]
struct Asked {
    op: String,
    group: String,
    action: OpAction,
}

/// "Restart op web on Replica 1": the buttons' names and the dialog's heading.
fn name(action: OpAction, op: &str, replica: &str) -> String {
    format!("{} op {op} on {replica}", action.label())
}

#[component]
pub fn Controls(replica: Replica, watch: Watch) -> impl IntoView {
    let label = replica.label.get_value();
    let asked = RwSignal::new(None::<Asked>);
    let open = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let answer = RwSignal::new(None::<Result<String, String>>);
    let who = label.clone();
    let heading = Signal::derive(move || {
        asked
            .get()
            .map(|a| format!("{}?", name(a.action, &a.op, &who)))
            .unwrap_or_default()
    });
    let message = Signal::derive(move || {
        match asked.get().map(|a| a.action) {
        Some(OpAction::Restart) => {
            "The node restarts this op's container; the job keeps running. The Logs tab notes the restart."
                .to_string()
        }
        Some(OpAction::Stop) => {
            "The node stops this op's container; the job stays on the node until it ends."
                .to_string()
        }
        None => String::new(),
    }
    });
    let on_confirm = Callback::new(move |()| {
        let Some(a) = asked.get_untracked() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        answer.set(None);
        send(replica, watch, a, busy, answer);
    });
    let list_name = format!("Ops of {label}");
    let body = move || {
        let label = label.clone();
        let list_name = list_name.clone();
        match replica.ops.get() {
            None => None,
            Some(Err(RouteError::Missing)) => {
                Some(view! { <p class="muted replica-no-route">{NOT_REPORTED}</p> }.into_any())
            }
            Some(Err(RouteError::Failed(m))) => {
                Some(view! { <p class="muted">"Controls: "{m}</p> }.into_any())
            }
            Some(Err(RouteError::Unauthorized)) => None,
            Some(Ok(list)) => Some(
                view! {
                    <ul class="replica-ops" aria-label=list_name>
                        {list
                            .into_iter()
                            .map(|(op, status)| {
                                op_row(replica, &label, op, status, asked, open, busy)
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            ),
        }
    };
    let answer_view = move || {
        answer.get().map(|a| match a {
            Ok(text) => view! {
                <p class="replica-answer" role="status">
                    {text}
                </p>
            }
            .into_any(),
            Err(text) => view! {
                <p class="error-box replica-answer" role="alert">
                    {text}
                </p>
            }
            .into_any(),
        })
    };
    view! {
        {body}
        {answer_view}
        <ConfirmDialog
            open=open
            heading=heading
            message=message
            on_confirm=on_confirm
            danger=true
        />
    }
}

fn op_row(
    replica: Replica,
    label: &str,
    op: String,
    status: String,
    asked: RwSignal<Option<Asked>>,
    open: RwSignal<bool>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    // The group of a single-op job is the op's group, else the op id (contract).
    let group = replica
        .info
        .with_untracked(|i| {
            i.as_ref().and_then(|i| {
                i.op_states
                    .iter()
                    .find(|s| s.operation_id == op)
                    .and_then(|s| s.group.clone())
            })
        })
        .filter(|g| !g.is_empty())
        .unwrap_or_else(|| op.clone());
    // The live `/info` frame says more recently than the one `/ops` read.
    let op_live = op.clone();
    let shown = Memo::new(move |_| {
        let live = replica.info.with(|i| {
            i.as_ref().and_then(|i| {
                i.op_states
                    .iter()
                    .find(|s| s.operation_id == op_live)
                    .map(|s| s.status.clone())
            })
        });
        status_label(&live.unwrap_or_else(|| status.clone()))
    });
    let word = move || shown.with(|(w, _)| w.clone());
    let class = move || format!("op-status op-status-{}", shown.with(|(_, t)| t.as_str()));
    let (op_name, op_key) = (op.clone(), op.clone());
    let button = move |action: OpAction| {
        let a = Asked {
            op: op.clone(),
            group: group.clone(),
            action,
        };
        let aria = name(action, &op, label);
        view! {
            <button
                type="button"
                class="btn btn-small"
                aria-label=aria
                disabled=move || busy.get()
                on:click=move |_| {
                    asked.set(Some(a.clone()));
                    open.set(true);
                }
            >
                {action.label()}
            </button>
        }
    };
    view! {
        <li class="replica-op" data-op=op_key>
            <span class="replica-op-name">"op "{op_name}</span>
            " "
            <span class=class>{word}</span>
            <span class="replica-op-buttons">
                {button(OpAction::Restart)} {button(OpAction::Stop)}
            </span>
        </li>
    }
}

/// Sends the restart or stop once and reports the answer.
fn send(
    replica: Replica,
    watch: Watch,
    a: Asked,
    busy: RwSignal<bool>,
    answer: RwSignal<Option<Result<String, String>>>,
) {
    let Some(base) = replica.base.get_untracked() else {
        busy.set(false);
        return;
    };
    let job = replica.job.get_value().job;
    let who = replica.label.get_value();
    spawn_local(async move {
        let got = ops::act(&replica.access, &base, &job, &a.group, &a.op, a.action).await;
        let raw = match got {
            Ok(m) => Ok(m),
            Err(RouteError::Missing) => {
                replica.ops.try_set(Some(Err(RouteError::Missing)));
                Err(NOT_REPORTED.to_string())
            }
            Err(RouteError::Failed(m)) => Err(m),
            Err(RouteError::Unauthorized) => {
                Err("the node refused the authorization header.".to_string())
            }
        };
        let said = match &raw {
            Ok(m) => Ok(format!("{who}, op {}: {m}", a.op)),
            Err(e) => Err(format!("{who}, op {}: {e}", a.op)),
        };
        watch.marks.try_update(|m| {
            m.push(Mark {
                job: job.clone(),
                replica: who.clone(),
                op: a.op.clone(),
                action: a.action,
                at: Utc::now(),
                answer: raw,
            })
        });
        answer.try_set(Some(said));
        busy.try_set(false);
        replica.reread_ops();
    });
}
