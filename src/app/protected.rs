//! The gate in front of every page that needs a session.

use crate::client::use_auth;
use crate::url_state::paths;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

/// Renders its children only with a session; otherwise sends the user to sign in
/// and remembers the page (path and query) to come back to.
#[component]
pub fn Protected(children: ChildrenFn) -> impl IntoView {
    let auth = use_auth();
    let location = use_location();
    move || {
        if auth.config.with(|c| c.is_some()) {
            children().into_any()
        } else {
            let search = location.search.get_untracked();
            let mut here = location.pathname.get_untracked();
            if !search.is_empty() {
                here = format!("{here}?{search}");
            }
            view! { <Redirect path=paths::sign_in_then(&here) /> }.into_any()
        }
    }
}
