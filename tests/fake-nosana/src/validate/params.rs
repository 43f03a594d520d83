//! Path parameters: deployment and job ids are base58 public keys.

use super::schema::{max_length, min_length, Check};
use crate::rng::is_base58_byte;

/// AJV checks `maxLength`, then `minLength`, then `pattern`; so does this.
pub fn address(value: &str, name: &str) -> Check<()> {
    let at = format!("params/{name}");
    max_length(value, &at, 44)?;
    min_length(value, &at, 43)?;
    if value.bytes().all(is_base58_byte) {
        Ok(())
    } else {
        Err(format!(
            "{at} must match pattern \"^[1-9A-HJ-NP-Za-km-z]+$\""
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::address;

    #[test]
    fn length_then_alphabet() {
        assert_eq!(
            address("abc", "id"),
            Err("params/id must NOT have fewer than 43 characters".into())
        );
        assert_eq!(
            address(&"a".repeat(45), "id"),
            Err("params/id must NOT have more than 44 characters".into())
        );
        assert_eq!(
            address(&"0".repeat(44), "job"),
            Err("params/job must match pattern \"^[1-9A-HJ-NP-Za-km-z]+$\"".into())
        );
        assert_eq!(address(&"a".repeat(43), "id"), Ok(()));
    }
}
