//! "Estimated cost": the chosen market's price for the chosen replicas, per
//! hour and for one run of the chosen timeout.

use crate::client::{MarketLookup, Markets};
use crate::domain::costs::{estimate_words, price_words, EstimateWords};
use crate::domain::create::CreateForm;
use crate::domain::numbers::{parse_replicas_create, parse_timeout_create};
use leptos::prelude::*;

#[component]
pub fn CostEstimate(form: RwSignal<CreateForm>) -> impl IntoView {
    let markets = Markets::use_markets();
    let reading = Memo::new(move |_| {
        form.with(|f| {
            let lookup = markets.lookup(&f.market);
            let words = estimate_words(
                &f.market,
                lookup.market(),
                parse_replicas_create(&f.replicas).ok(),
                parse_timeout_create(&f.timeout, f.strategy).ok(),
            );
            (lookup, words)
        })
    });
    let body = move || {
        let (lookup, words) = reading.get();
        match (lookup, words) {
            (_, EstimateWords::NoMarket) => {
                view! { <p class="muted">"Choose a market to see the estimate."</p> }.into_any()
            }
            (MarketLookup::Loading, _) => {
                view! { <p class="muted">"Loading prices…"</p> }.into_any()
            }
            (_, EstimateWords::PriceUnknown) => view! {
                <p class="cost-figure">"price unknown"</p>
                <p class="muted">"This market is not in the market list, or it has no price."</p>
            }
            .into_any(),
            (found, EstimateWords::NeedNumbers) => view! {
                {market_line(&found)}
                <p class="muted">"Enter the replicas and a timeout to see the estimate."</p>
            }
            .into_any(),
            (found, EstimateWords::Ready { per_hour, per_run }) => view! {
                <p class="cost-figure">{per_hour}</p>
                <p class="cost-run">{per_run}</p>
                {market_line(&found)}
            }
            .into_any(),
        }
    };
    view! {
        <div class="card cost-estimate">
            <h2 id="create-estimate-title">"Estimated cost"</h2>
            <div class="cost-estimate-body" role="status" aria-labelledby="create-estimate-title">
                {body}
            </div>
            <p class="hint">
                "The market's price per job-hour, for every replica running the whole timeout. "
                "What is spent follows the jobs that actually run."
            </p>
        </div>
    }
}

fn market_line(found: &MarketLookup) -> Option<impl IntoView> {
    let market = found.market()?;
    let gpus = market.gpu_types.join(", ");
    Some(view! {
        <p class="cost-market">
            <span class="cost-market-name">{market.label().to_string()}</span>
            " · "
            {price_words(Some(market))}
            {(!gpus.is_empty())
                .then(|| {
                    view! {
                        " · "
                        <span class="cost-gpus">{gpus}</span>
                    }
                })}
        </p>
    })
}
