//! A long id or hash, shortened, whole on hover; a muted dash when there is none.

use crate::domain::units::short_id;
use leptos::either::Either;
use leptos::prelude::*;

pub fn short_code(id: Option<String>) -> impl IntoView {
    match id.filter(|id| !id.trim().is_empty()) {
        Some(id) => Either::Left(view! { <code title=id.clone()>{short_id(&id)}</code> }),
        None => Either::Right(view! { <span class="muted">"—"</span> }),
    }
}
