//! Paths into a job definition as people read them: `ops[1].args.image`,
//! `ops[0].args.env["MY-KEY"]`. The checker and the line scanner build them
//! with the same two functions, so their strings always match.

/// The path of property `key` inside the object at `parent`.
pub fn key(parent: &str, key: &str) -> String {
    let plain = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    match (plain, parent.is_empty()) {
        (true, true) => key.to_string(),
        (true, false) => format!("{parent}.{key}"),
        (false, _) => {
            let quoted = serde_json::to_string(key).unwrap_or_default();
            format!("{parent}[{quoted}]")
        }
    }
}

/// The path of element `i` of the array at `parent`.
pub fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_code() {
        assert_eq!(key("", "ops"), "ops");
        assert_eq!(key(&index("ops", 1), "args"), "ops[1].args");
        assert_eq!(key("env", "HF_TOKEN"), "env.HF_TOKEN");
        assert_eq!(key("env", "MY-KEY"), "env[\"MY-KEY\"]");
        assert_eq!(key("", "9lives"), "[\"9lives\"]");
        assert_eq!(key("meta", ""), "meta[\"\"]");
    }
}
