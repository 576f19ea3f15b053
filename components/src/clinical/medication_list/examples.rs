//! Medication list's gallery examples and the sample records they show: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::clinical::fetched::Fetched;
use crate::docs::{ComponentDocs, Example};
use crate::fhir::resources::MedicationRequest;
use crate::fhir::{CodeableConcept, Dosage, Reference, Timing};

/// The gallery page and tests for [`MedicationList`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "medication-list",
    title: "Medication list",
    summary: "Medicines as NHS CUI medication lines, with status and dates.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Current and past medicines",
            description: "Regular, when-required, on-hold and stopped medicines from FHIR MedicationRequests.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <MedicationList items=Fetched::Ready(examples::ward_round()) /> }.into_any(),
        },
        Example {
            name: "whole-dosages",
            title: "Ranges, weekly doses, steps and what the line cannot say",
            description: "Every structured part of a dosage in words, the prescriber's own text beside it, each step of a reducing regimen, and a warning where part of a dosage cannot be shown.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <MedicationList items=Fetched::Ready(examples::whole_dosages()) /> }.into_any(),
        },
        Example {
            name: "empty",
            title: "None recorded",
            description: "No medicines: said in words, never a blank.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <MedicationList items=Fetched::Ready(Vec::new()) /> }.into_any(),
        },
        Example {
            name: "loading",
            title: "Loading",
            description: "While the medicines are fetched.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <MedicationList items=Fetched::Loading /> }.into_any(),
        },
        Example {
            name: "failed",
            title: "Could not be read",
            description: "The server failed: never shown as no medicines.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <MedicationList items=Fetched::Failed("The clinical record system did not answer in time. Check your connection and try again.".into()) /> }
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
                view! { <MedicationList class="app-medicines" items=Fetched::Ready(examples::ward_round()) attr:data-test="medication-list" /> }
                    .into_any()
            },
        },
    ],
};

fn text(t: &str) -> Option<CodeableConcept> {
    Some(CodeableConcept {
        text: Some(t.into()),
        ..Default::default()
    })
}

/// A request for `medicine`: `dose` in `unit` by `route`, `frequency`
/// times every `period` `unit_of_time`; or `dosage_text` alone.
pub(super) struct Rx<'a> {
    pub status: &'a str,
    pub prescribed: &'a str,
    pub medicine: &'a str,
    pub dose: Option<(f64, &'a str)>,
    pub route: &'a str,
    pub every: Option<(u32, u32, &'a str)>,
    pub when_required: bool,
    pub dosage_text: Option<&'a str>,
}

pub(super) fn item(rx: Rx<'_>) -> MedicationItem {
    let dosage = Dosage {
        text: rx.dosage_text.map(Into::into),
        timing: rx.every.map(|(frequency, period, unit)| Timing {
            repeat: Some(serde_json::json!({"frequency": frequency, "period": period, "periodUnit": unit})),
            ..Default::default()
        }),
        as_needed_boolean: rx.when_required.then_some(true),
        route: (!rx.route.is_empty()).then(|| text(rx.route)).flatten(),
        dose_and_rate: rx
            .dose
            .map(|(value, unit)| serde_json::json!({"doseQuantity": {"value": value, "unit": unit}}))
            .into_iter()
            .collect(),
        ..Default::default()
    };
    MedicationItem::from_request(&MedicationRequest {
        status: rx.status.into(),
        intent: "order".into(),
        authored_on: Some(rx.prescribed.into()),
        medication_codeable_concept: text(rx.medicine),
        subject: Reference::to("Patient", "1"),
        dosage_instruction: vec![dosage],
        ..Default::default()
    })
    .expect("an example medicine is not entered in error")
}

/// Requests whose dosages a CUI line alone cannot say: a range with a
/// minimum interval, a weekly dose on a named day, a reducing regimen,
/// and a schedule with a part no line words.
pub(super) fn whole_dosages() -> Vec<MedicationItem> {
    let request = |medicine: &str, dosages: serde_json::Value| {
        MedicationItem::from_request(&MedicationRequest {
            status: "active".into(),
            intent: "order".into(),
            authored_on: Some("2026-11-19T18:40:00Z".into()),
            medication_codeable_concept: text(medicine),
            subject: Reference::to("Patient", "1"),
            dosage_instruction: serde_json::from_value(dosages).unwrap_or_default(),
            ..Default::default()
        })
    };
    let daily = |sequence: u32, mg: u32| {
        serde_json::json!({
            "sequence": sequence,
            "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d", "boundsDuration": {"value": 7, "code": "d"}}},
            "route": {"text": "oral"},
            "doseAndRate": [{"doseQuantity": {"value": mg, "unit": "mg"}}]
        })
    };
    [
        request(
            "morphine sulfate 10 mg in 5 mL oral solution",
            serde_json::json!([{
                "text": "2.5 mg to 5 mg when required for pain, at least 4 hours apart",
                "asNeededCodeableConcept": {"text": "pain"},
                "timing": {"repeat": {"frequency": 1, "period": 4, "periodUnit": "h"}},
                "route": {"text": "oral"},
                "doseAndRate": [{"doseRange": {"low": {"value": 2.5, "unit": "mg"}, "high": {"value": 5, "unit": "mg"}}}],
                "maxDosePerPeriod": {"numerator": {"value": 30, "unit": "mg"}, "denominator": {"value": 24, "code": "h"}}
            }]),
        ),
        request(
            "methotrexate 2.5 mg tablets",
            serde_json::json!([{
                "text": "15 mg once a week on Mondays",
                "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "wk", "dayOfWeek": ["mon"]}},
                "route": {"text": "oral"},
                "doseAndRate": [{"doseQuantity": {"value": 15, "unit": "mg"}}]
            }]),
        ),
        request("prednisolone 5 mg tablets", serde_json::json!([daily(1, 40), daily(2, 30), daily(3, 20)])),
        request(
            "furosemide 40 mg tablets",
            serde_json::json!([{
                "timing": {"event": ["2026-12-04T08:00:00Z", "2026-12-05T08:00:00Z"]},
                "route": {"text": "oral"},
                "doseAndRate": [{"doseQuantity": {"value": 40, "unit": "mg"}}]
            }]),
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

pub(super) fn ward_round() -> Vec<MedicationItem> {
    let regular = |status, prescribed, medicine, dose, route, every| Rx {
        status,
        prescribed,
        medicine,
        dose: Some(dose),
        route,
        every: Some(every),
        when_required: false,
        dosage_text: None,
    };
    vec![
        item(regular("active", "2026-11-20T09:15:00Z", "amoxicillin 500 mg capsules", (500.0, "mg"), "oral", (3, 1, "d"))),
        item(regular(
            "active",
            "2026-11-19T18:40:00Z",
            "enoxaparin 40 mg in 0.4 mL solution for injection",
            (40.0, "mg"),
            "subcutaneous",
            (1, 1, "d"),
        )),
        item(Rx {
            when_required: true,
            ..regular("active", "2026-11-19T18:40:00Z", "morphine sulfate 10 mg in 5 mL oral solution", (2.5, "mL"), "oral", (1, 4, "h"))
        }),
        item(regular("on-hold", "2026-06-02", "levothyroxine 25 microgram tablets", (75.0, "ug"), "oral", (1, 1, "d"))),
        item(Rx {
            status: "stopped",
            prescribed: "2025-01-14",
            medicine: "insulin soluble human 100 units per mL solution for injection",
            dose: None,
            route: "",
            every: None,
            when_required: false,
            dosage_text: Some("as directed by the diabetes team"),
        }),
    ]
}
