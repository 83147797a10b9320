//! QR codes as SVG paths (qrcodegen: a small pure-Rust encoder), for printed slips.

use qrcodegen::{QrCode, QrCodeEcc};

/// An SVG path drawing the dark modules, and the side length including a 4-module quiet zone.
pub fn svg_path(text: &str) -> Option<(String, i32)> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let mut d = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                d.push_str(&format!("M{},{}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    Some((d, size + 8))
}

#[cfg(test)]
mod tests {
    #[test]
    fn status_link_encodes_to_a_square_with_quiet_zone() {
        let (d, side) = super::svg_path("http://127.0.0.1:8080/status/BR-CMP-2026-000123").unwrap();
        assert!(side >= 25 + 8, "at least version 2 plus quiet zone: {side}");
        assert!(d.starts_with('M') && d.matches('M').count() > 100);
    }
}
