//! Bulk start, stop and archive over the selected rows: review what will be sent
//! and what is skipped, send with limited concurrency, then summarise per deployment.
//! The bar, the review and the summary are in the `on_first_use` chunk (with the
//! palette and the shortcuts dialog), fetched when the first row is selected:
//! the list's first view does not need them.

use crate::api::endpoints;
use crate::api::error::ApiError;
use crate::api::models::Deployment;
use crate::client::{use_auth, Mutation};
use crate::components::on_first_use::OnFirstUse;
use crate::domain::bulk::{done_word, plan, Plan, Target};
use crate::domain::status::Action;
use futures::stream::{self, StreamExt};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// At most this many requests in flight, to be gentle with the API.
const CONCURRENCY: usize = 3;

/// The selected ids, the last clicked row (the anchor of a shift-click range) and
/// the last run's summary; owned by the page so a list refetch does not lose them.
#[derive(Clone, Copy)]
pub struct Selection {
    pub ids: RwSignal<Vec<String>>,
    pub anchor: StoredValue<Option<String>>,
    summary: RwSignal<Option<RunSummary>>,
}

impl Selection {
    pub fn new() -> Self {
        Selection {
            ids: RwSignal::new(Vec::new()),
            anchor: StoredValue::new(None),
            summary: RwSignal::new(None),
        }
    }

    pub fn clear(&self) {
        self.ids.set(Vec::new());
        self.anchor.set_value(None);
    }
}

#[derive(Clone)]
struct BulkResult {
    name: String,
    result: Result<String, String>,
}

#[derive(Clone)]
struct RunSummary {
    action: Action,
    results: Vec<BulkResult>,
    skipped: Vec<(Target, String)>,
}

/// The bulk bar of a page of rows, there once a row is selected.
#[component]
pub fn BulkBar(
    deployments: Vec<Deployment>,
    selection: Selection,
    /// Called after a run so the list shows the new statuses.
    on_done: Callback<()>,
) -> impl IntoView {
    let deployments = StoredValue::new(deployments);
    view! {
        <OnFirstUse
            when=move || selection.ids.with(|ids| !ids.is_empty())
            load=move || bar_chunk(deployments.get_value(), selection, on_done)
        />
    }
}

/// The per-deployment results of the last bulk run.
#[component]
pub fn BulkSummary(selection: Selection) -> impl IntoView {
    view! {
        <OnFirstUse
            when=move || selection.summary.with(Option::is_some)
            load=move || summary_chunk(selection)
        />
    }
}

#[wasm_split(on_first_use, wasm_split_path = ::leptos::wasm_split, fallible)]
fn bar_chunk(
    deployments: Vec<Deployment>,
    selection: Selection,
    on_done: Callback<()>,
) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Bar deployments=deployments selection=selection on_done=on_done /> }.into_any())
}

#[wasm_split(on_first_use, wasm_split_path = ::leptos::wasm_split, fallible)]
fn summary_chunk(selection: Selection) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <LastRun selection=selection /> }.into_any())
}

#[component]
fn Bar(deployments: Vec<Deployment>, selection: Selection, on_done: Callback<()>) -> impl IntoView {
    let auth = use_auth();
    let review = RwSignal::new(None::<(Action, Plan)>);
    let run = Mutation::<()>::new();
    let running = move || run.busy();
    let targets = StoredValue::new(deployments);

    let selected_targets = move || {
        let ids = selection.ids.get_untracked();
        targets.with_value(|ds| {
            ds.iter()
                .filter(|d| ids.contains(&d.id))
                .map(|d| Target {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    status: d.status,
                })
                .collect::<Vec<_>>()
        })
    };
    let open_review = move |action: Action| {
        selection.summary.set(None);
        review.set(Some((action, plan(action, &selected_targets()))));
    };
    let confirm = move |()| {
        let Some((action, plan)) = review.get_untracked() else {
            return;
        };
        let targets = plan.send.clone();
        // Each deployment's failure is part of the summary: the run as a whole never fails.
        let answer = async move { Ok::<_, ApiError>(send_all(auth, action, targets).await) };
        run.send((), answer, move |results| {
            review.set(None);
            selection.clear();
            selection.summary.set(Some(RunSummary {
                action,
                results,
                skipped: plan.skipped,
            }));
            on_done.run(());
        });
    };

    let count = move || selection.ids.with(|ids| ids.len());
    view! {
        <Show when=move || { count() > 0 || review.with(|r| r.is_some()) }>
            <div class="bulk-bar" role="region" aria-label="Bulk actions">
                <span>{move || format!("{} selected", count())}</span>
                {[Action::Start, Action::Stop, Action::Archive]
                    .map(|action| {
                        view! {
                            <button
                                type="button"
                                class="btn"
                                on:click=move |_| open_review(action)
                                disabled=running
                            >
                                {format!("{} selected", action.label())}
                            </button>
                        }
                    })}
                <button
                    type="button"
                    class="btn btn-ghost"
                    on:click=move |_| {
                        selection.clear();
                        review.set(None);
                    }
                >
                    "Clear selection"
                </button>
            </div>
        </Show>
        <Review review=review running=Signal::derive(running) on_confirm=Callback::new(confirm) />
    }
}

/// What a bulk action will send and skip, with Confirm and Cancel.
#[component]
fn Review(
    review: RwSignal<Option<(Action, Plan)>>,
    running: Signal<bool>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    move || {
        review.get().map(|(action, plan)| {
            view! {
                <section class="bulk-review card" aria-labelledby="bulk-review-title">
                    <h2 id="bulk-review-title">
                        {format!(
                            "{} {} of {} selected",
                            action.label(),
                            plan.send.len(),
                            plan.send.len() + plan.skipped.len(),
                        )}
                    </h2>
                    <PlanList plan=plan.clone() />
                    <div class="actions">
                        <button
                            type="button"
                            class="btn btn-primary"
                            on:click=move |_| on_confirm.run(())
                            disabled=move || running.get() || plan.send.is_empty()
                        >
                            "Confirm"
                        </button>
                        <button
                            type="button"
                            class="btn"
                            on:click=move |_| review.set(None)
                            disabled=move || running.get()
                        >
                            "Cancel"
                        </button>
                    </div>
                </section>
            }
        })
    }
}

async fn send_all(
    auth: crate::client::Auth,
    action: Action,
    targets: Vec<Target>,
) -> Vec<BulkResult> {
    stream::iter(targets)
        .map(|target| async move {
            let result = send(auth, action, &target.id).await;
            BulkResult {
                name: target.name,
                result: result
                    .map(|status| format!("{}: now {status}", done_word(action)))
                    .map_err(|e| e.user_message()),
            }
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await
}

async fn send(
    auth: crate::client::Auth,
    action: Action,
    id: &str,
) -> Result<&'static str, ApiError> {
    let response = match action {
        Action::Start => auth.call(endpoints::start(id)).await?,
        Action::Stop => auth.call(endpoints::stop(id)).await?,
        _ => auth.call(endpoints::archive(id)).await?,
    };
    Ok(response.status.as_str())
}

#[component]
fn PlanList(plan: Plan) -> impl IntoView {
    view! {
        <ul class="plan">
            {plan.send.into_iter().map(|t| view! { <li>{t.name}</li> }).collect_view()}
        </ul>
        {(!plan.skipped.is_empty())
            .then(|| {
                view! {
                    <p class="muted">"Skipped, their status does not allow it:"</p>
                    <ul class="plan skipped">
                        {plan
                            .skipped
                            .into_iter()
                            .map(|(t, why)| view! { <li>{t.name}" — "{why}</li> })
                            .collect_view()}
                    </ul>
                }
            })}
    }
}

#[component]
fn LastRun(selection: Selection) -> impl IntoView {
    move || {
        selection.summary.get().map(|s| {
            let close = Callback::new(move |_| selection.summary.set(None));
            view! { <Summary action=s.action results=s.results skipped=s.skipped on_close=close /> }
        })
    }
}

#[component]
fn Summary(
    action: Action,
    results: Vec<BulkResult>,
    skipped: Vec<(Target, String)>,
    on_close: Callback<()>,
) -> impl IntoView {
    let ok = results.iter().filter(|o| o.result.is_ok()).count();
    let failed = results.len() - ok;
    view! {
        <section class="bulk-summary card" role="status" aria-labelledby="bulk-summary-title">
            <h2 id="bulk-summary-title">
                {format!(
                    "{}: {ok} succeeded, {failed} failed, {} skipped",
                    action.label(),
                    skipped.len(),
                )}
            </h2>
            <ul class="plan">
                {results
                    .into_iter()
                    .map(|o| {
                        let (class, text) = match o.result {
                            Ok(text) => ("ok", text),
                            Err(text) => ("failed", format!("Failed: {text}")),
                        };
                        view! { <li class=class>{o.name}" — "{text}</li> }
                    })
                    .collect_view()}
                {skipped
                    .into_iter()
                    .map(|(t, why)| {
                        view! { <li class="skipped">{t.name}" — Skipped: "{why}</li> }
                    })
                    .collect_view()}
            </ul>
            <button type="button" class="btn" on:click=move |_| on_close.run(())>
                "Dismiss"
            </button>
        </section>
    }
}
