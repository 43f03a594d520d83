//! A tab's view read from the deployment page's query string.

use super::state::DetailState;
use crate::url_state::paths;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

/// `parse` of the query's pairs, kept as it was while the page is being left: the URL then
/// already belongs to the next page, and nothing should read again on the way out.
pub fn view_in_url<T, F>(state: DetailState, parse: F) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    F: for<'a> Fn(&mut dyn Iterator<Item = (&'a str, &'a str)>) -> T + Send + Sync + 'static,
{
    let query = use_query_map();
    let location = use_location();
    Memo::new(move |prev: Option<&T>| {
        let here = state.id.with(|id| paths::deployment(id));
        if let Some(prev) = prev.filter(|_| location.pathname.with(|p| *p != here)) {
            return prev.clone();
        }
        query.with(|q| parse(&mut q.latest_values().map(|(k, v)| (k.as_ref(), v))))
    })
}
