//! The Logs view's controls: "Replicas" (each job with its state), the op, the level
//! checkboxes "Output", "Errors" and "System", "Search logs", "Follow" with "Jump to
//! latest", and "Download logs"; under the lines, "Load older jobs".

use super::controls::{FollowControls, LevelBoxes, OpSelect};
use super::feed::Feed;
use super::model::{JobEntry, Link, LogModel, ResultState};
use super::save::save_text;
use crate::domain::history::job_state_label;
use crate::domain::logs::download::{download_text, file_name};
use crate::domain::logs::filter::LogFilter;
use crate::domain::logs::line::short_job;
use crate::domain::logs::replica;
use leptos::prelude::*;

#[component]
pub fn Toolbar(
    model: LogModel,
    feed: Feed,
    filter: Memo<LogFilter>,
    set_filter: Callback<LogFilter>,
    deployment: Signal<String>,
    narrowed: bool,
) -> impl IntoView {
    // A changed filter is a new view: the permalinked line no longer applies.
    let change = Callback::new(move |mut f: LogFilter| {
        f.line = None;
        set_filter.run(f);
    });
    let download = move |_| {
        let text = model.store.with_value(|s| download_text(s.all_visible()));
        save_text(&file_name(&deployment.get_untracked()), &text);
    };
    view! {
        <div class="log-toolbar" role="search" aria-label="Filter logs">
            {(!narrowed).then(|| view! { <Replicas model=model filter=filter change=change /> })}
            <OpSelect model=model filter=filter change=change />
            <LevelBoxes filter=filter change=change />
            <input
                type="search"
                class="log-search"
                aria-label="Search logs"
                placeholder="Search logs"
                prop:value=move || filter.with(|f| f.query.clone())
                on:input=move |ev| {
                    let mut f = filter.get_untracked();
                    f.query = event_target_value(&ev);
                    change.run(f);
                }
            />
            <FollowControls model=model />
            <button type="button" class="btn" on:click=download>
                "Download logs"
            </button>
            <button
                type="button"
                class="btn"
                hidden=move || !filter.with(LogFilter::is_filtered)
                on:click=move |_| set_filter.run(LogFilter::default())
            >
                "Clear filters"
            </button>
        </div>
        <LineCount model=model feed=feed />
    }
}

/// "12 lines", or "3 of 12 lines shown" while filtered.
#[component]
fn LineCount(model: LogModel, feed: Feed) -> impl IntoView {
    view! {
        <p class="muted log-count">
            {move || {
                model.version.track();
                let _ = feed.loaded.get();
                let (shown, total) = model.store.with_value(|s| (s.visible_len(), s.total_len()));
                if shown == total {
                    format!("{total} lines")
                } else {
                    format!("{shown} of {total} lines shown")
                }
            }}
        </p>
    }
}

/// "Replicas": one checkbox per job, named by replica, job and state.
#[component]
fn Replicas(
    model: LogModel,
    filter: Memo<LogFilter>,
    change: Callback<LogFilter>,
) -> impl IntoView {
    view! {
        <fieldset class="log-replicas">
            <legend>"Replicas"</legend>
            <For
                each=move || model.jobs.get()
                key=|j: &JobEntry| (j.job.clone(), j.state, j.link.clone(), j.result.clone())
                let:entry
            >
                {
                    let job = entry.job.clone();
                    let shown = job.clone();
                    let class = format!("chip log-replica-choice {}", replica::class(entry.index));
                    view! {
                        <label class=class data-job=entry.job.clone()>
                            <input
                                type="checkbox"
                                prop:checked=move || filter.with(|f| f.shows_job(&shown))
                                on:change=move |_| {
                                    let all: Vec<String> = model
                                        .jobs
                                        .with_untracked(|j| {
                                            j.iter().map(|e| e.job.clone()).collect()
                                        });
                                    let all: Vec<&str> = all.iter().map(String::as_str).collect();
                                    let mut f = filter.get_untracked();
                                    f.toggle_replica(&job, &all);
                                    change.run(f);
                                }
                            />
                            {describe(&entry)}
                        </label>
                    }
                }
            </For>
        </fieldset>
    }
}

/// "Replica 1 · 3f4e8a9b · Running, live".
fn describe(e: &JobEntry) -> String {
    let state = match (&e.link, &e.result) {
        (Link::Live, _) => format!("{}, live", job_state_label(e.state)),
        (Link::Connecting, _) => format!("{}, connecting", job_state_label(e.state)),
        (Link::Reconnecting(_), _) => format!("{}, reconnecting", job_state_label(e.state)),
        (Link::NoNode, _) => format!("{}, no node yet", job_state_label(e.state)),
        (Link::Stopped(_), _) => format!("{}, not followed", job_state_label(e.state)),
        (Link::Ended, ResultState::NotUploaded) => {
            format!("{}, result not uploaded yet", job_state_label(e.state))
        }
        (Link::Ended, ResultState::NotAsked) => {
            format!("{}, not loaded", job_state_label(e.state))
        }
        (Link::Ended, _) => job_state_label(e.state).to_string(),
    };
    format!(
        "{} · {} · {}",
        replica::label(e.index),
        short_job(&e.job),
        state
    )
}

/// Under the lines: "Load older jobs" while there are more ended jobs.
#[component]
pub fn Footer(model: LogModel, feed: Feed) -> impl IntoView {
    let _ = model;
    view! {
        <div class="log-footer">
            <button
                type="button"
                class="btn"
                hidden=move || !feed.has_older.get()
                disabled=move || feed.loading_older.get()
                on:click=move |_| feed.spawn(feed.load_older())
            >
                "Load older jobs"
            </button>
        </div>
    }
}
