//! "Export" (the deployment as `<name>.nosana.json`, to create it again) and
//! "Export job definition" (the active revision's definition alone). The
//! definition is read when asked for, so an open page costs no extra request.

use super::state::DetailState;
use crate::client::active_definition;
use crate::client::download::save_text;
use crate::components::submit_button::BusyButton;
use crate::domain::deployment_file::{export, export_job_definition, file_name};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy, PartialEq, Eq)]
enum What {
    Deployment,
    JobDefinition,
}

#[component]
pub fn ExportButtons(state: DetailState) -> impl IntoView {
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let run = move |what: What| {
        let Some(d) = state.deployment.get_untracked() else {
            return;
        };
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let found = active_definition(state.auth, &d.id, d.active_revision).await;
            if !state.alive() {
                return;
            }
            pending.try_set(false);
            let saved = match found {
                Ok(Some(definition)) => match what {
                    What::Deployment => save_text(
                        &file_name(&d.name, ".nosana.json"),
                        &export(&d, &definition),
                    ),
                    What::JobDefinition => save_text(
                        &file_name(&d.name, ".job-definition.json"),
                        &export_job_definition(&definition),
                    ),
                },
                Ok(None) => Err(format!(
                    "Revision {} was not found, so there is nothing to export",
                    d.active_revision
                )),
                Err(e) => Err(e.user_message()),
            };
            if let Err(message) = saved {
                error.try_set(Some(format!("Export failed: {message}")));
            }
        });
    };
    let button = move |(what, label): (What, &'static str)| {
        let press = Callback::new(move |_| run(what));
        view! { <BusyButton label=label busy=pending on_press=press /> }
    };
    view! {
        <div class="detail-action export-actions">
            {[(What::Deployment, "Export"), (What::JobDefinition, "Export job definition")]
                .map(button)} <span class="export-error" role="alert">
                {move || error.get()}
            </span>
        </div>
    }
}
