//! The open tab's total, Previous / Next by the API's cursors, and its page size.

use super::GoToHistory;
use crate::api::models::Pagination;
use crate::api::query::PageSize;
use crate::domain::words::count_of;
use crate::url_state::history_view::HistoryView;
use leptos::prelude::*;

#[component]
pub fn Pager(pagination: Pagination, view: Memo<HistoryView>, go: GoToHistory) -> impl IntoView {
    let (page, tab) = view.with_untracked(|v| (v.page, v.tab));
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
        go.go(next);
    };
    let next_page = move |_| {
        if let Some(cursor) = &next_cursor {
            go.go(view.get_untracked().with_cursor(cursor.clone(), page + 1));
        }
    };
    view! {
        <nav class="pager history-pager" aria-label=format!("{} pages", tab.label())>
            <span class="muted history-total">{count_of(pagination.total_items, tab.noun())}</span>
            <button type="button" class="btn" disabled=!has_prev on:click=previous>"Previous"</button>
            <span class="muted">{format!("Page {page}")}</span>
            <button type="button" class="btn" disabled=!has_next on:click=next_page>"Next"</button>
        </nav>
    }
}

/// "Page size" 10 / 20 / 50 / 100; a change starts again from the first page.
#[component]
pub fn PageSizeSelect(view: Memo<HistoryView>, go: GoToHistory) -> impl IntoView {
    view! {
        <label class="history-page-size">
            "Page size "
            <select
                prop:value=move || view.with(|v| v.limit.as_u32().to_string())
                on:change=move |ev| {
                    let size = event_target_value(&ev).parse().ok().and_then(PageSize::from_u32).unwrap_or_default();
                    go.go(view.get_untracked().with_limit(size));
                }
            >
                {PageSize::ALL
                    .into_iter()
                    .map(|size| {
                        let n = size.as_u32();
                        view! { <option value=n.to_string()>{n}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
