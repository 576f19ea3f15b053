//! Observations: record a patient's vital signs with the NEWS2 score shown
//! as they are typed, and see them charted; a saved set joins the chart at
//! once, without a reload.

use bedside::clinical::{
    Fetched, SpO2Scale, VitalSet, VitalSignsChart, VitalSignsEntry, scale_in_force,
};
use bedside::fhir::{FhirClient, FhirClientContext, FhirError, Resource};
use bedside::on_demand::{OnDemand, SplitLoaderError, ready, wasm_split};
use bedside::session::SessionBroker;
use bedside::ui::Loading;
use leptos::prelude::*;

use super::Tool;
use crate::patient::{FhirProblem, InView, subject_search};

/// The launcher's entry.
pub const TOOL: Tool = Tool {
    slug: "observations",
    name: "Observations",
    summary: "Record vital signs with the NEWS2 score, and see them charted.",
    patient: true,
    needs: &[
        ("Patient", 'r'),
        ("AllergyIntolerance", 's'),
        ("Observation", 's'),
        ("Observation", 'c'),
        ("Encounter", 's'),
    ],
    load: || Box::pin(super::load_together(load(), load_form())),
    open: || Box::pin(page()),
};

/// Everything only this page reaches but the form is in `observations.wasm`:
/// the chart and the reading of the record.
#[wasm_split(observations, preload(load), fallible)]
fn page() -> Result<AnyView, SplitLoaderError> {
    Ok(crate::workspace::with_fhir_client(|| {
        crate::patient::patient_page(&TOOL, |who| {
            view! { <PatientObservations who=who /> }.into_any()
        })
    }))
}

/// What the form needs from the page.
#[derive(Clone)]
struct FormFor {
    patient: String,
    encounter: Option<String>,
    performer: Option<String>,
    scale: SpO2Scale,
    saved: Callback<VitalSet>,
}

/// The form for a set of vital signs, in `observations_form.wasm`: the
/// tool's `load` fetches it beside the page's own file.
#[wasm_split(observations_form, preload(load_form), fallible)]
fn form(to: FormFor) -> Result<AnyView, SplitLoaderError> {
    Ok(view! {
        <VitalSignsEntry
            patient=to.patient
            encounter=to.encounter
            performer=to.performer
            scale=to.scale
            on_saved=to.saved
        />
    }
    .into_any())
}

/// At most this many pages of a patient's vital signs (of 200 each).
const MAX_PAGES: usize = 10;

/// Everything about one patient that the page needs, read together.
#[derive(Clone)]
struct Record {
    sets: Vec<VitalSet>,
    encounter: Option<String>,
}

async fn read_record(client: FhirClient, who: InView) -> Result<Record, FhirError> {
    let vitals = subject_search("Observation", "subject", &who.id, 200)
        .token("category", None, "vital-signs")
        .sort(&[("date", true)]);
    let observations = client.search_all(&vitals, MAX_PAGES).await?;
    let sets = VitalSet::from_observations(observations.iter().filter_map(|r| match r {
        Resource::Observation(o) => Some(&**o),
        _ => None,
    }));
    // The admission a new set belongs to: the launch's, else the current one.
    let encounter = match who.encounter {
        Some(e) => Some(e),
        None => {
            let current = subject_search("Encounter", "subject", &who.id, 1).token(
                "status",
                None,
                "in-progress",
            );
            client
                .search_all(&current, 1)
                .await?
                .into_iter()
                .find_map(|r| match r {
                    Resource::Encounter(e) => e.id,
                    _ => None,
                })
        }
    };
    Ok(Record { sets, encounter })
}

/// The SpO2 scale the form starts on: the one recorded on the patient's
/// newest SpO2 reading that records one, else Scale 1. Issue 32: it was the
/// last set's, and a last set without SpO2 put a Scale 2 patient back on
/// Scale 1, where a target-range saturation scores 3.
fn starting_scale(sets: &[VitalSet]) -> SpO2Scale {
    scale_in_force(sets).unwrap_or(SpO2Scale::Scale1)
}

#[component]
fn PatientObservations(who: InView) -> impl IntoView {
    // Who records the set: the signed-in user's FHIR resource.
    let performer =
        untrack(|| SessionBroker::expect().session()).and_then(|s| s.user.fhir_user.clone());
    let record = RwSignal::new(None::<Result<Record, FhirError>>);
    {
        let (client, who) = (FhirClient::expect(), who.clone());
        leptos::task::spawn_local(async move {
            let _ = record.try_set(Some(read_record(client, who).await));
        });
    }
    // Sets saved here since the page opened, shown at once.
    let added = RwSignal::new(Vec::<VitalSet>::new());
    move || match record.get() {
        None => view! { <Loading what="the patient's observations" /> }.into_any(),
        Some(Err(e)) => view! { <FhirProblem error=e /> }.into_any(),
        Some(Ok(record)) => {
            let scale = starting_scale(&record.sets);
            let fetched = record.sets;
            let sets = Signal::derive(move || {
                let mut all = fetched.clone();
                all.extend(added.get());
                Fetched::Ready(all)
            });
            let to = FormFor {
                patient: who.id.clone(),
                encounter: record.encounter,
                performer: performer.clone(),
                scale,
                saved: Callback::new(move |set: VitalSet| added.update(|a| a.push(set))),
            };
            view! {
                <h2>"Record a set of observations"</h2>
                <OnDemand what="the observations form" load=load_form>
                    {
                        let to = to.clone();
                        move || ready(form(to.clone()))
                    }
                </OnDemand>
                <h2>"Chart"</h2>
                <VitalSignsChart sets=sets attr:data-testid="vital-signs-chart" />
            }
            .into_any()
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use bedside::fhir::resources::Observation;

    /// An SpO2 reading as the record holds it, with the scale component
    /// when `scale` is given, and a temperature at the same time.
    fn observations(when: &str, scale: Option<i32>) -> Vec<Observation> {
        let spo2 = serde_json::json!({
            "resourceType": "Observation", "status": "final", "effectiveDateTime": when,
            "code": {"coding": [{"system": "http://loinc.org", "code": "59408-5"}]},
            "valueQuantity": {"value": 90, "unit": "%"},
            "component": scale.map(|s| vec![serde_json::json!({
                "code": {"coding": [{"system": "https://bedside.example/fhir/CodeSystem/news2", "code": "spo2-scale"}]},
                "valueInteger": s
            })]).unwrap_or_default()
        });
        vec![serde_json::from_value(spo2).expect("an Observation")]
    }

    fn temperature(when: &str) -> Observation {
        serde_json::from_value(serde_json::json!({
            "resourceType": "Observation", "status": "final", "effectiveDateTime": when,
            "code": {"coding": [{"system": "http://loinc.org", "code": "8310-5"}]},
            "valueQuantity": {"value": 37.1, "unit": "Cel"}
        }))
        .expect("an Observation")
    }

    #[test]
    fn the_form_starts_on_the_scale_of_the_newest_spo2_reading_that_records_one() {
        let mut record = observations("2026-12-04T08:00:00Z", Some(2));
        // Newer sets: a temperature alone, and an SpO2 from a system that
        // records no scale. Neither says the scale changed.
        record.push(temperature("2026-12-04T12:00:00Z"));
        record.extend(observations("2026-12-04T10:00:00Z", None));
        let sets = VitalSet::from_observations(&record);
        assert_eq!(
            sets.last().map(|s| s.scale),
            Some(SpO2Scale::Scale1),
            "the old rule's input"
        );
        assert_eq!(starting_scale(&sets), SpO2Scale::Scale2);
        // A newer reading on Scale 1 is a recorded change.
        record.extend(observations("2026-12-04T14:00:00Z", Some(1)));
        assert_eq!(
            starting_scale(&VitalSet::from_observations(&record)),
            SpO2Scale::Scale1
        );
        assert_eq!(
            starting_scale(&[]),
            SpO2Scale::Scale1,
            "none recorded: Scale 1"
        );
    }
}
