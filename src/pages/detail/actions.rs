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

    let asks = Asks {
        stop: RwSignal::new(false),
        archive: RwSignal::new(false),
        delete: RwSignal::new(false),
    };
    let navigate = use_navigate();
    let press = move |action: Action| -> Callback<()> {
        let navigate = navigate.clone();
        Callback::new(move |_| match action {
            Action::Start => run(Action::Start),
            Action::Stop => asks.stop.set(true),
            Action::Archive => asks.archive.set(true),
            Action::Delete => asks.delete.set(true),
            _ => navigate(&paths::edit(&state.id.get_untracked()), Default::default()),
        })
    };
    let button = move |action: Action| {
        // Edit only leaves the page: a request in flight does not hold it back.
        let busy = if action == Action::Edit {
            Signal::stored(false)
        } else {
            busy
        };
        let danger = matches!(action, Action::Stop | Action::Archive | Action::Delete);
        view! {
            <ActionButton
                action=action
                status=status
                busy=busy
                danger=danger
                on_press=press(action)
            />
        }
    };

    view! {
        <div class="detail-actions" role="group" aria-label="Actions">
            {[Action::Start, Action::Stop, Action::Archive, Action::Edit].map(&button)}
            <div class="detail-action">
                <A href=paths::duplicate(&state.id.get_untracked()) attr:class="btn">
                    "Duplicate"
                </A>
            </div>
            {button(Action::Delete)}
            <super::export::ExportButtons state=state />
        </div>
        <p class="detail-action-progress muted" role="status">
            {move || change.pending.get().map(|a| format!("{}: waiting for the API…", a.label()))}
        </p>
        <div class="detail-action-error" role="alert">
            {move || change.failure.get().map(|message| view! { <p>{message}</p> })}
        </div>
        <Confirmations
            asks=asks
            name=name
            run=Callback::new(run)
            delete=Callback::new(move |_| delete())
        />
    }
}

/// Which confirmation is open.
#[derive(Clone, Copy)]
struct Asks {
    stop: RwSignal<bool>,
    archive: RwSignal<bool>,
    delete: RwSignal<bool>,
}

/// "Stop …?" and "Archive …?" confirm; "Delete …?" wants the name typed.
#[component]
fn Confirmations(
    asks: Asks,
    #[prop(into)] name: Signal<String>,
    run: Callback<Action>,
    delete: Callback<()>,
) -> impl IntoView {
    let quoted = move |verb: &str| format!("{verb} “{}”?", name.get());
    let confirm = move |action: Action, open: RwSignal<bool>, message: &'static str| {
        view! {
            <ConfirmDialog
                open=open
                heading=Signal::derive(move || quoted(action.label()))
                message=message
                danger=true
                on_confirm=Callback::new(move |_| run.run(action))
            />
        }
    };
    view! {
        {confirm(
            Action::Stop,
            asks.stop,
            "Its running jobs will be stopped. You can start it again later.",
        )}
        {confirm(
            Action::Archive,
            asks.archive,
            "An archived deployment can never be started or changed again.",
        )}
        <ConfirmDialog
            open=asks.delete
            heading=Signal::derive(move || quoted("Delete"))
            message="The deployment is removed for good. This cannot be undone."
            danger=true
            confirm_label="Delete deployment"
            type_to_confirm=name
            type_label="Type the deployment's name to confirm"
            on_confirm=delete
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
