//! Proof Key for Code Exchange (PKCE), [RFC 7636].
//!
//! SMART App Launch 2.x requires PKCE with the `S256` method for every app, and
//! servers must refuse `plain`; this module therefore offers only `S256`.
//!
//! The verifier is 32 bytes from the browser's CSPRNG
//! (`crypto.getRandomValues`), base64url-encoded to 43 characters: the
//! 256 bits of entropy RFC 7636 §7.1 recommends. The challenge is
//! `BASE64URL(SHA-256(verifier))` (§4.2), hashed by WebCrypto so no hashing
//! code ships in the wasm.
//!
//! [RFC 7636]: https://www.rfc-editor.org/rfc/rfc7636

use std::fmt;

/// Why a verifier could not be made or checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PkceError {
    /// RFC 7636 §4.1: 43 to 128 characters.
    #[error("a PKCE code verifier must be 43 to 128 characters long, not {0}")]
    Length(usize),
    /// RFC 7636 §4.1: only unreserved URI characters.
    #[error("a PKCE code verifier may not contain '{0}'")]
    Character(char),
    /// The browser's WebCrypto failed or is missing (an insecure context, say).
    #[error("the browser could not do the cryptography sign-in needs: {0}")]
    Crypto(String),
}

/// A PKCE code verifier: the secret the app keeps until it redeems the code.
#[derive(Clone, PartialEq, Eq)]
pub struct CodeVerifier(String);

/// The `S256` code challenge sent in the authorization request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeChallenge(String);

impl CodeVerifier {
    /// Checks a verifier against RFC 7636 §4.1 (length and alphabet).
    pub fn parse(s: &str) -> Result<Self, PkceError> {
        let len = s.chars().count();
        if !(43..=128).contains(&len) {
            return Err(PkceError::Length(len));
        }
        if let Some(bad) = s
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~')))
        {
            return Err(PkceError::Character(bad));
        }
        Ok(Self(s.to_owned()))
    }

    /// The verifier for 32 random bytes.
    pub fn from_entropy(bytes: &[u8; 32]) -> Self {
        Self(base64url(bytes))
    }

    /// A fresh verifier from the browser's CSPRNG.
    #[cfg(target_arch = "wasm32")]
    pub fn generate() -> Result<Self, PkceError> {
        let mut bytes = [0u8; 32];
        browser::crypto()?
            .get_random_values_with_u8_array(&mut bytes)
            .map_err(|e| PkceError::Crypto(browser::describe(&e)))?;
        Ok(Self::from_entropy(&bytes))
    }

    /// Its `S256` challenge, hashed by WebCrypto.
    #[cfg(target_arch = "wasm32")]
    pub async fn challenge(&self) -> Result<CodeChallenge, PkceError> {
        let digest = browser::sha256(self.0.as_bytes()).await?;
        Ok(CodeChallenge::from_sha256(&digest))
    }

    /// The verifier, for the token request.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Never print the secret, even in debug logs.
impl fmt::Debug for CodeVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CodeVerifier(…)")
    }
}

impl CodeChallenge {
    /// The challenge for a SHA-256 digest of the verifier.
    pub fn from_sha256(digest: &[u8; 32]) -> Self {
        Self(base64url(digest))
    }

    /// The value of `code_challenge`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value of `code_challenge_method`.
    pub const METHOD: &'static str = "S256";
}

/// Base64url without padding (RFC 4648 §5), as RFC 7636 Appendix A specifies.
/// Written out here because a general base64 crate costs more wasm than this.
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let index = (n >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}

/// Decodes base64url with or without padding; `None` for anything else
/// (JOSE, RFC 7515 §2, forbids whitespace and the standard alphabet).
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut bits = 0u32;
    let mut count = 0;
    for c in text.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(value);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Some(out)
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::PkceError;

    pub(super) use crate::js::error_message as describe;

    /// `crypto` from the window or a worker.
    pub(super) fn crypto() -> Result<web_sys::Crypto, PkceError> {
        crate::js::crypto().map_err(PkceError::Crypto)
    }

    pub(super) async fn sha256(data: &[u8]) -> Result<[u8; 32], PkceError> {
        let subtle = crypto()?.subtle();
        let promise = subtle
            .digest_with_str_and_u8_array("SHA-256", data)
            .map_err(|e| PkceError::Crypto(describe(&e)))?;
        let buffer = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(|e| PkceError::Crypto(describe(&e)))?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        bytes
            .try_into()
            .map_err(|b: Vec<u8>| PkceError::Crypto(format!("SHA-256 gave {} bytes", b.len())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        // RFC 4648 §10, with the padding removed and the URL-safe alphabet.
        for (input, expected) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url(input.as_bytes()), expected, "{input:?}");
        }
        assert_eq!(base64url(&[0xfb, 0xff, 0xbf]), "-_-_");
    }

    #[test]
    fn base64url_decodes_what_it_encodes() {
        for len in 0..=64usize {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + len) as u8).collect();
            let text = base64url(&bytes);
            assert_eq!(
                base64url_decode(&text).as_deref(),
                Some(&bytes[..]),
                "{text}"
            );
        }
        assert_eq!(base64url_decode("Zm9vYg==").as_deref(), Some(&b"foob"[..]));
        for bad in ["Zm9v+g", "Zm9v/g", "Zm 9v", "Z", "Zm9vY"] {
            assert_eq!(base64url_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn rfc7636_appendix_b_vector() {
        let entropy = [
            116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212,
            37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
        ];
        let verifier = CodeVerifier::from_entropy(&entropy);
        assert_eq!(
            verifier.as_str(),
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        );
        let digest = [
            19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120,
            173, 109, 241, 68, 86, 110, 225, 137, 74, 203, 112, 249, 195,
        ];
        assert_eq!(
            CodeChallenge::from_sha256(&digest).as_str(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert_eq!(CodeChallenge::METHOD, "S256");
    }

    #[test]
    fn verifier_length_bounds() {
        assert_eq!(
            CodeVerifier::parse(&"a".repeat(42)),
            Err(PkceError::Length(42))
        );
        assert!(CodeVerifier::parse(&"a".repeat(43)).is_ok());
        assert!(CodeVerifier::parse(&"a".repeat(128)).is_ok());
        assert_eq!(
            CodeVerifier::parse(&"a".repeat(129)),
            Err(PkceError::Length(129))
        );
    }

    #[test]
    fn verifier_alphabet_is_unreserved_characters_only() {
        let ok = format!("{}-._~", "Az09".repeat(10));
        assert!(CodeVerifier::parse(&ok).is_ok());
        for bad in ['+', '/', '=', ' ', 'é', '%'] {
            let s = format!("{}{bad}", "a".repeat(43));
            assert_eq!(
                CodeVerifier::parse(&s),
                Err(PkceError::Character(bad)),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn debug_output_hides_the_secret() {
        let v = CodeVerifier::from_entropy(&[7; 32]);
        assert!(!format!("{v:?}").contains(v.as_str()));
    }

    #[test]
    fn generated_shape_is_always_valid() {
        for seed in 0..=255u8 {
            let v = CodeVerifier::from_entropy(&[seed; 32]);
            assert_eq!(v.as_str().len(), 43);
            assert!(CodeVerifier::parse(v.as_str()).is_ok());
        }
    }
}
