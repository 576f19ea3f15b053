//! Problem list's gallery examples and the sample records they show: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::clinical::fetched::Fetched;
use crate::docs::{ComponentDocs, Example};
use crate::fhir::CodeableConcept;
use crate::fhir::resources::Condition;
use crate::clinical::withdrawn::CONDITION_VERIFICATION as VERIFICATION;
use crate::fhir::Reference;

/// The gallery page and tests for [`ProblemList`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "problem-list",
    title: "Problem list",
    summary: "Current and past problems with clinical and verification status.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Current and past problems",
            description: "Long-term conditions, a provisional diagnosis from this admission, a problem with no status, a resolved one and a refuted one.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <ProblemList records=Fetched::Ready(examples::admission()) /> }.into_any(),
        },
        Example {
            name: "empty",
            title: "None recorded",
            description: "No problems: said in words, never a blank.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <ProblemList records=Fetched::Ready(Vec::new()) /> }.into_any(),
        },
        Example {
            name: "loading",
            title: "Loading",
            description: "While the records are fetched.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <ProblemList records=Fetched::Loading /> }.into_any(),
        },
        Example {
            name: "failed",
            title: "Could not be read",
            description: "The server failed: never shown as none.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <ProblemList records=Fetched::Failed("The clinical record system is not available (503). Try again in a few minutes.".into()) /> }
                    .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the list.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! { <ProblemList class="app-problems" records=Fetched::Ready(examples::admission()) attr:data-test="problem-list" /> }
                    .into_any()
            },
        },
    ],
};

/// A Condition: SNOMED CT `code`, its statuses, `onset` and `ended`
/// (empty for none).
pub fn condition(code: &str, name: &str, clinical: &str, verification: &str, onset: &str, ended: &str) -> Condition {
    let mut extra = crate::fhir::Extra::new();
    if !onset.is_empty() {
        extra.insert("onsetDateTime".into(), serde_json::json!(onset));
    }
    if !ended.is_empty() {
        extra.insert("abatementDateTime".into(), serde_json::json!(ended));
    }
    Condition {
        clinical_status: (!clinical.is_empty()).then(|| CodeableConcept::coded(CLINICAL, clinical, None)),
        verification_status: Some(CodeableConcept::coded(VERIFICATION, verification, None)),
        category: vec![CodeableConcept::coded(CATEGORY, "problem-list-item", Some("Problem List Item"))],
        code: Some(CodeableConcept::coded("http://snomed.info/sct", code, Some(name))),
        subject: Reference::to("Patient", "example"),
        extra,
        ..Default::default()
    }
}

/// An older patient admitted with a chest infection.
pub fn admission() -> Vec<Condition> {
    let mut pneumonia = condition("233604007", "Pneumonia", "active", "provisional", "2026-11-20T21:30:00Z", "");
    pneumonia.category = vec![CodeableConcept::coded(CATEGORY, "encounter-diagnosis", Some("Encounter Diagnosis"))];
    pneumonia.extra.insert("severity".into(), serde_json::json!({"coding": [{"display": "Moderate"}]}));
    vec![
        condition("44054006", "Type 2 diabetes mellitus", "active", "confirmed", "2012-05", ""),
        pneumonia,
        condition("13645005", "Chronic obstructive pulmonary disease", "active", "confirmed", "2017-09-12", ""),
        condition("49436004", "Atrial fibrillation", "", "confirmed", "2023-02-03", ""),
        condition("195967001", "Asthma", "resolved", "refuted", "2017-03", "2017-09-12"),
        condition("71620000", "Fracture of femur", "resolved", "confirmed", "2021-06-30", "2021-12-01"),
    ]
}
