//! The Events tab: the deployment's event log, newest first, filtered by
//! category and type.

use super::list::{fetch_view, HistoryList};
use super::Ctx;
use crate::api::models::{Event, EventCategory, EventList};
use crate::components::check_chip::CheckChip;
use crate::components::choice_select::ChoiceSelect;
use crate::components::pager::PageSizeSelect;
use crate::components::relative_time::RelativeTime;
use crate::components::short_code::short_code;
use crate::components::table_head::Columns;
use crate::domain::history::EVENT_TYPES;
use leptos::prelude::*;

#[component]
pub fn EventsPanel(ctx: Ctx) -> impl IntoView {
    let Ctx { view, go, .. } = ctx;
    let data = fetch_view::<EventList>(ctx);
    // The known types, then any other one the URL asks for.
    let types = Memo::new(move |_| {
        let mut all: Vec<String> = EVENT_TYPES.iter().map(|t| t.to_string()).collect();
        view.with(|v| {
            for t in &v.types {
                if !all.contains(t) {
                    all.push(t.clone());
                }
            }
        });
        all
    });
    view! {
        <div class="history-filters" role="search" aria-label="Filter events">
            <ChoiceSelect
                label="Category "
                all="All categories"
                value=Signal::derive(move || view.with(|v| v.category))
                on_change={move |category: Option<EventCategory>| {
                    go.go(view.get_untracked().with_category(category))
                }}
            />
            <PageSizeSelect view=view go=go.callback() class="history-page-size" />
            <fieldset class="status-filter event-types">
                <legend>"Type"</legend>
                <For each=move || types.get() key=|t| t.clone() let:kind>
                    <TypeChoice kind=kind ctx=ctx />
                </For>
            </fieldset>
        </div>
        <HistoryList ctx=ctx data=data columns=COLUMNS row=event_row />
    }
}

const COLUMNS: Columns = Columns::new(&["Type", "Message", "Transaction", "Time"]);

#[component]
fn TypeChoice(kind: String, ctx: Ctx) -> impl IntoView {
    let Ctx { view, go, .. } = ctx;
    let checked_kind = kind.clone();
    let toggled_kind = kind.clone();
    view! {
        <CheckChip
            checked=Signal::derive(move || view.with(|v| v.types.contains(&checked_kind)))
            on_toggle=Callback::new(move |_| {
                go.go(view.get_untracked().toggle_type(&toggled_kind))
            })
        >
            <code>{kind}</code>
        </CheckChip>
    }
}

fn event_row(event: Event) -> impl IntoView {
    let kind = event.kind.clone();
    view! {
        <tr data-type=kind data-category=event.category.as_str()>
            <td>
                <code>{event.kind}</code>
            </td>
            <td class="event-message">{event.message}</td>
            <td>{short_code(event.tx)}</td>
            <td>
                <RelativeTime iso=event.created_at />
            </td>
        </tr>
    }
}
