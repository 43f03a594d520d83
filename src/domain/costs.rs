//! What deployments cost per hour and how long the credits last at that rate.
//!
//! Prices come from the market (`usd_reward_per_hour`, per job). A missing or
//! nonsensical price is "unknown", never zero: a wrong number is worse than none.

use crate::api::models::{Deployment, Market, Status};

use super::units::{format_minutes, format_usd};
use super::words::count_of;

/// Hourly cost of one deployment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HourlyCost {
    /// What it costs right now: price × running jobs.
    Current(f64),
    /// Not running: what it would cost with every replica running.
    Estimate(f64),
    /// The market or its price is not known.
    Unknown,
}

/// A usable price per job-hour: finite and not negative.
pub fn market_price(market: Option<&Market>) -> Option<f64> {
    market
        .and_then(|m| m.usd_reward_per_hour)
        .filter(|p| p.is_finite() && *p >= 0.0)
}

/// The statuses whose jobs are billed: RUNNING, and STOPPING, in which jobs
/// still run until they end. The header's spend reads exactly these.
pub const SPENDING: [Status; 2] = [Status::Running, Status::Stopping];

fn is_spending(status: Status) -> bool {
    SPENDING.contains(&status)
}

/// Price × active jobs while running, price × replicas as the estimate otherwise.
pub fn hourly_cost(deployment: &Deployment, market: Option<&Market>) -> HourlyCost {
    let Some(price) = market_price(market) else {
        return HourlyCost::Unknown;
    };
    if is_spending(deployment.status) {
        HourlyCost::Current(price * f64::from(deployment.active_jobs))
    } else {
        HourlyCost::Estimate(price * f64::from(deployment.replicas))
    }
}

/// The create form's estimate: per hour for all replicas, and for one full run
/// of `timeout_minutes`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub per_hour: f64,
    pub per_run: f64,
}

pub fn estimate(
    price_per_hour: Option<f64>,
    replicas: u32,
    timeout_minutes: u32,
) -> Option<Estimate> {
    let price = price_per_hour.filter(|p| p.is_finite() && *p >= 0.0)?;
    let per_hour = price * f64::from(replicas);
    Some(Estimate {
        per_hour,
        per_run: per_hour * f64::from(timeout_minutes) / 60.0,
    })
}

/// The account's spend rate: the sum over running deployments whose price is
/// known, and how many running ones could not be priced.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Spend {
    pub usd_per_hour: f64,
    pub running: usize,
    pub unpriced: usize,
    /// Not every spending deployment could be read (too many pages): the sum
    /// is a lower bound.
    pub truncated: bool,
}

pub fn total_spend(costs: impl IntoIterator<Item = HourlyCost>) -> Spend {
    costs.into_iter().fold(Spend::default(), |mut spend, cost| {
        match cost {
            HourlyCost::Current(usd) => {
                spend.usd_per_hour += usd;
                spend.running += 1;
            }
            HourlyCost::Unknown => spend.unpriced += 1,
            HourlyCost::Estimate(_) => {}
        }
        spend
    })
}

/// How long the available credits last at the current spend.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Runway {
    /// Nothing is spending, so nothing runs out.
    NoSpend,
    /// Nothing left to spend.
    Exhausted,
    Hours(f64),
}

/// Runways shorter than this get a warning.
pub const WARN_HOURS: f64 = 24.0;

pub fn runway(available_usd: f64, spend_per_hour: f64) -> Runway {
    if !spend_per_hour.is_finite() || spend_per_hour <= 0.0 {
        Runway::NoSpend
    } else if !available_usd.is_finite() || available_usd <= 0.0 {
        Runway::Exhausted
    } else {
        Runway::Hours(available_usd / spend_per_hour)
    }
}

impl Runway {
    pub fn is_warning(self) -> bool {
        match self {
            Runway::NoSpend => false,
            Runway::Exhausted => true,
            Runway::Hours(h) => h < WARN_HOURS,
        }
    }

    /// "about 41 h left at the current spend"; rounded down, since running out
    /// earlier than said is the surprise to avoid.
    pub fn words(self) -> String {
        match self {
            Runway::NoSpend => "nothing running, no spend".to_string(),
            Runway::Exhausted => "no credits left at the current spend".to_string(),
            Runway::Hours(h) if h < 1.0 => {
                let minutes = (h * 60.0).floor().max(1.0);
                format!("about {minutes} min left at the current spend")
            }
            Runway::Hours(h) if h < 72.0 => {
                format!("about {} h left at the current spend", h.floor())
            }
            Runway::Hours(h) => {
                format!(
                    "about {} days left at the current spend",
                    (h / 24.0).floor()
                )
            }
        }
    }
}

/// "$1.20/h"; amounts under a cent per hour keep three decimals so a cheap
/// market does not read as free.
pub fn per_hour_words(usd: f64) -> String {
    if usd > 0.0 && usd < 0.01 {
        format!("${usd:.3}/h")
    } else {
        format!("{}/h", format_usd(usd))
    }
}

impl HourlyCost {
    /// "$2.40/h", "est. $2.40/h" or "price unknown".
    pub fn words(self) -> String {
        match self {
            HourlyCost::Current(usd) => per_hour_words(usd),
            HourlyCost::Estimate(usd) => format!("est. {}", per_hour_words(usd)),
            HourlyCost::Unknown => "price unknown".to_string(),
        }
    }
}

/// Dollars as an amount (not a rate): "$1.35"; under a cent keeps three
/// decimals, like `per_hour_words`.
pub fn usd_words(usd: f64) -> String {
    if usd > 0.0 && usd < 0.01 {
        format!("${usd:.3}")
    } else {
        format_usd(usd)
    }
}

/// A market's price as shown next to its name: "$0.45/h per job", or
/// "price unknown".
pub fn price_words(market: Option<&Market>) -> String {
    match market_price(market) {
        Some(price) => format!("{} per job", per_hour_words(price)),
        None => "price unknown".to_string(),
    }
}

/// What a deployment's cost is made of: "2 active jobs × $0.45/h" while it
/// runs, "3 replicas × $0.45/h" otherwise; `None` when the price is unknown.
pub fn cost_basis(deployment: &Deployment, market: Option<&Market>) -> Option<String> {
    let price = per_hour_words(market_price(market)?);
    let count = if is_spending(deployment.status) {
        count_of(deployment.active_jobs.into(), "active job")
    } else {
        count_of(deployment.replicas.into(), "replica")
    };
    Some(format!("{count} × {price}"))
}

/// The market a deployment names, among the known ones.
pub fn find_market<'a>(markets: &'a [Market], address: &str) -> Option<&'a Market> {
    let address = address.trim();
    (!address.is_empty())
        .then(|| markets.iter().find(|m| m.address == address))
        .flatten()
}

impl Spend {
    /// "$16.33/h"; "at least $3.20/h" when some spending deployments could
    /// not be priced or read; "price unknown" when none could be priced.
    pub fn words(&self) -> String {
        if self.running == 0 && self.unpriced > 0 {
            "price unknown".to_string()
        } else if self.unpriced > 0 || self.truncated {
            format!("at least {}", per_hour_words(self.usd_per_hour))
        } else {
            per_hour_words(self.usd_per_hour)
        }
    }

    /// How long `available_usd` lasts, only when the whole spend is known:
    /// a runway from a partial sum would be too long, a wrong number.
    pub fn runway(&self, available_usd: f64) -> Option<Runway> {
        (self.unpriced == 0 && !self.truncated).then(|| runway(available_usd, self.usd_per_hour))
    }
}

/// The create form's estimate in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EstimateWords {
    /// No market chosen yet.
    NoMarket,
    /// The market is not among the known ones, or has no usable price.
    PriceUnknown,
    /// Replicas or timeout are not valid numbers yet.
    NeedNumbers,
    /// "$0.90/h for 2 replicas" and "$1.35 for one run of 90 min".
    Ready { per_hour: String, per_run: String },
}

/// The estimate for the chosen market, replicas and timeout (minutes).
pub fn estimate_words(
    market_address: &str,
    market: Option<&Market>,
    replicas: Option<u32>,
    timeout_minutes: Option<u32>,
) -> EstimateWords {
    if market_address.trim().is_empty() {
        return EstimateWords::NoMarket;
    }
    let Some(price) = market_price(market) else {
        return EstimateWords::PriceUnknown;
    };
    let (Some(replicas), Some(timeout)) = (replicas, timeout_minutes) else {
        return EstimateWords::NeedNumbers;
    };
    match estimate(Some(price), replicas, timeout) {
        Some(e) => EstimateWords::Ready {
            per_hour: format!(
                "{} for {}",
                per_hour_words(e.per_hour),
                count_of(replicas.into(), "replica")
            ),
            per_run: format!(
                "{} for one run of {}",
                usd_words(e.per_run),
                format_minutes(timeout)
            ),
        },
        None => EstimateWords::PriceUnknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn market(price: Option<f64>) -> Market {
        let mut m: Vec<Market> =
            serde_json::from_str(include_str!("../../tests/fixtures/api/markets.json")).unwrap();
        let mut first = m.remove(0);
        first.usd_reward_per_hour = price;
        first
    }

    fn deployment(status: Status, replicas: u32, active_jobs: u32) -> Deployment {
        let mut d: Deployment = serde_json::from_value(serde_json::json!({"id": "x"})).unwrap();
        d.status = status;
        d.replicas = replicas;
        d.active_jobs = active_jobs;
        d
    }

    #[test]
    fn running_costs_price_times_active_jobs() {
        let m = market(Some(0.8));
        let d = deployment(Status::Running, 3, 2);
        assert_eq!(hourly_cost(&d, Some(&m)), HourlyCost::Current(1.6));
        assert_eq!(hourly_cost(&d, Some(&m)).words(), "$1.60/h");
    }

    #[test]
    fn stopped_is_an_estimate_for_every_replica() {
        let m = market(Some(0.8));
        let d = deployment(Status::Stopped, 3, 0);
        assert_eq!(hourly_cost(&d, Some(&m)), HourlyCost::Estimate(0.8 * 3.0));
        assert_eq!(hourly_cost(&d, Some(&m)).words(), "est. $2.40/h");
    }

    #[test]
    fn missing_or_bad_price_is_unknown_never_zero() {
        let d = deployment(Status::Running, 1, 1);
        assert_eq!(hourly_cost(&d, None), HourlyCost::Unknown);
        for bad in [None, Some(f64::NAN), Some(-1.0), Some(f64::INFINITY)] {
            assert_eq!(hourly_cost(&d, Some(&market(bad))), HourlyCost::Unknown);
        }
        assert_eq!(HourlyCost::Unknown.words(), "price unknown");
        assert_eq!(estimate(None, 2, 60), None);
    }

    #[test]
    fn create_estimate_covers_replicas_and_timeout() {
        let e = estimate(Some(1.5), 2, 90).unwrap();
        assert_eq!(e.per_hour, 3.0);
        assert_eq!(e.per_run, 4.5);
        assert_eq!(estimate(Some(1.5), 0, 90).unwrap().per_run, 0.0);
    }

    #[test]
    fn spend_sums_running_and_counts_unpriced() {
        let spend = total_spend([
            HourlyCost::Current(1.25),
            HourlyCost::Estimate(9.0),
            HourlyCost::Unknown,
            HourlyCost::Current(0.5),
        ]);
        assert_eq!(spend.usd_per_hour, 1.75);
        assert_eq!(spend.running, 2);
        assert_eq!(spend.unpriced, 1);
    }

    #[test]
    fn runway_rounds_down_and_warns_under_a_day() {
        let r = runway(100.0, 2.4);
        assert_eq!(r.words(), "about 41 h left at the current spend");
        assert!(!r.is_warning());
        let short = runway(10.0, 1.0);
        assert_eq!(short.words(), "about 10 h left at the current spend");
        assert!(short.is_warning());
        assert_eq!(
            runway(0.5, 2.0).words(),
            "about 15 min left at the current spend"
        );
        assert_eq!(
            runway(1000.0, 1.0).words(),
            "about 41 days left at the current spend"
        );
        assert_eq!(
            runway(23.99, 1.0).words(),
            "about 23 h left at the current spend"
        );
    }

    #[test]
    fn zero_spend_and_empty_credits() {
        assert_eq!(runway(100.0, 0.0), Runway::NoSpend);
        assert!(!runway(100.0, 0.0).is_warning());
        assert_eq!(runway(0.0, 1.0), Runway::Exhausted);
        assert_eq!(runway(-5.0, 1.0), Runway::Exhausted);
        assert!(runway(0.0, 1.0).is_warning());
    }

    #[test]
    fn sub_cent_prices_keep_three_decimals() {
        assert_eq!(per_hour_words(0.004), "$0.004/h");
        assert_eq!(per_hour_words(0.0), "$0.00/h");
        assert_eq!(per_hour_words(1234.5), "$1,234.50/h");
    }

    fn spend(usd_per_hour: f64, running: usize, unpriced: usize, truncated: bool) -> Spend {
        Spend {
            usd_per_hour,
            running,
            unpriced,
            truncated,
        }
    }

    #[test]
    fn basis_names_what_is_multiplied() {
        let m = market(Some(0.45));
        let running = deployment(Status::Stopping, 3, 1);
        assert_eq!(
            cost_basis(&running, Some(&m)).as_deref(),
            Some("1 active job × $0.45/h")
        );
        let draft = deployment(Status::Draft, 2, 0);
        assert_eq!(
            cost_basis(&draft, Some(&m)).as_deref(),
            Some("2 replicas × $0.45/h")
        );
        assert_eq!(cost_basis(&draft, None), None);
        assert_eq!(price_words(Some(&m)), "$0.45/h per job");
        assert_eq!(price_words(Some(&market(None))), "price unknown");
        assert_eq!(price_words(None), "price unknown");
    }

    #[test]
    fn a_stopping_deployment_still_spends_and_unknown_status_does_not() {
        let m = market(Some(1.0));
        assert_eq!(
            hourly_cost(&deployment(Status::Stopping, 4, 2), Some(&m)),
            HourlyCost::Current(2.0)
        );
        for status in [Status::Starting, Status::InsufficientFunds, Status::Unknown] {
            assert_eq!(
                hourly_cost(&deployment(status, 4, 2), Some(&m)),
                HourlyCost::Estimate(4.0),
                "{status:?}"
            );
        }
        assert_eq!(SPENDING, [Status::Running, Status::Stopping]);
    }

    #[test]
    fn markets_are_found_by_exact_address_only() {
        let all: Vec<Market> =
            serde_json::from_str(include_str!("../../tests/fixtures/api/markets.json")).unwrap();
        let second = &all[1];
        assert_eq!(find_market(&all, &second.address), Some(second));
        assert_eq!(
            find_market(&all, &format!(" {} ", second.address)),
            Some(second)
        );
        assert_eq!(find_market(&all, &second.address[..10]), None);
        assert_eq!(find_market(&all, ""), None);
        // The fixture sends this price as text: it still reads per hour.
        assert_eq!(market_price(Some(second)), Some(0.1));
    }

    #[test]
    fn spend_words_never_show_a_partial_sum_as_whole() {
        assert_eq!(spend(16.33, 8, 0, false).words(), "$16.33/h");
        assert_eq!(spend(0.1 + 0.2, 2, 0, false).words(), "$0.30/h");
        assert_eq!(spend(0.0, 0, 0, false).words(), "$0.00/h");
        assert_eq!(spend(3.2, 1, 1, false).words(), "at least $3.20/h");
        assert_eq!(spend(3.2, 1, 0, true).words(), "at least $3.20/h");
        assert_eq!(spend(0.0, 0, 2, false).words(), "price unknown");
    }

    #[test]
    fn runway_only_from_a_whole_spend() {
        let whole = spend(2.4, 1, 0, false);
        assert_eq!(whole.runway(100.0), Some(Runway::Hours(100.0 / 2.4)));
        assert_eq!(spend(0.0, 0, 0, false).runway(100.0), Some(Runway::NoSpend));
        assert_eq!(spend(2.4, 1, 1, false).runway(100.0), None);
        assert_eq!(spend(2.4, 1, 0, true).runway(100.0), None);
        // The fake's seed: 88.75 available at 16.33/h.
        let seeded = spend(16.33, 8, 0, false).runway(88.75).unwrap();
        assert_eq!(seeded.words(), "about 5 h left at the current spend");
        assert!(seeded.is_warning());
    }

    #[test]
    fn create_estimate_in_words() {
        let m = market(Some(0.45));
        assert_eq!(
            estimate_words(&m.address, Some(&m), Some(2), Some(90)),
            EstimateWords::Ready {
                per_hour: "$0.90/h for 2 replicas".into(),
                per_run: "$1.35 for one run of 90 min".into(),
            }
        );
        assert_eq!(
            estimate_words(&m.address, Some(&m), Some(1), Some(180)),
            EstimateWords::Ready {
                per_hour: "$0.45/h for 1 replica".into(),
                per_run: "$1.35 for one run of 3 h".into(),
            }
        );
        assert_eq!(
            estimate_words(" ", Some(&m), Some(1), Some(60)),
            EstimateWords::NoMarket
        );
        assert_eq!(
            estimate_words("Unknown1111", None, Some(1), Some(60)),
            EstimateWords::PriceUnknown
        );
        assert_eq!(
            estimate_words(&m.address, Some(&market(None)), Some(1), Some(60)),
            EstimateWords::PriceUnknown
        );
        assert_eq!(
            estimate_words(&m.address, Some(&m), None, Some(60)),
            EstimateWords::NeedNumbers
        );
        assert_eq!(
            estimate_words(&m.address, Some(&m), Some(1), None),
            EstimateWords::NeedNumbers
        );
    }

    #[test]
    fn amounts_round_to_cents_and_keep_sub_cent_digits() {
        assert_eq!(usd_words(2.025_000_1), "$2.03");
        assert_eq!(usd_words(0.004), "$0.004");
        assert_eq!(usd_words(0.0), "$0.00");
        assert_eq!(per_hour_words(0.125), "$0.13/h");
        let tiny = estimate_words("a", Some(&market(Some(0.001))), Some(1), Some(60));
        assert_eq!(
            tiny,
            EstimateWords::Ready {
                per_hour: "$0.001/h for 1 replica".into(),
                per_run: "$0.001 for one run of 60 min".into(),
            }
        );
    }
}
