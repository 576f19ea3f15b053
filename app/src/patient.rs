//! What the patient pages share: which patient a page is about, the links
//! between a patient's pages, reading their records, patient details as
//! every page shows them, and FHIR problems as NHS error summaries.
//!
//! The patient is in each page's address (`?patient=<id>`), so every tab
//! has its own patient and no tab changes another's: opening a different
//! patient is always something the user did, in that tab. A session from
//! an EHR launch belongs to its patient: the address cannot change it.

use bedside::clinical::vital_signs::SNOMED;
use bedside::clinical::{
    ALLERGY_LIST, AllergyStatus, BannerVariant, Fetched, FhirDate, PatientBanner, cui,
};
use bedside::fhir::resources::{AllergyIntolerance, List, Patient};
use bedside::fhir::summary::{NameView, PersonView, pick_name};
use bedside::fhir::{FhirClient, FhirClientContext, FhirError, Resource, Search, use_fhir_read};
use bedside::nav::Navigator;
use bedside::session::SessionBroker;
use bedside::ui::{ContentsItem, ContentsList, ErrorSummary, Loading, WarningCallout};
use leptos::prelude::*;

use crate::apps::AppsFor;
use crate::cds::CardsFor;
use crate::tools::{TOOLS, Tool};
use bedside::apps::LaunchFor;

/// The patient a page is about, and how the page should show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InView {
    /// The Patient's id on the session's FHIR server.
    pub id: String,
    /// Whether the page shows the patient banner: always, unless an EHR
    /// that shows its own launched this session and said it need not
    /// (SMART's `need_patient_banner`).
    pub banner: bool,
    /// The admission the EHR launched in, if any.
    pub encounter: Option<String>,
    /// The address named another patient than the launch's: the page says
    /// so, rather than quietly show the launched patient in their place.
    pub address_differs: bool,
}

/// The patient of the page being shown: the EHR launch's, else the
/// address's `?patient=` (read reactively: a page follows its address);
/// `None` until one is chosen.
pub fn in_view() -> Option<InView> {
    let session = untrack(|| SessionBroker::expect().session());
    let context = session.map(|s| s.context.clone()).unwrap_or_default();
    let asked = Navigator::expect()
        .path()
        .query_param("patient")
        .filter(|id| !id.is_empty());
    match context.patient.filter(|id| !id.is_empty()) {
        Some(id) => Some(InView {
            address_differs: asked.is_some_and(|asked| asked != id),
            id,
            banner: context.need_patient_banner,
            encounter: context.encounter,
        }),
        None => asked.map(|id| InView {
            id,
            banner: true,
            encounter: None,
            address_differs: false,
        }),
    }
}

/// A patient page's address: `/<slug>?patient=<id>`.
pub fn patient_href(slug: &str, id: &str) -> String {
    crate::tools::href(slug, &[("patient", id)])
}

/// The records of `resource_type` that refer to the patient by `param`.
pub fn subject_search(resource_type: &str, param: &str, id: &str, count: u32) -> Search {
    Search::new(resource_type)
        .reference(param, &format!("Patient/{id}"))
        .count(count)
}

/// Every match of `search` (at most `max_pages` pages) that `pick` takes,
/// as a list that tells a failed read from an empty one.
pub async fn fetch_all<T>(
    client: &FhirClient,
    search: &Search,
    max_pages: usize,
    pick: fn(Resource) -> Option<T>,
) -> Fetched<T> {
    client
        .search_all(search, max_pages)
        .await
        .map(|found| found.into_iter().filter_map(pick).collect::<Vec<T>>())
        .into()
}

/// Reads one part of the record into its own signal, so each part shows as
/// soon as it is here.
pub fn read<T: Send + Sync + 'static>(
    client: &FhirClient,
    search: bedside::fhir::Search,
    max_pages: usize,
    pick: fn(Resource) -> Option<T>,
) -> RwSignal<Fetched<T>> {
    let records = RwSignal::new(Fetched::Loading);
    let client = client.clone();
    leptos::task::spawn_local(async move {
        let found = fetch_all(&client, &search, max_pages, pick).await;
        // The user may have left the page: the signal is gone then.
        let _ = records.try_set(found);
    });
    records
}

/// "FAMILY, Given (Title)" from the official name: the NHS CUI order
/// ([`cui::patient_name`]), as the patient banner shows it.
pub fn patient_name(names: &[NameView]) -> String {
    let Some(name) = pick_name(names, false) else {
        return cui::NOT_KNOWN.into();
    };
    let given: Vec<&str> = name.given_names().collect();
    cui::patient_name(
        name.family.as_deref(),
        &given,
        name.title(),
        name.text.as_deref(),
    )
}

/// A patient tool's page: the frame around `body` for the patient in view,
/// or, with no patient, the tool's heading and where to choose one.
pub fn patient_page(tool: &'static Tool, body: fn(InView) -> AnyView) -> AnyView {
    // Following a link to another patient's page of the same tool changes
    // only the address's query: the page is built again for them.
    let who = Memo::new(move |_| in_view());
    (move || match who.get() {
        None => view! {
            <h1>{tool.name}</h1>
            <ChooseAPatient />
        }
        .into_any(),
        Some(who) => view! {
            <PatientFrame who=who.clone() tool=tool>
                {body(who)}
            </PatientFrame>
        }
        .into_any(),
    })
    .into_any()
}

/// The patient's allergy records and allergy list, read once by
/// [`PatientFrame`] for its banner and shared with the page inside it (the
/// summary lists them).
#[derive(Clone, Copy)]
pub struct PatientAllergies {
    /// The AllergyIntolerance records.
    pub records: RwSignal<Fetched<AllergyIntolerance>>,
    /// The patient's current allergy list ([`ALLERGY_LIST`]), which alone
    /// can say "unable to assess" (see
    /// [`AllergyStatus::from_records_and_list`]).
    pub list: RwSignal<Fetched<List>>,
}

impl PatientAllergies {
    /// The records [`PatientFrame`] is reading.
    ///
    /// # Panics
    /// Outside a [`PatientFrame`]: a programming error.
    pub fn expect() -> Self {
        expect_context()
    }

    /// The list once read (`Err` until then). `Ok(None)` for a server
    /// without Lists, a sign-in not allowed to read them, or no list: then
    /// the records alone decide, and they can still say "not recorded",
    /// which is never read as none.
    fn list_read(self) -> Result<Option<List>, ()> {
        self.list
            .with(|list| AllergyStatus::list_once_read(list).map(|l| l.cloned()))
            .ok_or(())
    }

    /// The list, for [`AllergyList`](bedside::clinical::AllergyList).
    pub fn list_if_any(self) -> Signal<Option<List>> {
        Signal::derive(move || self.list_read().ok().flatten())
    }

    /// The records, shown only once the list is read too, so a page never
    /// shows a status the list then changes.
    pub fn records_when_read(self) -> Signal<Fetched<AllergyIntolerance>> {
        Signal::derive(move || match self.list_read() {
            Err(()) => Fetched::Loading,
            Ok(_) => self.records.get(),
        })
    }

    /// The banner's allergy status ([`AllergyStatus::from_reads`]).
    pub fn status(self) -> Option<AllergyStatus> {
        self.list.with(|list| {
            self.records
                .with(|records| AllergyStatus::from_reads(records, list))
        })
    }
}

/// A patient page's frame: the patient banner (which stays on every
/// patient page, at the top as the NHS CUI places it, so a clinician sees
/// whose page this is before what it says), the page's heading, the links to
/// the patient's other pages, then `children`.
/// The banner waits for the allergies: until they are read, none of its
/// allergy states would be true.
#[component]
pub fn PatientFrame(
    /// The patient.
    who: InView,
    /// The page's tool: its name is the heading, and it is the current page
    /// in the links.
    tool: &'static Tool,
    children: Children,
) -> impl IntoView {
    let patient = use_fhir_read::<Patient>("Patient", who.id.clone());
    let client = FhirClient::expect();
    let allergies = PatientAllergies {
        records: read(
            &client,
            subject_search("AllergyIntolerance", "patient", &who.id, 100),
            5,
            |r| match r {
                Resource::AllergyIntolerance(a) => Some(*a),
                _ => None,
            },
        ),
        list: read(
            &client,
            subject_search("List", "patient", &who.id, 10)
                .token("code", Some(SNOMED), ALLERGY_LIST)
                .token("status", None, "current"),
            1,
            |r| match r {
                Resource::List(l) => Some(*l),
                _ => None,
            },
        ),
    };
    provide_context(allergies);
    let banner = move || {
        let status = allergies.status();
        match (patient.result.get(), status) {
            (Some(Err(e)), _) => view! { <FhirProblem error=e /> }.into_any(),
            (Some(Ok(p)), Some(status)) => view! {
                <PatientBanner patient=p allergies=status variant=BannerVariant::Full />
            }
            .into_any(),
            _ => view! { <Loading what="the patient's details" /> }.into_any(),
        }
    };
    let pages = TOOLS
        .iter()
        .filter(|t| t.patient)
        .map(|t| {
            if t.slug == tool.slug {
                ContentsItem::current(t.name)
            } else {
                ContentsItem::link(t.name, patient_href(t.slug, &who.id))
            }
        })
        .collect();
    let elsewhere = who.address_differs.then(|| {
        view! {
            <WarningCallout heading="This window is for the patient your record system opened it for">
                <p>
                    "The page you opened was for another patient. To see another patient, open Bedside from your clinical record system for them."
                </p>
            </WarningCallout>
        }
    });
    // Other vendors' apps that take a patient, after the page: opened for
    // this patient, in a tab of their own.
    let target = LaunchFor {
        patient: Some(who.id.clone()),
        encounter: who.encounter.clone(),
    };
    view! {
        {elsewhere}
        {who.banner.then_some(banner)}
        <h1>{tool.name}</h1>
        <ContentsList items=pages label="This patient's pages" heading="This patient's pages" />
        // Decision support's cards, when they come: above the page, where a
        // critical one is seen.
        <CardsFor patient=who.id.clone() encounter=who.encounter.clone() />
        {children()}
        <AppsFor target=target heading="Open this patient in another app" />
    }
}

/// A patient page opened with no patient: where to choose one.
#[component]
pub fn ChooseAPatient() -> impl IntoView {
    view! {
        <p class="nhsuk-body">
            "Choose a patient first: " <a href="/find-patient">"find a patient"</a>
            ", or open one from a " <a href="/ward-list">"ward list"</a> "."
        </p>
    }
}

/// Name, NHS number and date of birth, each with its label.
pub fn patient_rows(patient: &PersonView) -> [(&'static str, String); 3] {
    [
        ("Name", patient_name(&patient.name)),
        (
            "NHS number",
            patient
                .nhs_number()
                .map_or_else(|| "Not recorded".into(), |n| n.formatted()),
        ),
        ("Date of birth", born(patient.birth_date.as_deref())),
    ]
}

/// A date of birth as the CUI shows dates: `14-Jul-1945`.
fn born(birth_date: Option<&str>) -> String {
    match birth_date.map(FhirDate::parse) {
        None => "Not recorded".into(),
        Some(Ok(date)) => date.to_string(),
        Some(Err(_)) => format!("{} (not a valid date)", birth_date.unwrap_or_default()),
    }
}

/// A FHIR request that failed, in the clinician's words, as an NHS error
/// summary (which takes focus, so the failure is met at once).
#[component]
pub fn FhirProblem(error: FhirError) -> impl IntoView {
    view! { <ErrorSummary description=error.to_string() /> }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn patient_names_follow_the_cui_order() {
        let names = vec![NameView {
            use_: Some("official".into()),
            family: Some("Smith".into()),
            given: vec![Some("Jane".into()), Some("Ann".into())],
            prefix: vec![Some("Mrs".into())],
            ..NameView::default()
        }];
        assert_eq!(patient_name(&names), "SMITH, Jane Ann (Mrs)");
        assert_eq!(patient_name(&[]), "Not known");
        let given_only = vec![NameView {
            given: vec![Some("Jane".into())],
            ..NameView::default()
        }];
        assert_eq!(patient_name(&given_only), "Jane", "no leading comma");
    }

    #[test]
    fn dates_of_birth_follow_the_cui_and_a_bad_one_says_so() {
        assert_eq!(born(Some("1945-07-14")), "14-Jul-1945");
        assert_eq!(born(Some("1945-07")), "Jul-1945");
        assert_eq!(born(None), "Not recorded");
        assert_eq!(born(Some("1945-02-30")), "1945-02-30 (not a valid date)");
    }

    #[test]
    fn patient_addresses_carry_the_id_encoded() {
        assert_eq!(patient_href("summary", "p-1"), "/summary?patient=p-1");
        assert_eq!(patient_href("results", "a&b"), "/results?patient=a%26b");
    }
}
