//! The token response (SMART App Launch 2.x §2.6) with its launch context.

use serde::{Deserialize, Serialize};

use super::scope::{Scope, parse_scopes};

/// Why a token response cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Not the JSON a token endpoint returns.
    #[error("The sign-in service's answer could not be read: {0}")]
    Malformed(String),
    /// Not a bearer token, or empty.
    #[error("The sign-in service issued a kind of token this app cannot use ({0}).")]
    Unusable(String),
}

/// A token response.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TokenResponse {
    /// The access token (kept in memory only).
    pub access_token: String,
    /// Must be `Bearer`.
    pub token_type: String,
    /// Lifetime in seconds.
    #[serde(default)]
    pub expires_in: Option<u64>,
    /// The scopes granted (may be fewer than asked).
    #[serde(default)]
    pub scope: String,
    /// For getting new access tokens (rotated by the server on use).
    #[serde(default)]
    pub refresh_token: Option<String>,
    /// The OpenID Connect id_token (verified before use).
    #[serde(default)]
    pub id_token: Option<String>,
    /// Launch context: the patient's id.
    #[serde(default)]
    pub patient: Option<String>,
    /// Launch context: the encounter's id.
    #[serde(default)]
    pub encounter: Option<String>,
    /// Launch context (SMART 2.x): further resources, kept as given.
    #[serde(default, rename = "fhirContext")]
    pub fhir_context: Vec<FhirContextItem>,
    /// Whether the app must show a patient banner (the EHR does not).
    #[serde(default)]
    pub need_patient_banner: Option<bool>,
    /// Launch context: what the EHR wants the app to do.
    #[serde(default)]
    pub intent: Option<String>,
    /// Launch context: the EHR tenant.
    #[serde(default)]
    pub tenant: Option<String>,
}

impl TokenResponse {
    /// Parses and checks a token response.
    pub fn parse(json: &[u8]) -> Result<Self, TokenError> {
        serde_json::from_slice::<Self>(json)
            .map_err(|e| TokenError::Malformed(e.to_string()))?
            .checked()
    }

    /// The response, if Bedside can use it: a non-empty bearer token.
    pub(crate) fn checked(self) -> Result<Self, TokenError> {
        let token = self;
        if !token.token_type.eq_ignore_ascii_case("bearer") {
            return Err(TokenError::Unusable(format!(
                "token type {}",
                token.token_type
            )));
        }
        if token.access_token.is_empty() {
            return Err(TokenError::Unusable("an empty access token".into()));
        }
        Ok(token)
    }

    /// The granted scopes.
    pub fn scopes(&self) -> Vec<Scope> {
        parse_scopes(&self.scope)
    }

    /// When the access token expires, in milliseconds since the epoch, given
    /// when the response arrived. Without `expires_in`, assume one hour.
    pub fn expires_at_ms(&self, received_at_ms: f64) -> f64 {
        received_at_ms + self.expires_in.unwrap_or(3600) as f64 * 1000.0
    }
}

/// One entry of SMART's `fhirContext`: a resource the launch is about
/// besides the patient and encounter (SMART App Launch 2.1 §"fhirContext"),
/// named by `reference`, `canonical` or `identifier`. SMART 2.0.0 sent a
/// plain reference string, read here as `reference`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "FhirContextWire")]
pub struct FhirContextItem {
    /// A relative reference, `Encounter/123`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// A canonical URL (a Questionnaire, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// An identifier's `system` and `value`, when named by identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<ContextIdentifier>,
    /// The resource type, when not evident from `reference`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// Its role in the launch (a URI; absent means "launch").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// The `system` and `value` of a `fhirContext` identifier.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ContextIdentifier {
    /// The namespace.
    #[serde(default)]
    pub system: Option<String>,
    /// The identifier.
    #[serde(default)]
    pub value: Option<String>,
}

/// `fhirContext` entries as servers send them: 2.1 objects or 2.0.0 strings.
#[derive(Deserialize)]
#[serde(untagged)]
enum FhirContextWire {
    Reference(String),
    Item {
        #[serde(default)]
        reference: Option<String>,
        #[serde(default)]
        canonical: Option<String>,
        #[serde(default)]
        identifier: Option<ContextIdentifier>,
        #[serde(default, rename = "type")]
        resource_type: Option<String>,
        #[serde(default)]
        role: Option<String>,
    },
}

impl From<FhirContextWire> for FhirContextItem {
    fn from(wire: FhirContextWire) -> Self {
        match wire {
            FhirContextWire::Reference(reference) => Self {
                reference: Some(reference),
                ..Self::default()
            },
            FhirContextWire::Item {
                reference,
                canonical,
                identifier,
                resource_type,
                role,
            } => Self {
                reference,
                canonical,
                identifier,
                resource_type,
                role,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::smart::scope::Context;

    #[test]
    fn reads_the_smart_launch_context() {
        let token = TokenResponse::parse(
            br#"{"access_token":"a.b.c","token_type":"bearer","expires_in":300,
                 "scope":"openid fhirUser launch patient/*.rs","refresh_token":"r","id_token":"i.d.t",
                 "patient":"patient-00007","encounter":"patient-00007-enc",
                 "fhirContext":[{"reference":"Encounter/patient-00007-enc"}],"need_patient_banner":true}"#,
        )
        .expect("a token");
        assert_eq!(token.patient.as_deref(), Some("patient-00007"));
        assert_eq!(token.encounter.as_deref(), Some("patient-00007-enc"));
        assert_eq!(
            token.fhir_context,
            [FhirContextItem {
                reference: Some("Encounter/patient-00007-enc".into()),
                ..Default::default()
            }]
        );
        assert_eq!(token.need_patient_banner, Some(true));
        assert!(
            token
                .scopes()
                .iter()
                .any(|s| s.allows(Context::Patient, "Observation", 'r'))
        );
        assert_eq!(token.expires_at_ms(1_000.0), 301_000.0);
    }

    #[test]
    fn refuses_what_cannot_be_used() {
        assert!(matches!(
            TokenResponse::parse(b"{}"),
            Err(TokenError::Malformed(_))
        ));
        assert!(matches!(
            TokenResponse::parse(b"not json"),
            Err(TokenError::Malformed(_))
        ));
        assert!(matches!(
            TokenResponse::parse(br#"{"access_token":"a","token_type":"mac"}"#),
            Err(TokenError::Unusable(_))
        ));
        assert!(matches!(
            TokenResponse::parse(br#"{"access_token":"","token_type":"Bearer"}"#),
            Err(TokenError::Unusable(_))
        ));
        let minimal = TokenResponse::parse(br#"{"access_token":"a","token_type":"Bearer"}"#)
            .expect("minimal");
        assert_eq!(
            minimal.expires_at_ms(0.0),
            3_600_000.0,
            "an hour when the server does not say"
        );
        assert!(minimal.scopes().is_empty());
    }
}
