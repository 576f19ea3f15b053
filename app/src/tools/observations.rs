//! Observations: record a patient's vital signs with the NEWS2 score shown
//! as they are typed, and see them charted; a saved set joins the chart at
//! once, without a reload.

use bedside::clinical::{Fetched, SpO2Scale, VitalSet, VitalSignsChart, VitalSignsEntry};
use bedside::fhir::{FhirClient, FhirError, Resource};
use bedside::on_demand::{SplitLoaderError, wasm_split};
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
    load: || Box::pin(load()),
    open: || Box::pin(page()),
};

/// Everything only this page reaches is in `observations.wasm`.
#[wasm_split(observations, preload(load), fallible)]
fn page() -> Result<AnyView, SplitLoaderError> {
    Ok(crate::workspace::with_fhir_client(|| {
        crate::patient::patient_page(&TOOL, |who| {
            view! { <PatientObservations who=who /> }.into_any()
        })
    }))
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
            let scale = record.sets.last().map_or(SpO2Scale::Scale1, |s| s.scale);
            let fetched = record.sets;
            let sets = Signal::derive(move || {
                let mut all = fetched.clone();
                all.extend(added.get());
                Fetched::Ready(all)
            });
            let saved = Callback::new(move |set: VitalSet| added.update(|a| a.push(set)));
            view! {
                <h2>"Record a set of observations"</h2>
                <VitalSignsEntry
                    patient=who.id.clone()
                    encounter=record.encounter
                    performer=performer.clone()
                    scale=scale
                    on_saved=saved
                />
                <h2>"Chart"</h2>
                <VitalSignsChart sets=sets attr:data-testid="vital-signs-chart" />
            }
            .into_any()
        }
    }
}
