//! Sign-on configuration: which organisations (FHIR servers and their
//! sign-in services) this deployment offers, and the shared-PC timings.
//!
//! Read at start-up from the deployment's `config.json`, never compiled in:
//! the same build serves any trust's servers.

use serde::Deserialize;

/// Why the configuration cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// Not the expected JSON.
    #[error("The settings for this site could not be read ({0}). Contact your IT service desk.")]
    Malformed(String),
    /// Nothing to sign in to.
    #[error("No organisations are set up for this site. Contact your IT service desk.")]
    Empty,
}

/// An organisation's FHIR server and how Bedside signs in to it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    /// A short stable identifier (`"sandbox"`).
    pub id: String,
    /// The name users choose from (`"Sandbox Hospitals NHS Trust"`).
    pub name: String,
    /// The FHIR base URL; SMART discovery starts here.
    pub fhir_base_url: String,
    /// Bedside's client id at this organisation's sign-in service.
    pub client_id: String,
    /// That sign-in service's issuer, pinned: discovery must name exactly
    /// this, and so must its answers (mix-up defence, RFC 9700 §4.4), so
    /// a FHIR server cannot send users to a sign-in service nobody chose.
    pub issuer: String,
    /// Scopes for a standalone launch.
    #[serde(default = "default_scope")]
    pub scope: String,
    /// Scopes for an EHR launch (`launch` binds the EHR's context).
    #[serde(default = "default_ehr_scope")]
    pub ehr_scope: String,
    /// The PCs are shared (the default): a standalone sign-in always asks
    /// the sign-in service who is at the computer (`prompt=login`), and if
    /// the service answers with someone's earlier sign-in instead, Bedside
    /// asks "Continue as …?" before using it. Off only for personal
    /// devices, where the service's single sign-on is the user's own.
    #[serde(default = "default_shared_device")]
    pub shared_device: bool,
    /// Sent as `acr_values` with every sign-in: the authentication the
    /// service must use (NHS Care Identity Service 2: `AAL3_ANY`, a
    /// smartcard or an equivalent).
    #[serde(default)]
    pub acr_values: Option<String>,
    /// Scopes added to every sign-in's (CIS2: `nationalrbacaccess
    /// selectedrole`, for the user's role).
    #[serde(default)]
    pub extra_scopes: Option<String>,
    /// The lowest identity assurance level an id_token may carry
    /// (`id_assurance_level`, CIS2's claim); none: not checked.
    #[serde(default)]
    pub minimum_id_assurance_level: Option<u32>,
    /// The lowest authentication assurance level an id_token may carry
    /// (`authentication_assurance_level`); none: not checked.
    #[serde(default)]
    pub minimum_authentication_assurance_level: Option<u32>,
}

impl Organisation {
    /// `scope` with the organisation's extra scopes.
    pub fn with_extra_scopes(&self, scope: &str) -> String {
        match self.extra_scopes.as_deref().map(str::trim) {
            Some(extra) if !extra.is_empty() => format!("{scope} {extra}"),
            _ => scope.to_string(),
        }
    }
}

pub(crate) fn default_shared_device() -> bool {
    true
}

/// Read and search everything the user may see, and record observations
/// (the Observations tool's vital signs).
pub(crate) fn default_scope() -> String {
    "openid fhirUser profile offline_access user/*.rs user/Observation.c".to_string()
}

pub(crate) fn default_ehr_scope() -> String {
    "launch openid fhirUser profile offline_access user/*.rs patient/*.rs patient/Observation.c"
        .to_string()
}

/// The deployment's sign-on settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignOnConfig {
    /// The organisations offered on the sign-in page (at least one).
    pub organisations: Vec<Organisation>,
    /// Minutes without keyboard, pointer or touch use before the screen
    /// locks (0: never). Shared ward PCs: the NHS commonly uses 5 to 15.
    #[serde(default = "default_idle")]
    pub idle_lock_minutes: u32,
    /// Seconds of warning before the screen locks.
    #[serde(default = "default_warning")]
    pub lock_warning_seconds: u32,
    /// Minutes a screen may stay locked before the session ends completely
    /// (signed out everywhere, refresh token revoked; 0: never). A locked
    /// session still holds a refresh token on the PC: this bounds how long.
    #[serde(default = "default_lock_sign_out")]
    pub lock_sign_out_minutes: u32,
}

pub(crate) fn default_idle() -> u32 {
    10
}

pub(crate) fn default_warning() -> u32 {
    60
}

pub(crate) fn default_lock_sign_out() -> u32 {
    60
}

/// The whole `config.json`; Bedside's part is under `signOn`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ConfigDocument {
    sign_on: SignOnConfig,
}

impl ConfigDocument {
    /// The settings, if usable.
    pub(crate) fn checked(self) -> Result<SignOnConfig, ConfigError> {
        if self.sign_on.organisations.is_empty() {
            return Err(ConfigError::Empty);
        }
        Ok(self.sign_on)
    }
}

/// Organisation `id`'s own entry in `config.json`
/// (`signOn.organisations[]`), read as `T`: for settings a module reads for
/// itself (the app catalogue, decision support), so the first page's
/// settings reader carries none of them. `None` when no organisation has
/// that id.
pub fn organisation_settings<T: serde::de::DeserializeOwned>(
    config_text: &[u8],
    id: &str,
) -> Result<Option<T>, serde_json::Error> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Document {
        sign_on: SignOn,
    }
    #[derive(Deserialize)]
    struct SignOn {
        organisations: Vec<serde_json::Value>,
    }
    let document: Document = serde_json::from_slice(config_text)?;
    document
        .sign_on
        .organisations
        .into_iter()
        .find(|o| o.get("id").and_then(serde_json::Value::as_str) == Some(id))
        .map(serde_json::from_value)
        .transpose()
}

impl SignOnConfig {
    /// Parses `config.json`'s `signOn` member or a whole document holding it.
    pub fn parse(json: &[u8]) -> Result<Self, ConfigError> {
        serde_json::from_slice::<ConfigDocument>(json)
            .map_err(|e| ConfigError::Malformed(e.to_string()))?
            .checked()
    }

    /// The organisation with this id.
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    /// EHR launch: the organisation whose FHIR server is `iss`. Anything
    /// else is refused, so a crafted link cannot send the user's sign-in (or
    /// the app's requests) to a server nobody configured.
    pub fn organisation_for_issuer(&self, iss: &str) -> Option<&Organisation> {
        let iss = iss.trim_end_matches('/');
        self.organisations
            .iter()
            .find(|o| o.fhir_base_url.trim_end_matches('/') == iss)
    }

    /// Whether `session` is one of this deployment's: its organisation is
    /// configured, with the same client id, FHIR server and pinned issuer.
    /// Another tab's session that is not, is not believed: a token goes
    /// only to its own organisation's FHIR server. (The endpoints such a
    /// session names are never used as they stand: a tab sends tokens only
    /// to the endpoints it discovered itself.)
    pub fn knows(&self, session: &crate::smart::Session) -> bool {
        let same = |a: &str, b: &str| a.trim_end_matches('/') == b.trim_end_matches('/');
        self.organisation(&session.organisation).is_some_and(|o| {
            o.client_id == session.client_id
                && same(&o.fhir_base_url, &session.fhir_base_url)
                && session
                    .server
                    .issuer
                    .as_deref()
                    .is_some_and(|issuer| same(issuer, &o.issuer))
        })
    }

    /// The idle time before locking, in milliseconds (`None`: never locks).
    pub fn idle_lock_ms(&self) -> Option<f64> {
        (self.idle_lock_minutes > 0).then(|| f64::from(self.idle_lock_minutes) * 60_000.0)
    }

    /// How long a screen may stay locked, in milliseconds (`None`: no limit).
    pub fn lock_sign_out_ms(&self) -> Option<f64> {
        (self.lock_sign_out_minutes > 0).then(|| f64::from(self.lock_sign_out_minutes) * 60_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{"signOn":{"organisations":[
        {"id":"a","name":"Trust A","fhirBaseUrl":"https://fhir.a.example/R4","clientId":"bedside-a","issuer":"https://login.a.example"},
        {"id":"b","name":"Trust B","fhirBaseUrl":"https://fhir.b.example/R4/","clientId":"b","issuer":"https://login.b.example","scope":"openid fhirUser user/*.rs"}],
        "idleLockMinutes":0}}"#;

    #[test]
    fn reads_organisations_with_defaults() {
        let c = SignOnConfig::parse(DOC.as_bytes()).expect("valid");
        assert_eq!(c.organisations.len(), 2);
        assert!(c.organisation("a").expect("a").scope.contains("openid"));
        assert_eq!(
            c.organisation("b").expect("b").scope,
            "openid fhirUser user/*.rs"
        );
        assert_eq!(c.idle_lock_ms(), None);
        assert!(
            c.organisation("a").expect("a").shared_device,
            "shared unless said"
        );
        let a = c.organisation("a").expect("a");
        assert_eq!(a.acr_values, None);
        assert_eq!(a.minimum_authentication_assurance_level, None);
        assert_eq!(a.with_extra_scopes("openid"), "openid");
        assert_eq!(c.lock_warning_seconds, 60);
        assert!(c.organisation("c").is_none());
    }

    #[test]
    fn ehr_launch_issuers_must_be_configured() {
        let c = SignOnConfig::parse(DOC.as_bytes()).expect("valid");
        assert_eq!(
            c.organisation_for_issuer("https://fhir.a.example/R4/")
                .map(|o| o.id.as_str()),
            Some("a")
        );
        assert_eq!(
            c.organisation_for_issuer("https://fhir.b.example/R4")
                .map(|o| o.id.as_str()),
            Some("b")
        );
        for bad in [
            "https://fhir.a.example/R4/x",
            "https://fhir.a.example",
            "https://evil.example/R4",
            "",
        ] {
            assert!(c.organisation_for_issuer(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn another_tabs_session_is_believed_only_for_a_configured_organisation_and_issuer() {
        let c = SignOnConfig::parse(DOC.as_bytes()).expect("valid");
        let session = |org: &str, client: &str, base: &str, issuer: Option<&str>| {
            let mut s = crate::smart::session::test_session(org, issuer, "s", "t", None);
            s.client_id = client.into();
            s.fhir_base_url = base.into();
            s
        };
        let a = "https://fhir.a.example/R4";
        assert!(c.knows(&session(
            "a",
            "bedside-a",
            a,
            Some("https://login.a.example/")
        )));
        for other in [
            session("c", "bedside-a", a, Some("https://login.a.example")),
            session("a", "other", a, Some("https://login.a.example")),
            session(
                "a",
                "bedside-a",
                "https://evil.example/R4",
                Some("https://login.a.example"),
            ),
            session("a", "bedside-a", a, Some("https://login.b.example")),
            session("a", "bedside-a", a, None),
        ] {
            assert!(!c.knows(&other), "{other:?}");
        }
    }

    #[test]
    fn cis2_settings_are_read() {
        let c = SignOnConfig::parse(
            br#"{"signOn":{"organisations":[{"id":"a","name":"A","fhirBaseUrl":"u","clientId":"c","issuer":"i",
                "acrValues":"AAL3_ANY","extraScopes":" nationalrbacaccess selectedrole ",
                "minimumIdAssuranceLevel":3,"minimumAuthenticationAssuranceLevel":3}]}}"#,
        )
        .expect("valid");
        let a = c.organisation("a").expect("a");
        assert_eq!(a.acr_values.as_deref(), Some("AAL3_ANY"));
        assert_eq!(a.minimum_id_assurance_level, Some(3));
        assert_eq!(a.minimum_authentication_assurance_level, Some(3));
        assert_eq!(
            a.with_extra_scopes("openid fhirUser"),
            "openid fhirUser nationalrbacaccess selectedrole"
        );
    }

    #[test]
    fn refuses_unusable_settings() {
        assert_eq!(
            SignOnConfig::parse(br#"{"signOn":{"organisations":[]}}"#),
            Err(ConfigError::Empty)
        );
        assert!(matches!(
            SignOnConfig::parse(b"{}"),
            Err(ConfigError::Malformed(_))
        ));
        let c = SignOnConfig::parse(
            br#"{"signOn":{"organisations":[{"id":"a","name":"A","fhirBaseUrl":"u","clientId":"c","issuer":"i"}]}}"#,
        )
        .expect("valid");
        assert_eq!(c.idle_lock_ms(), Some(600_000.0));
    }
}
