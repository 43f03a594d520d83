//! Creating a deployment (`/deployments/new`), optionally prefilled from an
//! existing one (`/deployments/new?from=<id>`, the detail page's "Duplicate").

mod cost_estimate;
mod fields;
mod import;
mod market_picker;
mod prefill;
mod template_picker;

use crate::api::endpoints;
use crate::api::models::Deployment;
use crate::client::{use_auth, Mutation};
use crate::components::json_editor::JsonEditor;
use crate::components::submit_button::SubmitButton;
use crate::domain::create::{CreateForm, Field, Invalid};
use crate::domain::jobdef::locate;
use crate::url_state::paths;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn CreatePage() -> impl IntoView {
    let auth = use_auth();
    let navigate = use_navigate();
    let query = use_query_map();
    let form = RwSignal::new(CreateForm::default());
    let job_text = RwSignal::new(String::new());
    let invalid = RwSignal::new(None::<Invalid>);
    let creation = Mutation::<()>::new();
    let from = query.with_untracked(|q| q.get("from"));
    let prefill_state = prefill::load(auth, from.clone(), form, job_text);

    // After a first attempt, problems update as the user fixes them.
    let attempted = RwSignal::new(false);
    let importer = import::Importer::new(form, job_text, invalid, attempted);
    Effect::new(move |_| {
        let mut current = form.get();
        current.job_definition = job_text.get();
        if attempted.get_untracked() {
            invalid.set(current.validate().err());
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if creation.busy_now() {
            return;
        }
        attempted.set(true);
        let mut current = form.get_untracked();
        current.job_definition = job_text.get_untracked();
        let body = match current.validate() {
            Ok(body) => body,
            Err(problems) => {
                invalid.set(Some(problems));
                return;
            }
        };
        invalid.set(None);
        let navigate = navigate.clone();
        let done = move |created: Deployment| {
            navigate(&paths::deployment(&created.id), Default::default())
        };
        creation.send((), auth.call(endpoints::create_deployment(&body)), done);
    };

    let job_problems = Memo::new(move |_| {
        let problems = invalid.with(|i| {
            i.as_ref()
                .map(|i| i.job_problems.clone())
                .unwrap_or_default()
        });
        job_text.with(|t| locate(t, problems))
    });

    view! {
        <section class="page create-page" aria-labelledby="create-title">
            <A href=paths::DEPLOYMENTS attr:class="back-link">
                "← Back to deployments"
            </A>
            <h1 id="create-title">
                {move || if from.is_some() { "Duplicate deployment" } else { "New deployment" }}
            </h1>
            {prefill_state}
            <import::ImportFromFile importer=importer />
            <form
                class="create-form"
                on:submit=submit
                novalidate
                on:dragover=importer.on_dragover()
                on:drop=importer.on_drop()
            >
                <fields::SettingsFields form=form invalid=invalid />
                <market_picker::MarketPicker
                    form=form
                    error=field_message(invalid, Field::Market)
                />
                <cost_estimate::CostEstimate form=form />
                <div class="card">
                    <h2>"Job definition"</h2>
                    <template_picker::TemplatePicker text=job_text />
                    <JsonEditor
                        id="create-job-definition"
                        label="Job definition"
                        text=job_text
                        marked=Signal::derive(move || {
                            job_problems.get().iter().filter_map(|p| p.line).collect::<Vec<_>>()
                        })
                        invalid=Signal::derive(move || !job_problems.with(|p| p.is_empty()))
                        described_by=Signal::derive(move || {
                            (!job_problems.with(|p| p.is_empty()))
                                .then(|| "create-job-problems".to_string())
                        })
                    />
                    <ul id="create-job-problems" class="problems">
                        {move || {
                            job_problems
                                .get()
                                .into_iter()
                                .map(|p| view! { <li>{p.to_string()}</li> })
                                .collect_view()
                        }}
                    </ul>
                </div>
                <p class="form-error" role="alert">
                    {move || creation.failure.get()}
                </p>
                <div class="form-actions">
                    <SubmitButton
                        label="Create deployment"
                        busy=Signal::derive(move || creation.busy())
                    />
                    <A href=paths::DEPLOYMENTS attr:class="btn">
                        "Cancel"
                    </A>
                </div>
            </form>
        </section>
    }
}

/// The message for one field of the last check, if it failed there.
fn field_message(invalid: RwSignal<Option<Invalid>>, field: Field) -> Signal<Option<String>> {
    Signal::derive(move || {
        invalid.with(|i| {
            i.as_ref()
                .and_then(|i| i.message(field))
                .map(str::to_string)
        })
    })
}
