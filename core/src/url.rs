//! Percent-encoding for URLs Bedside builds (search queries, sign-in
//! requests) and decoding for the ones it reads (paths, callbacks).

use std::fmt::Write as _;

mod path;

pub use path::Path;

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

/// Decodes `%XX` escapes as UTF-8. Malformed escapes are kept as written and
/// invalid UTF-8 becomes U+FFFD, so no input can fail or panic.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `href` if it is a path on this origin, else `None`: it starts with one
/// `/`, and neither it nor its decoded form starts with `//` or `/\\` (which
/// a browser reads as another host: an open redirect), nor holds a control
/// character (which a browser's URL parser drops, so `/\t/host` is
/// `//host`).
pub fn local_path(href: &str) -> Option<&str> {
    let foreign = |s: &str| {
        !s.starts_with('/')
            || s.starts_with("//")
            || s.starts_with("/\\")
            || s.chars().any(char::is_control)
    };
    (!foreign(href) && !foreign(&decode(href))).then_some(href)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 33: the address to return to after sign-in was not checked,
    /// so `//host` paths were an open redirect.
    #[test]
    fn only_paths_on_this_origin_are_local() {
        for local in [
            "/",
            "/ward-list?ward=ward-3",
            "/patient-summary?patient=a%2Fb",
            "/a//b",
        ] {
            assert_eq!(local_path(local), Some(local), "{local}");
        }
        for foreign in [
            "//evil.example/x",
            "/\\evil.example",
            "https://evil.example/",
            "evil.example",
            "",
            "/%2F/evil.example",
            "/%5Cevil.example",
            "/\t/evil.example",
            "/%09/evil.example",
            "javascript:alert(1)",
        ] {
            assert_eq!(local_path(foreign), None, "{foreign:?}");
        }
    }

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

    #[test]
    fn malformed_escapes_do_not_fail() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%ff"), "\u{fffd}");
        assert_eq!(decode("%41%42"), "AB");
    }
}
