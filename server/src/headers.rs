//! Security headers for every response, and the Content-Security-Policy with its nonce.

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine as _;

/// The placeholder Trunk writes into nonce attributes when `create_nonce = true`.
pub const NONCE_PLACEHOLDER: &str = "{{__TRUNK NONCE__}}";

/// The policy for a page whose inline script and stylesheet carry `nonce`, or for anything else
/// when `None`. `wasm-unsafe-eval` is the narrowest grant that lets the app compile its
/// WebAssembly. A nonce allows the entry page's own `<style>` element, never a `style`
/// attribute.
pub fn csp(nonce: Option<&str>) -> String {
    let (script_src, style_src) = match nonce {
        Some(nonce) => (
            format!("script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
            format!("style-src 'self' 'nonce-{nonce}'"),
        ),
        None => (
            "script-src 'self' 'wasm-unsafe-eval'".to_owned(),
            "style-src 'self'".to_owned(),
        ),
    };
    format!(
        "default-src 'self'; {script_src}; {style_src}; img-src 'self' data: blob:; \
         connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// A fresh nonce per response: base64 of 16 random bytes, as CSP recommends (≥128 bits).
pub fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    // The OS random source failing is not something a web server can carry on without.
    getrandom::fill(&mut bytes).expect("OS random source unavailable");
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

const PERMISSIONS_POLICY: &str = "camera=(self), geolocation=(), microphone=(), payment=(), usb=()";

/// Adds the headers every response must carry. Runs outermost, so errors, 404s and caught
/// panics get them too; a response that already set its own CSP (index.html) keeps it.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        let value = HeaderValue::from_str(&csp(None)).expect("CSP is ASCII");
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonce_is_128_bits_of_base64_and_fresh() {
        let a = new_nonce();
        assert_eq!(a.len(), 24);
        assert_ne!(a, new_nonce());
        assert!(csp(Some(&a)).contains(&format!("script-src 'self' 'nonce-{a}'")));
        assert!(csp(Some(&a)).contains(&format!("style-src 'self' 'nonce-{a}';")));
        assert!(!csp(None).contains("nonce"));
    }
}
