//! Editing a deployment (`/deployments/:id/edit`): replicas, timeout, schedule
//! and job definition, each its own form sending only its own request.

mod changes;
mod draft;
mod job_definition;
mod leave_guard;
mod replicas;
mod schedule;
mod setting_form;
mod submission;
mod timeout;

use crate::api::endpoints;
use crate::api::models::Deployment;
use crate::client::{use_auth, Drafts};
use crate::components::error_box::ErrorBox;
use crate::components::status_badge::static_badge;
use crate::components::status_line::Loading;
use crate::domain::status::{check, Action};
use crate::domain::units::short_id;
use crate::url_state::paths;
use draft::Draft;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn EditPage() -> impl IntoView {
    let auth = use_auth();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let data = LocalResource::new(move || {
        let id = id.get();
        async move { auth.call(endpoints::get_deployment(&id)).await }
    });
    let retry = Callback::new(move |_| data.refetch());
    view! {
        <section class="page edit-page">
            <Transition fallback=|| {
                view! {
                    <h1>"Edit deployment"</h1>
                    <Loading text="Loading deployment…" />
                }
            }>
                {move || {
                    data.get()
                        .map(|result| match result {
                            Ok(deployment) => {
                                view! { <EditForms deployment=deployment /> }.into_any()
                            }
                            Err(error) => {
                                view! {
                                    <h1>"Edit deployment"</h1>
                                    <ErrorBox error=error on_retry=retry />
                                }
                                    .into_any()
                            }
                        })
                }}
            </Transition>
        </section>
    }
}

#[component]
fn EditForms(deployment: Deployment) -> impl IntoView {
    let Deployment {
        id,
        name,
        status,
        strategy,
        ..
    } = deployment.clone();
    let locked = check(Action::Edit, status).err();
    let is_locked = locked.is_some();
    let drafts = Drafts::use_drafts();
    let key = |form: &str| format!("{id}/{form}");
    let replicas = Draft::kept(drafts, key("replicas"), deployment.replicas.to_string());
    let timeout = Draft::kept(drafts, key("timeout"), deployment.timeout.to_string());
    let schedule_text = deployment.schedule.clone().unwrap_or_default();
    let schedule = Draft::kept(drafts, key("schedule"), schedule_text);
    let job = Draft::kept(drafts, key("job"), String::new());
    let restored = [replicas, timeout, schedule, job]
        .iter()
        .any(|d| d.restored);
    let dirty = Signal::derive(move || {
        [replicas, timeout, schedule, job]
            .iter()
            .any(Draft::is_dirty)
    });
    let title = if name.trim().is_empty() {
        short_id(&id)
    } else {
        name
    };

    view! {
        <div class="page-head">
            <h1>{format!("Edit {title}")}</h1>
            {static_badge(status)}
        </div>
        <p class="back-link">
            <a href=paths::deployment(&id)>
                <span aria-hidden="true">"← "</span>
                "Back to deployment"
            </a>
        </p>
        {locked
            .map(|reason| {
                view! {
                    <p class="edit-locked" role="note">
                        {format!("{reason}: these settings are read-only.")}
                    </p>
                }
            })}
        {restored
            .then(|| {
                view! {
                    <p class="edit-restored" role="status">
                        "Your unsaved changes from before are back in the forms below. Save them, or change them back."
                    </p>
                }
            })}
        <leave_guard::LeaveGuard dirty=dirty />
        <div class="edit-grid">
            <replicas::ReplicasForm id=id.clone() draft=replicas locked=is_locked />
            <timeout::TimeoutForm id=id.clone() draft=timeout locked=is_locked />
            <schedule::ScheduleSection
                id=id.clone()
                strategy=strategy
                draft=schedule
                locked=is_locked
            />
            <job_definition::JobDefinitionSection
                id=id
                active_revision=deployment.active_revision
                draft=job
                locked=is_locked
            />
        </div>
    }
}
