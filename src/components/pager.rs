//! Previous / Next by the API's cursors, and the page-size select, for any
//! view that pages through a list and lives in the URL (`Paged`).

use crate::api::models::Pagination;
use crate::api::query::PageSize;
use crate::url_state::paging::Paged;
use leptos::prelude::*;

#[component]
pub fn Pager<V>(
    /// The paging of the answer on screen.
    pagination: Pagination,
    view: Memo<V>,
    /// Moves to another view (by writing it into the URL).
    go: Callback<V>,
    /// The navigation's accessible name.
    #[prop(into)]
    label: String,
    /// A class besides `pager`.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The list's total in words, before the buttons.
    #[prop(optional, into)]
    total: Option<String>,
) -> impl IntoView
where
    V: Paged + Clone + PartialEq + Send + Sync + 'static,
{
    // The page this answer is: the buttons lead on from it.
    let (from, has_prev) = view.with_untracked(|v| {
        let paging = v.paging();
        (
            paging.page,
            paging.has_previous(pagination.cursor_prev.as_deref()),
        )
    });
    let Pagination {
        cursor_prev,
        cursor_next,
        ..
    } = pagination;
    let has_next = cursor_next.is_some();
    let previous = move |_| {
        let mut next = view.get_untracked();
        next.paging_mut().go_back(from, cursor_prev.as_deref());
        go.run(next);
    };
    let next_page = move |_| {
        if let Some(cursor) = &cursor_next {
            let mut next = view.get_untracked();
            next.paging_mut().go_forward(from, cursor);
            go.run(next);
        }
    };
    let class = match class {
        Some(more) => format!("pager {more}"),
        None => "pager".to_string(),
    };
    view! {
        <nav class=class aria-label=label>
            {total.map(|total| view! { <span class="muted history-total">{total}</span> })}
            <button type="button" class="btn" disabled=!has_prev on:click=previous>
                "Previous"
            </button>
            <span class="muted">{format!("Page {from}")}</span>
            <button type="button" class="btn" disabled=!has_next on:click=next_page>
                "Next"
            </button>
        </nav>
    }
}

/// "Page size" 10 / 20 / 50 / 100; a change starts again from the first page.
#[component]
pub fn PageSizeSelect<V>(
    view: Memo<V>,
    go: Callback<V>,
    #[prop(optional)] class: Option<&'static str>,
) -> impl IntoView
where
    V: Paged + Clone + PartialEq + Send + Sync + 'static,
{
    view! {
        <label class=class>
            "Page size "
            <select
                prop:value=move || view.with(|v| v.paging().limit.as_u32().to_string())
                on:change=move |ev| {
                    let size = event_target_value(&ev)
                        .parse()
                        .ok()
                        .and_then(PageSize::from_u32)
                        .unwrap_or_default();
                    let mut next = view.get_untracked();
                    next.paging_mut().set_limit(size);
                    go.run(next);
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
