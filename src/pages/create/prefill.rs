//! "Duplicate": fills the form from an existing deployment and its active revision.

use crate::api::endpoints;
use crate::client::{active_definition, Auth};
use crate::components::error_box::ErrorBox;
use crate::components::status_line::Loading;
use crate::domain::create::CreateForm;
use crate::domain::templates::TEMPLATES;
use leptos::prelude::*;

/// Starts loading the source deployment (if any) and returns what to show meanwhile.
pub fn load(
    auth: Auth,
    from: Option<String>,
    form: RwSignal<CreateForm>,
    job_text: RwSignal<String>,
) -> impl IntoView {
    let Some(id) = from else {
        job_text.set(TEMPLATES[0].json.to_string());
        return None;
    };
    let state = RwSignal::new(None::<Result<(), crate::api::error::ApiError>>);
    leptos::task::spawn_local(async move {
        let result = async {
            let source = auth.call(endpoints::get_deployment(&id)).await?;
            let definition = active_definition(auth, &id, source.active_revision)
                .await?
                .unwrap_or_default();
            Ok((source, definition))
        }
        .await;
        match result {
            Ok((source, definition)) => {
                let filled = CreateForm::duplicate(&source, &definition);
                job_text.set(filled.job_definition.clone());
                form.set(filled);
                state.set(Some(Ok(())));
            }
            Err(error) => state.set(Some(Err(error))),
        }
    });
    Some(move || match state.get() {
        None => view! { <Loading text="Loading the deployment to copy…" /> }.into_any(),
        Some(Ok(())) => view! {
            <p class="muted">
                "Prefilled from the deployment; it will not start unless you tick Start now."
            </p>
        }
        .into_any(),
        Some(Err(error)) => view! { <ErrorBox error=error /> }.into_any(),
    })
}
