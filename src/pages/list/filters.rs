//! Search (debounced), status and strategy filters, sort order and page size.

use super::GoToList;
use crate::api::models::{Status, Strategy};
use crate::api::query::SortOrder;
use crate::components::check_chip::ChipSet;
use crate::components::choice_select::ChoiceSelect;
use crate::components::pager::PageSizeSelect;
use crate::domain::status::label;
use crate::url_state::list_view::ListView;
use crate::url_state::paging::Paged;
use leptos::prelude::*;
use std::time::Duration;

const SEARCH_DEBOUNCE: Duration = Duration::from_millis(300);

#[component]
pub fn Filters(view: Memo<ListView>, go: GoToList) -> impl IntoView {
    view! {
        <div class="filters" role="search">
            <SearchBox view=view go=go />
            <ChipSet
                legend="Status"
                values=&Status::ALL
                chosen=Callback::new(move |s| view.with(|v| v.statuses.contains(&s)))
                toggle=Callback::new(move |s| go.go(view.get_untracked().toggle_status(s), false))
                label=label
            />
            <div class="filter-row">
                <ChoiceSelect
                    label="Strategy "
                    all="All strategies"
                    value=Signal::derive(move || view.with(|v| v.strategies.first().copied()))
                    on_change={move |picked: Option<Strategy>| {
                        let mut next = view.get_untracked().first_page();
                        next.strategies = picked.into_iter().collect();
                        go.go(next, false);
                    }}
                />
                <label>
                    "Sort "
                    <select
                        prop:value=move || {
                            if view.with(|v| v.sort == SortOrder::Asc) { "asc" } else { "desc" }
                        }
                        on:change=move |ev| {
                            let mut next = view.get_untracked().first_page();
                            next.sort = if event_target_value(&ev) == "asc" {
                                SortOrder::Asc
                            } else {
                                SortOrder::Desc
                            };
                            go.go(next, false);
                        }
                    >
                        <option value="desc">"Newest first"</option>
                        <option value="asc">"Oldest first"</option>
                    </select>
                </label>
                <PageSizeSelect view=view go=go.step() />
            </div>
        </div>
    }
}

/// Typing updates the URL only after a pause, so each keystroke does not cost a request.
#[component]
fn SearchBox(view: Memo<ListView>, go: GoToList) -> impl IntoView {
    let text = RwSignal::new(view.get_untracked().search);
    // Back/forward or a shared link changes the URL under the box: follow it.
    Effect::new(move |_| {
        let search = view.with(|v| v.search.clone());
        if text.get_untracked() != search {
            text.set(search);
        }
    });
    let generation = StoredValue::new(0u64);
    let on_input = move |ev| {
        text.set(event_target_value(&ev));
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() != mine {
                    return;
                }
                let current = view.get_untracked();
                if current.search != text.get_untracked() {
                    let mut next = current.first_page();
                    next.search = text.get_untracked();
                    go.go(next, true);
                }
            },
            SEARCH_DEBOUNCE,
        );
    };
    view! {
        <label class="search">
            <span class="visually-hidden">"Search"</span>
            <input
                type="search"
                placeholder="Search by name or id"
                aria-label="Search"
                prop:value=move || text.get()
                on:input=on_input
            />
        </label>
    }
}
