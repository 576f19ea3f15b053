//! The resources Bedside models. Each keeps what it does not model in `extra`.

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
