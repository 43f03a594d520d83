//! The app shell: session context, header and the route table.

mod auth;
mod drafts;
mod flash;
mod header;
mod revisions;

pub use auth::{use_auth, Auth, Protected};
pub use drafts::Drafts;
pub use flash::Flash;
pub use revisions::active_definition;

use crate::pages::{
    create::CreatePage, detail::DetailPage, edit::EditPage, list::ListPage,
    not_found::NotFoundPage, sign_in::SignInPage,
};
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let auth = Auth::from_session();
    provide_context(auth);
    Drafts::provide(auth);
    Flash::provide();
    view! {
        <Router>
            <header::Header/>
            <main id="main">
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=|| view! { <Redirect path="/deployments"/> }/>
                    <Route path=path!("/sign-in") view=SignInPage/>
                    <Route
                        path=path!("/deployments")
                        view=|| view! { <Protected><ListPage/></Protected> }
                    />
                    <Route
                        path=path!("/deployments/new")
                        view=|| view! { <Protected><CreatePage/></Protected> }
                    />
                    <Route
                        path=path!("/deployments/:id")
                        view=|| view! { <Protected><DetailPage/></Protected> }
                    />
                    <Route
                        path=path!("/deployments/:id/edit")
                        view=|| view! { <Protected><EditPage/></Protected> }
                    />
                </Routes>
            </main>
        </Router>
    }
}
