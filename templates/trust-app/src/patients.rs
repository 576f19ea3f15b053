//! The tool: find a patient by NHS number (or family name and date of
//! birth), then their record: the patient banner, the vital signs chart on
//! its NEWS2 bands, and their test results by report.
//!
//! The FHIR client sends the session's token only to the signed-in
//! organisation's FHIR server, and asks the broker for a fresh one when it
//! expires. Every read says what went wrong in words when it fails.

use bedside::clinical::vital_signs::SNOMED;
use bedside::clinical::{
    ALLERGY_LIST, AllergyStatus, BannerFields, Instant, PatientBanner, PatientQuery, PatientSearch,
    ResultsTable, VitalSignsChart, group_results,
};
use bedside::fhir::Resource;
use bedside::fhir::resources::{AllergyIntolerance, DiagnosticReport, List, Observation, Patient};
use bedside::nav::PageTitle;
use bedside::prelude::*;
use bedside::ui::{BackLink, Loading, Table, TableCell, TableColumn};
use leptos::prelude::*;

/// Pages of a patient's records read, at most (of 200 each).
const MAX_PAGES: usize = 5;

/// The signed-in organisation's FHIR client, for the pages below.
fn provide_client() {
    #[cfg(target_arch = "wasm32")]
    {
        let broker = SessionBroker::expect();
        if let Some(session) = untrack(|| broker.session()) {
            FhirClient::browser(&session.fhir_base_url)
                .with_token_source(broker.token_source())
                .provide();
        }
    }
}

/// Find a patient: the search form, then the patients it matched.
#[component]
pub fn FindPatient() -> impl IntoView {
    provide_client();
    let found = RwSignal::new(None::<Result<Vec<Patient>, FhirError>>);
    let searching = RwSignal::new(false);
    let on_search = Callback::new(move |query: PatientQuery| {
        let client = FhirClient::expect();
        searching.set(true);
        leptos::task::spawn_local(async move {
            let answer = client
                .search_all(&query.search().count(20), 1)
                .await
                .map(|all| {
                    all.into_iter()
                        .filter_map(|r| Patient::try_from(r).ok())
                        .collect()
                });
            // The user may have left the page meanwhile.
            let _ = found.try_set(Some(answer));
            let _ = searching.try_set(false);
        });
    });
    view! {
        <PageTitle text="Find a patient" />
        <BackLink href="/">"Your tools"</BackLink>
        <h1>"Find a patient"</h1>
        <PatientSearch on_search=on_search />
        {move || searching.get().then(|| view! { <Loading what="patients" /> })}
        {move || found.get().map(|answer| match answer {
            Ok(patients) if patients.is_empty() => view! { <p>"No patients match."</p> }.into_any(),
            Ok(patients) => matches(patients).into_any(),
            Err(e) => view! { <p class="nhsuk-error-message">{e.to_string()}</p> }.into_any(),
        })}
    }
}

/// The patients a search matched, each name a link to their record, by the
/// Common User Interface's rules for names, dates of birth and NHS numbers.
fn matches(patients: Vec<Patient>) -> impl IntoView {
    let now = Instant::now();
    let rows: Vec<Vec<TableCell>> = patients
        .iter()
        .filter_map(|p| {
            let id = p.id.clone()?;
            let fields = BannerFields::new(p, now);
            Some(vec![
                TableCell::link(fields.name, format!("/patients/{id}")),
                TableCell::new(fields.born),
                TableCell::new(fields.nhs_number),
            ])
        })
        .collect();
    view! {
        <Table
            caption="Patients found"
            columns=vec![TableColumn::new("Name"), TableColumn::new("Born"), TableColumn::new("NHS number")]
            rows=rows
            responsive=true
        />
    }
}

/// One patient's record.
#[component]
pub fn PatientRecord(
    /// The patient's FHIR id (from the address).
    id: String,
) -> impl IntoView {
    provide_client();
    let patient = use_fhir_read::<Patient>("Patient", id.clone());
    let client = FhirClient::expect();
    // The allergy records, and the allergy list, which alone can say
    // "unable to assess" (AllergyStatus::from_reads).
    let allergies =
        fetch::<AllergyIntolerance>(&client, of_patient("AllergyIntolerance", "patient", &id));
    let allergy_list = fetch::<List>(
        &client,
        of_patient("List", "patient", &id).token("code", Some(SNOMED), ALLERGY_LIST),
    );
    let vitals = fetch::<Observation>(
        &client,
        of_patient("Observation", "subject", &id).token("category", None, "vital-signs"),
    );
    let lab = fetch::<Observation>(
        &client,
        of_patient("Observation", "subject", &id).token("category", None, "laboratory"),
    );
    let reports =
        fetch::<DiagnosticReport>(&client, of_patient("DiagnosticReport", "subject", &id));
    let allergy_status = Signal::derive(move || {
        allergy_list.with(|list| allergies.with(|records| AllergyStatus::from_reads(records, list)))
    });
    let sets = Signal::derive(move || match vitals.get() {
        Fetched::Ready(observations) => {
            Fetched::Ready(VitalSet::from_observations(observations.iter()))
        }
        Fetched::Failed(why) => Fetched::Failed(why),
        Fetched::Loading => Fetched::Loading,
    });
    let results = Signal::derive(move || match (reports.get(), lab.get()) {
        (Fetched::Failed(why), _) | (_, Fetched::Failed(why)) => Fetched::Failed(why),
        (Fetched::Ready(reports), Fetched::Ready(lab)) => {
            Fetched::Ready(group_results(&reports, &lab))
        }
        _ => Fetched::Loading,
    });
    move || match patient.result.get() {
        None => view! { <Loading what="the patient's record" /> }.into_any(),
        Some(Err(e)) => view! {
            <PageTitle text="Patient record" />
            <BackLink href="/patients">"Find a patient"</BackLink>
            <h1>"The patient's record could not be shown"</h1>
            <p class="nhsuk-error-message">{e.to_string()}</p>
        }
        .into_any(),
        Some(Ok(found)) => view! {
            <PageTitle text="Patient record" />
            <BackLink href="/patients">"Find a patient"</BackLink>
            <PatientBanner patient=found allergies=allergy_status />
            <h1>"Vital signs"</h1>
            <VitalSignsChart sets=sets />
            <h2>"Results"</h2>
            <ResultsTable results=results />
        }
        .into_any(),
    }
}

/// A search of one patient's records of a type (`param` names the
/// patient), newest first.
fn of_patient(resource_type: &str, param: &str, id: &str) -> Search {
    Search::new(resource_type)
        .reference(param, &format!("Patient/{id}"))
        .sort(&[("date", true)])
        .count(200)
}

/// Every match of `search` of type `T`, read in the background: a list that
/// tells a failed read (with the reason in words) from an empty one.
fn fetch<T>(client: &FhirClient, search: Search) -> Signal<Fetched<T>>
where
    T: TryFrom<Resource> + Clone + Send + Sync + 'static,
{
    let list = RwSignal::new(Fetched::Loading);
    let client = client.clone();
    leptos::task::spawn_local(async move {
        let read = match client.search_all(&search, MAX_PAGES).await {
            Ok(all) => Fetched::Ready(
                all.into_iter()
                    .filter_map(|r| T::try_from(r).ok())
                    .collect(),
            ),
            Err(e) => Fetched::Failed(e.to_string()),
        };
        let _ = list.try_set(read);
    });
    list.into()
}
