//! What a deployment costs per hour and on which market: the list's "Cost"
//! cell and the detail page's "Cost" field. Follows the session's markets as
//! they arrive; an unknown market or price reads "price unknown".

use crate::api::models::Deployment;
use crate::client::{MarketLookup, Markets};
use crate::domain::costs::{cost_basis, hourly_cost, price_words};
use crate::domain::units::short_id;
use leptos::prelude::*;

#[component]
pub fn DeploymentCost(
    /// Nothing is shown while there is none.
    #[prop(into)]
    deployment: Signal<Option<Deployment>>,
    /// Also say what the cost is made of ("3 active jobs × $0.45/h").
    #[prop(optional)]
    detailed: bool,
) -> impl IntoView {
    let markets = Markets::use_markets();
    let lookup =
        Memo::new(move |_| deployment.with(|d| d.as_ref().map(|d| markets.lookup(&d.market))));
    move || {
        let found = lookup.get()?;
        deployment.with(|d| {
            d.as_ref().map(|d| match &found {
                MarketLookup::Loading => {
                    view! { <span class="cost-figure muted">"Loading price…"</span> }.into_any()
                }
                MarketLookup::Found(market) => {
                    let basis = detailed
                        .then(|| cost_basis(d, Some(market)))
                        .flatten()
                        .map(|b| {
                            view! {
                                " "
                                <span class="cost-basis">"("{b}")"</span>
                            }
                        });
                    let gpus = market.gpu_types.join(", ");
                    view! {
                        <span class="cost-figure">{hourly_cost(d, Some(market)).words()}</span>
                        {basis}
                        <span class="cost-market">
                            <span class="cost-market-name">{market.label().to_string()}</span>
                            " · "
                            {price_words(Some(market))}
                        </span>
                        {(!gpus.is_empty())
                            .then(|| view! { <span class="cost-gpus">{gpus}</span> })}
                    }
                    .into_any()
                }
                MarketLookup::Unknown => view! {
                    <span class="cost-figure">"price unknown"</span>
                    <span class="cost-market">
                        "Unknown market " <code title=d.market.clone()>{short_id(&d.market)}</code>
                    </span>
                }
                .into_any(),
            })
        })
    }
}
