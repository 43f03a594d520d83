//! A tiny seeded generator (splitmix64) and the id formats the API uses. Seeded,
//! never from the clock, so the same seed count gives the same data every run.

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn fill(&mut self, out: &mut [u8]) {
        for chunk in out.chunks_mut(8) {
            let bytes = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
    }

    /// A Solana-style public key: 32 bytes in base58. Redrawn until it has the
    /// 43-44 characters the API's id schema demands (a few byte patterns encode
    /// shorter).
    pub fn address(&mut self) -> String {
        loop {
            let mut bytes = [0u8; 32];
            self.fill(&mut bytes);
            let text = bs58::encode(bytes).into_string();
            if (43..=44).contains(&text.len()) {
                return text;
            }
        }
    }

    /// A transaction signature: 64 bytes in base58.
    pub fn signature(&mut self) -> String {
        let mut bytes = [0u8; 64];
        self.fill(&mut bytes);
        bs58::encode(bytes).into_string()
    }

    /// An IPFS CIDv0 (`Qm...`, 46 characters): a sha2-256 multihash in base58.
    pub fn ipfs_hash(&mut self) -> String {
        let mut bytes = [0u8; 34];
        bytes[0] = 0x12;
        bytes[1] = 0x20;
        self.fill(&mut bytes[2..]);
        bs58::encode(bytes).into_string()
    }
}

/// Whether `s` is a well-formed id (what the API's params schema checks).
pub fn is_address(s: &str) -> bool {
    (43..=44).contains(&s.len()) && s.bytes().all(is_base58_byte)
}

pub fn is_base58_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() && !matches!(b, b'0' | b'O' | b'I' | b'l')
}

/// A stable, host-name-safe token for a service URL, derived from its parts
/// (FNV-1a), so endpoints do not change between reads.
pub fn host_token(parts: &[&str]) -> String {
    let mut out = [0u8; 16];
    for (round, chunk) in out.chunks_mut(8).enumerate() {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ round as u64;
        for part in parts {
            for b in part.bytes().chain([0u8]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01B3);
            }
        }
        chunk.copy_from_slice(&h.to_le_bytes());
    }
    bs58::encode(out).into_string().to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_ids() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        assert_eq!(a.address(), b.address());
        assert_eq!(a.signature(), b.signature());
    }

    #[test]
    fn ids_have_the_contract_shape() {
        let mut rng = Rng::new(1);
        for _ in 0..200 {
            assert!(is_address(&rng.address()));
        }
        let cid = rng.ipfs_hash();
        assert!(cid.starts_with("Qm") && cid.len() == 46, "{cid}");
    }

    #[test]
    fn address_check() {
        assert!(!is_address("short"));
        assert!(!is_address(&"0".repeat(44)));
        assert!(is_address(&"1".repeat(44)));
    }
}
