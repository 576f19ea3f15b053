//! The resources Bedside models. Each keeps what it does not model in `extra`.

mod bundle;
mod observation;
mod operation_outcome;
mod patient;

pub use bundle::{Bundle, BundleEntry, BundleLink};
pub use observation::{Observation, ObservationComponent, ReferenceRange};
pub use operation_outcome::{Issue, OperationOutcome};
pub use patient::Patient;
