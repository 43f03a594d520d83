//! The Tasks tab: the work the server has scheduled for the deployment and
//! when it is due.

use super::pager::{PageSizeSelect, Pager};
use super::{empty_text, fetch_view, results, Ctx};
use crate::api::endpoints;
use crate::api::models::{Task, TaskKind, TaskList};
use crate::components::clock::use_now;
use crate::components::relative_time::RelativeTime;
use crate::domain::history::{due_text, is_overdue};
use crate::domain::units::{format_exact, short_id};
use crate::url_state::history_view::HistoryTab;
use leptos::prelude::*;

#[component]
pub fn TasksPanel(ctx: Ctx) -> impl IntoView {
    let Ctx { state, view, go } = ctx;
    let auth = state.auth;
    let key = Memo::new(move |_| {
        view.with(|v| v.tasks_request())
            .map(|request| (state.id.get(), request))
    });
    let data = fetch_view(key, move |(id, (filter, page))| async move {
        auth.call(endpoints::list_tasks(&id, &filter, &page)).await
    });
    view! {
        <div class="history-filters" role="search" aria-label="Filter tasks">
            <label>
                "Task "
                <select
                    prop:value=move || view.with(|v| v.task.map(|t| t.as_str()).unwrap_or("").to_string())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let task = TaskKind::ALL.into_iter().find(|t| t.as_str() == value);
                        go.go(view.get_untracked().with_task(task));
                    }
                >
                    <option value="">"All tasks"</option>
                    {TaskKind::ALL
                        .into_iter()
                        .map(|t| view! { <option value=t.as_str()>{t.as_str()}</option> })
                        .collect_view()}
                </select>
            </label>
            <PageSizeSelect view=view go=go/>
        </div>
        {results(data, HistoryTab::Tasks, move |list: TaskList| {
            let empty = list.tasks.is_empty();
            view! {
                {if empty {
                    view! { <p class="empty">{view.with_untracked(empty_text)}</p> }.into_any()
                } else {
                    view! { <TaskTable tasks=list.tasks/> }.into_any()
                }}
                <Pager pagination=list.pagination view=view go=go/>
            }
        })}
    }
}

#[component]
fn TaskTable(tasks: Vec<Task>) -> impl IntoView {
    view! {
        // Scrolls sideways on a phone and holds nothing focusable: Tab reaches it.
        <div class="table-wrap" tabindex="0" role="region" aria-label="Tasks table">
            <table class="history-table tasks-table">
                <caption class="visually-hidden">"Tasks"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Task"</th>
                        <th scope="col">"Job"</th>
                        <th scope="col">"Due"</th>
                        <th scope="col">"Created"</th>
                    </tr>
                </thead>
                <tbody>
                    {tasks.into_iter().map(|task| view! { <TaskRow task=task/> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn TaskRow(task: Task) -> impl IntoView {
    let now = use_now();
    let job = task.job.clone().filter(|j| !j.trim().is_empty());
    view! {
        <tr data-task=task.task.as_str()>
            <td><code>{task.task.as_str()}</code></td>
            <td>
                {match job {
                    Some(job) => view! { <code title=job.clone()>{short_id(&job)}</code> }.into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td>
                {match task.due_at_utc() {
                    Some(due) => view! {
                        <time
                            class="task-due"
                            class:task-overdue=move || is_overdue(due, now.get())
                            datetime=task.due_at.clone()
                            title=format_exact(due)
                        >
                            {move || due_text(due, now.get())}
                        </time>
                    }
                    .into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td><RelativeTime iso=task.created_at.clone()/></td>
        </tr>
    }
}
