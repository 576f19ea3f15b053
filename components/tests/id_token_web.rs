//! id_token verification with the browser's WebCrypto: tokens signed here
//! with freshly generated RS256 and ES256 keys, then verified, tampered with,
//! and checked against the wrong audience, time and nonce.
#![cfg(target_arch = "wasm32")]

use bedside::smart::id_token::{Expected, IdTokenError, Jwks, verify};
use bedside::smart::pkce::base64url;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const NOW: f64 = 1_800_000_000.0;
const EXPECTED: Expected<'static> = Expected {
    issuer: "http://localhost:8104",
    client_id: "bedside",
    nonce: Some("nonce-1"),
    authenticated_after_s: None,
    authenticated_within_ms: None,
};

fn subtle() -> web_sys::SubtleCrypto {
    web_sys::window()
        .expect("window")
        .crypto()
        .expect("crypto")
        .subtle()
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).expect("set");
    }
    o
}

/// A signing key pair and its public key set, with `kid`.
struct Signer {
    alg: &'static str,
    private: web_sys::CryptoKey,
    sign_params: Object,
    jwks: Jwks,
}

impl Signer {
    async fn new(alg: &'static str, kid: &str) -> Self {
        let (generate, sign_params) = match alg {
            "RS256" => {
                let params = object(&[
                    ("name", "RSASSA-PKCS1-v1_5".into()),
                    ("modulusLength", 2048.into()),
                    (
                        "publicExponent",
                        js_sys::Uint8Array::from(&[1u8, 0, 1][..]).into(),
                    ),
                    ("hash", "SHA-256".into()),
                ]);
                (params, object(&[("name", "RSASSA-PKCS1-v1_5".into())]))
            }
            _ => (
                object(&[("name", "ECDSA".into()), ("namedCurve", "P-256".into())]),
                object(&[("name", "ECDSA".into()), ("hash", "SHA-256".into())]),
            ),
        };
        let usages = js_sys::Array::of2(&"sign".into(), &"verify".into());
        let pair = JsFuture::from(
            subtle()
                .generate_key_with_object(&generate, true, &usages)
                .expect("generateKey"),
        )
        .await
        .expect("key pair");
        let private: web_sys::CryptoKey = Reflect::get(&pair, &"privateKey".into())
            .expect("privateKey")
            .into();
        let public: web_sys::CryptoKey = Reflect::get(&pair, &"publicKey".into())
            .expect("publicKey")
            .into();
        let jwk = JsFuture::from(subtle().export_key("jwk", &public).expect("exportKey"))
            .await
            .expect("jwk");
        Reflect::set(&jwk, &"kid".into(), &kid.into()).expect("kid");
        let json = js_sys::JSON::stringify(&jwk).expect("json");
        let jwks = Jwks::parse(format!(r#"{{"keys":[{}]}}"#, String::from(json)).as_bytes())
            .expect("a key set");
        Self {
            alg,
            private,
            sign_params,
            jwks,
        }
    }

    async fn sign(&self, kid: &str, claims: &str) -> String {
        let input = format!(
            "{}.{}",
            base64url(format!(r#"{{"alg":"{}","kid":"{kid}","typ":"JWT"}}"#, self.alg).as_bytes()),
            base64url(claims.as_bytes())
        );
        let signature = JsFuture::from(
            subtle()
                .sign_with_object_and_u8_array(&self.sign_params, &self.private, input.as_bytes())
                .expect("sign"),
        )
        .await
        .expect("signature");
        let bytes = js_sys::Uint8Array::new(&signature).to_vec();
        format!("{input}.{}", base64url(&bytes))
    }
}

fn claims(aud: &str, exp: f64, nonce: &str) -> String {
    format!(
        r#"{{"iss":"http://localhost:8104","sub":"nurse","aud":"{aud}","exp":{exp},"iat":{},"nonce":"{nonce}","fhirUser":"http://localhost:8103/fhir/R4/Practitioner/nurse","name":"Staff Nurse"}}"#,
        NOW - 1.0
    )
}

fn valid_claims() -> String {
    claims("bedside", NOW + 3600.0, "nonce-1")
}

#[wasm_bindgen_test]
async fn valid_rs256_and_es256_tokens_verify() {
    for alg in ["RS256", "ES256"] {
        let signer = Signer::new(alg, "k1").await;
        let token = signer.sign("k1", &valid_claims()).await;
        let verified = verify(&token, &signer.jwks, &EXPECTED, NOW)
            .await
            .unwrap_or_else(|e| panic!("{alg}: {e}"));
        assert_eq!(verified.sub, "nurse");
        assert_eq!(verified.name.as_deref(), Some("Staff Nurse"));
    }
}

#[wasm_bindgen_test]
async fn tampered_tokens_are_refused() {
    for alg in ["RS256", "ES256"] {
        let signer = Signer::new(alg, "k1").await;
        let token = signer.sign("k1", &valid_claims()).await;
        let parts: Vec<&str> = token.split('.').collect();
        // Another user's claims under the original signature.
        let forged_claims = base64url(valid_claims().replace("nurse", "doctor").as_bytes());
        let forged = format!("{}.{forged_claims}.{}", parts[0], parts[2]);
        assert_eq!(
            verify(&forged, &signer.jwks, &EXPECTED, NOW).await,
            Err(IdTokenError::BadSignature),
            "{alg}"
        );
        // One flipped bit in the signature.
        let mut sig = bedside::smart::pkce::base64url_decode(parts[2]).expect("sig");
        sig[10] ^= 1;
        let flipped = format!("{}.{}.{}", parts[0], parts[1], base64url(&sig));
        assert_eq!(
            verify(&flipped, &signer.jwks, &EXPECTED, NOW).await,
            Err(IdTokenError::BadSignature),
            "{alg}"
        );
        // Signed by a key the issuer does not publish, under the same kid.
        let impostor = Signer::new(alg, "k1").await;
        let foreign = impostor.sign("k1", &valid_claims()).await;
        assert_eq!(
            verify(&foreign, &signer.jwks, &EXPECTED, NOW).await,
            Err(IdTokenError::BadSignature),
            "{alg}"
        );
        let unknown_kid = signer.sign("k2", &valid_claims()).await;
        assert_eq!(
            verify(&unknown_kid, &signer.jwks, &EXPECTED, NOW).await,
            Err(IdTokenError::UnknownKey),
            "{alg}"
        );
    }
}

#[wasm_bindgen_test]
async fn alg_none_is_refused_even_with_a_matching_key() {
    let signer = Signer::new("RS256", "k1").await;
    let token = format!(
        "{}.{}.",
        base64url(br#"{"alg":"none","kid":"k1"}"#),
        base64url(valid_claims().as_bytes())
    );
    assert_eq!(
        verify(&token, &signer.jwks, &EXPECTED, NOW).await,
        Err(IdTokenError::Algorithm("none".into()))
    );
}

#[wasm_bindgen_test]
async fn correctly_signed_tokens_with_wrong_claims_are_refused() {
    let signer = Signer::new("ES256", "k1").await;
    let wrong_aud = signer
        .sign("k1", &claims("another-app", NOW + 3600.0, "nonce-1"))
        .await;
    assert_eq!(
        verify(&wrong_aud, &signer.jwks, &EXPECTED, NOW).await,
        Err(IdTokenError::Audience)
    );
    let expired = signer
        .sign("k1", &claims("bedside", NOW - 120.0, "nonce-1"))
        .await;
    assert_eq!(
        verify(&expired, &signer.jwks, &EXPECTED, NOW).await,
        Err(IdTokenError::Time)
    );
    let wrong_nonce = signer
        .sign("k1", &claims("bedside", NOW + 3600.0, "nonce-2"))
        .await;
    assert_eq!(
        verify(&wrong_nonce, &signer.jwks, &EXPECTED, NOW).await,
        Err(IdTokenError::Nonce)
    );
    let other_issuer = signer
        .sign(
            "k1",
            &valid_claims().replace("http://localhost:8104", "http://evil.example"),
        )
        .await;
    assert!(matches!(
        verify(&other_issuer, &signer.jwks, &EXPECTED, NOW).await,
        Err(IdTokenError::Issuer { .. })
    ));
}
