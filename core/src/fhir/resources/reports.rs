//! Reports, forms and what a server can do.

use serde::{Deserialize, Serialize};

use crate::fhir::{CodeableConcept, Extra, Identifier, Meta, Reference};

resource_type!(DiagnosticReportType, "DiagnosticReport");
resource_type!(QuestionnaireType, "Questionnaire");
resource_type!(QuestionnaireResponseType, "QuestionnaireResponse");
resource_type!(CapabilityStatementType, "CapabilityStatement");

/// A set of results with their conclusion: a blood panel, an imaging report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticReport {
    /// Always `DiagnosticReport`.
    pub resource_type: DiagnosticReportType,
    /// The server's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version and profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Laboratory numbers and others.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// `registered`, `partial`, `preliminary`, `final`, …
    pub status: String,
    /// Haematology, chemistry, radiology, …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<CodeableConcept>,
    /// What the report is.
    pub code: CodeableConcept,
    /// The patient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Reference>,
    /// When it was issued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<String>,
    /// The results (Observations).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub result: Vec<Reference>,
    /// The conclusion in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<String>,
    /// Everything else (`effective[x]`, `presentedForm`, …), kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A form's definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Questionnaire {
    /// Always `Questionnaire`.
    pub resource_type: QuestionnaireType,
    /// The server's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version and profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Its canonical URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// `draft`, `active`, `retired`, `unknown`.
    pub status: String,
    /// Its title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The questions (nested items, each kept whole; the forms component reads them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<serde_json::Value>,
    /// Everything else, kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A completed (or partly completed) form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireResponse {
    /// Always `QuestionnaireResponse`.
    pub resource_type: QuestionnaireResponseType,
    /// The server's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version and profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// The form it answers (canonical URL).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questionnaire: Option<String>,
    /// `in-progress`, `completed`, `amended`, `entered-in-error`, `stopped`.
    pub status: String,
    /// The patient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Reference>,
    /// The encounter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encounter: Option<Reference>,
    /// When last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authored: Option<String>,
    /// Who answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Reference>,
    /// The answers (nested items, kept whole).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<serde_json::Value>,
    /// Everything else, kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a FHIR server supports (`GET [base]/metadata`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CapabilityStatement {
    /// Always `CapabilityStatement`.
    pub resource_type: CapabilityStatementType,
    /// `draft`, `active`, `retired`, `unknown`.
    pub status: String,
    /// When published.
    pub date: String,
    /// `instance`, `capability`, `requirements`.
    pub kind: String,
    /// The FHIR version (`4.0.1`).
    pub fhir_version: String,
    /// Formats (`json`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub format: Vec<String>,
    /// Server capabilities: resources, interactions, security (SMART `oauth-uris`),
    /// kept whole; the sign-on broker reads the security extension.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rest: Vec<serde_json::Value>,
    /// Everything else, kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}

impl CapabilityStatement {
    /// The SMART `oauth-uris` extension's `authorize` and `token` endpoints, if advertised.
    pub fn oauth_uris(&self) -> Option<(String, String)> {
        oauth_uris(&self.rest)
    }
}

/// The `oauth-uris` endpoints in a CapabilityStatement's `rest` entries.
/// Shared with SMART discovery, which reads only `rest` to keep the full
/// model out of apps that need nothing else of it.
pub fn oauth_uris(rest: &[serde_json::Value]) -> Option<(String, String)> {
    let extension = rest.iter().find_map(|rest| {
        rest.pointer("/security/extension")?
            .as_array()?
            .iter()
            .find(|e| {
                e.get("url")
                    .and_then(|u| u.as_str())
                    .is_some_and(|u| u.ends_with("/oauth-uris"))
            })
    })?;
    let uri = |name: &str| {
        extension
            .get("extension")?
            .as_array()?
            .iter()
            .find_map(|e| {
                (e.get("url")?.as_str()? == name)
                    .then(|| e.get("valueUri")?.as_str().map(str::to_string))?
            })
    };
    Some((uri("authorize")?, uri("token")?))
}
