//! Clinical rules and the components that show them.
//!
//! The rules are [`bedside_core::clinical`]'s, re-exported here: each cites
//! the published source it follows and is tested at every boundary that
//! source sets, with no Leptos in them, so native tests cover them
//! completely and a screen that uses one pays only for that one.
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

pub mod fetched;

// Named, not a glob: the registry below declares a `narrative` module (the
// component), which a glob's `narrative` (the re-writer) would make ambiguous.
#[doc(inline)]
pub use bedside_core::clinical::{
    Acvpu, Age, AgeError, Amount, Born, CalendarDate, ClinicalRisk, DateError, Dose, FhirDate,
    FhirDateTime, Flag, Inspired, Instant, Interpretation, LinePart, Measure, MeasureSpec,
    MedicationError, MedicationLine, News2, NhsNumber, NhsNumberError, Observations, Parameter,
    Previous, Recording, Response, ResultGroup, ResultLine, ResultValue, SpO2Scale, Strength,
    Trend, UkDateTime, VitalSet, Withdrawal, Withdrawn, cui, format_number, group_results,
    medication, news2, nhs_number, parameter_score, range_text, results, scale_in_force, score,
    unit_text, vital_signs, withdrawn,
};
pub use fetched::Fetched;

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
