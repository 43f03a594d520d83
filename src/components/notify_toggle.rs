//! "Notify me" in the header: turns alerts on for this tab after the
//! browser's permission prompt, explains a refusal, and opens the deployment
//! of a clicked notification (this sits inside the router; alerts do not).

use crate::client::Alerts;
use crate::url_state::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn NotifyToggle() -> impl IntoView {
    let alerts = Alerts::use_alerts();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(id) = alerts.open.get() {
            alerts.open.set(None);
            navigate(&paths::deployment(&id), Default::default());
        }
    });
    view! {
        <button
            type="button"
            class="btn btn-ghost notify-toggle"
            aria-pressed=move || alerts.on.get().to_string()
            title=move || {
                if alerts.on.get() {
                    "Notifications are on for this tab"
                } else {
                    "Get a browser notification when a deployment fails"
                }
            }
            on:click=move |_| alerts.toggle()
        >
            "Notify me"
        </button>
        <Show when=move || alerts.denied.get()>
            <span class="notify-denied" role="alert">
                "Notifications are blocked for this site. Allow them in the browser's site settings, then press Notify me again."
            </span>
        </Show>
    }
}
