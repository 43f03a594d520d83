use crate::url_state::paths;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address."</p>
            <A href=paths::DEPLOYMENTS>"Back to deployments"</A>
        </section>
    }
}
