//! What the view says about each job beyond its lines: a socket that reconnects or gave up
//! and why, a result not uploaded yet, older lines dropped by the cap (with the job's full
//! result to download when it has one). Never a blank pane: with no lines, it says why.

use super::feed::Feed;
use super::model::{JobEntry, Link, LogModel, ResultState};
use super::save::save_text;
use crate::api::endpoints;
use crate::api::node::result::parse_result;
use crate::client::Auth;
use crate::components::error_box::ErrorLine;
use crate::domain::logs::download::download_text;
use crate::domain::logs::replica;
use crate::domain::logs::JobLog;
use crate::domain::units::short_id;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Notes(model: LogModel, feed: Feed, auth: Auth, deployment: Signal<String>) -> impl IntoView {
    // Dropped counts change with the lines; the memo re-renders only when one does.
    let dropped = Memo::new(move |_| {
        model.version.track();
        model.store.with_value(|s| {
            s.jobs()
                .iter()
                .filter(|j| j.dropped() > 0)
                .map(|j| Dropped {
                    index: j.replica,
                    job: j.job.to_string(),
                    n: j.dropped(),
                    has_result: j.has_result(),
                })
                .collect::<Vec<_>>()
        })
    });
    let empty = Memo::new(move |_| {
        model.version.track();
        model.store.with_value(|s| s.total_len() == 0)
    });
    view! {
        <div class="log-notes">
            <ErrorLine message=feed.error />
            {move || {
                model
                    .jobs
                    .get()
                    .into_iter()
                    .filter_map(|e| {
                        let (text, alert) = job_note(&e)?;
                        Some(
                            if alert {
                                view! {
                                    <p
                                        class="error-box log-note"
                                        role="alert"
                                        data-job=e.job.clone()
                                    >
                                        {text}
                                    </p>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <p class="log-note" role="status" data-job=e.job.clone()>
                                        {text}
                                    </p>
                                }
                                    .into_any()
                            },
                        )
                    })
                    .collect_view()
            }}
            <DroppedNotes dropped=dropped auth=auth deployment=deployment />
            {move || {
                (empty.get() && feed.loaded.get())
                    .then(|| {
                        let text = if model.jobs.with(Vec::is_empty) {
                            "No jobs to show lines of yet."
                        } else {
                            "No log lines yet."
                        };
                        view! { <p class="empty">{text}</p> }
                    })
            }}
        </div>
    }
}

/// What the view says about one job beyond its lines, and whether it is a failure.
fn job_note(e: &JobEntry) -> Option<(String, bool)> {
    let who = format!("{} (job {})", replica::label(e.index), short_id(&e.job));
    Some(match (&e.link, &e.result) {
        (Link::Reconnecting(r), _) => (format!("{who}: {r}"), false),
        (Link::Stopped(r), _) => (format!("{who}: {r}"), true),
        (Link::NoNode, _) => (
            format!("{who} is waiting for a node; its lines appear once it starts."),
            false,
        ),
        (_, ResultState::NotUploaded) => (
            format!(
                "{who} has ended, but its result is not uploaded yet. Showing the lines seen \
                 live so far; checking again…"
            ),
            false,
        ),
        (_, ResultState::Failed(m)) => (format!("{who}: its result could not be read. {m}"), true),
        _ => return None,
    })
}

/// A job whose older lines the cap dropped.
#[derive(Clone, PartialEq)]
struct Dropped {
    index: u16,
    job: String,
    n: u64,
    has_result: bool,
}

/// Each job whose older lines were dropped, with its full result to download when it has one.
#[component]
fn DroppedNotes(
    dropped: Memo<Vec<Dropped>>,
    auth: Auth,
    deployment: Signal<String>,
) -> impl IntoView {
    move || {
        dropped
            .get()
            .into_iter()
            .map(
                |Dropped {
                     index,
                     job,
                     n,
                     has_result,
                 }| {
                    let label = replica::label(index);
                    let text = format!(
                        "{label}: {n} older lines are not kept here (the newest {} per job are).{}",
                        crate::domain::logs::job_log::DEFAULT_CAP,
                        if has_result {
                            ""
                        } else {
                            " Its full result can be downloaded here once the job ends."
                        },
                    );
                    let button = has_result.then(|| {
                        view! {
                            <button
                                type="button"
                                class="btn"
                                on:click=move |_| {
                                    let job = job.clone();
                                    spawn_local(async move {
                                        download_full(auth, deployment.get_untracked(), job, index)
                                            .await
                                    });
                                }
                            >
                                {format!("Download the full result of {label}")}
                            </button>
                        }
                    });
                    view! { <p class="log-note log-dropped">{text}" "{button}</p> }
                },
            )
            .collect_view()
    }
}

/// Every line of an ended job's result, uncapped, as the download's plain text.
async fn download_full(auth: Auth, deployment: String, job: String, index: u16) {
    let Ok(detail) = auth.call(endpoints::get_job(&deployment, &job)).await else {
        return;
    };
    let Some(result) = parse_result(&detail.job_result) else {
        return;
    };
    let mut log = JobLog::new(&job, index, usize::MAX);
    log.set_result(&result);
    let text = download_text(log.lines());
    save_text(
        &format!(
            "nosana-logs-{}.txt",
            crate::domain::logs::line::short_job(&job)
        ),
        &text,
    );
}
