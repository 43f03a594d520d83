//! Start, Stop, Archive, Edit, Duplicate and Delete. Stop and Archive ask
//! first; Delete asks for the deployment's name to be typed. Every request
//! disables the buttons until it is answered; a refusal is shown in the
//! server's own words and the page reads the deployment again.

use super::action_button::ActionButton;
use super::state::DetailState;
use crate::api::endpoints;
use crate::api::error::ApiError;
use crate::api::models::StatusChanged;
use crate::api::request::ApiRequest;
use crate::client::{Flash, Mutation};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::domain::names::display_name;
use crate::domain::status::{check, Action};
use crate::url_state::paths;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ActionBar(state: DetailState) -> impl IntoView {
    let status = state.field(|d| d.status);
    let name = state.field(|d| d.name.clone());
    let change = Mutation::<Action>::new();
    let busy = Signal::derive(move || change.busy());

    let run = move |action: Action| {
        if check(action, status.get_untracked()).is_err() {
            return;
        }
        let Some(request) = status_request(action, &state.id.get_untracked()) else {
            return;
        };
        let done = move |changed| state.apply_status(changed);
        change.send_or(action, state.auth.call(request), done, refused(state));
    };

    let navigate = use_navigate();
    let flash = Flash::use_flash();
    let delete = move || {
        if check(Action::Delete, status.get_untracked()).is_err() {
            return;
        }
        let request = endpoints::delete(&state.id.get_untracked());
        let deleted = format!("Deleted {}", display_name(&name.get_untracked()));
        let navigate = navigate.clone();
        let done = move |()| {
            flash.show(deleted);
            navigate(paths::DEPLOYMENTS, Default::default());
        };
        change.send_or(
            Action::Delete,
            state.auth.call(request),
            done,
            refused(state),
        );
    };

    let ask_stop = RwSignal::new(false);
    let ask_archive = RwSignal::new(false);
    let ask_delete = RwSignal::new(false);
    let navigate = use_navigate();
    let edit = Callback::new(move |_| {
        navigate(&paths::edit(&state.id.get_untracked()), Default::default())
    });
    let quoted = move |verb: &str| format!("{verb} “{}”?", name.get());

    view! {
        <div class="detail-actions" role="group" aria-label="Actions">
            <ActionButton
                action=Action::Start
                status=status
                busy=busy
                on_press=Callback::new(move |_| run(Action::Start))
            />
            <ActionButton
                action=Action::Stop
                status=status
                busy=busy
                danger=true
                on_press=Callback::new(move |_| ask_stop.set(true))
            />
            <ActionButton
                action=Action::Archive
                status=status
                busy=busy
                danger=true
                on_press=Callback::new(move |_| ask_archive.set(true))
            />
            <ActionButton
                action=Action::Edit
                status=status
                busy=Signal::stored(false)
                on_press=edit
            />
            <div class="detail-action">
                <A href=paths::duplicate(&state.id.get_untracked()) attr:class="btn">
                    "Duplicate"
                </A>
            </div>
            <ActionButton
                action=Action::Delete
                status=status
                busy=busy
                danger=true
                on_press=Callback::new(move |_| ask_delete.set(true))
            />
            <super::export::ExportButtons state=state />
        </div>
        <p class="detail-action-progress muted" role="status">
            {move || change.pending.get().map(|a| format!("{}: waiting for the API…", a.label()))}
        </p>
        <div class="detail-action-error" role="alert">
            {move || change.failure.get().map(|message| view! { <p>{message}</p> })}
        </div>
        {[
            (
                Action::Stop,
                ask_stop,
                "Its running jobs will be stopped. You can start it again later.",
            ),
            (
                Action::Archive,
                ask_archive,
                "An archived deployment can never be started or changed again.",
            ),
        ]
            .into_iter()
            .map(|(action, open, message)| {
                view! {
                    <ConfirmDialog
                        open=open
                        heading=Signal::derive(move || quoted(action.label()))
                        message=message
                        danger=true
                        on_confirm=Callback::new(move |_| run(action))
                    />
                }
            })
            .collect_view()}
        <ConfirmDialog
            open=ask_delete
            heading=Signal::derive(move || quoted("Delete"))
            message="The deployment is removed for good. This cannot be undone."
            danger=true
            confirm_label="Delete deployment"
            type_to_confirm=Signal::derive(move || name.get())
            type_label="Type the deployment's name to confirm"
            on_confirm=Callback::new(move |_| delete())
        />
    }
}

/// Says why a request failed; the status on screen was likely out of date,
/// so the page reads the real one (unless the session just ended).
fn refused(state: DetailState) -> impl FnOnce(ApiError) -> String {
    move |e| {
        if !matches!(e, ApiError::Unauthorized { .. }) {
            state.refresh();
        }
        e.user_message()
    }
}

fn status_request(action: Action, id: &str) -> Option<ApiRequest<StatusChanged>> {
    match action {
        Action::Start => Some(endpoints::start(id)),
        Action::Stop => Some(endpoints::stop(id)),
        Action::Archive => Some(endpoints::archive(id)),
        _ => None,
    }
}
