//! Patient summary: one page with what a clinician checks first. The
//! banner, allergies, problems, current medicines, the latest vital signs
//! with their NEWS2 score, recent results and the patient's stays. Each
//! part is read on its own, so a part the server cannot give says so in
//! its place and the rest still shows.

use bedside::clinical::{
    AllergyList, EncounterTimeline, Fetched, FhirDateTime, MedicationItem, MedicationList,
    News2Score, ProblemList, ResultGroup, ResultsTable, VitalSet, group_results,
};
use bedside::fhir::resources::{DiagnosticReport, Observation};
use bedside::fhir::{FhirClient, FhirClientContext, Resource};
use bedside::on_demand::{SplitLoaderError, wasm_split};
use bedside::ui::{HeadingLevel, Loading};
use leptos::prelude::*;

use super::Tool;
use crate::patient::{InView, PatientAllergies, patient_href, read, subject_search};

/// The launcher's entry.
pub const TOOL: Tool = Tool {
    slug: "summary",
    name: "Patient summary",
    summary: "Allergies, problems, medicines, vital signs, results and stays on one page.",
    patient: true,
    needs: &[
        ("Patient", 'r'),
        ("AllergyIntolerance", 's'),
        ("Condition", 's'),
        ("MedicationRequest", 's'),
        ("Observation", 's'),
        ("DiagnosticReport", 's'),
        ("Encounter", 's'),
    ],
    load: || Box::pin(load()),
    open: || Box::pin(page()),
};

/// The summary's address for a patient: where choosing a patient leads.
pub fn href(id: &str) -> String {
    patient_href(TOOL.slug, id)
}

/// Everything only this page reaches is in `summary.wasm`.
#[wasm_split(summary, preload(load), fallible)]
fn page() -> Result<AnyView, SplitLoaderError> {
    Ok(crate::workspace::with_fhir_client(|| {
        crate::patient::patient_page(&TOOL, |who| view! { <Sections who=who /> }.into_any())
    }))
}

/// Pages of each list read for the summary, at most.
const MAX_PAGES: usize = 5;

/// Groups of results (reports) the summary shows.
const RECENT_GROUPS: usize = 3;

#[component]
fn Sections(who: InView) -> impl IntoView {
    let client = FhirClient::expect();
    let id = who.id.as_str();
    let allergies = PatientAllergies::expect();
    let problems = read(
        &client,
        subject_search("Condition", "patient", id, 100),
        MAX_PAGES,
        |r| match r {
            Resource::Condition(c) => Some(*c),
            _ => None,
        },
    );
    let medicines = read(
        &client,
        subject_search("MedicationRequest", "patient", id, 100).token("status", None, "active"),
        MAX_PAGES,
        |r| match r {
            Resource::MedicationRequest(m) => MedicationItem::from_request(&m),
            _ => None,
        },
    );
    // The latest sets only: the chart on the Observations page has the rest.
    let vitals = read(
        &client,
        subject_search("Observation", "subject", id, 100)
            .token("category", None, "vital-signs")
            .sort(&[("date", true)]),
        1,
        |r| match r {
            Resource::Observation(o) => Some(*o),
            _ => None,
        },
    );
    let stays = read(
        &client,
        subject_search("Encounter", "subject", id, 50).sort(&[("date", true)]),
        MAX_PAGES,
        |r| match r {
            Resource::Encounter(e) => Some(*e),
            _ => None,
        },
    );
    // The newest reports; the Results page has them all.
    let grouped = read_results(&client, id, 1);
    let results = Signal::derive(move || match grouped.get() {
        Fetched::Ready(groups) => Fetched::Ready(groups.into_iter().take(RECENT_GROUPS).collect()),
        other => other,
    });
    let observations_href = patient_href(super::observations::TOOL.slug, id);
    let results_href = patient_href(super::results::TOOL.slug, id);
    view! {
        <h2>"Allergies"</h2>
        <AllergyList records=allergies.records_when_read() list=allergies.list_if_any() />
        <h2>"Problems"</h2>
        <ProblemList records=problems heading_level=HeadingLevel::H3 />
        <h2>"Current medicines"</h2>
        <MedicationList items=medicines empty="No current medicines recorded" />
        <h2>"Latest vital signs"</h2>
        <LatestVitals observations=vitals.into() />
        <p class="nhsuk-body">
            <a href=observations_href>"Record observations or see the chart"</a>
        </p>
        <h2>"Recent results"</h2>
        <ResultsTable results=results empty="No results recorded" />
        <p class="nhsuk-body">
            <a href=results_href>"All results, with their history"</a>
        </p>
        <h2>"Stays and visits"</h2>
        <EncounterTimeline records=Signal::derive(move || stays.get()) />
    }
}

/// The patient's laboratory results grouped by report, newest first, from
/// at most `max_pages` pages (of 100 reports, and 200 results).
pub(crate) fn read_results(
    client: &FhirClient,
    id: &str,
    max_pages: usize,
) -> Signal<Fetched<ResultGroup>> {
    let observations = read(
        client,
        subject_search("Observation", "subject", id, 200)
            .token("category", None, "laboratory")
            .sort(&[("date", true)]),
        max_pages,
        |r| match r {
            Resource::Observation(o) => Some(*o),
            _ => None,
        },
    );
    let reports = read(
        client,
        subject_search("DiagnosticReport", "subject", id, 100).sort(&[("date", true)]),
        max_pages,
        |r| match r {
            Resource::DiagnosticReport(d) => Some(*d),
            _ => None,
        },
    );
    Signal::derive(move || results(reports.get(), observations.get()))
}

/// Results grouped by report: ready once both lists are, failed if either
/// failed (a report without its results, or results without their report,
/// would mislead).
pub(crate) fn results(
    reports: Fetched<DiagnosticReport>,
    observations: Fetched<Observation>,
) -> Fetched<ResultGroup> {
    match (reports, observations) {
        (Fetched::Failed(why), _) | (_, Fetched::Failed(why)) => Fetched::Failed(why),
        (Fetched::Ready(reports), Fetched::Ready(observations)) => {
            Fetched::Ready(group_results(&reports, &observations))
        }
        _ => Fetched::Loading,
    }
}

/// The newest set of vital signs, its NEWS2 score (or why there is none)
/// and when it was taken.
#[component]
fn LatestVitals(observations: Signal<Fetched<Observation>>) -> impl IntoView {
    move || match observations.get() {
        Fetched::Loading => view! { <Loading what="vital signs" /> }.into_any(),
        Fetched::Failed(why) => view! {
            <bedside::ui::WarningCallout heading="Vital signs could not be checked">
                <p>{why}</p>
                <p>"Check the patient's record another way before you rely on this screen."</p>
            </bedside::ui::WarningCallout>
        }
        .into_any(),
        Fetched::Ready(found) => match latest(&found) {
            None => view! { <p class="nhsuk-body">"No vital signs recorded"</p> }.into_any(),
            Some(set) => {
                let when = FhirDateTime::parse(&set.when)
                    .map_or_else(|_| set.when.clone(), |t| t.to_string());
                let (score, entered) = (set.news2(), set.scored_parameters());
                view! {
                    <p class="nhsuk-body" data-testid="latest-vitals-time">
                        "Taken " {when}
                    </p>
                    <News2Score score=score entered=entered />
                }
                .into_any()
            }
        },
    }
}

/// The newest set among `observations`.
fn latest(observations: &[Observation]) -> Option<VitalSet> {
    VitalSet::from_observations(observations).into_iter().last()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The summary's latest set is the newest by the time taken, whatever
    /// order the server sends (newest first, as the search asks).
    #[test]
    fn the_latest_vital_signs_are_the_newest_set() {
        let pulse = |when: &str, value: u32| -> Observation {
            serde_json::from_value(serde_json::json!({
                "resourceType": "Observation", "status": "final", "effectiveDateTime": when,
                "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
                "valueQuantity": {"value": value, "unit": "beats/minute"}
            }))
            .expect("an Observation")
        };
        let newest_first = [
            pulse("2026-12-04T14:00:00Z", 120),
            pulse("2026-12-04T10:00:00+01:00", 90),
            pulse("2026-12-03T22:00:00Z", 70),
        ];
        let latest = latest(&newest_first).expect("a set");
        assert_eq!(
            (
                latest.when.as_str(),
                latest.get(bedside::clinical::Measure::Pulse)
            ),
            ("2026-12-04T14:00:00Z", Some(120.0))
        );
        let mut oldest_first = newest_first.clone();
        oldest_first.reverse();
        assert_eq!(
            super::latest(&oldest_first).map(|s| s.when),
            Some("2026-12-04T14:00:00Z".to_string())
        );
        assert_eq!(super::latest(&[]), None);
    }

    #[test]
    fn results_wait_for_both_lists_and_a_failure_of_either_is_told() {
        let ready = || Fetched::<Observation>::Ready(vec![]);
        let reports = || Fetched::<DiagnosticReport>::Ready(vec![]);
        assert_eq!(results(reports(), ready()), Fetched::Ready(vec![]));
        assert_eq!(results(Fetched::Loading, ready()), Fetched::Loading);
        assert_eq!(results(reports(), Fetched::Loading), Fetched::Loading);
        assert_eq!(
            results(Fetched::Failed("no reports".into()), Fetched::Loading),
            Fetched::Failed("no reports".into()),
            "a failure is told at once, not after the other list"
        );
        assert_eq!(
            results(reports(), Fetched::Failed("no results".into())),
            Fetched::Failed("no results".into())
        );
    }
}
