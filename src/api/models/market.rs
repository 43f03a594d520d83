//! Markets to deploy on, and the account's credit balance.

use serde::{Deserialize, Serialize};

use super::lenient::{null_default, number_or_text};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MarketType {
    Premium,
    Community,
    Other,
    #[default]
    #[serde(other)]
    Unknown,
}

/// An item of `GET /markets/`. The API sends more fields; these are the ones used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Market {
    pub address: String,
    #[serde(default, deserialize_with = "null_default")]
    pub slug: String,
    #[serde(default, deserialize_with = "null_default")]
    pub name: String,
    #[serde(rename = "type", default, deserialize_with = "null_default")]
    pub market_type: MarketType,
    #[serde(default, deserialize_with = "null_default")]
    pub gpu_types: Vec<String>,
    #[serde(default, deserialize_with = "number_or_text")]
    pub usd_reward_per_hour: Option<f64>,
    #[serde(default, deserialize_with = "number_or_text")]
    pub nos_job_price_per_second: Option<f64>,
    /// GB.
    #[serde(default, deserialize_with = "number_or_text")]
    pub lowest_vram: Option<f64>,
}

impl Market {
    /// The name if there is one, else the slug, else the address.
    pub fn label(&self) -> &str {
        [&self.name, &self.slug, &self.address]
            .into_iter()
            .find(|s| !s.trim().is_empty())
            .map_or("", |s| s.as_str())
    }
}

/// `GET /credits/balance`, in USD.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct CreditBalance {
    #[serde(rename = "assignedCredits", default, deserialize_with = "null_default")]
    pub assigned_credits: f64,
    #[serde(rename = "reservedCredits", default, deserialize_with = "null_default")]
    pub reserved_credits: f64,
    #[serde(rename = "settledCredits", default, deserialize_with = "null_default")]
    pub settled_credits: f64,
}

impl CreditBalance {
    /// What can still be spent: assigned − reserved − settled.
    pub fn available(&self) -> f64 {
        self.assigned_credits - self.reserved_credits - self.settled_credits
    }
}
