//! Previous / next page by the API's cursors.

use super::GoToList;
use crate::api::models::Pagination;
use crate::url_state::list_view::ListView;
use leptos::prelude::*;

#[component]
pub fn Pager(pagination: Pagination, view: Memo<ListView>, go: GoToList) -> impl IntoView {
    let page = view.with_untracked(|v| v.page);
    let has_prev = page > 1 || pagination.cursor_prev.is_some();
    let prev_cursor = pagination.cursor_prev.clone();
    let next_cursor = pagination.cursor_next.clone();
    let has_next = next_cursor.is_some();
    let previous = move |_| {
        let current = view.get_untracked();
        let next = match (&prev_cursor, page) {
            (Some(cursor), p) if p > 2 => current.with_cursor(cursor.clone(), p - 1),
            _ => current.first_page(),
        };
        go.go(next, false);
    };
    let next_page = move |_| {
        if let Some(cursor) = &next_cursor {
            go.go(
                view.get_untracked().with_cursor(cursor.clone(), page + 1),
                false,
            );
        }
    };
    view! {
        <nav class="pager" aria-label="Pages">
            <button type="button" class="btn" disabled=!has_prev on:click=previous>"Previous"</button>
            <span class="muted">{format!("Page {page}")}</span>
            <button type="button" class="btn" disabled=!has_next on:click=next_page>"Next"</button>
        </nav>
    }
}
