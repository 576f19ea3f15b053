use serde::{Deserialize, Serialize};

use crate::fhir::{CodeableConcept, Extra};

resource_type!(OperationOutcomeType, "OperationOutcome");

/// A server's account of what went wrong (or right).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationOutcome {
    /// Always `OperationOutcome`.
    pub resource_type: OperationOutcomeType,
    /// The server's id, if it kept it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What happened, one issue each.
    #[serde(default)]
    pub issue: Vec<Issue>,
    /// Everything else, kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One issue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    /// `fatal`, `error`, `warning`, `information`.
    pub severity: String,
    /// The kind (`invalid`, `not-found`, `conflict`, …).
    pub code: String,
    /// A human-readable account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<CodeableConcept>,
    /// Technical detail for developers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diagnostics: Option<String>,
    /// Where in the resource (FHIRPath).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expression: Vec<Option<String>>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Issue {
    /// What to tell a person: the details text, else the diagnostics, else the code.
    pub fn message(&self) -> &str {
        self.details
            .as_ref()
            .and_then(CodeableConcept::label)
            .or(self.diagnostics.as_deref())
            .unwrap_or(&self.code)
    }
}
