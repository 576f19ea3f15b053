//! One rule for withdrawn records, applied by every reader: reports and
//! results, vital signs, medicines, allergies (banner and list), problems
//! and encounters.
//!
//! A record is **withdrawn** when its own status says it is not clinical
//! fact:
//! - `entered-in-error` (any resource; for an allergy or a condition, its
//!   `verificationStatus`): it should never have existed;
//! - `cancelled` (an Observation, DiagnosticReport, Encounter or
//!   MedicationRequest): it did not happen, or was called off before it
//!   did;
//! - `refuted` (an allergy's or a condition's `verificationStatus`): it was
//!   disproven.
//!
//! The rule (FHIR R4 defines these codes as making the record not current:
//! "entered-in-error" in each resource's status value set, §2.1.0.4 on
//! statuses and the `verificationStatus` value sets):
//! 1. A withdrawn record never counts: no score, total, trend's previous
//!    value, "latest" reading, chart point, banner allergy or current list
//!    includes it.
//! 2. An `entered-in-error` record is not shown at all, and neither is what
//!    hangs off it alone (the results only a withdrawn report names).
//! 3. A `cancelled` or `refuted` record may be shown only where its history
//!    is the point, labelled in words ("Cancelled", "Refuted"), after what
//!    is current: a cancelled visit in the timeline, a cancelled test in its
//!    report, a refuted allergy or problem at the end of its list.

use crate::fhir::CodeableConcept;
use crate::fhir::resources::{
    AllergyIntolerance, Condition, DiagnosticReport, Encounter, MedicationRequest, Observation,
};

/// FHIR's allergy verification statuses.
pub const ALLERGY_VERIFICATION: &str =
    "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
/// FHIR's condition verification statuses.
pub const CONDITION_VERIFICATION: &str =
    "http://terminology.hl7.org/CodeSystem/condition-ver-status";

/// Why a record is withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withdrawal {
    /// `entered-in-error`: never shown.
    EnteredInError,
    /// `cancelled`: shown only as history, labelled.
    Cancelled,
    /// `refuted`: shown only as history, labelled.
    Refuted,
}

impl Withdrawal {
    /// Whether the record is left off the screen altogether (rule 2).
    pub fn hidden(self) -> bool {
        self == Self::EnteredInError
    }
}

/// A record that can be withdrawn.
pub trait Withdrawn {
    /// Why it is withdrawn, if it is.
    fn withdrawal(&self) -> Option<Withdrawal>;

    /// Whether it counts as clinical fact (rule 1).
    fn is_current(&self) -> bool {
        self.withdrawal().is_none()
    }

    /// Whether it may be shown at all (rule 2).
    fn is_shown(&self) -> bool {
        !self.withdrawal().is_some_and(Withdrawal::hidden)
    }
}

fn by_status(status: &str) -> Option<Withdrawal> {
    match status {
        "entered-in-error" => Some(Withdrawal::EnteredInError),
        "cancelled" => Some(Withdrawal::Cancelled),
        _ => None,
    }
}

fn by_verification(status: Option<&CodeableConcept>, system: &str) -> Option<Withdrawal> {
    let status = status?;
    if status.has(system, "entered-in-error") {
        Some(Withdrawal::EnteredInError)
    } else if status.has(system, "refuted") {
        Some(Withdrawal::Refuted)
    } else {
        None
    }
}

impl Withdrawn for Observation {
    fn withdrawal(&self) -> Option<Withdrawal> {
        by_status(&self.status)
    }
}

impl Withdrawn for DiagnosticReport {
    fn withdrawal(&self) -> Option<Withdrawal> {
        by_status(&self.status)
    }
}

impl Withdrawn for Encounter {
    fn withdrawal(&self) -> Option<Withdrawal> {
        by_status(&self.status)
    }
}

impl Withdrawn for MedicationRequest {
    fn withdrawal(&self) -> Option<Withdrawal> {
        by_status(&self.status)
    }
}

impl Withdrawn for AllergyIntolerance {
    fn withdrawal(&self) -> Option<Withdrawal> {
        by_verification(self.verification_status.as_ref(), ALLERGY_VERIFICATION)
    }
}

impl Withdrawn for Condition {
    fn withdrawal(&self) -> Option<Withdrawal> {
        by_verification(self.verification_status.as_ref(), CONDITION_VERIFICATION)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from<T: serde::de::DeserializeOwned>(json: serde_json::Value) -> T {
        serde_json::from_value(json).expect("a resource")
    }

    /// Each resource type, each status, against the codes written here
    /// from FHIR R4's value sets (not read back through the rule's own
    /// constants).
    #[test]
    fn each_resource_types_withdrawn_statuses() {
        use Withdrawal::*;
        for (status, expected) in [
            ("final", None),
            ("amended", None),
            ("preliminary", None),
            ("cancelled", Some(Cancelled)),
            ("entered-in-error", Some(EnteredInError)),
        ] {
            let o: Observation = from(
                serde_json::json!({"resourceType": "Observation", "status": status, "code": {}}),
            );
            assert_eq!(o.withdrawal(), expected, "Observation {status}");
            let r: DiagnosticReport = from(
                serde_json::json!({"resourceType": "DiagnosticReport", "status": status, "code": {}}),
            );
            assert_eq!(r.withdrawal(), expected, "DiagnosticReport {status}");
        }
        for (status, expected) in [
            ("in-progress", None),
            ("finished", None),
            ("cancelled", Some(Cancelled)),
            ("entered-in-error", Some(EnteredInError)),
        ] {
            let e: Encounter = from(
                serde_json::json!({"resourceType": "Encounter", "status": status, "class": {"code": "IMP"}}),
            );
            assert_eq!(e.withdrawal(), expected, "Encounter {status}");
        }
        for (status, expected) in [
            ("active", None),
            ("stopped", None),
            ("completed", None),
            ("cancelled", Some(Cancelled)),
            ("entered-in-error", Some(EnteredInError)),
        ] {
            let m: MedicationRequest = from(
                serde_json::json!({"resourceType": "MedicationRequest", "status": status, "intent": "order", "subject": {"reference": "Patient/1"}}),
            );
            assert_eq!(m.withdrawal(), expected, "MedicationRequest {status}");
        }
        for (code, expected) in [
            ("confirmed", None),
            ("unconfirmed", None),
            ("refuted", Some(Refuted)),
            ("entered-in-error", Some(EnteredInError)),
        ] {
            let a: AllergyIntolerance = from(
                serde_json::json!({"resourceType": "AllergyIntolerance", "patient": {"reference": "Patient/1"},
                "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "code": code}]}}),
            );
            assert_eq!(a.withdrawal(), expected, "AllergyIntolerance {code}");
            let c: Condition = from(
                serde_json::json!({"resourceType": "Condition", "subject": {"reference": "Patient/1"},
                "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": code}]}}),
            );
            assert_eq!(c.withdrawal(), expected, "Condition {code}");
        }
        // A verification code from another system is not this one's.
        let other: Condition = from(
            serde_json::json!({"resourceType": "Condition", "subject": {"reference": "Patient/1"},
            "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "code": "refuted"}]}}),
        );
        assert_eq!(other.withdrawal(), None);
        assert!(EnteredInError.hidden() && !Cancelled.hidden() && !Refuted.hidden());
    }
}
