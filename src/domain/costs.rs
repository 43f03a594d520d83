//! What deployments cost per hour and how long the credits last at that rate.
//!
//! Prices come from the market (`usd_reward_per_hour`, per job). A missing or
//! nonsensical price is "unknown", never zero: a wrong number is worse than none.

use crate::api::models::{Deployment, Market, Status};

use super::units::format_usd;

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

/// True while the deployment's jobs are billed (RUNNING, and the settling
/// states in which jobs still run).
fn is_spending(status: Status) -> bool {
    matches!(status, Status::Running | Status::Stopping)
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
}
