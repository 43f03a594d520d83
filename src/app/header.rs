//! The top bar: product name, navigation, credits and spend, and sign-out.

use crate::client::{use_auth, Drafts};
use crate::components::account_costs::AccountCosts;
use crate::url_state::paths;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn Header() -> impl IntoView {
    let auth = use_auth();
    let navigate = use_navigate();
    let drafts = Drafts::use_drafts();
    let sign_out = move |_| {
        drafts.clear();
        auth.sign_out();
        navigate(paths::SIGN_IN, Default::default());
    };
    view! {
        <header class="topbar">
            <a class="skip-link" href="#main">
                "Skip to content"
            </a>
            <A href=paths::DEPLOYMENTS attr:class="brand">
                <span class="brand-mark" aria-hidden="true">
                    "◆"
                </span>
                " Nosana Deployments"
            </A>
            <Show when=move || auth.config.with(|c| c.is_some())>
                <nav class="topnav" aria-label="Main">
                    <A href=paths::DEPLOYMENTS>"Deployments"</A>
                </nav>
                <AccountCosts />
                <crate::components::notify_toggle::NotifyToggle />
                <span class="topbar-api" title="API URL">
                    {move || auth.config.with(|c| c.as_ref().map(|c| c.base_url.clone()))}
                </span>
                <button type="button" class="btn btn-ghost" on:click=sign_out.clone()>
                    "Sign out"
                </button>
            </Show>
        </header>
    }
}
