//! The Events tab: the deployment's event log, newest first, filtered by
//! category and type.

use super::pager::{PageSizeSelect, Pager};
use super::{empty_text, fetch_view, results, Ctx};
use crate::api::endpoints;
use crate::api::models::{Event, EventCategory, EventList};
use crate::components::relative_time::RelativeTime;
use crate::domain::history::EVENT_TYPES;
use crate::domain::units::short_id;
use crate::url_state::history_view::HistoryTab;
use leptos::prelude::*;

#[component]
pub fn EventsPanel(ctx: Ctx) -> impl IntoView {
    let Ctx { state, view, go } = ctx;
    let auth = state.auth;
    let key = Memo::new(move |_| {
        view.with(|v| v.events_request())
            .map(|request| (state.id.get(), request))
    });
    let data = fetch_view(key, move |(id, (filter, page))| async move {
        auth.call(endpoints::list_events(&id, &filter, &page)).await
    });
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
            <label>
                "Category "
                <select
                    prop:value=move || view.with(|v| v.category.map(|c| c.as_str()).unwrap_or("").to_string())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let category = EventCategory::ALL.into_iter().find(|c| c.as_str() == value);
                        go.go(view.get_untracked().with_category(category));
                    }
                >
                    <option value="">"All categories"</option>
                    {EventCategory::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.as_str()>{c.as_str()}</option> })
                        .collect_view()}
                </select>
            </label>
            <PageSizeSelect view=view go=go/>
            <fieldset class="status-filter event-types">
                <legend>"Type"</legend>
                <For each=move || types.get() key=|t| t.clone() let:kind>
                    <TypeChoice kind=kind ctx=ctx/>
                </For>
            </fieldset>
        </div>
        {results(data, HistoryTab::Events, move |list: EventList| {
            let empty = list.events.is_empty();
            view! {
                {if empty {
                    view! { <p class="empty">{view.with_untracked(empty_text)}</p> }.into_any()
                } else {
                    view! { <EventTable events=list.events/> }.into_any()
                }}
                <Pager pagination=list.pagination view=view go=go/>
            }
        })}
    }
}

#[component]
fn TypeChoice(kind: String, ctx: Ctx) -> impl IntoView {
    let Ctx { view, go, .. } = ctx;
    let checked_kind = kind.clone();
    let toggled_kind = kind.clone();
    view! {
        <label class="chip">
            <input
                type="checkbox"
                prop:checked=move || view.with(|v| v.types.contains(&checked_kind))
                on:change=move |_| go.go(view.get_untracked().toggle_type(&toggled_kind))
            />
            <code>{kind}</code>
        </label>
    }
}

#[component]
fn EventTable(events: Vec<Event>) -> impl IntoView {
    view! {
        // Scrolls sideways on a phone and holds nothing focusable: Tab reaches it.
        <div class="table-wrap" tabindex="0" role="region" aria-label="Events table">
            <table class="history-table events-table">
                <caption class="visually-hidden">"Events"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Type"</th>
                        <th scope="col">"Message"</th>
                        <th scope="col">"Transaction"</th>
                        <th scope="col">"Time"</th>
                    </tr>
                </thead>
                <tbody>
                    {events
                        .into_iter()
                        .map(|event| {
                            let tx = event.tx.clone().filter(|t| !t.trim().is_empty());
                            view! {
                                <tr data-type=event.kind.clone() data-category=event.category.as_str()>
                                    <td><code>{event.kind.clone()}</code></td>
                                    <td class="event-message">{event.message.clone()}</td>
                                    <td>
                                        {match tx {
                                            Some(tx) => view! { <code title=tx.clone()>{short_id(&tx)}</code> }.into_any(),
                                            None => view! { <span class="muted">"—"</span> }.into_any(),
                                        }}
                                    </td>
                                    <td><RelativeTime iso=event.created_at.clone()/></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
