//! Lets a page start fetching another page's code (the shell owns the lazy
//! routes, so it hands the loader down as context instead of being imported).

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Preload {
    detail: fn(),
}

impl Preload {
    pub fn provide(detail: fn()) {
        provide_context(Preload { detail });
    }

    /// Starts loading the detail page's code; only the first call does anything.
    pub fn detail() {
        if let Some(preload) = use_context::<Preload>() {
            (preload.detail)();
        }
    }
}
