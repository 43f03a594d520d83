//! The form of one setting (replicas, timeout, schedule): one field, "Save …"
//! and the request's outcome. The value is checked before anything is sent:
//! a refused one keeps the focus in the field and sends nothing.

use super::draft::{focus, Draft};
use super::submission::{Submission, SubmissionStatus};
use crate::api::request::ApiRequest;
use crate::components::form_field::{Described, FormField};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use serde::de::DeserializeOwned;

#[component]
pub fn SettingForm<T, A, S>(
    /// The field's `name`; its id is `edit-{name}`, its button "Save {name}".
    name: &'static str,
    label: &'static str,
    /// A number input from this value; without it, a text input (a schedule).
    #[prop(optional)]
    min: Option<&'static str>,
    draft: Draft,
    locked: bool,
    /// The draft's text, checked.
    parsed: Memo<Result<T, String>>,
    /// The request that saves a checked value.
    send: S,
    /// From the answer: the value the server now holds, as text, and the
    /// message that says so.
    saved: fn(A) -> (String, String),
    #[prop(into)] hint: ViewFn,
    /// Beside the input, with its id (the timeout in hours).
    #[prop(optional)]
    unit: Option<(&'static str, Signal<Option<String>>)>,
    /// The id of another message about the value while it is shown.
    #[prop(default = Signal::stored(None))]
    note: Signal<Option<&'static str>>,
    /// Under the field's error: the note's message.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    A: DeserializeOwned + 'static,
    S: Fn(T) -> ApiRequest<A> + 'static,
{
    let id = format!("edit-{name}");
    let submission = Submission::new();
    let error = Memo::new(move |_| {
        if draft.touched.get() {
            parsed.get().err()
        } else {
            None
        }
    });
    let focus_id = id.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        draft.touched.set(true);
        match parsed.get_untracked() {
            Ok(value) => {
                let sent = draft.text.get_untracked();
                submission.send(send(value), move |answer| {
                    let (stored, message) = saved(answer);
                    draft.saved_as(&sent, stored);
                    message
                });
            }
            Err(_) => focus(&focus_id),
        }
    };
    let input_id = id.clone();
    let control = move |d: Described| {
        let input = view! {
            <input
                id=input_id
                name=name
                type=if min.is_some() { "number" } else { "text" }
                min=min
                step=min.map(|_| "1")
                inputmode=min.map(|_| "numeric")
                class=if min.is_some() { "edit-number" } else { "edit-cron mono" }
                autocomplete=min.is_none().then_some("off")
                autocapitalize=min.is_none().then_some("off")
                spellcheck=min.is_none().then_some("false")
                aria-invalid=d.invalid()
                aria-describedby=d.ids()
                prop:value=move || draft.text.get()
                on:input=move |ev| draft.text.set(event_target_value(&ev))
            />
        };
        match unit {
            Some((unit_id, text)) => view! {
                <div class="input-with-unit">
                    {input} <span class="unit-hint" id=unit_id>
                        {move || text.get()}
                    </span>
                </div>
            }
            .into_any(),
            None => input.into_any(),
        }
    };
    let note = match unit {
        Some((unit_id, _)) => Signal::stored(Some(unit_id)),
        None => note,
    };
    view! {
        <form on:submit=submit novalidate>
            <fieldset class="edit-fieldset" disabled=locked>
                <FormField id=id label=label error=error hint=hint note=note control=control>
                    {children.map(|more| more())}
                </FormField>
                <button
                    type="submit"
                    class="btn btn-primary"
                    disabled=move || submission.change.busy()
                >
                    {format!("Save {name}")}
                </button>
                <SubmissionStatus submission=submission />
            </fieldset>
        </form>
    }
}
