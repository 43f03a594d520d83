//! Finding a market in the create form's picker.

use super::costs::{market_price, per_hour_words};
use crate::api::models::Market;

/// Markets whose name, slug, GPU types or address contain every word of `query`.
pub fn search<'a>(markets: &'a [Market], query: &str) -> Vec<&'a Market> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    markets
        .iter()
        .filter(|m| {
            let haystack = format!(
                "{} {} {} {}",
                m.name,
                m.slug,
                m.gpu_types.join(" "),
                m.address
            )
            .to_lowercase();
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .collect()
}

/// "$1.20/h" for the price column; "price unknown" when the API gives none
/// (or one that cannot be a price).
pub fn price_per_hour(market: &Market) -> String {
    match market_price(Some(market)) {
        Some(usd) => per_hour_words(usd),
        None => "price unknown".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markets() -> Vec<Market> {
        serde_json::from_str(include_str!("../../tests/fixtures/api/markets.json")).unwrap()
    }

    #[test]
    fn every_word_must_match_somewhere() {
        let all = markets();
        assert_eq!(search(&all, "").len(), all.len());
        let gpu = &all[0].gpu_types[0];
        let hits = search(&all, &gpu.to_uppercase());
        assert!(hits.iter().any(|m| m.address == all[0].address));
        assert!(search(&all, "no-such-market-anywhere").is_empty());
        assert_eq!(search(&all, &all[1].address).len(), 1);
    }

    #[test]
    fn price_reads_per_hour() {
        let mut m = markets().remove(0);
        m.usd_reward_per_hour = Some(1.2);
        assert_eq!(price_per_hour(&m), "$1.20/h");
        m.usd_reward_per_hour = None;
        assert_eq!(price_per_hour(&m), "price unknown");
        m.usd_reward_per_hour = Some(-0.5);
        assert_eq!(price_per_hour(&m), "price unknown");
    }
}
