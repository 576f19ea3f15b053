//! Percent-encoding for URLs Bedside builds (search queries, sign-in requests).

use std::fmt::Write as _;

/// Percent-encodes `text` as UTF-8, leaving unreserved characters
/// (RFC 3986 §2.3) and the bytes in `keep` as they are.
pub fn encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') || keep.contains(&b)
        {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// `name=value&…`, each part encoded for a query string or form body.
pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k, b""), encode(v, b"")))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_reserved_and_non_ascii_bytes() {
        assert_eq!(encode("a b&c=d/é", b""), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(encode("a:b/c", b":/"), "a:b/c");
        assert_eq!(encode("AZaz09-._~", b""), "AZaz09-._~");
        assert_eq!(
            form(&[("scope", "openid fhirUser"), ("x", "1")]),
            "scope=openid%20fhirUser&x=1"
        );
    }
}
