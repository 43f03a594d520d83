//! "Make active" on a revision: a confirmation showing what changes from the
//! active revision to the chosen one, then
//! `PATCH /deployments/{id}/update-active-revision {"active_revision": n}`.

use super::Answer;
use crate::api::endpoints;
use crate::api::models::{ActiveRevisionUpdated, Revision, RevisionList};
use crate::api::ApiError;
use crate::client::{active_definition, Mutation};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::diff_view::DiffView;
use crate::components::status_line::Loading;
use crate::domain::diff::{diff_text, diff_values, pretty};
use crate::pages::detail::state::DetailState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

/// The active revision's definition to compare with: `Ok(None)` when no
/// revision has the active number.
type Base = Result<Option<(u32, Value)>, ApiError>;

#[derive(Clone, Copy)]
pub struct MakeActive {
    state: DetailState,
    list: LocalResource<Answer<RevisionList>>,
    open: RwSignal<bool>,
    target: RwSignal<Option<Revision>>,
    /// `None` while the active revision is read for the comparison.
    base: RwSignal<Option<Base>>,
    /// Which confirmation a late answer belongs to.
    asked: StoredValue<u64>,
    /// The revision being made active, and why the last one was not.
    change: Mutation<u32>,
    /// The revision the last request made active.
    done: RwSignal<Option<u32>>,
}

impl MakeActive {
    pub fn new(state: DetailState, list: LocalResource<Answer<RevisionList>>) -> Self {
        MakeActive {
            state,
            list,
            open: RwSignal::new(false),
            target: RwSignal::new(None),
            base: RwSignal::new(None),
            asked: StoredValue::new(0),
            change: Mutation::new(),
            done: RwSignal::new(None),
        }
    }

    pub fn busy(&self) -> bool {
        self.change.busy()
    }

    /// Opens the confirmation for `revision`. The active revision's definition
    /// comes from the page on screen, or is looked up when it is elsewhere.
    pub fn ask(self, revision: Revision) {
        let active = self
            .state
            .deployment
            .with_untracked(|d| d.as_ref().map(|d| d.active_revision));
        let Some(active) = active else { return };
        self.asked.update_value(|n| *n += 1);
        let ticket = self.asked.get_value();
        self.forget_outcome();
        self.target.set(Some(revision));
        let on_screen = self.list.get_untracked().flatten().and_then(|answer| {
            answer.ok().and_then(|list| {
                list.revisions
                    .into_iter()
                    .find(|r| r.revision == active)
                    .map(|r| r.job_definition)
            })
        });
        match on_screen {
            Some(definition) => self.base.set(Some(Ok(Some((active, definition))))),
            None => {
                self.base.set(None);
                let (auth, id) = (self.state.auth, self.state.id.get_untracked());
                let (asked, base) = (self.asked, self.base);
                spawn_local(async move {
                    let found = active_definition(auth, &id, active).await;
                    if asked.try_get_value() == Some(ticket) {
                        base.try_set(Some(found.map(|d| d.map(|d| (active, d)))));
                    }
                });
            }
        }
        self.open.set(true);
    }

    fn confirm(self) {
        let Some(n) = self
            .target
            .with_untracked(|t| t.as_ref().map(|t| t.revision))
        else {
            return;
        };
        let (state, list, done) = (self.state, self.list, self.done);
        let request = endpoints::update_active_revision(&state.id.get_untracked(), n);
        self.forget_outcome();
        let made_active = move |updated: ActiveRevisionUpdated| {
            let active = if updated.active_revision > 0 {
                updated.active_revision
            } else {
                n
            };
            state.patch(|d| {
                d.active_revision = active;
                d.endpoints = updated.endpoints;
                if !updated.updated_at.is_empty() {
                    d.updated_at = updated.updated_at;
                }
            });
            done.try_set(Some(active));
            list.refetch();
            state.refresh();
        };
        self.change
            .send_or(n, state.auth.call(request), made_active, move |error| {
                format!("Revision {n} was not made active: {}", error.user_message())
            });
    }

    fn forget_outcome(self) {
        self.done.set(None);
        self.change.failure.set(None);
    }
}

/// Progress and the result of the last "Make active", above the list.
#[component]
pub fn MakeActiveOutcome(m: MakeActive) -> impl IntoView {
    view! {
        <p class="history-notice" role="status">
            {move || match (m.change.pending.get(), m.done.get()) {
                (Some(n), _) => format!("Making revision {n} active…"),
                (None, Some(n)) => format!("Revision {n} is now active."),
                _ => String::new(),
            }}
        </p>
        <div class="history-error" role="alert">
            {move || {
                m.change.failure.get().map(|message| view! { <p class="form-error">{message}</p> })
            }}
        </div>
    }
}

#[component]
pub fn MakeActiveDialog(m: MakeActive) -> impl IntoView {
    let target_number = move || {
        m.target
            .with(|t| t.as_ref().map(|t| t.revision).unwrap_or(0))
    };
    let heading = Signal::derive(move || format!("Make revision {} active?", target_number()));
    let message = Signal::derive(move || {
        let active = m
            .state
            .deployment
            .with(|d| d.as_ref().map(|d| d.active_revision).unwrap_or(0));
        format!(
            "Revision {} replaces revision {active} as the active revision: jobs listed from now on run its job definition. What changes:",
            target_number()
        )
    });
    let body = move || {
        let Some(target) = m.target.get() else {
            return ().into_any();
        };
        let new_title = format!("Revision {}", target.revision);
        match m.base.get() {
            None => view! { <Loading text="Reading the active revision…" /> }.into_any(),
            Some(Err(error)) => view! {
                <p class="form-error">
                    {format!(
                        "The active revision could not be read to compare: {}",
                        error.user_message(),
                    )}
                </p>
            }
            .into_any(),
            Some(Ok(None)) => view! {
                <p class="muted">
                    "The active revision's definition was not found; all of this one is shown as added."
                </p>
                <DiffView
                    rows=diff_text("", &pretty(&target.job_definition))
                    old_title="Active revision"
                    new_title=new_title
                />
            }
            .into_any(),
            Some(Ok(Some((active, definition)))) => view! {
                <DiffView
                    rows=diff_values(&definition, &target.job_definition)
                    old_title=format!("Revision {active} (active)")
                    new_title=new_title
                />
            }
            .into_any(),
        }
    };
    view! {
        <ConfirmDialog
            open=m.open
            heading=heading
            message=message
            on_confirm=Callback::new(move |_| m.confirm())
        >
            <div class="confirm-dialog-diff">{body}</div>
        </ConfirmDialog>
    }
}
