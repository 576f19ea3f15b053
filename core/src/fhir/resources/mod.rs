//! The resources Bedside models. Each keeps what it does not model in `extra`.

/// Declares a unit type that is written as the resource type's name and
/// refuses any other name: the `resourceType` field of a resource struct.
/// (serde's `tag` on structs does not work together with `flatten`.)
/// Defined before the modules below, which use it by its textual scope.
macro_rules! resource_type {
    ($name:ident, $text:literal) => {
        #[doc = concat!("The `resourceType` of ", $text, ".")]
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
        pub struct $name;

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($text)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let found = String::deserialize(d)?;
                if found == $text {
                    Ok(Self)
                } else {
                    Err(serde::de::Error::custom(format!(
                        "expected resourceType {}, found {found}",
                        $text
                    )))
                }
            }
        }
    };
}

mod bundle;
mod care;
mod medicines;
mod observation;
mod operation_outcome;
mod patient;
mod people;
mod reports;

pub use bundle::{Bundle, BundleEntry, BundleLink};
pub use care::{AllergyIntolerance, Condition, Encounter, List, Location};
pub use medicines::{Medication, MedicationRequest, MedicationStatement};
pub use observation::{Observation, ObservationComponent, ReferenceRange};
pub use operation_outcome::{Issue, OperationOutcome};
pub use patient::Patient;
pub use people::{Organization, Practitioner, PractitionerRole};
pub use reports::oauth_uris;
pub use reports::{CapabilityStatement, DiagnosticReport, Questionnaire, QuestionnaireResponse};
