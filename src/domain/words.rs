//! Counted nouns in English, the one place that decides "1 job" and "2 jobs".

/// "1 job", "0 events", "15 jobs".
pub fn count_of(n: u64, noun: &str) -> String {
    format!("{n} {}", noun_for(n, noun))
}

/// The noun alone, as `n` of it reads: "job" or "jobs".
pub fn noun_for(n: u64, noun: &str) -> String {
    if n == 1 {
        noun.to_string()
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_everything_else_plural() {
        assert_eq!(count_of(1, "job"), "1 job");
        assert_eq!(count_of(0, "event"), "0 events");
        assert_eq!(count_of(15, "day"), "15 days");
        assert_eq!(noun_for(1, "hour"), "hour");
        assert_eq!(noun_for(2, "hour"), "hours");
    }
}
