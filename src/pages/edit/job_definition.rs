//! The job-definition form: the active revision's definition in a JSON editor,
//! checked as typed; "Create revision" sends it as typed.

use super::changes::ChangesReview;
use super::draft::{focus, Draft};
use super::submission::{Submission, SubmissionStatus};
use crate::api::endpoints;
use crate::api::models::RevisionCreated;
use crate::client::{active_definition, use_auth};
use crate::components::error_box::answer_or_retry;
use crate::components::form_field::describedby;
use crate::components::json_editor::JsonEditor;
use crate::components::status_line::Loading;
use crate::domain::jobdef::review::{listed, Review};
use crate::domain::jobdef::Problem;
use crate::domain::words::count_of;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

const EDITOR: &str = "edit-job-definition";
const PROBLEMS: &str = "edit-job-definition-problems";
const WARNINGS: &str = "edit-job-definition-warnings";

#[component]
pub fn JobDefinitionSection(
    id: String,
    active_revision: u32,
    draft: Draft,
    locked: bool,
) -> impl IntoView {
    let auth = use_auth();
    let source_id = id.clone();
    // Loading fills the editor; the form below is shown once it has.
    let source = LocalResource::new(move || {
        let id = source_id.clone();
        async move {
            let found = active_definition(auth, &id, active_revision).await?;
            if let Some(value) = &found {
                draft.load(serde_json::to_string_pretty(value).unwrap_or_default());
            }
            Ok::<Option<serde_json::Value>, crate::api::ApiError>(found)
        }
    });
    let retry = Callback::new(move |_| source.refetch());
    // Follows the revisions created here.
    let active = RwSignal::new(active_revision);
    view! {
        <section class="card edit-card edit-card-wide">
            <h2>"Job definition"</h2>
            <Transition fallback=|| {
                view! { <Loading text="Loading the job definition…" /> }
            }>
                {move || {
                    let id = id.clone();
                    source
                        .get()
                        .map(move |answer| {
                            answer_or_retry(
                                answer,
                                retry,
                                move |base| {
                                    let found = base.is_some();
                                    view! {
                                        <p class="muted">
                                            {move || {
                                                if found {
                                                    format!(
                                                        "Revision {} is active. Edit its definition and create a new revision.",
                                                        active.get(),
                                                    )
                                                } else {
                                                    format!(
                                                        "Revision {active_revision}'s definition was not found. Paste a job definition to create a new revision.",
                                                    )
                                                }
                                            }}
                                        </p>
                                        <JobDefinitionForm
                                            id=id
                                            draft=draft
                                            active=active
                                            base=base
                                            locked=locked
                                        />
                                    }
                                },
                            )
                        })
                }}
            </Transition>
        </section>
    }
}

#[component]
fn JobDefinitionForm(
    id: String,
    draft: Draft,
    active: RwSignal<u32>,
    /// The active revision's definition, for "Show changes".
    base: Option<serde_json::Value>,
    locked: bool,
) -> impl IntoView {
    let submission = Submission::new();
    let base = RwSignal::new(base);
    let review = Memo::new(move |_| draft.text.with(|t| Review::of(t)));
    // The text a submit was refused for: the notice lasts while it is unchanged.
    let blocked_text = RwSignal::new(None::<String>);
    let blocked = move || blocked_text.with(|b| draft.text.with(|t| b.as_ref() == Some(t)));
    let has_problems = move || review.with(|r| !r.problems.is_empty());
    let has_warnings = move || review.with(|r| !r.warnings.is_empty());

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        draft.touched.set(true);
        match review.with_untracked(|r| r.value.clone()) {
            Some(value) => {
                blocked_text.set(None);
                let sent = draft.text.get_untracked();
                submission.send(
                    endpoints::create_revision(&id, &value),
                    move |r: RevisionCreated| {
                        draft.saved_as(&sent, sent.clone());
                        active.set(r.active_revision);
                        base.set(Some(value));
                        format!("Revision {} is now active.", r.active_revision)
                    },
                );
            }
            None => {
                blocked_text.set(Some(draft.text.get_untracked()));
                focus(EDITOR);
            }
        }
    };

    view! {
        <form on:submit=submit novalidate>
            <fieldset class="edit-fieldset" disabled=locked>
                <JsonEditor
                    id=EDITOR
                    label="Job definition"
                    text=draft.text
                    marked=Signal::derive(move || review.with(Review::problem_lines))
                    invalid=Signal::derive(has_problems)
                    described_by=Signal::derive(move || describedby(
                        &[has_problems().then_some(PROBLEMS), has_warnings().then_some(WARNINGS)],
                    ))
                    disabled=Signal::stored(locked)
                />
                <Show when=has_problems>
                    <div class="jobdef-problems" id=PROBLEMS>
                        <p class="field-error">
                            {move || problems_title(review.with(|r| r.problems.len()), blocked())}
                        </p>
                        <ul>{move || review.with(|r| list(&r.problems))}</ul>
                    </div>
                </Show>
                <Show when=has_warnings>
                    <div class="jobdef-warnings" id=WARNINGS>
                        <p class="field-warning">"Warnings (these do not stop a revision):"</p>
                        <ul>{move || review.with(|r| list(&r.warnings))}</ul>
                    </div>
                </Show>
                <ChangesReview text=draft.text base=base active=active />
                <button
                    type="submit"
                    class="btn btn-primary"
                    disabled=move || submission.change.busy()
                >
                    "Create revision"
                </button>
                <SubmissionStatus submission=submission />
            </fieldset>
        </form>
    }
}

fn list(problems: &[Problem]) -> impl IntoView {
    problems
        .iter()
        .map(|p| view! { <li>{listed(p)}</li> })
        .collect_view()
}

fn problems_title(count: usize, blocked: bool) -> String {
    let what = count_of(count as u64, "problem");
    if blocked {
        format!("Nothing was sent: fix {what} first.")
    } else {
        format!("{what} to fix before a revision can be created:")
    }
}
