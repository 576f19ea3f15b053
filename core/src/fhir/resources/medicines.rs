//! Medicines: what they are, what is prescribed, what is taken.

use serde::{Deserialize, Serialize};

use crate::fhir::{Annotation, CodeableConcept, Dosage, Extra, Meta, Reference};

resource_type!(MedicationType, "Medication");
resource_type!(MedicationRequestType, "MedicationRequest");
resource_type!(MedicationStatementType, "MedicationStatement");

/// A medicinal product (dm+d in the UK) (UK Core: UKCore-Medication).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Medication {
    /// Always `Medication`.
    pub resource_type: MedicationType,
    /// The server's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version and profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// The product (dm+d VMP or AMP).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeableConcept>,
    /// Tablet, capsule, oral solution, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<CodeableConcept>,
    /// Everything else (ingredients, batch), kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A prescription or medication order (UK Core: UKCore-MedicationRequest).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MedicationRequest {
    /// Always `MedicationRequest`.
    pub resource_type: MedicationRequestType,
    /// The server's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version and profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// `active`, `on-hold`, `cancelled`, `completed`, `stopped`, …
    pub status: String,
    /// `order`, `plan`, `proposal`, …
    pub intent: String,
    /// The medicine, when given as a code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medication_codeable_concept: Option<CodeableConcept>,
    /// The medicine, when given as a Medication resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medication_reference: Option<Reference>,
    /// The patient.
    pub subject: Reference,
    /// The encounter it was ordered in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encounter: Option<Reference>,
    /// When it was written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authored_on: Option<String>,
    /// Who wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requester: Option<Reference>,
    /// How to take it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dosage_instruction: Vec<Dosage>,
    /// Notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
    /// Everything else, kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A record that a patient takes (or took) a medicine (UK Core: UKCore-MedicationStatement).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MedicationStatement {
    /// Always `MedicationStatement`.
    pub resource_type: MedicationStatementType,
    /// The server's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version and profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// `active`, `completed`, `stopped`, `not-taken`, …
    pub status: String,
    /// The medicine, when given as a code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medication_codeable_concept: Option<CodeableConcept>,
    /// The medicine, when given as a Medication resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medication_reference: Option<Reference>,
    /// The patient.
    pub subject: Reference,
    /// When it was asserted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_asserted: Option<String>,
    /// How it is taken.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dosage: Vec<Dosage>,
    /// Everything else (`effective[x]`, …), kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}
