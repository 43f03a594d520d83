//! The app shell: session context, header and the route table.

mod auth;
mod drafts;
mod flash;
mod header;
mod lazy_pages;
mod revisions;

pub use auth::{use_auth, Auth, Protected};
pub use drafts::Drafts;
pub use flash::Flash;
pub use lazy_pages::preload_detail;
pub use revisions::active_definition;

use crate::pages::{list::ListPage, not_found::NotFoundPage, sign_in::SignInPage};
use lazy_pages::{CreateRoute, DetailRoute, EditRoute, PageLoadingNotice};
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::{path, Lazy};

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
            <PageLoadingNotice/>
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
                        view={Lazy::<CreateRoute>::new()}
                    />
                    <Route
                        path=path!("/deployments/:id")
                        view={Lazy::<DetailRoute>::new()}
                    />
                    <Route
                        path=path!("/deployments/:id/edit")
                        view={Lazy::<EditRoute>::new()}
                    />
                </Routes>
            </main>
        </Router>
    }
}
