//! The Tasks tab: the work the server has scheduled for the deployment and
//! when it is due.

use super::list::{fetch_view, HistoryList};
use super::Ctx;
use crate::api::models::{Task, TaskKind, TaskList};
use crate::components::choice_select::ChoiceSelect;
use crate::components::clock::use_now;
use crate::components::pager::PageSizeSelect;
use crate::components::relative_time::RelativeTime;
use crate::components::short_code::short_code;
use crate::components::table_head::Columns;
use crate::domain::history::{due_text, is_overdue};
use crate::domain::units::format_exact;
use leptos::prelude::*;

#[component]
pub fn TasksPanel(ctx: Ctx) -> impl IntoView {
    let data = fetch_view::<TaskList>(ctx);
    let Ctx { view, go, .. } = ctx;
    let task = Signal::derive(move || view.with(|v| v.task));
    view! {
        <div class="history-filters" role="search" aria-label="Filter tasks">
            <ChoiceSelect
                label="Task "
                all="All tasks"
                value=task
                on_change={move |task: Option<TaskKind>| {
                    go.go(view.get_untracked().with_task(task))
                }}
            />
            <PageSizeSelect view=view go=go.callback() class="history-page-size" />
        </div>
        <HistoryList ctx=ctx data=data columns=COLUMNS row=|task| view! { <TaskRow task=task /> } />
    }
}

const COLUMNS: Columns = Columns::new(&["Task", "Job", "Due", "Created"]);

#[component]
fn TaskRow(task: Task) -> impl IntoView {
    let now = use_now();
    view! {
        <tr data-task=task.task.as_str()>
            <td>
                <code>{task.task.as_str()}</code>
            </td>
            <td>{short_code(task.job.clone())}</td>
            <td>
                {match task.due_at_utc() {
                    Some(due) => {
                        view! {
                            <time
                                class="task-due"
                                class:task-overdue=move || is_overdue(due, now.get())
                                datetime=task.due_at.clone()
                                title=format_exact(due)
                            >
                                {move || due_text(due, now.get())}
                            </time>
                        }
                            .into_any()
                    }
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td>
                <RelativeTime iso=task.created_at.clone() />
            </td>
        </tr>
    }
}
