//! Observations: record a patient's vital signs with the NEWS2 score shown
//! as they are typed, and see them charted; a saved set joins the chart at
//! once, without a reload.

use bedside::clinical::{
    AllergyStatus, BannerVariant, Fetched, PatientBanner, SpO2Scale, VitalSet, VitalSignsChart,
    VitalSignsEntry,
};
use bedside::fhir::resources::{AllergyIntolerance, Patient};
use bedside::fhir::{FhirClient, FhirError, Resource, Search, use_fhir_read};
use bedside::nav::Navigator;
use bedside::on_demand::{SplitLoaderError, wasm_split};
use bedside::session::SessionBroker;
use bedside::ui::Loading;
use leptos::prelude::*;

use super::Tool;
use crate::patient::FhirProblem;

/// The launcher's entry.
pub const TOOL: Tool = Tool {
    slug: "observations",
    name: "Observations",
    summary: "Record vital signs with the NEWS2 score, and see them charted.",
    load: || Box::pin(load()),
    open: || Box::pin(page()),
};

/// Everything only this page reaches is in `observations.wasm`.
#[wasm_split(observations, preload(load), fallible)]
fn page() -> Result<AnyView, SplitLoaderError> {
    Ok(crate::routes::home::with_fhir_client(|| {
        view! { <Observations /> }.into_any()
    }))
}

/// At most this many pages of a patient's vital signs (of 200 each).
const MAX_PAGES: usize = 10;

/// The patient: the one an EHR launched with, which nothing in the address
/// can change (a session belongs to its launch context), else `?patient=`.
#[component]
fn Observations() -> impl IntoView {
    let session = untrack(|| SessionBroker::expect().session());
    let launched = session.as_ref().and_then(|s| s.context.patient.clone());
    let encounter = session.as_ref().and_then(|s| s.context.encounter.clone());
    let banner = launched.is_none()
        || session
            .as_ref()
            .is_some_and(|s| s.context.need_patient_banner);
    let performer = session.as_ref().and_then(|s| s.user.fhir_user.clone());
    let patient = launched
        .or_else(|| untrack(|| Navigator::expect().path().query_param("patient")))
        .filter(|id| !id.is_empty());
    view! {
        <h1>"Observations"</h1>
        {match patient {
            None => {
                view! {
                    <p class="nhsuk-body">
                        "Choose a patient first: " <a href="/find-patient">"find a patient"</a> "."
                    </p>
                }
                    .into_any()
            }
            Some(id) => {
                let who = Who { id, encounter, performer };
                view! { <PatientObservations who=who banner=banner /> }.into_any()
            }
        }}
    }
}

/// The patient, the admission in context, and who is recording.
#[derive(Clone)]
struct Who {
    id: String,
    encounter: Option<String>,
    performer: Option<String>,
}

/// Everything about one patient that the page needs, read together.
#[derive(Clone)]
struct Record {
    sets: Vec<VitalSet>,
    encounter: Option<String>,
    allergies: AllergyStatus,
}

fn subject_search(resource_type: &str, param: &str, id: &str, count: u32) -> Search {
    Search::new(resource_type)
        .reference(param, &format!("Patient/{id}"))
        .count(count)
}

async fn read_record(client: FhirClient, who: Who) -> Result<Record, FhirError> {
    let vitals = subject_search("Observation", "subject", &who.id, 200)
        .token("category", None, "vital-signs")
        .sort(&[("date", false)]);
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
    // Allergies that could not be read are never shown as "not recorded":
    // the banner says they could not be checked.
    let allergies = match client
        .search_all(
            &subject_search("AllergyIntolerance", "patient", &who.id, 100),
            5,
        )
        .await
    {
        Ok(found) => {
            let records: Vec<AllergyIntolerance> = found
                .into_iter()
                .filter_map(|r| match r {
                    Resource::AllergyIntolerance(a) => Some(*a),
                    _ => None,
                })
                .collect();
            AllergyStatus::from_records(&records)
        }
        Err(_) => AllergyStatus::Unavailable,
    };
    Ok(Record {
        sets,
        encounter,
        allergies,
    })
}

#[component]
fn PatientObservations(who: Who, banner: bool) -> impl IntoView {
    let patient = use_fhir_read::<Patient>("Patient", who.id.clone());
    let record = RwSignal::new(None::<Result<Record, FhirError>>);
    {
        let (client, who) = (FhirClient::expect(), who.clone());
        leptos::task::spawn_local(async move { record.set(Some(read_record(client, who).await)) });
    }
    // Sets saved here since the page opened, shown at once.
    let added = RwSignal::new(Vec::<VitalSet>::new());
    let banner_view = move || {
        if !banner {
            return ().into_any();
        }
        // The banner waits for the allergies: until they are read, none of
        // its four states would be true.
        let allergies = record.with(|r| {
            r.as_ref().map(|r| {
                r.as_ref()
                    .map_or(AllergyStatus::Unavailable, |r| r.allergies.clone())
            })
        });
        match (patient.result.get(), allergies) {
            (Some(Err(e)), _) => view! { <FhirProblem error=e /> }.into_any(),
            (Some(Ok(p)), Some(allergies)) => {
                view! { <PatientBanner patient=p allergies=allergies variant=BannerVariant::Full /> }.into_any()
            }
            _ => view! { <Loading what="the patient's details" /> }.into_any(),
        }
    };
    let body = move || match record.get() {
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
                    performer=who.performer.clone()
                    scale=scale
                    on_saved=saved
                />
                <h2>"Chart"</h2>
                <VitalSignsChart sets=sets attr:data-testid="vital-signs-chart" />
            }
            .into_any()
        }
    };
    view! {
        {banner_view}
        {body}
    }
}
