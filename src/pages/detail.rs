//! A deployment's detail page (`/deployments/:id`): every field, the actions
//! its status allows, and a view that keeps itself fresh while it settles.

mod action_button;
mod actions;
mod activity;
mod alerts;
mod export;
mod fields;
mod freshness;
mod history;
mod info_streams;
mod job_changes;
mod job_status;
mod live;
mod logs;
mod name;
mod polling;
mod replicas;
mod running_jobs;
mod schedule;
mod service_urls;
mod state;
mod usage;
mod view_in_url;

use crate::client::use_auth;
use crate::components::clock::Clock;
use crate::components::error_box::ErrorBox;
use crate::components::status_line::Loading;
use crate::url_state::paths;
use chrono::Utc;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use state::{DetailState, Phase};
use std::time::Duration;

#[component]
pub fn DetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let state = DetailState::new(use_auth(), id);
    // Relative times on this page tick with the page's own clock.
    provide_context(Clock(state.now));
    tick_every_second(state);
    live::follow(state);
    alerts::follow(state);

    let load = move || {
        state.clear();
        state.refresh();
    };
    Effect::new(move |_| {
        // Read, not only tracked: a memo never read counts its first
        // computation (in `reload`) as a change, and this would run twice.
        id.with(|_| ());
        load();
    });
    let retry = Callback::new(move |_| load());
    let phase = state.phase();

    view! {
        <section class="page detail" aria-labelledby="detail-title">
            <p class="detail-back">
                <A href=paths::DEPLOYMENTS>
                    <span aria-hidden="true">"← "</span>
                    "Back to deployments"
                </A>
            </p>
            {move || match phase.get() {
                Phase::Loading => {
                    view! {
                        <h1 id="detail-title" class="visually-hidden">
                            "Deployment"
                        </h1>
                        <Loading text="Loading deployment…" />
                    }
                        .into_any()
                }
                Phase::Failed => {
                    view! {
                        <h1 id="detail-title">"Deployment"</h1>
                        {move || {
                            state
                                .load_error
                                .get()
                                .map(|error| view! { <ErrorBox error=error on_retry=retry /> })
                        }}
                    }
                        .into_any()
                }
                Phase::Ready => view! { <Loaded state=state /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Loaded(state: DetailState) -> impl IntoView {
    let watch = replicas::provide();
    info_streams::provide(state);
    running_jobs::provide(state);
    view! {
        <div class="page-head detail-head">
            <name::NameHeading state=state />
            <freshness::Freshness state=state />
        </div>
        <actions::ActionBar state=state />
        <replicas::ReplicaHealth state=state watch=watch />
        <div class="card">
            <fields::Fields state=state />
        </div>
        <activity::RecentActivity state=state />
        <job_status::JobStatus state=state />
        <usage::Usage state=state />
        <history::History state=state />
    }
}

/// "Updated N s ago" and relative times count up while the page is open.
fn tick_every_second(state: DetailState) {
    let now = state.now;
    if let Ok(handle) = set_interval_with_handle(
        move || {
            now.try_set(Utc::now());
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
}
