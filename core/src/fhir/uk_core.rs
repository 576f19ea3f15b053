//! UK Core R4 helpers: the NHS number and the extensions Bedside displays.

use super::resources::Patient;
use super::{CodeableConcept, Identifier};

/// The identifier system of NHS numbers (England, Wales and the Isle of Man).
pub const NHS_NUMBER_SYSTEM: &str = "https://fhir.nhs.uk/Id/nhs-number";
/// UK Core extension on the NHS number: whether it has been traced and verified.
pub const NHS_NUMBER_VERIFICATION_STATUS: &str =
    "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
/// UK Core extension: ethnic category (optional; shown only where recorded).
pub const ETHNIC_CATEGORY: &str =
    "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory";

/// The NHS number and why text is not one: the one implementation, with the
/// clinical rules ([`crate::nhs_number`]), which cites its source.
pub use crate::nhs_number::{NhsNumber, NhsNumberError};

impl Identifier {
    /// The NHS number, if this identifier is one and it is valid.
    pub fn nhs_number(&self) -> Option<NhsNumber> {
        (self.system.as_deref() == Some(NHS_NUMBER_SYSTEM))
            .then(|| self.value.as_deref().and_then(|v| NhsNumber::parse(v).ok()))
            .flatten()
    }

    /// UK Core's verification status of this NHS number, if recorded.
    pub fn nhs_number_verification(&self) -> Option<&CodeableConcept> {
        self.extension
            .iter()
            .find(|e| e.url == NHS_NUMBER_VERIFICATION_STATUS)
            .and_then(|e| e.value_codeable_concept.as_ref())
    }
}

impl Patient {
    /// The patient's NHS number identifier, valid or not (so an invalid one can be flagged).
    pub fn nhs_number_identifier(&self) -> Option<&Identifier> {
        self.identifier
            .iter()
            .find(|i| i.system.as_deref() == Some(NHS_NUMBER_SYSTEM))
    }

    /// The patient's NHS number, if present and valid.
    pub fn nhs_number(&self) -> Option<NhsNumber> {
        self.nhs_number_identifier()
            .and_then(Identifier::nhs_number)
    }

    /// Ethnic category, where recorded.
    pub fn ethnic_category(&self) -> Option<&CodeableConcept> {
        self.extension
            .iter()
            .find(|e| e.url == ETHNIC_CATEGORY)
            .and_then(|e| e.value_codeable_concept.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patients_give_their_nhs_number_and_verification() {
        let patient: Patient = serde_json::from_value(serde_json::json!({
            "resourceType": "Patient",
            "identifier": [
                {"system": "https://example.org/mrn", "value": "123"},
                {
                    "system": NHS_NUMBER_SYSTEM, "value": "9434765919",
                    "extension": [{"url": NHS_NUMBER_VERIFICATION_STATUS,
                        "valueCodeableConcept": {"coding": [{"code": "01", "display": "Number present and verified"}]}}]
                }
            ]
        }))
        .expect("a patient");
        assert_eq!(
            patient.nhs_number().map(|n| n.formatted()).as_deref(),
            Some("943 476 5919")
        );
        let status = patient
            .nhs_number_identifier()
            .and_then(Identifier::nhs_number_verification)
            .and_then(CodeableConcept::label);
        assert_eq!(status, Some("Number present and verified"));

        let invalid: Patient = serde_json::from_value(serde_json::json!({
            "resourceType": "Patient",
            "identifier": [{"system": NHS_NUMBER_SYSTEM, "value": "9434765918"}]
        }))
        .expect("a patient");
        assert!(invalid.nhs_number_identifier().is_some());
        assert_eq!(invalid.nhs_number(), None);
    }
}
