//! Results table's gallery examples and the sample records they show: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::clinical::fetched::Fetched;
use crate::clinical::results::ResultGroup;
use crate::docs::{ComponentDocs, Example};
use crate::clinical::results::group_results;
use crate::fhir::resources::{DiagnosticReport, Observation, ReferenceRange};
use crate::fhir::{CodeableConcept, Quantity, Reference};

/// The gallery page and tests for [`ResultsTable`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "results-table",
    title: "Results table",
    summary: "Test results by report: value, unit, flag in words, range and trend.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Blood tests with flags and trends",
            description: "Urea and electrolytes and a full blood count: the laboratory's flags, a critical potassium, ranges and yesterday's values.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <ResultsTable results=Fetched::Ready(examples::admission()) /> }.into_any(),
        },
        Example {
            name: "partial",
            title: "A preliminary report with gaps",
            description: "A result still to come, a haemolysed sample, an amended value and a result with no range.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <ResultsTable results=Fetched::Ready(examples::partial()) /> }.into_any(),
        },
        Example {
            name: "loading",
            title: "Loading",
            description: "While the results are fetched.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <ResultsTable results=Fetched::Loading /> }.into_any(),
        },
        Example {
            name: "failed",
            title: "Could not be read",
            description: "The server failed: said, never shown as no results.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <ResultsTable results=Fetched::Failed(
                        "The clinical record system did not answer in time (it may be busy). Try again in a minute."
                            .into(),
                    ) />
                }
                .into_any()
            },
        },
        Example {
            name: "empty",
            title: "None recorded",
            description: "No results: said in words, never a blank.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <ResultsTable results=Fetched::Ready(Vec::new()) /> }.into_any(),
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the results.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! { <ResultsTable class="app-results" results=Fetched::Ready(examples::partial()) attr:data-test="results-table" /> }
                    .into_any()
            },
        },
    ],
};

const LOINC: &str = "http://loinc.org";
const FLAGS: &str = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

fn quantity(value: &str, unit: &str) -> Option<Quantity> {
    Some(Quantity {
        value: value.parse().ok(),
        unit: Some(unit.into()),
        ..Default::default()
    })
}

/// A test: LOINC code, name, unit and range (low, high; empty for none).
type Test = (&'static str, &'static str, &'static str, &'static str, &'static str);

pub(crate) const SODIUM: Test = ("2951-2", "Sodium", "mmol/L", "133", "146");
pub(crate) const POTASSIUM: Test = ("2823-3", "Potassium", "mmol/L", "3.5", "5.3");
const UREA: Test = ("3094-0", "Urea", "mmol/L", "2.5", "7.8");
const CREATININE: Test = ("2160-0", "Creatinine", "micromol/L", "59", "104");
const EGFR: Test = ("62238-1", "eGFR", "mL/min/1.73m2", "60", "");
const HAEMOGLOBIN: Test = ("718-7", "Haemoglobin", "g/L", "130", "180");
const WHITE_CELLS: Test = ("6690-2", "White cell count", "10^9/L", "4.0", "11.0");
const PLATELETS: Test = ("777-3", "Platelets", "10^9/L", "150", "410");
const CRP: Test = ("1988-5", "C-reactive protein", "mg/L", "", "5");

/// One result of `test`: `value` at `when`, with the laboratory's flag
/// (`""` for none).
pub(crate) fn result(id: &str, test: Test, value: &str, when: &str, flag: &str) -> Observation {
    let (code, name, unit, low, high) = test;
    Observation {
        id: Some(id.into()),
        status: "final".into(),
        category: vec![CodeableConcept::coded("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", Some("Laboratory"))],
        code: CodeableConcept::coded(LOINC, code, Some(name)),
        subject: Some(Reference::to("Patient", "example")),
        effective_date_time: Some(when.into()),
        value_quantity: quantity(value, unit),
        interpretation: (!flag.is_empty())
            .then(|| CodeableConcept::coded(FLAGS, flag, Some(flag)))
            .into_iter()
            .collect(),
        reference_range: vec![ReferenceRange {
            low: (!low.is_empty()).then(|| quantity(low, unit)).flatten(),
            high: (!high.is_empty()).then(|| quantity(high, unit)).flatten(),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn report(id: &str, code: &str, name: &str, issued: &str, results: &[&Observation]) -> DiagnosticReport {
    DiagnosticReport {
        id: Some(id.into()),
        status: "final".into(),
        code: CodeableConcept::coded(LOINC, code, Some(name)),
        subject: Some(Reference::to("Patient", "example")),
        issued: Some(issued.into()),
        result: results
            .iter()
            .filter_map(|o| o.id.as_deref())
            .map(|id| Reference::to("Observation", id))
            .collect(),
        ..Default::default()
    }
}

/// A patient with sepsis and an acute kidney injury: today's blood
/// tests, yesterday's for the trends.
pub fn admission() -> Vec<ResultGroup> {
    let today = "2026-11-21T06:40:00Z";
    let yesterday = "2026-11-20T07:05:00Z";
    let ue = [
        result("na-2", SODIUM, "131", today, "L"),
        result("k-2", POTASSIUM, "6.4", today, "HH"),
        result("urea-2", UREA, "14.2", today, "H"),
        result("creat-2", CREATININE, "188", today, "H"),
        result("egfr-2", EGFR, "32", today, "L"),
    ];
    let fbc = [
        result("hb-2", HAEMOGLOBIN, "128", today, ""),
        result("wcc-2", WHITE_CELLS, "17.8", today, ""),
        result("plt-2", PLATELETS, "212", today, "N"),
    ];
    let crp = result("crp-2", CRP, "148", today, "H");
    let earlier = [
        result("na-1", SODIUM, "134", yesterday, "N"),
        result("k-1", POTASSIUM, "5.1", yesterday, "N"),
        result("urea-1", UREA, "9.8", yesterday, "H"),
        result("creat-1", CREATININE, "142", yesterday, "H"),
        result("hb-1", HAEMOGLOBIN, "131", yesterday, "N"),
        result("crp-1", CRP, "96", yesterday, "H"),
    ];
    let mut renal = report("ue-2", "24362-6", "Urea and electrolytes", "2026-11-21T08:12:00Z", &ue.iter().collect::<Vec<_>>());
    renal.conclusion = Some("Potassium 6.4 phoned to Ward 7 at 08:15.".into());
    let blood_count = report("fbc-2", "58410-2", "Full blood count", "2026-11-21T07:58:00Z", &fbc.iter().collect::<Vec<_>>());
    let reports = [renal, blood_count];
    let observations: Vec<Observation> = ue.into_iter().chain(fbc).chain([crp]).chain(earlier).collect();
    group_results(&reports, &observations)
}

/// A preliminary report: one result not yet given, a haemolysed
/// sample, a result with no range, and an amended one.
pub fn partial() -> Vec<ResultGroup> {
    let when = "2026-11-21T13:20:00Z";
    let mut haemolysed = result("k-3", POTASSIUM, "", when, "");
    haemolysed.value_quantity = None;
    haemolysed.extra.insert(
        "dataAbsentReason".into(),
        serde_json::json!({"coding": [{"code": "error"}], "text": "Sample haemolysed: please repeat"}),
    );
    let mut sodium = result("na-3", SODIUM, "136", when, "");
    sodium.status = "amended".into();
    let mut lactate = result("lac-3", ("2524-7", "Lactate", "mmol/L", "", ""), "2.9", when, "");
    lactate.reference_range.clear();
    let results = [&sodium, &haemolysed, &lactate];
    let mut gases = report("bg-3", "24336-0", "Blood gas and electrolytes", "2026-11-21T13:31:00Z", &results);
    gases.status = "preliminary".into();
    gases.result.push(Reference::to("Observation", "glucose-3"));
    let observations = vec![sodium.clone(), haemolysed.clone(), lactate.clone()];
    group_results(&[gases], &observations)
}
