//! Checks on what a user typed into number and name fields, with the
//! server's limits and plain-English messages.

use crate::api::models::Strategy;

/// More replicas than this is almost certainly a typo.
pub const MAX_REPLICAS: u32 = 10_000;
/// From here on a replica count gets a cost warning.
pub const MANY_REPLICAS: u32 = 100;
/// The server refuses a timeout update below this, and an INFINITE deployment too.
pub const MIN_TIMEOUT_UPDATE: u32 = 60;
/// An INFINITE deployment lists the replacement job at least this long before the timeout.
pub const ROTATION_MARGIN: u32 = 10;

/// A whole number >= 0 from raw text; `what` names the field in messages.
pub fn parse_whole(text: &str, what: &str) -> Result<u32, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(format!("Enter {what}"));
    }
    let digits = t.strip_prefix('+').unwrap_or(t);
    if let Some(rest) = t.strip_prefix('-') {
        if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return Err(format!("{} cannot be negative", capitalise(what)));
        }
    }
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("{} must be a whole number", capitalise(what)));
    }
    digits
        .parse::<u32>()
        .map_err(|_| format!("{} is far too large", capitalise(what)))
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Replicas for an existing deployment: 0 is allowed (it parks the deployment).
pub fn parse_replicas(text: &str) -> Result<u32, String> {
    let n = parse_whole(text, "the number of replicas")?;
    if n > MAX_REPLICAS {
        return Err(format!("At most {MAX_REPLICAS} replicas"));
    }
    Ok(n)
}

/// Replicas for a new deployment: the server wants at least one.
pub fn parse_replicas_create(text: &str) -> Result<u32, String> {
    match parse_replicas(text)? {
        0 => Err("A new deployment needs at least 1 replica".to_string()),
        n => Ok(n),
    }
}

pub fn replicas_warning(n: u32) -> Option<String> {
    (n >= MANY_REPLICAS)
        .then(|| format!("{n} replicas run {n} GPUs at once: check the cost and your balance"))
}

/// A new timeout on an existing deployment, in whole minutes.
pub fn parse_timeout_update(text: &str) -> Result<u32, String> {
    let n = parse_whole(text, "a timeout in minutes")?;
    if n < MIN_TIMEOUT_UPDATE {
        return Err(format!(
            "Every timeout update needs at least {MIN_TIMEOUT_UPDATE} minutes"
        ));
    }
    Ok(n)
}

/// The timeout of a new deployment, in whole minutes.
pub fn parse_timeout_create(text: &str, strategy: Strategy) -> Result<u32, String> {
    let n = parse_whole(text, "a timeout in minutes")?;
    if strategy == Strategy::Infinite && n < MIN_TIMEOUT_UPDATE {
        return Err(format!(
            "An INFINITE deployment needs a timeout of at least {MIN_TIMEOUT_UPDATE} minutes"
        ));
    }
    if n < 1 {
        return Err("The timeout must be at least 1 minute".to_string());
    }
    Ok(n)
}

/// An INFINITE deployment's rotation time must leave room before the timeout.
pub fn check_rotation_time(rotation: u32, timeout: u32) -> Result<(), String> {
    if u64::from(rotation) + u64::from(ROTATION_MARGIN) <= u64::from(timeout) {
        return Ok(());
    }
    match timeout.checked_sub(ROTATION_MARGIN) {
        Some(most) => Err(format!(
            "The rotation time must be at least {ROTATION_MARGIN} minutes below the timeout: at most {most} minutes for a {timeout}-minute timeout"
        )),
        None => Err(format!(
            "The rotation time must be at least {ROTATION_MARGIN} minutes below the timeout, so the timeout must be longer"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replicas_accept_whole_numbers_from_zero() {
        for (typed, want) in [("0", 0), (" 3 ", 3), ("+2", 2), ("10000", 10_000)] {
            assert_eq!(parse_replicas(typed), Ok(want), "{typed:?}");
        }
    }

    #[test]
    fn replicas_refuse_what_is_not_a_count() {
        let cases = [
            ("", "Enter the number of replicas"),
            ("-1", "The number of replicas cannot be negative"),
            ("1.5", "The number of replicas must be a whole number"),
            ("abc", "The number of replicas must be a whole number"),
            ("10001", "At most 10000 replicas"),
            ("99999999999", "The number of replicas is far too large"),
        ];
        for (typed, want) in cases {
            assert_eq!(parse_replicas(typed).unwrap_err(), want, "{typed:?}");
        }
        assert!(parse_replicas("-").is_err());
        assert!(parse_replicas("1e3").is_err());
    }

    #[test]
    fn new_deployments_need_a_replica() {
        assert!(parse_replicas_create("0").is_err());
        assert_eq!(parse_replicas_create("1"), Ok(1));
    }

    #[test]
    fn many_replicas_warn_from_100() {
        assert_eq!(replicas_warning(99), None);
        assert!(replicas_warning(100).unwrap().contains("100 GPUs"));
    }

    #[test]
    fn timeout_updates_start_at_60() {
        assert_eq!(
            parse_timeout_update("59").unwrap_err(),
            "Every timeout update needs at least 60 minutes"
        );
        assert_eq!(parse_timeout_update("60"), Ok(60));
        assert!(parse_timeout_update("60.5").is_err());
        assert!(parse_timeout_update("").is_err());
    }

    #[test]
    fn create_timeouts_depend_on_the_strategy() {
        assert!(parse_timeout_create("0", Strategy::Simple).is_err());
        assert_eq!(parse_timeout_create("1", Strategy::Simple), Ok(1));
        assert_eq!(parse_timeout_create("1", Strategy::Scheduled), Ok(1));
        assert_eq!(
            parse_timeout_create("59", Strategy::Infinite).unwrap_err(),
            "An INFINITE deployment needs a timeout of at least 60 minutes"
        );
        assert_eq!(parse_timeout_create("60", Strategy::Infinite), Ok(60));
    }

    #[test]
    fn rotation_stays_ten_minutes_below_the_timeout() {
        assert_eq!(check_rotation_time(50, 60), Ok(()));
        assert_eq!(
            check_rotation_time(51, 60).unwrap_err(),
            "The rotation time must be at least 10 minutes below the timeout: at most 50 minutes for a 60-minute timeout"
        );
        assert_eq!(check_rotation_time(0, 10), Ok(()));
        assert!(check_rotation_time(0, 9).is_err());
        assert!(check_rotation_time(u32::MAX, u32::MAX).is_err());
    }
}
