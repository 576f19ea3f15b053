//! The authorization request and its callback (SMART App Launch 2.x §2.5,
//! OAuth 2.0 for browser-based apps).
//!
//! Every attempt gets a fresh `state` (ties the callback to this browser's
//! request, against CSRF and mix-up), `nonce` (ties the id_token to it) and
//! PKCE verifier. The callback is accepted only if its `state` matches;
//! otherwise the code is never redeemed.

use crate::url;
use crate::url::Path;

use super::pkce::CodeChallenge;

/// What the app asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationRequest {
    /// The app's client id at this authorization server (configuration).
    pub client_id: String,
    /// Where the server sends the browser back.
    pub redirect_uri: String,
    /// Space-separated scopes.
    pub scope: String,
    /// The FHIR base URL the token is for (SMART's `aud`).
    pub aud: String,
    /// EHR launch: the `launch` value the EHR passed.
    pub launch: Option<String>,
}

impl AuthorizationRequest {
    /// The URL to send the browser to.
    pub fn url(
        &self,
        authorization_endpoint: &str,
        state: &str,
        nonce: &str,
        challenge: &CodeChallenge,
    ) -> String {
        let mut pairs = vec![
            ("response_type", "code"),
            ("client_id", self.client_id.as_str()),
            ("redirect_uri", self.redirect_uri.as_str()),
            ("scope", self.scope.as_str()),
            ("state", state),
            ("nonce", nonce),
            ("aud", self.aud.as_str()),
            ("code_challenge", challenge.as_str()),
            ("code_challenge_method", CodeChallenge::METHOD),
        ];
        if let Some(launch) = &self.launch {
            pairs.push(("launch", launch));
        }
        let separator = if authorization_endpoint.contains('?') {
            '&'
        } else {
            '?'
        };
        format!("{authorization_endpoint}{separator}{}", url::form(&pairs))
    }
}

/// Why a sign-in callback was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallbackError {
    /// The user chose not to allow access.
    #[error("Sign-in was cancelled: access was not allowed.")]
    Denied,
    /// The server reported another error.
    #[error("The sign-in service refused the request ({error}). {}", description.as_deref().unwrap_or(""))]
    Provider {
        /// The OAuth error code.
        error: String,
        /// The server's explanation.
        description: Option<String>,
    },
    /// `state` is missing or not the one this browser sent: possibly a forged link.
    #[error(
        "This sign-in link did not come from this browser, so it was not used. Start signing in again."
    )]
    StateMismatch,
    /// No code and no error.
    #[error("The sign-in service's answer was incomplete. Start signing in again.")]
    MissingCode,
    /// The answer names another sign-in service than the one this sign-in
    /// went to (RFC 9207 `iss`): a mix-up attack, or a misconfiguration.
    /// Nothing was sent to any token endpoint.
    #[error(
        "This sign-in answer came from a different sign-in service than the one you went to, so it was not used. Start signing in again."
    )]
    WrongIssuer,
}

/// Reads the callback's query string; returns the authorization code when
/// `state` matches the one sent.
pub fn parse_callback(query: &str, expected_state: &str) -> Result<String, CallbackError> {
    let path = Path::from_href(&format!("/?{}", query.trim_start_matches('?')));
    // Check state first: an error response from an attacker's request must not
    // be shown as ours either.
    let state = path.query_param("state").unwrap_or_default();
    if expected_state.is_empty() || !constant_time_eq(state.as_bytes(), expected_state.as_bytes()) {
        return Err(CallbackError::StateMismatch);
    }
    if let Some(error) = path.query_param("error") {
        return Err(if error == "access_denied" {
            CallbackError::Denied
        } else {
            CallbackError::Provider {
                error,
                description: path.query_param("error_description"),
            }
        });
    }
    path.query_param("code")
        .filter(|c| !c.is_empty())
        .ok_or(CallbackError::MissingCode)
}

/// Mix-up defence (RFC 9700 §4.4, RFC 9207): the callback's `iss` must be
/// the issuer this sign-in went to, whenever it is there, and must be there
/// when the server said it sends it (`authorization_response_iss_parameter_supported`).
/// Checked before the code goes to any token endpoint.
pub fn check_response_issuer(
    query: &str,
    expected_issuer: &str,
    advertised: bool,
) -> Result<(), CallbackError> {
    let path = Path::from_href(&format!("/?{}", query.trim_start_matches('?')));
    match path.query_param("iss") {
        Some(iss) if iss == expected_issuer => Ok(()),
        Some(_) => Err(CallbackError::WrongIssuer),
        None if advertised => Err(CallbackError::WrongIssuer),
        None => Ok(()),
    }
}

/// Where an organisation's sign-in service sends the browser back:
/// `<origin><callback path>/<organisation id>` (`/auth/callback/sandbox`),
/// one address per organisation,
/// each registered with that organisation's service. The address names the
/// organisation, so a service that does not send `iss` (RFC 9207) still
/// cannot pass off its answer as another's (RFC 9700 §4.4.2, the mix-up
/// defence with distinct redirect URIs).
pub fn redirect_uri(origin: &str, callback_path: &str, organisation: &str) -> String {
    format!(
        "{}/{}/{}",
        origin.trim_end_matches('/'),
        callback_path.trim_matches('/'),
        crate::url::encode(organisation, b"")
    )
}

/// The other half of [`redirect_uri`]'s defence: the answer must have
/// arrived at the address this sign-in was sent with (`arrived_at`, the
/// callback's address without its query). Checked, like
/// [`check_response_issuer`], before the code goes anywhere.
pub fn check_callback_address(arrived_at: &str, redirect_uri: &str) -> Result<(), CallbackError> {
    if arrived_at == redirect_uri {
        Ok(())
    } else {
        Err(CallbackError::WrongIssuer)
    }
}

/// Compares without an early exit, so timing does not reveal how much matched.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_organisation_has_its_own_callback_address_and_answers_must_arrive_at_theirs() {
        let a = redirect_uri("https://bedside.example/", "/auth/callback", "trust-a");
        let b = redirect_uri("https://bedside.example", "/auth/callback", "trust-b");
        assert_eq!(a, "https://bedside.example/auth/callback/trust-a");
        assert_ne!(a, b);
        // An id that is not path-safe cannot reach into another path.
        assert_eq!(
            redirect_uri("https://bedside.example", "/auth/callback", "a/../b?x"),
            "https://bedside.example/auth/callback/a%2F..%2Fb%3Fx"
        );
        // The app's own callback route, with or without its slashes.
        assert_eq!(
            redirect_uri("https://ward.example", "signed-in/", "trust-a"),
            "https://ward.example/signed-in/trust-a"
        );
        assert_eq!(check_callback_address(&a, &a), Ok(()));
        // Trust B's answer arriving for a sign-in sent to trust A, and the
        // bare address of older deployments: refused.
        assert_eq!(
            check_callback_address(&b, &a),
            Err(CallbackError::WrongIssuer)
        );
        assert_eq!(
            check_callback_address("https://bedside.example/auth/callback", &a),
            Err(CallbackError::WrongIssuer)
        );
        assert_eq!(
            check_callback_address(&format!("{a}/"), &a),
            Err(CallbackError::WrongIssuer)
        );
    }

    fn request(launch: Option<&str>) -> AuthorizationRequest {
        AuthorizationRequest {
            client_id: "bedside".into(),
            redirect_uri: "http://localhost:8080/auth/callback".into(),
            scope: "openid fhirUser launch/patient patient/*.rs".into(),
            aud: "http://localhost:8103/fhir/R4".into(),
            launch: launch.map(str::to_string),
        }
    }

    #[test]
    fn authorization_url_carries_every_smart_parameter() {
        let challenge = CodeChallenge::from_sha256(&[0; 32]);
        let url = request(Some("xyz")).url("http://localhost:8104/auth", "s1", "n1", &challenge);
        let path = Path::from_href(url.trim_start_matches("http://localhost:8104"));
        let param = |k| path.query_param(k);
        assert!(url.starts_with("http://localhost:8104/auth?response_type=code&"));
        assert_eq!(param("client_id").as_deref(), Some("bedside"));
        assert_eq!(
            param("redirect_uri").as_deref(),
            Some("http://localhost:8080/auth/callback")
        );
        assert_eq!(
            param("scope").as_deref(),
            Some("openid fhirUser launch/patient patient/*.rs")
        );
        assert_eq!(param("state").as_deref(), Some("s1"));
        assert_eq!(param("nonce").as_deref(), Some("n1"));
        assert_eq!(
            param("aud").as_deref(),
            Some("http://localhost:8103/fhir/R4")
        );
        assert_eq!(param("code_challenge").as_deref(), Some(challenge.as_str()));
        assert_eq!(param("code_challenge_method").as_deref(), Some("S256"));
        assert_eq!(param("launch").as_deref(), Some("xyz"));
        let standalone = request(None).url(
            "https://as.example/authorize?tenant=t",
            "s",
            "n",
            &challenge,
        );
        assert!(standalone.starts_with("https://as.example/authorize?tenant=t&response_type=code"));
        assert!(!standalone.contains("launch="));
    }

    #[test]
    fn callbacks_need_the_state_this_browser_sent() {
        assert_eq!(parse_callback("?code=abc&state=s1", "s1"), Ok("abc".into()));
        assert_eq!(
            parse_callback("code=abc&state=s2", "s1"),
            Err(CallbackError::StateMismatch)
        );
        assert_eq!(
            parse_callback("code=abc", "s1"),
            Err(CallbackError::StateMismatch)
        );
        assert_eq!(
            parse_callback("code=abc&state=", ""),
            Err(CallbackError::StateMismatch)
        );
        assert_eq!(
            parse_callback("code=abc&state=s", "s1"),
            Err(CallbackError::StateMismatch)
        );
        // An error with the wrong state is refused as a mismatch, not shown.
        assert_eq!(
            parse_callback("error=access_denied&state=x", "s1"),
            Err(CallbackError::StateMismatch)
        );
    }

    #[test]
    fn the_answer_must_name_the_issuer_the_sign_in_went_to() {
        let ours = "https://login.a.example";
        let query = |iss: &str| crate::url::form(&[("code", "c"), ("state", "s"), ("iss", iss)]);
        assert_eq!(check_response_issuer(&query(ours), ours, true), Ok(()));
        assert_eq!(check_response_issuer(&query(ours), ours, false), Ok(()));
        for other in [
            "https://login.b.example",
            "https://login.a.example/",
            "",
            "https://LOGIN.a.example",
        ] {
            assert_eq!(
                check_response_issuer(&query(other), ours, false),
                Err(CallbackError::WrongIssuer),
                "{other}"
            );
        }
        // Missing: refused where the server said it sends it.
        assert_eq!(
            check_response_issuer("code=c&state=s", ours, true),
            Err(CallbackError::WrongIssuer)
        );
        assert_eq!(check_response_issuer("code=c&state=s", ours, false), Ok(()));
    }

    #[test]
    fn provider_errors_are_explained() {
        assert_eq!(
            parse_callback("error=access_denied&state=s1", "s1"),
            Err(CallbackError::Denied)
        );
        let err = parse_callback(
            "error=invalid_scope&error_description=Unknown+scope&state=s1",
            "s1",
        )
        .expect_err("an error");
        assert_eq!(
            err,
            CallbackError::Provider {
                error: "invalid_scope".into(),
                description: Some("Unknown scope".into())
            }
        );
        assert!(err.to_string().contains("Unknown scope"));
        assert_eq!(
            parse_callback("state=s1", "s1"),
            Err(CallbackError::MissingCode)
        );
        assert_eq!(
            parse_callback("state=s1&code=", "s1"),
            Err(CallbackError::MissingCode)
        );
    }
}
