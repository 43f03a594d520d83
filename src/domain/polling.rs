//! How often a page re-reads a deployment that is settling by itself
//! (STARTING, STOPPING): soon at first, then less and less often.

use chrono::{DateTime, Utc};

/// The first pause, in milliseconds.
pub const FIRST_DELAY_MS: u32 = 1_000;
/// No pause is longer than this.
pub const MAX_DELAY_MS: u32 = 10_000;

/// The pause before poll number `attempt` (0-based): 1 s, 2 s, 4 s, 8 s, then 10 s.
pub fn poll_delay_ms(attempt: u32) -> u32 {
    FIRST_DELAY_MS
        .saturating_mul(2u32.saturating_pow(attempt))
        .min(MAX_DELAY_MS)
}

/// Whole seconds from `then` to `now`, never negative: the "updated N s ago"
/// of a page.
pub fn age_seconds(then: DateTime<Utc>, now: DateTime<Utc>) -> u64 {
    u64::try_from((now - then).num_seconds()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_then_stay_capped() {
        let delays: Vec<u32> = (0..7).map(poll_delay_ms).collect();
        assert_eq!(delays, [1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
        assert_eq!(poll_delay_ms(40), MAX_DELAY_MS);
        assert_eq!(poll_delay_ms(u32::MAX), MAX_DELAY_MS);
    }

    #[test]
    fn ages_are_whole_seconds() {
        let then = DateTime::from_timestamp_millis(1_000).unwrap();
        let at = |ms| DateTime::from_timestamp_millis(ms).unwrap();
        assert_eq!(age_seconds(then, at(1_000)), 0);
        assert_eq!(age_seconds(then, at(1_999)), 0);
        assert_eq!(age_seconds(then, at(2_000)), 1);
        assert_eq!(age_seconds(then, at(62_500)), 61);
        assert_eq!(age_seconds(then, at(0)), 0, "a clock step backwards");
    }
}
