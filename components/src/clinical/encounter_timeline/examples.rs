//! Encounter timeline's gallery examples and the sample records they show: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::clinical::fetched::Fetched;
use crate::docs::{ComponentDocs, Example};
use crate::fhir::resources::Encounter;
use crate::fhir::{Coding, Period, Reference};

/// The gallery page and tests for [`EncounterTimeline`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "encounter-timeline",
    title: "Encounter timeline",
    summary: "Admissions, visits and clinics, newest first, with where, why and when.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "An admission and earlier encounters",
            description: "A current stay through the emergency department, a clinic, an earlier admission and a cancelled appointment.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <EncounterTimeline records=Fetched::Ready(examples::history()) /> }.into_any(),
        },
        Example {
            name: "empty",
            title: "None recorded",
            description: "No encounters: said in words.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <EncounterTimeline records=Fetched::Ready(Vec::new()) /> }.into_any(),
        },
        Example {
            name: "loading",
            title: "Loading",
            description: "While the records are fetched.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <EncounterTimeline records=Fetched::Loading /> }.into_any(),
        },
        Example {
            name: "failed",
            title: "Could not be read",
            description: "The server failed: said, never shown as none.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <EncounterTimeline records=Fetched::Failed("Your session has expired. Sign in again to see this patient's encounters.".into()) /> }
                    .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the timeline.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! { <EncounterTimeline class="app-encounters" records=Fetched::Ready(examples::history()) attr:data-test="encounter-timeline" /> }
                    .into_any()
            },
        },
    ],
};

const ACT: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

/// An encounter of `class` with `status` from `start` to `end` (empty
/// for none) at `ward`, for `reason`.
pub fn encounter(class: &str, status: &str, start: &str, end: &str, ward: &str, reason: &str) -> Encounter {
    let mut extra = crate::fhir::Extra::new();
    if !reason.is_empty() {
        extra.insert("reasonCode".into(), serde_json::json!([{"text": reason}]));
    }
    Encounter {
        status: status.into(),
        class: Coding {
            system: Some(ACT.into()),
            code: Some(class.into()),
            ..Default::default()
        },
        subject: Some(Reference::to("Patient", "example")),
        period: Some(Period {
            start: (!start.is_empty()).then(|| start.into()),
            end: (!end.is_empty()).then(|| end.into()),
            ..Default::default()
        }),
        location: (!ward.is_empty())
            .then(|| serde_json::json!({"location": {"display": ward}, "status": "active"}))
            .into_iter()
            .collect(),
        service_provider: Some(Reference {
            display: Some("Royal Example Hospital".into()),
            ..Default::default()
        }),
        extra,
        ..Default::default()
    }
}

/// This admission through the emergency department, a clinic, an
/// earlier stay and a cancelled appointment.
pub fn history() -> Vec<Encounter> {
    vec![
        encounter("AMB", "finished", "2026-09-14T10:20:00+01:00", "2026-09-14T10:50:00+01:00", "Respiratory clinic", "COPD review"),
        encounter("EMER", "finished", "2026-11-20T18:05:00Z", "2026-11-20T21:40:00Z", "Emergency department", "Shortness of breath"),
        encounter("IMP", "in-progress", "2026-11-20T21:40:00Z", "", "Ward 7 (respiratory)", "Community-acquired pneumonia"),
        encounter("IMP", "finished", "2021-06-30T15:00:00+01:00", "2021-07-09T11:30:00+01:00", "Ward 3 (trauma and orthopaedics)", "Fractured neck of femur"),
        encounter("AMB", "cancelled", "2026-12-02T09:30:00Z", "", "Respiratory clinic", ""),
    ]
}
