//! Randomness and hashing for one-time codes, session tokens and attachment ids.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// `N` bytes from the operating system's CSPRNG.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The OS random source failing is not something a web server can carry on without.
    getrandom::fill(&mut bytes).expect("OS random source unavailable");
    bytes
}

/// URL- and cookie-safe text for random bytes (base64url, no padding).
pub fn url_token(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// SHA-256 of the parts, concatenated.
pub fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hasher.finalize().into()
}

/// Equality whose time depends only on the lengths, not on where the bytes differ.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

/// A uniformly random 6-digit code, leading zeros kept.
pub fn otp_code() -> String {
    // 4_294_000_000 is the largest multiple of 10^6 below 2^32: rejecting the rest keeps every
    // code equally likely.
    loop {
        let n = u32::from_le_bytes(random_bytes::<4>());
        if n < 4_294_000_000 {
            return format!("{:06}", n % 1_000_000);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_and_vary() {
        let codes: Vec<String> = (0..50).map(|_| otp_code()).collect();
        assert!(codes
            .iter()
            .all(|c| c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit())));
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert!(unique.len() > 40);
    }

    #[test]
    fn constant_time_equality() {
        assert!(ct_eq(b"abc", b"abc"));
        assert!(!ct_eq(b"abc", b"abd"));
        assert!(!ct_eq(b"abc", b"ab"));
        assert_eq!(url_token(&[0xff; 32]).len(), 43);
        assert_ne!(sha256(&[b"a", b"b"]), sha256(&[b"a", b"c"]));
        assert_eq!(sha256(&[b"ab"]), sha256(&[b"a", b"b"]));
    }
}
