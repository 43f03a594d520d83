//! A piece of the interface whose code is a wasm split chunk (see
//! scripts/wasm-pipeline.sh), downloaded the first time it is wanted: the
//! palette on Ctrl+K, the shortcuts dialog on `?`, the bulk bar on the first
//! selected row. The first view's module then does not carry it.

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;

/// Mounts what `load` gives once `when` is first true, and keeps it mounted.
/// `load` builds its view under this component's owner, so the view lives as
/// long as this does. When the chunk cannot be fetched (offline, or a stale tab
/// after a new release), `failed` runs (a dialog that asked for it closes) and
/// the next time `when` turns true tries again.
#[component]
pub fn OnFirstUse<F, Fut>(
    #[prop(into)] when: Signal<bool>,
    load: F,
    #[prop(optional)] failed: Option<Callback<()>>,
) -> impl IntoView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    let owner = Owner::current();
    let built = StoredValue::new_local(None::<AnyView>);
    let ready = RwSignal::new(false);
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        if !when.get() || started.get_value() {
            return;
        }
        started.set_value(true);
        // Polled under the component's owner, not this effect's (which is
        // cleaned up each time `when` changes).
        let view = match &owner {
            Some(owner) => owner.with(|| ScopedFuture::new_untracked(load())),
            None => ScopedFuture::new_untracked(load()),
        };
        spawn_local(async move {
            match view.await {
                Ok(view) => {
                    built.set_value(Some(view));
                    ready.set(true);
                }
                Err(_) => {
                    started.set_value(false);
                    if let Some(failed) = failed {
                        failed.run(());
                    }
                }
            }
        });
    });
    move || {
        ready
            .get()
            .then(|| built.try_update_value(Option::take).flatten())
    }
}
