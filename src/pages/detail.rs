//! A deployment's detail page (`/deployments/:id`).

use crate::api::endpoints;
use crate::app::use_auth;
use crate::components::error_box::ErrorBox;
use crate::components::status_badge::StatusBadge;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DetailPage() -> impl IntoView {
    let auth = use_auth();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let data = LocalResource::new(move || {
        let id = id.get();
        async move { auth.call(endpoints::get_deployment(&id)).await }
    });
    let retry = Callback::new(move |_| data.refetch());
    view! {
        <section class="page">
            <Transition fallback=|| view! { <p class="loading" role="status">"Loading deployment…"</p> }>
                {move || data.get().map(|result| match result {
                    Ok(d) => view! {
                        <h1>{d.name.clone()}</h1>
                        <StatusBadge status=Signal::stored(d.status)/>
                    }.into_any(),
                    Err(error) => view! { <h1>"Deployment"</h1><ErrorBox error=error on_retry=retry/> }.into_any(),
                })}
            </Transition>
        </section>
    }
}
