//! Clinical rules, with no UI in them.
//!
//! Each rule cites the published source it follows and is tested at every
//! boundary that source sets: a score or a check digit that is wrong at one
//! edge is a clinical safety defect, not a cosmetic one. Plain Rust, so
//! native tests cover them completely and a screen that uses one pays only
//! for that one; the crate `bedside` shows them (its `clinical` module adds
//! the components).
//!
//! Every reader of records applies one rule for withdrawn records
//! ([`withdrawn`]: entered in error, cancelled, refuted), and the hazards
//! these rules control, with the tests that prove each control, are in
//! `docs/clinical-safety/hazard-log.md`.

pub mod cui;
pub mod medication;
pub mod narrative;
pub mod news2;
pub mod results;
pub mod vital_signs;
pub mod withdrawn;

pub use crate::nhs_number::{self, NhsNumber, NhsNumberError};
pub use cui::{
    Age, AgeError, Born, CalendarDate, DateError, FhirDate, FhirDateTime, Instant, UkDateTime,
};
pub use medication::{
    Amount, Dose, LinePart, MedicationError, MedicationLine, Strength, format_number, unit_text,
};
pub use news2::{
    Acvpu, ClinicalRisk, Inspired, News2, Observations, Parameter, Response, SpO2Scale,
    parameter_score, score,
};
pub use results::{
    Flag, Interpretation, Previous, ResultGroup, ResultLine, ResultValue, Trend, group_results,
    range_text,
};
pub use vital_signs::{Measure, MeasureSpec, Recording, VitalSet, scale_in_force};
pub use withdrawn::{Withdrawal, Withdrawn};
