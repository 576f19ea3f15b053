use serde::{Deserialize, Serialize};

use crate::fhir::{CodeableConcept, Extra, Integer, Meta, Quantity, Reference};

resource_type!(ObservationType, "Observation");

/// A measurement or finding: a vital sign, a lab result, a score.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    /// Always `Observation`.
    pub resource_type: ObservationType,
    /// The server's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version and profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// `registered`, `preliminary`, `final`, `amended`, `entered-in-error`, …
    pub status: String,
    /// Vital signs, laboratory, …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<CodeableConcept>,
    /// What was observed (LOINC, SNOMED CT).
    pub code: CodeableConcept,
    /// Who it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Reference>,
    /// The encounter it was made in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encounter: Option<Reference>,
    /// When it applies (`effectiveDateTime`; other forms stay in `extra`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_date_time: Option<String>,
    /// When it was made available.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<String>,
    /// A measured value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_quantity: Option<Quantity>,
    /// A coded value (ACVPU, air or oxygen, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_codeable_concept: Option<CodeableConcept>,
    /// A text value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_string: Option<String>,
    /// A whole-number value (a score).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_integer: Option<Integer>,
    /// High, low, normal, …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interpretation: Vec<CodeableConcept>,
    /// Normal ranges.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_range: Vec<ReferenceRange>,
    /// Parts (blood pressure's systolic and diastolic).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub component: Vec<ObservationComponent>,
    /// Everything else, kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A normal range.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceRange {
    /// Lower limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<Quantity>,
    /// Upper limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<Quantity>,
    /// The range as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One part of a multi-part observation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObservationComponent {
    /// What the part is.
    pub code: CodeableConcept,
    /// A measured value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_quantity: Option<Quantity>,
    /// A coded value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_codeable_concept: Option<CodeableConcept>,
    /// A whole-number value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_integer: Option<Integer>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}
