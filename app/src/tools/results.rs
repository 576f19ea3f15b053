//! Results: a patient's laboratory results by report, newest first, each
//! with its reference range, its flag and the change since the test's
//! previous result.

use bedside::clinical::ResultsTable;
use bedside::fhir::FhirClientContext;
use bedside::on_demand::{SplitLoaderError, wasm_split};
use leptos::prelude::*;

use super::Tool;
use super::summary::read_results;
use crate::patient::InView;

/// The launcher's entry.
pub const TOOL: Tool = Tool {
    slug: "results",
    name: "Results",
    summary: "Laboratory results with reference ranges, flags and trends.",
    patient: true,
    needs: &[
        ("Patient", 'r'),
        ("AllergyIntolerance", 's'),
        ("Observation", 's'),
        ("DiagnosticReport", 's'),
    ],
    load: || Box::pin(load()),
    open: || Box::pin(page()),
};

/// Everything only this page reaches is in `results.wasm`.
#[wasm_split(results, preload(load), fallible)]
fn page() -> Result<AnyView, SplitLoaderError> {
    Ok(crate::workspace::with_fhir_client(|| {
        crate::patient::patient_page(&TOOL, |who| view! { <AllResults who=who /> }.into_any())
    }))
}

/// Pages of reports and results read, at most.
const MAX_PAGES: usize = 10;

#[component]
fn AllResults(who: InView) -> impl IntoView {
    let grouped = read_results(&bedside::fhir::FhirClient::expect(), &who.id, MAX_PAGES);
    view! { <ResultsTable results=grouped empty="No results recorded" /> }
}
