//! The header's account line: available credits, the hourly spend of every
//! spending deployment (RUNNING and STOPPING: market price × active jobs) and
//! how long the credits last at that rate, warning under a day.
//!
//! Read once per session, again after the list acts on deployments, and every
//! minute while the tab is shown (a hidden tab catches up when shown again).

use crate::api::models::Deployment;
use crate::client::{use_auth, AccountSpend, Markets, MarketsState, SpendState};
use crate::domain::costs::{find_market, hourly_cost, total_spend, Spend};
use crate::domain::units::format_usd;
use crate::domain::words::count_of;
use leptos::prelude::*;
use std::time::Duration;
use web_sys::VisibilityState;

const REFRESH_EVERY: Duration = Duration::from_secs(60);

#[component]
pub fn AccountCosts() -> impl IntoView {
    let auth = use_auth();
    let spend = AccountSpend::use_spend();
    let markets = Markets::use_markets();
    let refreshes = spend.refreshes;
    let balance = LocalResource::new(move || {
        // Asked again whenever the session changes or the spend is re-read.
        auth.config.track();
        refreshes.track();
        async move { auth.credit_balance().await }
    });
    refresh_while_shown(spend);

    let total = Memo::new(move |_| account_spend(spend.state(), markets.state()));
    let available = move || balance.get().flatten().map(|b| b.available());

    view! {
        <div class="account" role="group" aria-label="Credits and spend">
            {move || {
                available()
                    .map(|usd| {
                        view! {
                            <span
                                class="credits"
                                title="Available credits: assigned minus reserved minus settled"
                            >
                                "Credits: "
                                {format_usd(usd)}
                            </span>
                        }
                    })
            }}
            {move || {
                total
                    .get()
                    .map(|t| match t {
                        Ok(s) => {
                            view! {
                                <span class="spend" title=spend_title(&s)>
                                    "Spend: "
                                    {s.words()}
                                </span>
                                {available().map(|usd| runway_view(&s, usd))}
                            }
                                .into_any()
                        }
                        Err(message) => {
                            view! {
                                <span class="spend" title=message>
                                    "Spend: unknown"
                                </span>
                            }
                                .into_any()
                        }
                    })
            }}
        </div>
    }
}

/// `None` until both reads have answered.
fn account_spend(spend: SpendState, markets: MarketsState) -> Option<Result<Spend, String>> {
    let (deployments, truncated) = match spend {
        SpendState::NotRead => return None,
        SpendState::Failed(message) => return Some(Err(message)),
        SpendState::Ready {
            deployments,
            truncated,
        } => (deployments, truncated),
    };
    let known = match markets {
        MarketsState::NotRead | MarketsState::Loading => return None,
        MarketsState::Ready(all) => all,
        // Every one is "price unknown" then, never $0.
        MarketsState::Failed(_) => Default::default(),
    };
    let price = |d: &Deployment| hourly_cost(d, find_market(&known, &d.market));
    let mut total = total_spend(deployments.iter().map(price));
    total.truncated = truncated;
    Some(Ok(total))
}

fn spend_title(spend: &Spend) -> String {
    let mut title = format!(
        "Per hour, for your deployments with running jobs (RUNNING or STOPPING): \
         market price × active jobs, summed over {}",
        count_of(spend.running as u64, "priced deployment")
    );
    if spend.unpriced > 0 {
        title.push_str(&format!(
            "; price unknown for {}",
            count_of(spend.unpriced as u64, "deployment")
        ));
    }
    if spend.truncated {
        title.push_str("; too many to read them all");
    }
    title
}

fn runway_view(spend: &Spend, available_usd: f64) -> AnyView {
    match spend.runway(available_usd) {
        Some(runway) => {
            let warning = runway.is_warning();
            view! {
                // The warning sign is drawn by the stylesheet, outside the words.
                <span class="runway" class:runway-warning=warning>
                    {runway.words()}
                </span>
            }
            .into_any()
        }
        None => view! {
            <span class="runway" title="Some running deployments have no known price">
                "runway unknown"
            </span>
        }
        .into_any(),
    }
}

/// Re-reads the spend every minute while the tab is shown; a tab hidden at
/// that moment re-reads when it is shown again.
fn refresh_while_shown(spend: AccountSpend) {
    let missed = StoredValue::new(false);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if page_visible() {
                spend.refresh();
            } else {
                missed.set_value(true);
            }
        },
        REFRESH_EVERY,
    ) {
        on_cleanup(move || handle.clear());
    }
    let listener = window_event_listener_untyped("visibilitychange", move |_| {
        if page_visible() && missed.try_get_value() == Some(true) {
            missed.set_value(false);
            spend.refresh();
        }
    });
    on_cleanup(move || listener.remove());
}

fn page_visible() -> bool {
    document().visibility_state() != VisibilityState::Hidden
}
