//! Choosing a market: searchable list from `GET /markets/` (the session's,
//! read once), or a pasted address.

use crate::client::{Markets, MarketsState};
use crate::components::form_field::FormField;
use crate::components::form_field::PlainField;
use crate::components::status_line::Waiting;
use crate::domain::create::CreateForm;
use crate::domain::markets::{price_per_hour, search};
use leptos::prelude::*;

#[component]
pub fn MarketPicker(
    form: RwSignal<CreateForm>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let markets = Markets::use_markets();
    let filter = RwSignal::new(String::new());
    let selected = move || form.with(|f| f.market.trim().to_string());

    let list = move || match markets.state() {
        MarketsState::NotRead | MarketsState::Loading => {
            view! { <Waiting text="Loading markets…" /> }.into_any()
        }
        MarketsState::Ready(all) => {
            let hits: Vec<_> = filter.with(|q| search(&all, q).into_iter().cloned().collect());
            if hits.is_empty() {
                return view! { <p class="muted">"No market matches."</p> }.into_any();
            }
            view! {
                <div class="market-list" role="radiogroup" aria-label="Markets">
                    {hits
                        .into_iter()
                        .map(|m| {
                            let address = m.address.clone();
                            let pick = address.clone();
                            let checked = move || selected() == address;
                            let picked = checked.clone();
                            view! {
                                <label class="market-option" class:picked=picked>
                                    <input
                                        type="radio"
                                        name="market"
                                        prop:checked=checked
                                        on:change=move |_| form.update(|f| f.market = pick.clone())
                                    />
                                    <span class="market-name">{m.label().to_string()}</span>
                                    <span class="muted">{m.gpu_types.join(", ")}</span>
                                    <span class="market-price">{price_per_hour(&m)}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            }
            .into_any()
        }
        MarketsState::Failed(message) => view! {
            <p class="muted">
                "Markets could not be loaded ("{message}"); paste a market address instead."
            </p>
        }
        .into_any(),
    };

    view! {
        <div class="card">
            <h2>"Market"</h2>
            <PlainField
                id="create-market-search"
                label="Search markets"
                kind="search"
                placeholder="Name or GPU, e.g. 4090"
                value=filter
            />
            {list}
            <FormField
                id="create-market"
                label="Market address"
                error=error
                control=move |d| {
                    view! {
                        <input
                            id="create-market"
                            type="text"
                            autocomplete="off"
                            spellcheck="false"
                            aria-invalid=d.invalid()
                            aria-describedby=d.ids()
                            prop:value=move || form.with(|f| f.market.clone())
                            on:input=move |ev| form.update(|f| f.market = event_target_value(&ev))
                        />
                    }
                }
            />
        </div>
    }
}
