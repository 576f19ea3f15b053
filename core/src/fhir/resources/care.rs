//! Where and why care happens: locations, encounters, conditions, allergies,
//! and the lists that say what a record holds (or why it holds nothing).

use serde::{Deserialize, Serialize};

use crate::fhir::{
    Annotation, CodeableConcept, Coding, Extra, Identifier, Meta, Period, Reference,
};

resource_type!(LocationType, "Location");
resource_type!(EncounterType, "Encounter");
resource_type!(ConditionType, "Condition");
resource_type!(AllergyIntoleranceType, "AllergyIntolerance");
resource_type!(ListType, "List");

/// A ward, a bay, a bed (UK Core: UKCore-Location).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    /// Always `Location`.
    pub resource_type: LocationType,
    /// The server's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version and profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// `active`, `suspended`, `inactive`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The name people use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Ward, room, bed, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub physical_type: Option<CodeableConcept>,
    /// The organisation responsible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub managing_organization: Option<Reference>,
    /// The location this one is part of (a bed's ward).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<Reference>,
    /// Everything else, kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A stay or contact: an inpatient admission, a clinic visit (UK Core: UKCore-Encounter).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Encounter {
    /// Always `Encounter`.
    pub resource_type: EncounterType,
    /// The server's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version and profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Hospital spell numbers and others.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// `planned`, `in-progress`, `finished`, …
    pub status: String,
    /// Inpatient, ambulatory, emergency, …
    pub class: Coding,
    /// The patient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Reference>,
    /// Start and end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Where, over time (`location`, `status`, `period` each), kept whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub location: Vec<serde_json::Value>,
    /// The organisation providing the care.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_provider: Option<Reference>,
    /// Everything else, kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A problem or diagnosis (UK Core: UKCore-Condition).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Condition {
    /// Always `Condition`.
    pub resource_type: ConditionType,
    /// The server's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version and profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Active, resolved, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clinical_status: Option<CodeableConcept>,
    /// Confirmed, provisional, refuted, entered in error, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification_status: Option<CodeableConcept>,
    /// Problem-list item or encounter diagnosis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<CodeableConcept>,
    /// What (SNOMED CT).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeableConcept>,
    /// The patient.
    pub subject: Reference,
    /// The encounter it was recorded in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encounter: Option<Reference>,
    /// When it was recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_date: Option<String>,
    /// Notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
    /// Everything else (`onset[x]`, `abatement[x]`, …), kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An allergy or intolerance, or the record that there is none known
/// (UK Core: UKCore-AllergyIntolerance).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AllergyIntolerance {
    /// Always `AllergyIntolerance`.
    pub resource_type: AllergyIntoleranceType,
    /// The server's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version and profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Active, inactive, resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clinical_status: Option<CodeableConcept>,
    /// Confirmed, unconfirmed, refuted, entered in error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification_status: Option<CodeableConcept>,
    /// `food`, `medication`, `environment`, `biologic`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<String>,
    /// `low`, `high`, `unable-to-assess`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criticality: Option<String>,
    /// The substance, or "no known allergy" (SNOMED CT 716186003).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeableConcept>,
    /// The patient.
    pub patient: Reference,
    /// When it was recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_date: Option<String>,
    /// Reactions (substance, manifestations, severity), kept whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reaction: Vec<serde_json::Value>,
    /// Everything else, kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A list of a patient's records of one kind, such as GP Connect's
/// "Allergies and adverse reactions" (SNOMED CT 886921000000105). An empty
/// list's `empty_reason` says why it is empty: nothing known, not asked, or
/// the information could not be obtained.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct List {
    /// Always `List`.
    pub resource_type: ListType,
    /// The server's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version and profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// `current`, `retired` or `entered-in-error`.
    pub status: String,
    /// `working`, `snapshot` or `changes`.
    pub mode: String,
    /// A name for people.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What the list is of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeableConcept>,
    /// Whose records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Reference>,
    /// When it was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Why an empty list is empty (FHIR's list-empty-reason codes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub empty_reason: Option<CodeableConcept>,
    /// The records, kept whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entry: Vec<serde_json::Value>,
    /// Everything else, kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}
