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

/// Why text is not an NHS number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NhsNumberError {
    /// Not ten digits (spaces and hyphens between groups are allowed).
    #[error("an NHS number has 10 digits")]
    Format,
    /// The check digit does not match.
    #[error("this is not a valid NHS number: the check digit does not match")]
    CheckDigit,
}

/// A valid NHS number, stored as its ten digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NhsNumber(String);

impl NhsNumber {
    /// Parses `943 476 5919`, `943-476-5919` or `9434765919`.
    ///
    /// The check digit is Modulus 11 (NHS Data Dictionary, "NHS Number"):
    /// multiply the first nine digits by 10 down to 2, sum, take the
    /// remainder on dividing by 11, and subtract it from 11. A result of 11
    /// means a check digit of 0; a result of 10 means the number is invalid.
    pub fn parse(text: &str) -> Result<Self, NhsNumberError> {
        let digits: String = text.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        if digits.len() != 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NhsNumberError::Format);
        }
        let value = |i: usize| u32::from(digits.as_bytes()[i] - b'0');
        let sum: u32 = (0..9).map(|i| value(i) * (10 - i as u32)).sum();
        let check = match 11 - sum % 11 {
            11 => 0,
            10 => return Err(NhsNumberError::CheckDigit),
            c => c,
        };
        if check == value(9) {
            Ok(Self(digits))
        } else {
            Err(NhsNumberError::CheckDigit)
        }
    }

    /// The ten digits.
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// As NHS.UK shows it: `943 476 5919`.
    pub fn formatted(&self) -> String {
        format!("{} {} {}", &self.0[..3], &self.0[3..6], &self.0[6..])
    }
}

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
    fn valid_numbers_parse_in_every_written_form() {
        for text in ["9434765919", "943 476 5919", "943-476-5919", "4010232137"] {
            assert!(NhsNumber::parse(text).is_ok(), "{text}");
        }
        assert_eq!(
            NhsNumber::parse("943 476 5919").map(|n| n.formatted()),
            Ok("943 476 5919".to_string())
        );
    }

    #[test]
    fn every_wrong_last_digit_is_refused() {
        for last in 0..=9 {
            let text = format!("943476591{last}");
            assert_eq!(NhsNumber::parse(&text).is_ok(), last == 9, "{text}");
        }
    }

    #[test]
    fn check_digit_boundaries() {
        // Remainder 0 → 11 → check digit 0.
        assert!(NhsNumber::parse("0000000000").is_ok());
        // Remainder 1 → 10: no valid number has these nine digits, whatever the last.
        for last in 0..=9 {
            assert_eq!(
                NhsNumber::parse(&format!("000000006{last}")),
                Err(NhsNumberError::CheckDigit)
            );
        }
        // Remainder 2 → check digit 9.
        assert!(NhsNumber::parse("0000000019").is_ok());
    }

    #[test]
    fn malformed_text_is_a_format_error() {
        for text in [
            "",
            "943476591",
            "94347659190",
            "94347659l9",
            "943 476 591 9 0",
            "+44 943 476 591",
        ] {
            assert_eq!(
                NhsNumber::parse(text),
                Err(NhsNumberError::Format),
                "{text:?}"
            );
        }
    }

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
