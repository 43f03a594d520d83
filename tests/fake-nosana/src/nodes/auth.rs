//! The node header `<message>:<signature>`. The fake has one account (every API key acts
//! for it, as the real API shows a key only its own deployments), so a header is valid
//! when its signature is the one the sign route issues for that account and message.
//! Signatures are derived, not random, so they survive nothing but a rotation
//! (`POST /__fake/nodes/rotate-signature`), which makes every issued header stale.

use crate::rng::Rng;

/// The message the app signs.
pub const AUTH_MESSAGE: &str = "nosana-auth";

/// A base58 "signature" of `message` by `account`, 64 bytes like an ed25519 one.
pub fn signature(account: &str, message: &str, generation: u64) -> String {
    let mut seed: u64 = 0xcbf2_9ce4_8422_2325 ^ generation;
    for b in account.bytes().chain([0]).chain(message.bytes()) {
        seed ^= u64::from(b);
        seed = seed.wrapping_mul(0x0000_0100_0000_01B3);
    }
    let mut bytes = [0u8; 64];
    Rng::new(seed).fill(&mut bytes);
    bs58::encode(bytes).into_string()
}

/// Whether `header` is `<message>:<signature>` signed by `account` for a message that is
/// (or starts with) `nosana-auth`. Exact: no `Bearer`, no spaces, no other prefix.
pub fn is_valid(header: &str, account: &str, generation: u64) -> bool {
    let Some((message, sig)) = header.rsplit_once(':') else {
        return false;
    };
    message.starts_with(AUTH_MESSAGE) && sig == signature(account, message, generation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_header_is_valid_and_nothing_else_is() {
        let sig = signature("acct", AUTH_MESSAGE, 0);
        assert!(sig.len() > 80 && bs58::decode(&sig).into_vec().unwrap().len() == 64);
        assert!(is_valid(&format!("nosana-auth:{sig}"), "acct", 0));
        for bad in [
            sig.clone(),
            format!("Bearer nosana-auth:{sig}"),
            format!("nosana-auth:{sig} "),
            format!("other:{sig}"),
            format!("nosana-auth:{}", signature("other", AUTH_MESSAGE, 0)),
        ] {
            assert!(!is_valid(&bad, "acct", 0), "{bad}");
        }
        // A rotation makes every issued header stale.
        assert!(!is_valid(&format!("nosana-auth:{sig}"), "acct", 1));
    }
}
