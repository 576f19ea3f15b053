//! Allergy list's gallery examples and the sample records they show: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::clinical::fetched::Fetched;
use crate::clinical::patient_banner::model::{
    ALLERGY_LIST, CLINICAL_STATUS, LIST_EMPTY_REASON, SNOMED, VERIFICATION,
};
use crate::docs::{ComponentDocs, Example};
use crate::fhir::CodeableConcept;
use crate::fhir::resources::{AllergyIntolerance, List};
use crate::fhir::Reference;

/// The gallery page and tests for [`AllergyList`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "allergy-list",
    title: "Allergy list",
    summary: "Allergies and intolerances with reactions, risk, verification and status.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Allergies listed",
            description: "A high-risk penicillin allergy first, an unconfirmed latex allergy, an intolerance, and a refuted allergy last.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <AllergyList records=Fetched::Ready(examples::several()) /> }.into_any(),
        },
        Example {
            name: "none-known",
            title: "No known allergies",
            description: "Asked, and the patient has none known.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <AllergyList records=Fetched::Ready(examples::none_known()) /> }.into_any(),
        },
        Example {
            name: "not-recorded",
            title: "Not recorded",
            description: "Never asked: not the same as none.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <AllergyList records=Fetched::Ready(Vec::new()) /> }.into_any(),
        },
        Example {
            name: "unable-to-assess",
            title: "Unable to assess",
            description: "The patient could not be asked: their allergy list is empty, and says why.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <AllergyList records=Fetched::Ready(Vec::new()) list=Some(examples::unable_to_assess()) /> }.into_any(),
        },
        Example {
            name: "loading",
            title: "Loading",
            description: "While the records are fetched.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <AllergyList records=Fetched::Loading /> }.into_any(),
        },
        Example {
            name: "failed",
            title: "Could not be read",
            description: "The server failed: never shown as none.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <AllergyList records=Fetched::Failed("You do not have permission to see this patient's allergies.".into()) /> }
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
                view! { <AllergyList class="app-allergies" records=Fetched::Ready(examples::several()) attr:data-test="allergy-list" /> }
                    .into_any()
            },
        },
    ],
};

/// An allergy to `substance` (SNOMED CT `code`).
pub fn allergy(code: &str, substance: &str, category: &str, verification: &str, recorded: &str) -> AllergyIntolerance {
    AllergyIntolerance {
        clinical_status: Some(CodeableConcept::coded(CLINICAL_STATUS, "active", None)),
        verification_status: Some(CodeableConcept::coded(VERIFICATION, verification, None)),
        category: vec![category.into()],
        code: Some(CodeableConcept::coded(SNOMED, code, Some(substance))),
        patient: Reference::to("Patient", "example"),
        recorded_date: Some(recorded.into()),
        ..Default::default()
    }
}

fn reaction(manifestation: &str, severity: &str) -> serde_json::Value {
    serde_json::json!({"manifestation": [{"text": manifestation}], "severity": severity})
}

/// Penicillin with anaphylaxis, a suspected latex allergy, a lactose
/// intolerance, and a codeine allergy ruled out.
pub fn several() -> Vec<AllergyIntolerance> {
    let mut penicillin = allergy("764146007", "Penicillin", "medication", "confirmed", "2019-03-14");
    penicillin.criticality = Some("high".into());
    penicillin.reaction = vec![reaction("Anaphylaxis", "severe")];
    let mut latex = allergy("111088007", "Latex", "environment", "unconfirmed", "2026-11-20T22:40:00Z");
    latex.reaction = vec![reaction("Itchy rash", "mild")];
    let mut lactose = allergy("47703008", "Lactose", "food", "confirmed", "2021-07-02");
    lactose.extra.insert("type".into(), serde_json::json!("intolerance"));
    lactose.reaction = vec![reaction("Bloating, diarrhoea", "moderate")];
    let mut codeine = allergy("1051000175102", "Codeine", "medication", "refuted", "2024-01-09");
    codeine.reaction = vec![reaction("Nausea", "mild")];
    vec![codeine, lactose, latex, penicillin]
}

/// The patient's allergy list, current and empty because the answer
/// could not be obtained (FHIR list-empty-reason `unavailable`).
pub fn unable_to_assess() -> List {
    List {
        status: "current".into(),
        mode: "snapshot".into(),
        code: Some(CodeableConcept::coded(SNOMED, ALLERGY_LIST, Some("Allergies and adverse reactions"))),
        subject: Some(Reference::to("Patient", "example")),
        empty_reason: Some(CodeableConcept::coded(LIST_EMPTY_REASON, "unavailable", Some("Unavailable"))),
        ..Default::default()
    }
}

/// Asked: no known drug allergy.
pub fn none_known() -> Vec<AllergyIntolerance> {
    vec![allergy("409137002", "No known drug allergy", "medication", "confirmed", "2026-11-19")]
}
