//! The app shell: mount, header, the route table and its lazy routes.
//! Pages reach the API through `crate::client`, never through here.

mod header;
mod keyboard;
mod lazy_pages;
mod page_heading;
mod protected;

use crate::client::{AccountSpend, Auth, Drafts, Flash, Markets, Preload};
use crate::components::clock;
use protected::Protected;

use crate::pages::{list::ListPage, not_found::NotFoundPage};
use lazy_pages::{CreateRoute, DetailRoute, EditRoute, PageLoadingNotice, SignInRoute};
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
    crate::client::Alerts::provide(auth);
    // One ticking "now" for every relative time on every page.
    clock::provide_clock();
    Preload::provide(lazy_pages::preload_detail);
    // Read once per session, on first need, by whichever page or the header.
    Markets::provide(auth);
    AccountSpend::provide(auth);
    view! {
        <Router>
            <header::Header />
            <keyboard::Keyboard />
            <PageLoadingNotice />
            <main id="main">
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/") view=|| view! { <Redirect path="/deployments" /> } />
                    <Route path=path!("/sign-in") view={Lazy::<SignInRoute>::new()} />
                    <Route
                        path=path!("/deployments")
                        view=|| {
                            view! {
                                <Protected>
                                    <ListPage />
                                </Protected>
                            }
                        }
                    />
                    <Route path=path!("/deployments/new") view={Lazy::<CreateRoute>::new()} />
                    <Route path=path!("/deployments/:id") view={Lazy::<DetailRoute>::new()} />
                    <Route path=path!("/deployments/:id/edit") view={Lazy::<EditRoute>::new()} />
                </Routes>
            </main>
            <page_heading::PageAnnouncer />
        </Router>
    }
}
