//! Patient details as every page shows them, and FHIR problems as NHS error
//! summaries: shared by the start page and the tools.

use bedside::clinical::cui;
use bedside::fhir::FhirError;
use bedside::fhir::summary::{NameView, PersonView, pick_name};
use bedside::ui::ErrorSummary;
use leptos::prelude::*;

/// "FAMILY, Given (Title)" from the official name: the NHS CUI order
/// ([`cui::patient_name`]), as the patient banner shows it.
pub fn patient_name(names: &[NameView]) -> String {
    let Some(name) = pick_name(names, false) else {
        return cui::NOT_KNOWN.into();
    };
    let given: Vec<&str> = name.given_names().collect();
    cui::patient_name(
        name.family.as_deref(),
        &given,
        name.title(),
        name.text.as_deref(),
    )
}

/// Name, NHS number and date of birth, each with its label.
pub fn patient_rows(patient: &PersonView) -> [(&'static str, String); 3] {
    [
        ("Name", patient_name(&patient.name)),
        (
            "NHS number",
            patient
                .nhs_number()
                .map_or_else(|| "Not recorded".into(), |n| n.formatted()),
        ),
        (
            "Date of birth",
            patient
                .birth_date
                .clone()
                .unwrap_or_else(|| "Not recorded".into()),
        ),
    ]
}

/// A FHIR request that failed, in the clinician's words, as an NHS error
/// summary (which takes focus, so the failure is met at once).
#[component]
pub fn FhirProblem(error: FhirError) -> impl IntoView {
    view! { <ErrorSummary description=error.to_string() /> }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn patient_names_follow_the_cui_order() {
        let names = vec![NameView {
            use_: Some("official".into()),
            family: Some("Smith".into()),
            given: vec![Some("Jane".into()), Some("Ann".into())],
            prefix: vec![Some("Mrs".into())],
            ..NameView::default()
        }];
        assert_eq!(patient_name(&names), "SMITH, Jane Ann (Mrs)");
        assert_eq!(patient_name(&[]), "Not known");
        let given_only = vec![NameView {
            given: vec![Some("Jane".into())],
            ..NameView::default()
        }];
        assert_eq!(patient_name(&given_only), "Jane", "no leading comma");
    }
}
