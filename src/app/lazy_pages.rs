//! Routes whose code is downloaded on first use.
//!
//! The first view is the deployments list; the sign-in, detail, edit and create pages
//! (history tabs, diffs, the job-definition editor, templates) are more than
//! half of the wasm. Each is a `wasm_split` point: the build cuts its code into
//! a chunk of its own (see scripts/wasm-pipeline.sh) that is fetched when the
//! route is first visited, or earlier through `preload_detail`.
//!
//! A chunk that cannot be fetched (offline, or a stale tab after a new
//! release removed the old files) shows a message with a Reload button
//! instead of aborting the whole app: the split functions are `fallible`.

use super::protected::Protected;
use crate::pages::{create::CreatePage, detail::DetailPage, edit::EditPage, sign_in::SignInPage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::LazyRoute;
use std::sync::atomic::{AtomicBool, Ordering};

/// Declares one lazily loaded route: the split function holding the page,
/// and the `LazyRoute` the router awaits before it swaps pages.
/// `public` pages (sign-in) are not wrapped in `Protected`.
macro_rules! lazy_page {
    ($route:ident, $chunk:ident, $preload:ident, $page:ident) => {
        lazy_page!(@split $route, $chunk, $preload, view! { <Protected><$page/></Protected> });
    };
    ($route:ident, $chunk:ident, $preload:ident, $page:ident, public) => {
        lazy_page!(@split $route, $chunk, $preload, view! { <$page/> });
    };
    (@split $route:ident, $chunk:ident, $preload:ident, $view:expr) => {
        pub struct $route;

        #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
        fn $chunk() -> Result<AnyView, SplitLoaderError> {
            Ok($view.into_any())
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                let _busy = Busy::start();
                $chunk()
                    .await
                    .unwrap_or_else(|_| view! { <ChunkFailed/> }.into_any())
            }

            // The router calls this on navigation, before `view`.
            async fn preload() {
                let _busy = Busy::start();
                // A failed preload is retried by `view`, which shows the failure.
                let _ = $preload().await;
            }
        }
    };
}

lazy_page!(DetailRoute, detail_page, preload_detail_page, DetailPage);
lazy_page!(EditRoute, edit_page, preload_edit_page, EditPage);
lazy_page!(CreateRoute, create_page, preload_create_page, CreatePage);
// Out of the first module: a signed-in visit (the usual one) never needs the form.
lazy_page!(
    SignInRoute,
    sign_in_page,
    preload_sign_in_page,
    SignInPage,
    public
);

/// Starts fetching the detail page's code, typically when the pointer or
/// focus reaches a link to a deployment, so a click finds it loaded.
/// Only the first call does anything: it is wired to pointer and focus events.
pub fn preload_detail() {
    static STARTED: AtomicBool = AtomicBool::new(false);
    if !STARTED.swap(true, Ordering::Relaxed) {
        spawn_local(async {
            let _ = preload_detail_page().await;
        });
    }
}

thread_local! {
    /// How many page chunks are being fetched. The router keeps the old page
    /// on screen until the new one's code is there, which on a slow link would
    /// look like a click that did nothing. Not a context: the router asks for
    /// lazy views from async code, outside any reactive owner.
    static LOADING: ArcRwSignal<u32> = ArcRwSignal::new(0);
}

/// One fetch in progress; it ends when dropped, however the load ended.
struct Busy(ArcRwSignal<u32>);

impl Busy {
    fn start() -> Self {
        let count = LOADING.with(Clone::clone);
        count.update(|n| *n += 1);
        Busy(count)
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.update(|n| *n = n.saturating_sub(1));
    }
}

/// "Loading page…" while a page's code is on its way.
#[component]
pub fn PageLoadingNotice() -> impl IntoView {
    let count = LOADING.with(Clone::clone);
    view! {
        <Show when=move || { count.get() > 0 }>
            <p class="page-loading" role="status">
                "Loading page…"
            </p>
        </Show>
    }
}

#[component]
fn ChunkFailed() -> impl IntoView {
    let reload = |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="page">
            <div class="error-box" role="alert">
                <p>
                    <strong>"This page could not be loaded."</strong>
                    " Its code did not download: the connection may be down, or a newer version \
                     of the app was published since this tab opened."
                </p>
                <button type="button" class="btn" on:click=reload>
                    "Reload"
                </button>
            </div>
        </section>
    }
}
