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
use crate::client::Flash;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::domain::names::display_name;
use crate::domain::status::{check, Action};
use crate::url_state::paths;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ActionBar(state: DetailState) -> impl IntoView {
    let status = state.field(|d| d.status);
    let name = state.field(|d| d.name.clone());
    let in_flight = RwSignal::new(None::<Action>);
    let error = RwSignal::new(None::<String>);
    let busy = Signal::derive(move || in_flight.get().is_some());

    let run = move |action: Action| {
        if in_flight.get_untracked().is_some() || check(action, status.get_untracked()).is_err() {
            return;
        }
        let Some(request) = status_request(action, &state.id.get_untracked()) else {
            return;
        };
        in_flight.set(Some(action));
        error.set(None);
        spawn_local(async move {
            let result = state.auth.call(request).await;
            if !state.alive() {
                return;
            }
            in_flight.try_set(None);
            match result {
                Ok(changed) => state.apply_status(changed),
                Err(e) => refused(state, error, e).await,
            }
        });
    };

    let navigate = use_navigate();
    let flash = Flash::use_flash();
    let delete = move || {
        if in_flight.get_untracked().is_some()
            || check(Action::Delete, status.get_untracked()).is_err()
        {
            return;
        }
        let id = state.id.get_untracked();
        let deleted = format!("Deleted {}", display_name(&name.get_untracked()));
        in_flight.set(Some(Action::Delete));
        error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = state.auth.call(endpoints::delete(&id)).await;
            if !state.alive() {
                return;
            }
            in_flight.try_set(None);
            match result {
                Ok(()) => {
                    flash.show(deleted);
                    navigate(paths::DEPLOYMENTS, Default::default());
                }
                Err(e) => refused(state, error, e).await,
            }
        });
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
            <ActionButton action=Action::Start status=status busy=busy on_press=Callback::new(move |_| run(Action::Start))/>
            <ActionButton action=Action::Stop status=status busy=busy danger=true on_press=Callback::new(move |_| ask_stop.set(true))/>
            <ActionButton action=Action::Archive status=status busy=busy danger=true on_press=Callback::new(move |_| ask_archive.set(true))/>
            <ActionButton action=Action::Edit status=status busy=Signal::stored(false) on_press=edit/>
            <div class="detail-action">
                <A href=paths::duplicate(&state.id.get_untracked()) attr:class="btn">"Duplicate"</A>
            </div>
            <ActionButton action=Action::Delete status=status busy=busy danger=true on_press=Callback::new(move |_| ask_delete.set(true))/>
            <super::export::ExportButtons state=state/>
        </div>
        <p class="detail-action-progress muted" role="status">
            {move || in_flight.get().map(|a| format!("{}: waiting for the API…", a.label()))}
        </p>
        <div class="detail-action-error" role="alert">
            {move || error.get().map(|message| view! { <p>{message}</p> })}
        </div>
        <ConfirmDialog
            open=ask_stop
            heading=Signal::derive(move || quoted("Stop"))
            message="Its running jobs will be stopped. You can start it again later."
            danger=true
            on_confirm=Callback::new(move |_| run(Action::Stop))
        />
        <ConfirmDialog
            open=ask_archive
            heading=Signal::derive(move || quoted("Archive"))
            message="An archived deployment can never be started or changed again."
            danger=true
            on_confirm=Callback::new(move |_| run(Action::Archive))
        />
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

/// Shows why a request failed; the status on screen was likely out of date,
/// so the page reads the real one (unless the session just ended).
async fn refused(state: DetailState, error: RwSignal<Option<String>>, e: ApiError) {
    let signed_out = matches!(e, ApiError::Unauthorized { .. });
    error.try_set(Some(e.user_message()));
    if !signed_out {
        state.reload().await;
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
