//! "Import from file": a deployment file prefills the whole form, a bare job
//! definition only the job definition editor. The form's checks run at once;
//! a refused file changes nothing and says why (field and line).

use crate::client::json_file::{dropped_file, read_json_file};
use crate::components::json_file_button::JsonFileButton;
use crate::domain::create::{CreateForm, Field, Invalid};
use crate::domain::deployment_file::Imported;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

/// The signals of the create form that an import fills.
#[derive(Clone, Copy)]
pub struct Importer {
    pub form: RwSignal<CreateForm>,
    pub job_text: RwSignal<String>,
    pub invalid: RwSignal<Option<Invalid>>,
    /// Set once the form has been checked as a whole: from then on every
    /// field shows its problems as they change.
    pub attempted: RwSignal<bool>,
    /// A bare job definition was imported into an unchecked form: only the
    /// editor's checks are shown, and they follow its text.
    job_only: RwSignal<bool>,
    outcome: RwSignal<Option<Result<String, String>>>,
}

impl Importer {
    pub fn new(
        form: RwSignal<CreateForm>,
        job_text: RwSignal<String>,
        invalid: RwSignal<Option<Invalid>>,
        attempted: RwSignal<bool>,
    ) -> Self {
        let job_only = RwSignal::new(false);
        Effect::new(move |_| {
            let text = job_text.get();
            if job_only.get() && !attempted.get() {
                let mut current = form.get_untracked();
                current.job_definition = text;
                invalid.set(job_problems_only(current.validate().err()));
            }
        });
        Importer {
            form,
            job_text,
            invalid,
            attempted,
            job_only,
            outcome: RwSignal::new(None),
        }
    }

    pub fn take(self, file: File) {
        let name = file.name();
        spawn_local(async move {
            match read_json_file(&file).await {
                Ok(imported) => self.apply(imported, &name),
                Err(problem) => {
                    self.outcome
                        .try_set(Some(Err(format!("{name} was not imported. {problem}"))));
                }
            }
        });
    }

    fn apply(self, imported: Imported, name: &str) {
        match imported {
            Imported::Deployment(filled) => {
                self.job_text.set(filled.job_definition.clone());
                self.form.set(*filled);
                self.attempted.set(true);
                let mut current = self.form.get_untracked();
                current.job_definition = self.job_text.get_untracked();
                self.invalid.set(current.validate().err());
                self.outcome
                    .set(Some(Ok(format!("Imported the deployment from {name}."))));
            }
            Imported::JobDefinition(text) => {
                self.job_text.set(text);
                self.job_only.set(true);
                self.outcome.set(Some(Ok(format!(
                    "Imported the job definition from {name}."
                ))));
            }
        }
    }

    pub fn on_dragover(self) -> impl Fn(web_sys::DragEvent) + Copy {
        move |ev: web_sys::DragEvent| ev.prevent_default()
    }

    pub fn on_drop(self) -> impl Fn(web_sys::DragEvent) + Copy {
        move |ev: web_sys::DragEvent| {
            if let Some(file) = dropped_file(&ev) {
                ev.prevent_default();
                self.take(file);
            }
        }
    }
}

fn job_problems_only(invalid: Option<Invalid>) -> Option<Invalid> {
    invalid
        .map(|i| Invalid {
            fields: i
                .fields
                .into_iter()
                .filter(|(f, _)| *f == Field::JobDefinition)
                .collect(),
            job_problems: i.job_problems,
        })
        .filter(|i| !i.job_problems.is_empty())
}

#[component]
pub fn ImportFromFile(importer: Importer) -> impl IntoView {
    let outcome = importer.outcome;
    view! {
        <div class="import-file">
            <JsonFileButton
                label="Import from file"
                on_file=Callback::new(move |file| importer.take(file))
            />
            <span class="muted">" or drop a .json file onto the form"</span>
            <p class="import-ok" role="status">
                {move || outcome.get().and_then(Result::ok)}
            </p>
            <p class="form-error import-error" role="alert">
                {move || outcome.get().and_then(Result::err)}
            </p>
        </div>
    }
}
