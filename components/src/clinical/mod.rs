//! Clinical rules and the components that show them.
//!
//! Each rule cites the published source it follows and is tested at every
//! boundary that source sets: a score or a check digit that is wrong at one
//! edge is a clinical safety defect, not a cosmetic one. The rules are plain
//! Rust with no Leptos in them, so native tests cover them completely and a
//! screen that uses one pays only for that one.
//!
//! The components follow the UI components' conventions (one folder each,
//! named examples, one registry line below) in two gallery sections,
//! `clinical` (the banner, NHS number, medicines, narrative, NEWS2 and the
//! ward list) and `patient_record` (results, allergies, problems,
//! encounters, patient search), fetched on demand like the others: a ward PC's first screen
//! carries none of them, and their styles arrive with the later stylesheet.
//! The record lists take [`Fetched`] records, so that loading, a failed
//! fetch and "none recorded" always read differently.
//!
//! Every reader of records applies one rule for withdrawn records
//! ([`withdrawn`]: entered in error, cancelled, refuted), and the hazards
//! these rules control, with the tests that prove each control, are in
//! `docs/clinical-safety/hazard-log.md`.

pub mod cui;
pub mod fetched;
pub mod medication;
pub mod news2;
pub mod nhs_number;
pub mod results;
pub mod vital_signs;
pub mod withdrawn;

pub use cui::{
    Age, AgeError, Born, CalendarDate, DateError, FhirDate, FhirDateTime, Instant, UkDateTime,
};
pub use fetched::Fetched;
pub use medication::{
    Amount, Dose, LinePart, MedicationError, MedicationLine, Strength, format_number, unit_text,
};
pub use news2::{
    Acvpu, ClinicalRisk, Inspired, News2, Observations, Parameter, Response, SpO2Scale,
    parameter_score, score,
};
pub use nhs_number::{NhsNumber, NhsNumberError};
pub use results::{
    Flag, Interpretation, Previous, ResultGroup, ResultLine, ResultValue, Trend, group_results,
    range_text,
};
pub use vital_signs::{Measure, MeasureSpec, Recording, VitalSet, scale_in_force};
pub use withdrawn::{Withdrawal, Withdrawn};

crate::docs::registry! {
    clinical {
        patient_banner => { PatientBanner, BannerVariant, AllergyStatus, BannerFields, ALLERGY_LIST }
        nhs_number_input => { NhsNumberInput }
        medication_list => { MedicationList, MedicationItem }
        narrative => { Narrative }
        news2_score => { News2Score }
        vital_signs_entry => { VitalSignsEntry }
        vital_signs_chart => { VitalSignsChart, ChartRange }
        ward_list => { WardList, WardPatient, WardColumn }
    }
    patient_record {
        results_table => { ResultsTable }
        allergy_list => { AllergyList }
        problem_list => { ProblemList }
        encounter_timeline => { EncounterTimeline, Visit }
        patient_search => { PatientSearch, PatientQuery }
    }
}
