//! The OpenID Connect id_token, verified in the browser.
//!
//! fhirclient and many SMART apps only base64-decode the id_token and trust
//! what it says. Bedside verifies it as OpenID Connect Core 1.0 §3.1.3.7 asks
//! of a client that received it over TLS from the token endpoint, and more:
//!
//! 1. the JOSE header names `RS256` or `ES256` (never `none`, never an HMAC,
//!    whose "key" would be public);
//! 2. the signature verifies against a key from the issuer's JWKS, chosen by
//!    `kid` (WebCrypto does the mathematics, so no RSA or elliptic-curve code
//!    ships in the wasm);
//! 3. `iss` is exactly the issuer from discovery;
//! 4. `aud` contains the app's client id, and `azp`, when present, is it;
//! 5. `exp` is in the future and `iat` not in the future (both with a minute
//!    of leeway for clock skew on ward PCs);
//! 6. `nonce` is the one this browser sent with this attempt, so a token
//!    from another sign-in cannot be replayed into this one;
//! 7. for a re-authentication (unlocking a screen), `auth_time` is later
//!    than the sign-in the locked session came from (its id_token's
//!    `auth_time`, or `iat`): the sign-in service really asked for the
//!    password again (`prompt=login`, `max_age=0`; OIDC Core §3.1.2.1 makes
//!    `auth_time` required when `max_age` is sent), and did not just wave
//!    through the session it already had, whose `auth_time` is the old one.
//!    Both times are the sign-in service's own, so a ward PC's clock being
//!    off does not matter. It must also be no earlier than the moment the
//!    request was made (or the screen locked): that moment is known only
//!    on the PC's clock, so it is carried to the service's clock by the
//!    token's own `iat` less the time the PC measured between that moment
//!    and the token's arrival ([`IdTokenClaims::authenticated_since`]). An
//!    interval, not a time of day: a PC clock that is wrong, or that jumps,
//!    before the moment does not matter either.
//!
//! Parsing, key choice and the claim checks are plain Rust, tested natively;
//! only [`verify`]'s signature check needs a browser.

use serde::Deserialize;

use super::pkce::base64url_decode;

/// Clock skew tolerated on `exp` and `iat`, in seconds.
pub const LEEWAY_S: f64 = 60.0;

/// Why an id_token was refused. Every variant means "do not sign in".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdTokenError {
    /// Not three base64url parts of JSON.
    #[error("the identity token is malformed ({0})")]
    Malformed(String),
    /// An algorithm Bedside does not accept.
    #[error("the identity token is signed with {0}, which is not accepted here")]
    Algorithm(String),
    /// No key in the issuer's key set fits the token.
    #[error("the identity token was signed with a key the sign-in service does not publish")]
    UnknownKey,
    /// The signature does not match: the token was altered or forged.
    #[error("the identity token's signature is not valid")]
    BadSignature,
    /// Issued by someone else.
    #[error("the identity token comes from {found}, not {expected}")]
    Issuer {
        /// The issuer Bedside trusts for this server.
        expected: String,
        /// The token's `iss`.
        found: String,
    },
    /// Meant for another app.
    #[error("the identity token was issued to another app")]
    Audience,
    /// Too old, or from the future.
    #[error("the identity token has expired or is not valid yet (check this computer's clock)")]
    Time,
    /// Not the token of this sign-in attempt.
    #[error("the identity token does not belong to this sign-in attempt")]
    Nonce,
    /// A re-authentication that did not happen: no `auth_time`, or one no
    /// later than the sign-in the locked session came from.
    #[error(
        "the sign-in service did not ask for the password again, so the screen stays locked. If this keeps happening, contact your IT service desk"
    )]
    NotReauthenticated,
    /// The browser could not verify it.
    #[error("the browser could not check the identity token: {0}")]
    Crypto(String),
}

/// What is checked against.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected<'a> {
    /// The issuer from discovery.
    pub issuer: &'a str,
    /// The app's client id.
    pub client_id: &'a str,
    /// The nonce sent with this attempt. `None` only where this tab made no
    /// attempt: another tab's re-authentication, which `auth_time` proves.
    pub nonce: Option<&'a str>,
    /// For a re-authentication: `auth_time` must be later than this (when
    /// the locked session's user last signed in, seconds since the epoch).
    pub authenticated_after_s: Option<f64>,
    /// For a re-authentication: the user must have signed in no earlier
    /// than this many milliseconds (the PC's measure) before the token
    /// arrived: since the request, or since the screen locked
    /// ([`IdTokenClaims::authenticated_since`]).
    pub authenticated_within_ms: Option<f64>,
}

/// What the PC's measure of an interval and the sign-in service's whole
/// seconds may differ by, in seconds: `iat` and `auth_time` are both rounded
/// down, and the token was on its way for a moment after `iat`. Both errors
/// make the check kinder, never stricter, than the truth; this covers the
/// rounding.
pub const INTERVAL_SLACK_S: f64 = 2.0;

/// `aud` is a string or an array of strings (RFC 7519 §4.1.3).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
enum Audience {
    One(String),
    Many(Vec<String>),
}

impl Audience {
    fn contains(&self, client_id: &str) -> bool {
        match self {
            Self::One(a) => a == client_id,
            Self::Many(all) => all.iter().any(|a| a == client_id),
        }
    }
}

/// The claims Bedside reads.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct IdTokenClaims {
    /// Issuer.
    pub iss: String,
    /// The user's identifier at the issuer.
    pub sub: String,
    aud: Audience,
    /// Expiry, seconds since the epoch.
    pub exp: f64,
    /// Issued at, seconds since the epoch.
    pub iat: f64,
    /// The nonce of the attempt.
    #[serde(default)]
    pub nonce: Option<String>,
    /// Authorized party.
    #[serde(default)]
    pub azp: Option<String>,
    /// SMART: the user's FHIR resource (`Practitioner/123` or an absolute URL).
    #[serde(default, rename = "fhirUser")]
    pub fhir_user: Option<String>,
    /// The user's name, when the `profile` scope was granted.
    #[serde(default)]
    pub name: Option<String>,
    /// When the user last entered their credentials, seconds since the epoch.
    #[serde(default)]
    pub auth_time: Option<f64>,
    /// How well the service knows who the user is (NHS Care Identity
    /// Service 2: `"3"` for a person checked face to face), a string or a
    /// number.
    #[serde(default)]
    pub id_assurance_level: Option<serde_json::Value>,
    /// How strongly they signed in (CIS2: `"3"` for a smartcard or an
    /// equivalent), a string or a number.
    #[serde(default)]
    pub authentication_assurance_level: Option<serde_json::Value>,
    /// CIS2: the role the user chose at sign-in (`selectedrole` scope).
    /// Its name is among the user's roles, which CIS2 gives at its userinfo
    /// endpoint, not here ([`userinfo_role`]).
    #[serde(default)]
    pub selected_roleid: Option<serde_json::Value>,
}

/// An assurance level claim as a number: CIS2 sends `"3"`, others `3`.
fn level(claim: Option<&serde_json::Value>) -> Option<u64> {
    match claim? {
        serde_json::Value::String(s) => s.trim().parse().ok(),
        serde_json::Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

/// The role the user selected at sign-in, in words: its name (the last part
/// of CIS2's `"Clinical":"Clinical Provision":"Nurse Access Role"`) and its
/// organisation's code, from `roles` (`nhsid_nrbac_roles`). `None` when it
/// cannot be found.
pub fn selected_role(
    selected: Option<&serde_json::Value>,
    roles: Option<&serde_json::Value>,
) -> Option<String> {
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.trim().to_string()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let selected = text(selected?)?;
    let role = roles?
        .as_array()?
        .iter()
        .find(|r| r.get("person_roleid").and_then(text).as_deref() == Some(&selected))?;
    let name = role
        .get("role_name")
        .and_then(text)?
        .rsplit(':')
        .map(|part| part.trim().trim_matches('"').trim())
        .find(|part| !part.is_empty())?
        .to_string();
    Some(
        match role
            .get("org_code")
            .and_then(text)
            .filter(|c| !c.is_empty())
        {
            Some(org) => format!("{name} ({org})"),
            None => name,
        },
    )
}

/// The role `selected` in words ([`selected_role`]), from the user's roles
/// (`nhsid_nrbac_roles`) in an OpenID Connect UserInfo response, where NHS
/// CIS2 gives them. Only for the user the id_token named: OpenID Connect
/// Core 1.0 §5.3.2 says the response's `sub` must equal the id_token's, or
/// its values must not be used. `None` for any other answer (not JSON,
/// another `sub`, no such role).
pub fn userinfo_role(json: &[u8], sub: &str, selected: &serde_json::Value) -> Option<String> {
    let info: serde_json::Value = serde_json::from_slice(json).ok()?;
    (info.get("sub")?.as_str()? == sub)
        .then(|| selected_role(Some(selected), info.get("nhsid_nrbac_roles")))?
}

impl IdTokenClaims {
    /// Whether the token carries at least these assurance levels (each
    /// checked only when given): a missing or unreadable claim does not.
    pub fn assured(&self, id_level: Option<u32>, authentication_level: Option<u32>) -> bool {
        let meets = |claim: Option<&serde_json::Value>, minimum: Option<u32>| {
            minimum.is_none_or(|m| level(claim).is_some_and(|l| l >= u64::from(m)))
        };
        meets(self.id_assurance_level.as_ref(), id_level)
            && meets(
                self.authentication_assurance_level.as_ref(),
                authentication_level,
            )
    }

    /// Whether the user entered their credentials after a moment this PC
    /// saw `ms_before_receipt` milliseconds before the token arrived. The
    /// moment, on the sign-in service's clock, is the token's `iat` less
    /// that interval ([`INTERVAL_SLACK_S`] allowed for rounding); a service
    /// that waved an older sign-in through gives that sign-in's `auth_time`,
    /// before it. No `auth_time`, no proof.
    pub fn authenticated_since(&self, ms_before_receipt: f64) -> bool {
        let moment_s = self.iat - ms_before_receipt.max(0.0) / 1000.0;
        self.auth_time
            .is_some_and(|t| t + INTERVAL_SLACK_S >= moment_s)
    }
}

/// The JOSE header.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
}

/// A signature algorithm Bedside accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    Rs256,
    /// ECDSA on P-256 with SHA-256.
    Es256,
}

impl Algorithm {
    fn from_jose(alg: &str) -> Result<Self, IdTokenError> {
        match alg {
            "RS256" => Ok(Self::Rs256),
            "ES256" => Ok(Self::Es256),
            other => Err(IdTokenError::Algorithm(other.to_string())),
        }
    }

    fn key_type(self) -> &'static str {
        match self {
            Self::Rs256 => "RSA",
            Self::Es256 => "EC",
        }
    }
}

/// An id_token split and decoded, signature not yet checked.
#[derive(Debug, Clone, PartialEq)]
pub struct UnverifiedIdToken {
    /// The algorithm from the header.
    pub algorithm: Algorithm,
    kid: Option<String>,
    /// `header.payload`: the bytes the signature covers.
    pub signing_input: String,
    /// The signature.
    pub signature: Vec<u8>,
    /// The claims, untrusted until verified.
    pub claims: IdTokenClaims,
}

impl UnverifiedIdToken {
    /// Splits and decodes a compact JWS (RFC 7515 §7.1).
    pub fn parse(token: &str) -> Result<Self, IdTokenError> {
        let malformed = |what: &str| IdTokenError::Malformed(what.to_string());
        let mut parts = token.split('.');
        let (Some(header), Some(payload), Some(signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(malformed("it is not three dot-separated parts"));
        };
        let decode = |part: &str, what: &str| base64url_decode(part).ok_or_else(|| malformed(what));
        let header: Header = serde_json::from_slice(&decode(header, "header encoding")?)
            .map_err(|e| IdTokenError::Malformed(format!("header: {e}")))?;
        let algorithm = Algorithm::from_jose(&header.alg)?;
        let claims: IdTokenClaims = serde_json::from_slice(&decode(payload, "payload encoding")?)
            .map_err(|e| IdTokenError::Malformed(format!("claims: {e}")))?;
        let signature = decode(signature, "signature encoding")?;
        if signature.is_empty() {
            return Err(malformed("no signature"));
        }
        let signing_input = token
            .rsplit_once('.')
            .map_or("", |(input, _)| input)
            .to_string();
        Ok(Self {
            algorithm,
            kid: header.kid,
            signing_input,
            signature,
            claims,
        })
    }

    /// The key in `jwks` that should have signed this token: the one with its
    /// `kid`, or, when the token names none, the only key of the right type.
    pub fn select_key<'a>(&self, jwks: &'a Jwks) -> Result<&'a Jwk, IdTokenError> {
        let usable = |k: &&Jwk| {
            k.kty == self.algorithm.key_type()
                && k.use_.as_deref().is_none_or(|u| u == "sig")
                && (self.algorithm == Algorithm::Rs256 || k.crv.as_deref() == Some("P-256"))
        };
        let mut candidates = jwks.keys.iter().filter(usable);
        match &self.kid {
            Some(kid) => candidates
                .find(|k| k.kid.as_deref() == Some(kid))
                .ok_or(IdTokenError::UnknownKey),
            None => match (candidates.next(), candidates.next()) {
                (Some(only), None) => Ok(only),
                _ => Err(IdTokenError::UnknownKey),
            },
        }
    }

    /// Checks the claims (steps 3–6 of the module docs) at `now_s`.
    pub fn check_claims(&self, expected: &Expected<'_>, now_s: f64) -> Result<(), IdTokenError> {
        check_claims(&self.claims, expected, now_s)
    }
}

/// Checks `iss`, `aud`/`azp`, `exp`/`iat`, `nonce` and, for a
/// re-authentication, `auth_time`.
pub fn check_claims(
    claims: &IdTokenClaims,
    expected: &Expected<'_>,
    now_s: f64,
) -> Result<(), IdTokenError> {
    if claims.iss != expected.issuer {
        return Err(IdTokenError::Issuer {
            expected: expected.issuer.to_string(),
            found: claims.iss.clone(),
        });
    }
    if !claims.aud.contains(expected.client_id)
        || claims
            .azp
            .as_deref()
            .is_some_and(|azp| azp != expected.client_id)
    {
        return Err(IdTokenError::Audience);
    }
    if claims.exp + LEEWAY_S <= now_s || claims.iat - LEEWAY_S > now_s {
        return Err(IdTokenError::Time);
    }
    if let Some(expected_nonce) = expected.nonce {
        let nonce = claims.nonce.as_deref().unwrap_or_default();
        if expected_nonce.is_empty() || nonce != expected_nonce {
            return Err(IdTokenError::Nonce);
        }
    }
    if let Some(after) = expected.authenticated_after_s
        && !claims.auth_time.is_some_and(|t| t > after)
    {
        return Err(IdTokenError::NotReauthenticated);
    }
    if let Some(within) = expected.authenticated_within_ms
        && !claims.authenticated_since(within)
    {
        return Err(IdTokenError::NotReauthenticated);
    }
    Ok(())
}

/// A JSON Web Key Set (RFC 7517 §5).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Jwks {
    /// The keys.
    pub keys: Vec<Jwk>,
}

impl Jwks {
    /// Parses a key set document.
    pub fn parse(json: &[u8]) -> Result<Self, IdTokenError> {
        serde_json::from_slice(json).map_err(|e| IdTokenError::Malformed(format!("key set: {e}")))
    }
}

/// A public key: the RSA and EC members only (a private member in a published
/// key set is ignored, never used).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Jwk {
    /// `RSA` or `EC`.
    pub kty: String,
    /// Key id.
    #[serde(default)]
    pub kid: Option<String>,
    /// Intended use (`sig`).
    #[serde(default, rename = "use")]
    pub use_: Option<String>,
    /// RSA modulus.
    #[serde(default)]
    pub n: Option<String>,
    /// RSA exponent.
    #[serde(default)]
    pub e: Option<String>,
    /// EC curve.
    #[serde(default)]
    pub crv: Option<String>,
    /// EC x coordinate.
    #[serde(default)]
    pub x: Option<String>,
    /// EC y coordinate.
    #[serde(default)]
    pub y: Option<String>,
}

impl Jwk {
    /// The public members as a JWK JSON object, as WebCrypto imports it.
    pub fn public_json(&self) -> String {
        let mut key = serde_json::Map::new();
        key.insert("kty".into(), self.kty.clone().into());
        for (name, value) in [
            ("n", &self.n),
            ("e", &self.e),
            ("crv", &self.crv),
            ("x", &self.x),
            ("y", &self.y),
        ] {
            if let Some(v) = value {
                key.insert(name.into(), v.clone().into());
            }
        }
        serde_json::Value::Object(key).to_string()
    }
}

/// Verifies `token` completely: signature against `jwks`, then the claims at
/// `now_s`. Returns the claims only if everything holds.
#[cfg(target_arch = "wasm32")]
pub async fn verify(
    token: &str,
    jwks: &Jwks,
    expected: &Expected<'_>,
    now_s: f64,
) -> Result<IdTokenClaims, IdTokenError> {
    let parsed = UnverifiedIdToken::parse(token)?;
    let key = parsed.select_key(jwks)?;
    if !browser::signature_valid(&parsed, key).await? {
        return Err(IdTokenError::BadSignature);
    }
    parsed.check_claims(expected, now_s)?;
    Ok(parsed.claims)
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Object, Reflect};
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;

    use super::{Algorithm, IdTokenError, Jwk, UnverifiedIdToken};
    use crate::js::error_message;

    fn object(pairs: &[(&str, &str)]) -> Object {
        let o = Object::new();
        for (k, v) in pairs {
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&o, &(*k).into(), &(*v).into());
        }
        o
    }

    fn crypto_error(e: JsValue) -> IdTokenError {
        IdTokenError::Crypto(error_message(&e))
    }

    pub(super) async fn signature_valid(
        token: &UnverifiedIdToken,
        key: &Jwk,
    ) -> Result<bool, IdTokenError> {
        let subtle = crate::js::crypto().map_err(IdTokenError::Crypto)?.subtle();
        let (import, sign) = match token.algorithm {
            Algorithm::Rs256 => {
                let a = object(&[("name", "RSASSA-PKCS1-v1_5"), ("hash", "SHA-256")]);
                (a.clone(), a)
            }
            Algorithm::Es256 => (
                object(&[("name", "ECDSA"), ("namedCurve", "P-256")]),
                object(&[("name", "ECDSA"), ("hash", "SHA-256")]),
            ),
        };
        let jwk: Object = js_sys::JSON::parse(&key.public_json())
            .map_err(crypto_error)?
            .into();
        let usages = js_sys::Array::of1(&"verify".into());
        // A malformed key is not a crypto failure of the browser: no key fits.
        let imported = JsFuture::from(
            subtle
                .import_key_with_object("jwk", &jwk, &import, false, &usages)
                .map_err(|_| IdTokenError::UnknownKey)?,
        )
        .await
        .map_err(|_| IdTokenError::UnknownKey)?;

        let verdict = JsFuture::from(
            subtle
                .verify_with_object_and_u8_array_and_u8_array(
                    &sign,
                    &imported.into(),
                    &token.signature,
                    token.signing_input.as_bytes(),
                )
                .map_err(crypto_error)?,
        )
        .await
        .map_err(crypto_error)?;
        Ok(verdict.as_bool() == Some(true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::smart::pkce::base64url;

    const NOW: f64 = 1_800_000_000.0;

    fn token(header: &str, claims: &str) -> String {
        format!(
            "{}.{}.{}",
            base64url(header.as_bytes()),
            base64url(claims.as_bytes()),
            base64url(b"sig")
        )
    }

    fn claims(extra: &str) -> String {
        format!(
            r#"{{"iss":"https://as.example","sub":"nurse","aud":"bedside","exp":{},"iat":{},"nonce":"n1","fhirUser":"Practitioner/nurse"{extra}}}"#,
            NOW + 300.0,
            NOW - 5.0
        )
    }

    const EXPECTED: Expected<'static> = Expected {
        issuer: "https://as.example",
        client_id: "bedside",
        nonce: Some("n1"),
        authenticated_after_s: None,
        authenticated_within_ms: None,
    };

    fn parse(claims: &str) -> UnverifiedIdToken {
        UnverifiedIdToken::parse(&token(r#"{"alg":"RS256","kid":"k1"}"#, claims)).expect("parses")
    }

    #[test]
    fn parses_header_claims_and_signing_input() {
        let raw = token(r#"{"alg":"ES256","kid":"k1"}"#, &claims(""));
        let t = UnverifiedIdToken::parse(&raw).expect("parses");
        assert_eq!(t.algorithm, Algorithm::Es256);
        assert_eq!(t.signature, b"sig");
        assert_eq!(format!("{}.{}", t.signing_input, base64url(b"sig")), raw);
        assert_eq!(t.claims.fhir_user.as_deref(), Some("Practitioner/nurse"));
        assert_eq!(t.check_claims(&EXPECTED, NOW), Ok(()));
    }

    #[test]
    fn refuses_unsafe_algorithms_and_malformed_tokens() {
        for alg in ["none", "HS256", "RS512", ""] {
            let raw = token(&format!(r#"{{"alg":"{alg}"}}"#), &claims(""));
            assert_eq!(
                UnverifiedIdToken::parse(&raw),
                Err(IdTokenError::Algorithm(alg.into())),
                "{alg}"
            );
        }
        let good = token(r#"{"alg":"RS256"}"#, &claims(""));
        for bad in [
            "",
            "a.b",
            "a.b.c.d",
            &format!("{good}."),
            &good.replace(".c2ln", "."),
            &good.replacen('e', "+", 1),
            &token(r#"{"alg":"RS256"}"#, "not json"),
            &token(r#"{"alg":"RS256"}"#, r#"{"iss":"x"}"#),
        ] {
            assert!(
                matches!(
                    UnverifiedIdToken::parse(bad),
                    Err(IdTokenError::Malformed(_))
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn issuer_must_match_exactly() {
        let t = parse(&claims("").replace("https://as.example", "https://as.example/"));
        assert!(matches!(
            t.check_claims(&EXPECTED, NOW),
            Err(IdTokenError::Issuer { .. })
        ));
    }

    #[test]
    fn audience_must_include_the_client_and_azp_must_be_it() {
        let other = parse(&claims("").replace(r#""aud":"bedside""#, r#""aud":"other-app""#));
        assert_eq!(
            other.check_claims(&EXPECTED, NOW),
            Err(IdTokenError::Audience)
        );
        let many = parse(&claims("").replace(r#""aud":"bedside""#, r#""aud":["x","bedside"]"#));
        assert_eq!(many.check_claims(&EXPECTED, NOW), Ok(()));
        let azp = parse(&claims(r#","azp":"x""#));
        assert_eq!(
            azp.check_claims(&EXPECTED, NOW),
            Err(IdTokenError::Audience)
        );
        let own_azp = parse(&claims(r#","azp":"bedside""#));
        assert_eq!(own_azp.check_claims(&EXPECTED, NOW), Ok(()));
    }

    #[test]
    fn expiry_and_issue_time_allow_a_minute_of_skew_and_no_more() {
        let t = parse(&claims(""));
        let exp = NOW + 300.0;
        assert_eq!(t.check_claims(&EXPECTED, exp + LEEWAY_S - 1.0), Ok(()));
        assert_eq!(
            t.check_claims(&EXPECTED, exp + LEEWAY_S),
            Err(IdTokenError::Time)
        );
        let iat = NOW - 5.0;
        assert_eq!(t.check_claims(&EXPECTED, iat - LEEWAY_S), Ok(()));
        assert_eq!(
            t.check_claims(&EXPECTED, iat - LEEWAY_S - 1.0),
            Err(IdTokenError::Time)
        );
    }

    #[test]
    fn nonce_must_be_this_attempts() {
        let t = parse(&claims(""));
        let wrong = Expected {
            nonce: Some("n2"),
            ..EXPECTED
        };
        assert_eq!(t.check_claims(&wrong, NOW), Err(IdTokenError::Nonce));
        let empty = Expected {
            nonce: Some(""),
            ..EXPECTED
        };
        let no_nonce = parse(&claims("").replace(r#","nonce":"n1""#, ""));
        assert_eq!(no_nonce.check_claims(&empty, NOW), Err(IdTokenError::Nonce));
        assert_eq!(
            no_nonce.check_claims(&EXPECTED, NOW),
            Err(IdTokenError::Nonce)
        );
        // Another tab's re-authentication: no nonce of ours to match.
        let others = Expected {
            nonce: None,
            ..EXPECTED
        };
        assert_eq!(no_nonce.check_claims(&others, NOW), Ok(()));
    }

    #[test]
    fn a_reauthentication_must_be_later_than_the_locked_sessions_token() {
        let last_iat = NOW - 300.0;
        let unlocking = Expected {
            authenticated_after_s: Some(last_iat),
            ..EXPECTED
        };
        let at = |t: f64| parse(&claims(&format!(r#","auth_time":{t}"#)));
        // The password entered after the locked session's last token: accepted.
        assert_eq!(at(last_iat + 1.0).check_claims(&unlocking, NOW), Ok(()));
        assert_eq!(at(NOW).check_claims(&unlocking, NOW), Ok(()));
        // The sign-in the locked session came from, waved through: refused.
        assert_eq!(
            at(last_iat).check_claims(&unlocking, NOW),
            Err(IdTokenError::NotReauthenticated)
        );
        assert_eq!(
            at(last_iat - 600.0).check_claims(&unlocking, NOW),
            Err(IdTokenError::NotReauthenticated)
        );
        assert_eq!(
            parse(&claims("")).check_claims(&unlocking, NOW),
            Err(IdTokenError::NotReauthenticated)
        );
        // A first sign-in does not ask.
        assert_eq!(at(1.0).check_claims(&EXPECTED, NOW), Ok(()));
    }

    #[test]
    fn a_reauthentication_must_follow_the_request_by_the_pcs_own_measure() {
        // The token was issued at IAT by the service's clock and arrived 30 s
        // after the "Sign in to unlock" click by the PC's: the click was at
        // IAT - 30 on the service's clock, whatever the PC's clock says.
        const IAT: f64 = NOW - 5.0;
        let unlocking = Expected {
            authenticated_within_ms: Some(30_000.0),
            ..EXPECTED
        };
        let at = |t: f64| parse(&claims(&format!(r#","auth_time":{t}"#)));
        assert_eq!(at(IAT - 10.0).check_claims(&unlocking, NOW), Ok(()));
        // The rounding of whole seconds is allowed for, and no more.
        assert_eq!(
            at(IAT - 30.0 - INTERVAL_SLACK_S).check_claims(&unlocking, NOW),
            Ok(())
        );
        assert_eq!(
            at(IAT - 30.0 - INTERVAL_SLACK_S - 1.0).check_claims(&unlocking, NOW),
            Err(IdTokenError::NotReauthenticated)
        );
        // A sign-in from before the click (a session waved through).
        assert_eq!(
            at(IAT - 600.0).check_claims(&unlocking, NOW),
            Err(IdTokenError::NotReauthenticated)
        );
        assert_eq!(
            parse(&claims("")).check_claims(&unlocking, NOW),
            Err(IdTokenError::NotReauthenticated)
        );
        // For a lock that began 20 minutes before the token arrived: a
        // sign-in 5 minutes before it passes, one 25 minutes before does not.
        let claims_at = |t: f64| at(t).claims;
        assert!(claims_at(IAT - 300.0).authenticated_since(20.0 * 60_000.0));
        assert!(!claims_at(IAT - 1500.0).authenticated_since(20.0 * 60_000.0));
        // A negative interval (the PC's clock went back) counts as none.
        assert!(!claims_at(IAT - 10.0).authenticated_since(-60_000.0));
        assert!(claims_at(IAT).authenticated_since(-60_000.0));
    }

    #[test]
    fn assurance_levels_are_checked_as_cis2_and_others_write_them() {
        let with = |extra: &str| parse(&claims(extra)).claims;
        let cis2 = with(r#","id_assurance_level":"3","authentication_assurance_level":"3""#);
        assert!(cis2.assured(Some(3), Some(3)));
        assert!(cis2.assured(Some(2), None));
        assert!(!cis2.assured(Some(3), Some(4)));
        let numbers = with(r#","id_assurance_level":3,"authentication_assurance_level":1"#);
        assert!(numbers.assured(Some(3), None));
        assert!(
            !numbers.assured(Some(3), Some(3)),
            "a password sign-in (AAL1)"
        );
        let none = with("");
        assert!(none.assured(None, None), "nothing asked, nothing checked");
        assert!(!none.assured(None, Some(1)), "asked for, and missing");
        let odd = with(r#","authentication_assurance_level":"high""#);
        assert!(!odd.assured(None, Some(1)));
    }

    #[test]
    fn the_userinfo_role_is_taken_only_for_the_id_tokens_user() {
        let info = br#"{"sub":"555254240100","name":"Sister Mary Seacole",
            "nhsid_nrbac_roles":[{"person_roleid":"555254240101","role_name":"\"Clinical\":\"Nurse Access Role\"","org_code":"R8X00"}]}"#;
        let chosen = serde_json::Value::from("555254240101");
        assert_eq!(
            userinfo_role(info, "555254240100", &chosen).as_deref(),
            Some("Nurse Access Role (R8X00)")
        );
        // Another user's answer, none with a sub, no roles, another role,
        // not JSON.
        assert_eq!(userinfo_role(info, "555254240999", &chosen), None);
        let no_sub =
            br#"{"nhsid_nrbac_roles":[{"person_roleid":"555254240101","role_name":"Nurse"}]}"#;
        assert_eq!(userinfo_role(no_sub, "555254240100", &chosen), None);
        assert_eq!(
            userinfo_role(br#"{"sub":"555254240100"}"#, "555254240100", &chosen),
            None
        );
        assert_eq!(userinfo_role(info, "555254240100", &"1".into()), None);
        assert_eq!(userinfo_role(b"<html>", "555254240100", &chosen), None);
    }

    #[test]
    fn the_selected_role_is_named_from_the_users_roles() {
        let roles: serde_json::Value = serde_json::from_str(
            r#"[{"person_roleid":"555254240100","role_name":"\"Clinical\":\"Clinical Provision\":\"Nurse Access Role\"","org_code":"R8000"},
                {"person_roleid":"555254240101","role_name":"\"Admin\":\"Admin Access Role\""}]"#,
        )
        .expect("roles");
        let id = |v: &str| serde_json::from_str::<serde_json::Value>(v).expect("id");
        assert_eq!(
            selected_role(Some(&id(r#""555254240100""#)), Some(&roles)).as_deref(),
            Some("Nurse Access Role (R8000)")
        );
        assert_eq!(
            selected_role(Some(&id("555254240101")), Some(&roles)).as_deref(),
            Some("Admin Access Role")
        );
        assert_eq!(selected_role(Some(&id(r#""1""#)), Some(&roles)), None);
        assert_eq!(selected_role(None, Some(&roles)), None);
        assert_eq!(selected_role(Some(&id(r#""555254240100""#)), None), None);
        assert_eq!(
            selected_role(Some(&id(r#""555254240100""#)), Some(&id("{}"))),
            None
        );
    }

    #[test]
    fn keys_are_chosen_by_kid_then_by_type() {
        let jwks = Jwks::parse(
            br#"{"keys":[
                {"kty":"RSA","kid":"k0","use":"enc","n":"AQ","e":"AQAB"},
                {"kty":"RSA","kid":"k1","n":"AQAB","e":"AQAB","d":"secret"},
                {"kty":"EC","kid":"k2","crv":"P-256","x":"AA","y":"AA"},
                {"kty":"EC","kid":"k3","crv":"P-384","x":"AA","y":"AA"}]}"#,
        )
        .expect("a key set");
        let rs = parse(&claims(""));
        assert_eq!(
            rs.select_key(&jwks).map(|k| k.kid.as_deref()),
            Ok(Some("k1"))
        );
        let public = rs.select_key(&jwks).expect("k1").public_json();
        assert!(!public.contains("secret"), "{public}");
        let es = |kid: &str| {
            UnverifiedIdToken::parse(&token(
                &format!(r#"{{"alg":"ES256","kid":"{kid}"}}"#),
                &claims(""),
            ))
            .expect("parses")
        };
        assert!(es("k2").select_key(&jwks).is_ok());
        assert_eq!(es("k3").select_key(&jwks), Err(IdTokenError::UnknownKey));
        assert_eq!(es("k1").select_key(&jwks), Err(IdTokenError::UnknownKey));
        assert_eq!(es("k0").select_key(&jwks), Err(IdTokenError::UnknownKey));
        let no_kid =
            UnverifiedIdToken::parse(&token(r#"{"alg":"ES256"}"#, &claims(""))).expect("parses");
        assert!(no_kid.select_key(&jwks).is_ok(), "the only P-256 key");
        let rs_no_kid =
            UnverifiedIdToken::parse(&token(r#"{"alg":"RS256"}"#, &claims(""))).expect("parses");
        assert!(rs_no_kid.select_key(&jwks).is_ok(), "k0 is for encryption");
    }
}
