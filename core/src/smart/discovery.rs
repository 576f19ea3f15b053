//! SMART discovery: where a FHIR server's authorization server is, and
//! whether it can do what Bedside needs.
//!
//! Read from `{fhirBase}/.well-known/smart-configuration` (SMART App Launch
//! 2.x §2.1); servers that predate it advertise the endpoints in their
//! CapabilityStatement's `oauth-uris` extension instead, which
//! [`SmartConfiguration::from_oauth_uris`] accepts with the capabilities that
//! older servers implied.

use serde::{Deserialize, Serialize};

/// Why a server cannot be used for sign-in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiscoveryError {
    /// The document is not SMART configuration JSON.
    #[error("The sign-in service's settings could not be read: {0}")]
    Malformed(String),
    /// An endpoint that tokens or the user's sign-in would travel to in
    /// clear text.
    #[error(
        "This organisation's sign-in service gives an address that is not secure (https): {0}. Contact your IT service desk."
    )]
    Insecure(String),
    /// Discovery names another issuer than the organisation's pinned one.
    #[error(
        "This organisation's FHIR server names a sign-in service ({found}) other than the one this site is set up to trust ({expected}). Contact your IT service desk."
    )]
    IssuerMismatch {
        /// The pinned issuer.
        expected: String,
        /// What discovery said.
        found: String,
    },
    /// The FHIR server's discovery names a sign-in or token address that
    /// the pinned issuer's own metadata does not.
    #[error(
        "This organisation's FHIR server gives a sign-in address ({0}) that its sign-in service does not list as its own. Contact your IT service desk."
    )]
    EndpointMismatch(String),
    /// A capability Bedside needs is missing.
    #[error(
        "This organisation's sign-in service does not support {missing}, which this app needs. Contact your IT service desk."
    )]
    Missing {
        /// What is missing, in words.
        missing: String,
    },
}

/// The parts of `.well-known/smart-configuration` Bedside uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct SmartConfiguration {
    /// The authorization server's issuer (checked against id_tokens).
    #[serde(default)]
    pub issuer: Option<String>,
    /// Its key set (verifies id_tokens).
    #[serde(default)]
    pub jwks_uri: Option<String>,
    /// Where to send the user to sign in.
    pub authorization_endpoint: String,
    /// Where to redeem codes and refresh tokens.
    pub token_endpoint: String,
    /// Where to revoke tokens at sign-out.
    #[serde(default)]
    pub revocation_endpoint: Option<String>,
    /// Where to end the provider's session at sign-out (OpenID RP-initiated logout).
    #[serde(default)]
    pub end_session_endpoint: Option<String>,
    /// OpenID Connect's UserInfo endpoint: where NHS CIS2 gives the user's
    /// roles (`nhsid_nrbac_roles`), which its id_token does not carry.
    #[serde(default)]
    pub userinfo_endpoint: Option<String>,
    /// The server puts `iss` in every authorization response (RFC 9207):
    /// then an answer without it is refused.
    #[serde(default)]
    pub authorization_response_iss_parameter_supported: bool,
    /// PKCE methods; SMART 2.x servers must list `S256`.
    #[serde(default)]
    pub code_challenge_methods_supported: Vec<String>,
    /// SMART capabilities (`launch-ehr`, `client-public`, …).
    #[serde(default)]
    pub capabilities: Vec<String>,
    /// Scopes the server can grant.
    #[serde(default)]
    pub scopes_supported: Vec<String>,
}

/// What an app needs from the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaunchMode {
    /// Launched from the EHR with `launch` and `iss`.
    Ehr,
    /// Started by the user, who picks a patient if needed.
    Standalone,
}

impl SmartConfiguration {
    /// Parses the discovery document.
    pub fn parse(json: &[u8]) -> Result<Self, DiscoveryError> {
        serde_json::from_slice(json).map_err(|e| DiscoveryError::Malformed(e.to_string()))
    }

    /// A configuration from a CapabilityStatement's `oauth-uris` (pre-2.0 servers).
    pub fn from_oauth_uris(authorize: String, token: String) -> Self {
        Self {
            issuer: None,
            jwks_uri: None,
            authorization_endpoint: authorize,
            token_endpoint: token,
            revocation_endpoint: None,
            end_session_endpoint: None,
            userinfo_endpoint: None,
            authorization_response_iss_parameter_supported: false,
            code_challenge_methods_supported: Vec::new(),
            capabilities: Vec::new(),
            scopes_supported: Vec::new(),
        }
    }

    /// The configuration a pre-2.0 server advertises in its
    /// CapabilityStatement (`GET {fhirBase}/metadata`).
    pub fn from_capability_statement(json: &[u8]) -> Result<Self, DiscoveryError> {
        #[derive(Deserialize)]
        struct Rest {
            #[serde(default)]
            rest: Vec<serde_json::Value>,
        }
        let statement: Rest =
            serde_json::from_slice(json).map_err(|e| DiscoveryError::Malformed(e.to_string()))?;
        let (authorize, token) =
            crate::fhir::resources::oauth_uris(&statement.rest).ok_or_else(|| {
                DiscoveryError::Missing {
                    missing: "SMART on FHIR sign-in".into(),
                }
            })?;
        Ok(Self::from_oauth_uris(authorize, token))
    }

    /// Whether discovery names exactly `pinned` as the issuer (a trailing
    /// `/` aside, which configuration files often differ on).
    pub fn check_issuer(&self, pinned: &str) -> Result<(), DiscoveryError> {
        let found = self.issuer.as_deref().unwrap_or_default();
        if found.trim_end_matches('/') == pinned.trim_end_matches('/') && !found.is_empty() {
            Ok(())
        } else {
            Err(DiscoveryError::IssuerMismatch {
                expected: pinned.to_string(),
                found: found.to_string(),
            })
        }
    }

    /// This configuration (the FHIR server's) held to the pinned issuer's
    /// own OpenID Connect metadata (`{issuer}/.well-known/openid-configuration`,
    /// `issuer_metadata`): that metadata must name the pinned issuer, and the
    /// sign-in and token addresses the FHIR server gives must be the
    /// issuer's own; the key set, revocation, end-session and userinfo
    /// addresses are taken from the issuer. So a FHIR server that names the right issuer
    /// cannot send users to a sign-in page, or tokens to an address, that
    /// the issuer does not list (the FHIR server is not the sign-in
    /// service's to speak for).
    pub fn confirmed_by(
        mut self,
        issuer_metadata: &SmartConfiguration,
        pinned: &str,
    ) -> Result<Self, DiscoveryError> {
        issuer_metadata.check_issuer(pinned)?;
        let same = |a: &str, b: &str| a.trim_end_matches('/') == b.trim_end_matches('/');
        for (ours, theirs) in [
            (
                &self.authorization_endpoint,
                &issuer_metadata.authorization_endpoint,
            ),
            (&self.token_endpoint, &issuer_metadata.token_endpoint),
        ] {
            if !same(ours, theirs) {
                return Err(DiscoveryError::EndpointMismatch(ours.clone()));
            }
        }
        self.issuer = issuer_metadata.issuer.clone();
        self.jwks_uri = issuer_metadata.jwks_uri.clone();
        self.revocation_endpoint = issuer_metadata.revocation_endpoint.clone();
        self.end_session_endpoint = issuer_metadata.end_session_endpoint.clone();
        self.userinfo_endpoint = issuer_metadata.userinfo_endpoint.clone();
        Ok(self)
    }

    /// Checks what a public browser app signing clinicians in needs: every
    /// endpoint over TLS, PKCE S256, a public client, OpenID Connect sign-on
    /// (for `fhirUser`), and the launch mode used. A configuration read from
    /// `oauth-uris` lists no capabilities and is not held to them; the
    /// id_token check still applies.
    pub fn check(&self, mode: LaunchMode) -> Result<(), DiscoveryError> {
        // Every endpoint over TLS: codes, tokens and keys travel to them.
        // Plain http only to this computer itself (a developer's sandbox).
        let endpoints = [
            Some(&self.authorization_endpoint),
            Some(&self.token_endpoint),
            self.issuer.as_ref(),
            self.jwks_uri.as_ref(),
            self.revocation_endpoint.as_ref(),
            self.end_session_endpoint.as_ref(),
            self.userinfo_endpoint.as_ref(),
        ];
        if let Some(insecure) = endpoints.into_iter().flatten().find(|u| !is_secure(u)) {
            return Err(DiscoveryError::Insecure(insecure.clone()));
        }
        if self.capabilities.is_empty() && self.code_challenge_methods_supported.is_empty() {
            return Ok(());
        }
        let missing = |what: &str| DiscoveryError::Missing {
            missing: what.to_string(),
        };
        if !self
            .code_challenge_methods_supported
            .iter()
            .any(|m| m == "S256")
        {
            return Err(missing("secure sign-in codes (PKCE S256)"));
        }
        let has = |c: &str| self.capabilities.iter().any(|x| x == c);
        if !has("client-public") {
            return Err(missing("browser apps (public clients)"));
        }
        if !has("sso-openid-connect") {
            return Err(missing("single sign-on (OpenID Connect)"));
        }
        match mode {
            LaunchMode::Ehr if !has("launch-ehr") => {
                Err(missing("launching from the clinical record system"))
            }
            LaunchMode::Standalone if !has("launch-standalone") => {
                Err(missing("signing in directly"))
            }
            _ => Ok(()),
        }
    }
}

/// `https`, or `http` to a loopback host (`localhost`, `127.0.0.1`, `[::1]`).
pub(crate) fn is_secure(url: &str) -> bool {
    if url.starts_with("https://") {
        return true;
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match authority.rsplit_once('@') {
        Some((_, host)) => host,
        None => authority,
    };
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next().unwrap_or_default()
    } else {
        host.split(':').next().unwrap_or_default()
    };
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_fhir_servers_sign_in_addresses_must_be_the_pinned_issuers_own() {
        let fhir = |auth: &str, token: &str| {
            let mut c = SmartConfiguration::from_oauth_uris(auth.into(), token.into());
            c.issuer = Some("https://login.trust.example".into());
            c.jwks_uri = Some("https://evil.example/keys".into());
            c.end_session_endpoint = Some("https://evil.example/logout".into());
            c.userinfo_endpoint = Some("https://evil.example/me".into());
            c
        };
        let mut issuer = SmartConfiguration::from_oauth_uris(
            "https://login.trust.example/authorize".into(),
            "https://login.trust.example/token".into(),
        );
        issuer.issuer = Some("https://login.trust.example/".into());
        issuer.jwks_uri = Some("https://login.trust.example/jwks".into());
        issuer.revocation_endpoint = Some("https://login.trust.example/revoke".into());
        issuer.end_session_endpoint = Some("https://login.trust.example/logout".into());
        issuer.userinfo_endpoint = Some("https://login.trust.example/me".into());
        let pinned = "https://login.trust.example";

        let confirmed = fhir(
            "https://login.trust.example/authorize",
            "https://login.trust.example/token/",
        )
        .confirmed_by(&issuer, pinned)
        .expect("the issuer's own");
        // Keys and sign-out addresses are the issuer's, whatever the FHIR
        // server said.
        assert_eq!(confirmed.jwks_uri, issuer.jwks_uri);
        assert_eq!(confirmed.end_session_endpoint, issuer.end_session_endpoint);
        assert_eq!(confirmed.revocation_endpoint, issuer.revocation_endpoint);
        assert_eq!(confirmed.userinfo_endpoint, issuer.userinfo_endpoint);

        // The right issuer named, with a phishing sign-in page or token address.
        for (auth, token, bad) in [
            (
                "https://evil.example/authorize",
                "https://login.trust.example/token",
                "https://evil.example/authorize",
            ),
            (
                "https://login.trust.example/authorize",
                "https://evil.example/token",
                "https://evil.example/token",
            ),
            (
                "https://login.trust.example/authorize?x=1",
                "https://login.trust.example/token",
                "https://login.trust.example/authorize?x=1",
            ),
        ] {
            assert_eq!(
                fhir(auth, token).confirmed_by(&issuer, pinned),
                Err(DiscoveryError::EndpointMismatch(bad.into()))
            );
        }
        // Metadata that is not the pinned issuer's own.
        let mut other = issuer.clone();
        other.issuer = Some("https://evil.example".into());
        assert!(matches!(
            fhir(
                "https://login.trust.example/authorize",
                "https://login.trust.example/token"
            )
            .confirmed_by(&other, pinned),
            Err(DiscoveryError::IssuerMismatch { .. })
        ));
    }
    use super::*;

    #[test]
    fn discovery_must_name_the_pinned_issuer() {
        let server = SmartConfiguration::parse(FULL.as_bytes()).expect("full");
        assert_eq!(server.check_issuer("http://localhost:8104"), Ok(()));
        assert_eq!(server.check_issuer("http://localhost:8104/"), Ok(()));
        for other in [
            "http://localhost:8105",
            "https://localhost:8104",
            "http://localhost:8104/other",
            "",
        ] {
            assert!(
                matches!(
                    server.check_issuer(other),
                    Err(DiscoveryError::IssuerMismatch { .. })
                ),
                "{other}"
            );
        }
        let mut anonymous = server.clone();
        anonymous.issuer = None;
        assert!(anonymous.check_issuer("http://localhost:8104").is_err());
    }

    #[test]
    fn endpoints_must_be_https_except_on_this_computer() {
        for secure in [
            "https://login.trust.nhs.uk/token",
            "http://localhost:8104/token",
            "http://127.0.0.1/token",
            "http://[::1]:8104/token",
        ] {
            assert!(is_secure(secure), "{secure}");
        }
        for insecure in [
            "http://login.trust.nhs.uk/token",
            "http://localhost.evil.example/token",
            "http://localhost@evil.example/token",
            "http://127.0.0.1.evil.example/token",
            "ftp://localhost/token",
            "//localhost/token",
            "javascript:alert(1)",
        ] {
            assert!(!is_secure(insecure), "{insecure}");
        }
        let mut server = SmartConfiguration::parse(FULL.as_bytes()).expect("full");
        assert_eq!(server.check(LaunchMode::Standalone), Ok(()));
        server.revocation_endpoint = Some("http://auth.example/revoke".into());
        assert_eq!(
            server.check(LaunchMode::Standalone),
            Err(DiscoveryError::Insecure(
                "http://auth.example/revoke".into()
            ))
        );
    }

    const FULL: &str = r#"{
        "issuer": "http://localhost:8104", "jwks_uri": "http://localhost:8104/jwks",
        "authorization_endpoint": "http://localhost:8104/auth", "token_endpoint": "http://localhost:8104/token",
        "end_session_endpoint": "http://localhost:8104/session/end",
        "code_challenge_methods_supported": ["S256"],
        "capabilities": ["launch-ehr", "launch-standalone", "client-public", "sso-openid-connect", "permission-v2"],
        "grant_types_supported": ["authorization_code"]
    }"#;

    #[test]
    fn a_complete_configuration_passes_both_launch_modes() {
        let config = SmartConfiguration::parse(FULL.as_bytes()).expect("parses");
        assert_eq!(config.token_endpoint, "http://localhost:8104/token");
        assert_eq!(config.check(LaunchMode::Ehr), Ok(()));
        assert_eq!(config.check(LaunchMode::Standalone), Ok(()));
    }

    #[test]
    fn each_missing_capability_is_named() {
        let base: serde_json::Value = serde_json::from_str(FULL).expect("json");
        let without = |key: &str, value: &str| {
            let mut v = base.clone();
            let list = v[key].as_array_mut().expect("a list");
            list.retain(|x| x != value);
            SmartConfiguration::parse(v.to_string().as_bytes()).expect("parses")
        };
        let cases = [
            (
                without("code_challenge_methods_supported", "S256"),
                LaunchMode::Ehr,
                "PKCE S256",
            ),
            (
                without("capabilities", "client-public"),
                LaunchMode::Ehr,
                "public clients",
            ),
            (
                without("capabilities", "sso-openid-connect"),
                LaunchMode::Ehr,
                "OpenID Connect",
            ),
            (
                without("capabilities", "launch-ehr"),
                LaunchMode::Ehr,
                "launching from",
            ),
            (
                without("capabilities", "launch-standalone"),
                LaunchMode::Standalone,
                "signing in directly",
            ),
        ];
        for (config, mode, words) in cases {
            let err = config.check(mode).expect_err(words);
            assert!(err.to_string().contains(words), "{err}");
        }
        // A missing EHR capability does not stop a standalone sign-in.
        assert_eq!(
            without("capabilities", "launch-ehr").check(LaunchMode::Standalone),
            Ok(())
        );
    }

    #[test]
    fn malformed_documents_and_oauth_uris_fallback() {
        assert!(matches!(
            SmartConfiguration::parse(b"<html>"),
            Err(DiscoveryError::Malformed(_))
        ));
        assert!(matches!(
            SmartConfiguration::parse(br#"{"token_endpoint":"x"}"#),
            Err(DiscoveryError::Malformed(_))
        ));
        let legacy = SmartConfiguration::from_oauth_uris(
            "https://as/auth".into(),
            "https://as/token".into(),
        );
        assert_eq!(legacy.check(LaunchMode::Ehr), Ok(()));
        let statement = br#"{"resourceType":"CapabilityStatement","rest":[{"mode":"server","security":{"extension":[
            {"url":"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris","extension":[
              {"url":"token","valueUri":"https://as/token"},{"url":"authorize","valueUri":"https://as/auth"}]}]}}]}"#;
        assert_eq!(
            SmartConfiguration::from_capability_statement(statement),
            Ok(legacy)
        );
        assert!(matches!(
            SmartConfiguration::from_capability_statement(
                br#"{"resourceType":"CapabilityStatement"}"#
            ),
            Err(DiscoveryError::Missing { .. })
        ));
    }
}
