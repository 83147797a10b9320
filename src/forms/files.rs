//! The files a citizen chose, kept in this tab's session storage (never on a kiosk) next to
//! the draft's answers, so that a reload on Check answers or Verify (Android killing a tab
//! while the citizen reads the SMS) does not drop them. Session storage ends with the tab;
//! answers in the draft last 7 days, but a photo of an ID document should not.

use super::Attachment;
use serde::{Deserialize, Serialize};

fn key(service: &str) -> String {
    format!("ns.files.{service}")
}

#[derive(Serialize, Deserialize)]
struct Kept {
    name: String,
    mime: String,
    /// The bytes in base64 (session storage holds text).
    data: String,
    #[serde(default)]
    uploaded: Option<String>,
}

/// Keeps `files` for `service` in this tab; none kept when the list is empty. A full storage
/// keeps nothing rather than a part of the list.
pub fn save(service: &str, files: &[Attachment]) {
    if crate::kiosk::is_kiosk() {
        return;
    }
    let Some(store) = crate::storage::session() else {
        return;
    };
    if files.is_empty() {
        let _ = store.remove_item(&key(service));
        return;
    }
    let kept: Vec<Kept> = files
        .iter()
        .map(|f| Kept {
            name: f.name.clone(),
            mime: f.mime.clone(),
            data: base64::encode(&f.bytes),
            uploaded: f.uploaded.clone(),
        })
        .collect();
    let saved = crate::json::to_text(&kept)
        .is_some_and(|json| store.set_item(&key(service), &json).is_ok());
    if !saved {
        let _ = store.remove_item(&key(service));
    }
}

/// The files kept for `service` in this tab, if any.
pub fn load(service: &str) -> Vec<Attachment> {
    if crate::kiosk::is_kiosk() {
        return Vec::new();
    }
    let raw = crate::storage::session().and_then(|s| s.get_item(&key(service)).ok().flatten());
    let Some(kept) = raw.and_then(|r| crate::json::from_text::<Vec<Kept>>(&r)) else {
        return Vec::new();
    };
    kept.into_iter()
        .filter_map(|k| {
            Some(Attachment {
                bytes: base64::decode(&k.data)?,
                name: k.name,
                mime: k.mime,
                uploaded: k.uploaded,
            })
        })
        .collect()
}

pub fn clear(service: &str) {
    if let Some(s) = crate::storage::session() {
        let _ = s.remove_item(&key(service));
    }
}

/// Standard base64 (RFC 4648, with padding): a few lines here cost fewer bytes in the bundle
/// than a crate.
mod base64 {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                chunk.get(1).copied().unwrap_or(0),
                chunk.get(2).copied().unwrap_or(0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    fn value(c: u8) -> Option<u32> {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        Some(u32::from(v))
    }

    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let text = text.trim_end_matches('=').as_bytes();
        let mut out = Vec::with_capacity(text.len() * 3 / 4);
        for chunk in text.chunks(4) {
            if chunk.len() == 1 {
                return None;
            }
            let mut n = 0u32;
            for (i, c) in chunk.iter().enumerate() {
                n |= value(*c)? << (18 - 6 * i);
            }
            for i in 0..chunk.len() - 1 {
                out.push((n >> (16 - 8 * i)) as u8);
            }
        }
        Some(out)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn round_trips_every_length_and_matches_rfc_4648() {
            for (plain, coded) in [
                ("", ""),
                ("f", "Zg=="),
                ("fo", "Zm8="),
                ("foo", "Zm9v"),
                ("foob", "Zm9vYg=="),
                ("fooba", "Zm9vYmE="),
                ("foobar", "Zm9vYmFy"),
            ] {
                assert_eq!(encode(plain.as_bytes()), coded);
                assert_eq!(decode(coded).as_deref(), Some(plain.as_bytes()));
            }
            let all: Vec<u8> = (0..=255).chain((0..=255).rev()).collect();
            assert_eq!(decode(&encode(&all)), Some(all));
            assert_eq!(decode("Z"), None);
            assert_eq!(decode("Zm9*"), None);
        }
    }
}
