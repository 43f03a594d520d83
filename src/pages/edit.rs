//! Editing a deployment (`/deployments/:id/edit`).

use leptos::prelude::*;

#[component]
pub fn EditPage() -> impl IntoView {
    view! { <section class="page"><h1>"Edit deployment"</h1></section> }
}
