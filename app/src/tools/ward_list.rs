//! Ward list: the patients on a ward (a FHIR Location) with their latest
//! NEWS2, highest risk first, read again every minute without a reload.
//! The list keeps the user's place and focus across refreshes, and a
//! refresh that fails leaves the last list on screen under a warning
//! (`bedside::clinical::WardList`).

use bedside::clinical::{BannerFields, Fetched, Instant, VitalSet, WardList, WardPatient, cui};
use bedside::fhir::resources::{Encounter, Location, Patient};
use bedside::fhir::search::escape;
use bedside::fhir::{
    FhirClient, FhirClientContext, FhirError, Prefix, Resource, Search, use_fhir_read,
};
use bedside::nav::Navigator;
use bedside::on_demand::{OnDemand, SplitLoaderError, ready, wasm_split};
use bedside::session::SessionBroker;
use bedside::ui::{ErrorSummary, Loading, WarningCallout};
use leptos::prelude::*;

use super::Tool;
use crate::patient::{read, subject_search};

/// The launcher's entry.
pub const TOOL: Tool = Tool {
    slug: "ward-list",
    name: "Ward list",
    summary: "The patients on a ward, highest NEWS2 first, kept up to date.",
    patient: false,
    needs: &[
        ("Location", 's'),
        ("Location", 'r'),
        ("Encounter", 's'),
        ("Patient", 's'),
        ("Observation", 's'),
    ],
    load: || Box::pin(super::load_together(load(), load_table())),
    open: || Box::pin(page()),
};

/// Everything only this page reaches but the table is in `ward_list.wasm`:
/// choosing a ward, and reading it every minute.
#[wasm_split(ward_list, preload(load), fallible)]
fn page() -> Result<AnyView, SplitLoaderError> {
    Ok(crate::workspace::with_fhir_client(|| {
        view! { <WardListPage /> }.into_any()
    }))
}

/// The list itself (`bedside::clinical::WardList`: sorting, virtual rows,
/// focus kept across refreshes), in `ward_list_table.wasm`.
#[wasm_split(ward_list_table, preload(load_table), fallible)]
fn table(
    patients: Signal<Fetched<WardPatient>>,
    caption: Signal<String>,
) -> Result<AnyView, SplitLoaderError> {
    Ok(
        view! { <WardList patients=patients caption=caption attr:data-testid="ward-list" /> }
            .into_any(),
    )
}

/// How often the list is read again: NEWS2 escalation is hourly at the
/// most frequent (RCP NEWS2, 2017, chart 3), so a minute is well inside it.
const REFRESH_MS: u64 = 60_000;

/// Pages of wards, and of each read of vital signs, read at most (of 100
/// and 1,000 each).
const MAX_PAGES: usize = 3;

/// Pages of a ward's stays read, at most (of 100 each): far beyond any
/// ward, so reaching it means the records are wrong, and the list says so
/// rather than show part of the ward as if it were all of it.
const STAY_PAGES: usize = 20;

/// Why a ward's list cannot be shown.
#[derive(Debug, thiserror::Error)]
enum WardListError {
    /// The server could not be read.
    #[error(transparent)]
    Fhir(#[from] FhirError),
    /// More stays than [`STAY_PAGES`] hold.
    #[error(
        "This ward has more than {0} current stays in the clinical record system, more than a ward can hold, so the list is not shown: part of it would look like the whole ward. Ask the system's administrators to check the ward's stays."
    )]
    TooMany(usize),
}

/// A ward's address.
fn ward_href(id: &str) -> String {
    super::href(TOOL.slug, &[("ward", id)])
}

#[component]
fn WardListPage() -> impl IntoView {
    // Choosing a ward changes only the address's query: the page follows it.
    let navigator = Navigator::expect();
    let ward = Memo::new(move |_| {
        navigator
            .path()
            .query_param("ward")
            .filter(|w| !w.is_empty())
    });
    view! {
        <h1>"Ward list"</h1>
        {move || match ward.get() {
            None => view! { <Wards /> }.into_any(),
            Some(id) => view! { <Ward id=id /> }.into_any(),
        }}
    }
}

/// The wards to choose from: the server's Locations that are wards.
#[component]
fn Wards() -> impl IntoView {
    let locations = read(
        &FhirClient::expect(),
        Search::new("Location").count(100),
        MAX_PAGES,
        |r| match r {
            Resource::Location(l) => Some(*l),
            _ => None,
        },
    );
    move || match locations.get() {
        Fetched::Loading => view! { <Loading what="the wards" /> }.into_any(),
        Fetched::Failed(why) => view! { <ErrorSummary description=why /> }.into_any(),
        Fetched::Ready(found) => {
            let wards = wards(found);
            if wards.is_empty() {
                return view! { <p class="nhsuk-body">"This organisation's server lists no wards."</p> }
                    .into_any();
            }
            view! {
                <h2>"Choose a ward"</h2>
                <ul class="nhsuk-list" data-testid="wards">
                    {wards
                        .into_iter()
                        .map(|(id, name)| view! { <li><a href=ward_href(&id)>{name}</a></li> })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }
    }
}

/// Wards among `locations`, by name: those whose physical type is a ward,
/// or every active one when the server does not say which are wards.
fn wards(locations: Vec<Location>) -> Vec<(String, String)> {
    const PHYSICAL_TYPE: &str = "http://terminology.hl7.org/CodeSystem/location-physical-type";
    let typed = locations.iter().any(|l| l.physical_type.is_some());
    let mut wards: Vec<(String, String)> = locations
        .into_iter()
        .filter(|l| l.status.as_deref() != Some("inactive"))
        .filter(|l| {
            !typed
                || l.physical_type
                    .as_ref()
                    .is_some_and(|t| t.has(PHYSICAL_TYPE, "wa"))
        })
        .filter_map(|l| {
            let id = l.id?;
            let name = l.name.unwrap_or_else(|| id.clone());
            Some((id, name))
        })
        .collect();
    wards.sort_by(|a, b| bedside::collate::natural(&a.1, &b.1));
    wards
}

#[component]
fn Ward(id: String) -> impl IntoView {
    let location = use_fhir_read::<Location>("Location", id.clone());
    let patients = RwSignal::new(Fetched::<WardPatient>::Loading);
    // When the list on screen was read: a failed refresh leaves it there, so
    // the clinician can see how old it is.
    let read_at = RwSignal::new(None::<Instant>);
    let client = FhirClient::expect();
    // Read now, then a minute after each read ends: reads never overlap,
    // and a slow server is not asked again before it has answered.
    let alive = StoredValue::new(true);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    on_cleanup(move || {
        alive.set_value(false);
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
    });
    #[allow(clippy::too_many_arguments)]
    fn schedule(
        client: FhirClient,
        id: String,
        patients: RwSignal<Fetched<WardPatient>>,
        read_at: RwSignal<Option<Instant>>,
        alive: StoredValue<bool>,
        timer: StoredValue<Option<TimeoutHandle>>,
        broker: Option<SessionBroker>,
        delay_ms: u64,
    ) {
        let run = move || {
            if !alive.try_get_value().unwrap_or(false) {
                return;
            }
            // A locked screen reads nothing clinical: the list waits, and
            // "Last read" says how old it is once the screen is unlocked.
            if broker.is_some_and(|b| untrack(|| b.lock_reason()).is_some()) {
                schedule(
                    client, id, patients, read_at, alive, timer, broker, REFRESH_MS,
                );
                return;
            }
            leptos::task::spawn_local(async move {
                let read = ward_patients(&client, &id).await;
                if !alive.try_get_value().unwrap_or(false) {
                    return;
                }
                let _ = read_at.try_update(|at| *at = last_read(*at, read.is_ok(), Instant::now()));
                let _ = patients.try_set(read.into());
                schedule(
                    client, id, patients, read_at, alive, timer, broker, REFRESH_MS,
                );
            });
        };
        if delay_ms == 0 {
            run();
        } else if let Ok(handle) =
            set_timeout_with_handle(run, std::time::Duration::from_millis(delay_ms))
        {
            let _ = timer.try_set_value(Some(handle));
        }
    }
    let broker = SessionBroker::use_context();
    schedule(
        client,
        id.clone(),
        patients,
        read_at,
        alive,
        timer,
        broker,
        0,
    );
    let unknown = id.clone();
    let caption = move || match location.result.get() {
        Some(Ok(l)) => l.name.unwrap_or_else(|| id.clone()),
        _ => id.clone(),
    };
    // A ward the server does not have (a mistyped or out-of-date link)
    // says so: its empty search would otherwise read as an empty ward.
    let missing = Memo::new(move |_| {
        matches!(
            location.result.get(),
            Some(Err(FhirError::Http {
                status: 404 | 410,
                ..
            }))
        )
    });
    Effect::new(move || {
        if missing.get() {
            alive.set_value(false);
        }
    });
    move || {
        if missing.get() {
            return view! { <NoSuchWard id=unknown.clone() /> }.into_any();
        }
        let caption = Signal::derive(caption.clone());
        view! {
            <OnDemand what="the ward list" load=load_table>
                {move || ready(table(patients.into(), caption))}
            </OnDemand>
            <p class="nhsuk-body-s" data-testid="ward-read-at">
                {move || read_at.get().map(|at| format!("Last read {}. ", at.uk()))}
                "The list is read again every minute."
            </p>
        }
        .into_any()
    }
}

/// What an address with a ward id the server does not know shows.
#[component]
fn NoSuchWard(id: String) -> impl IntoView {
    view! {
        <WarningCallout heading="Ward not found" attr:data-testid="no-such-ward">
            <p>
                {format!(
                    "This organisation's clinical record system has no ward with the id \u{2018}{id}\u{2019}. The link may be mistyped or out of date: this is not an empty ward."
                )}
            </p>
            <p><a href=super::href(TOOL.slug, &[])>"Choose a ward"</a></p>
        </WarningCallout>
    }
}

/// The ward's current inpatients with their latest NEWS2: its in-progress
/// stays (with their patients, in the same read), then the last day's
/// vital signs of them all in one read.
async fn ward_patients(client: &FhirClient, ward: &str) -> Result<Vec<WardPatient>, WardListError> {
    let search = Search::new("Encounter")
        .reference("location", &format!("Location/{ward}"))
        .token("status", None, "in-progress")
        .include("Encounter", "subject", Some("Patient"))
        .count(100);
    let mut stays: Vec<Encounter> = Vec::new();
    let mut people: Vec<Patient> = Vec::new();
    let mut page = Some(client.search(&search).await?);
    let mut pages = 0;
    while let Some(bundle) = page {
        pages += 1;
        page = client.next_page(&bundle).await?;
        if page.is_some() && pages == STAY_PAGES {
            return Err(WardListError::TooMany(STAY_PAGES * 100));
        }
        for entry in bundle.entry {
            match entry.resource {
                Some(Resource::Encounter(e)) => stays.push(*e),
                Some(Resource::Patient(p)) => people.push(*p),
                _ => {}
            }
        }
    }
    let now = Instant::now();
    let rows = rows(&stays, &people, now);
    let ids: Vec<&str> = rows.iter().map(|(id, _, _)| id.as_str()).collect();
    let mut latest = recent_sets(client, &ids, now).await?;
    // Anyone not observed in the last day: their own newest set, however
    // old, all asked in one batch.
    let unseen: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| !latest.iter().any(|(who, _)| who == id))
        .collect();
    latest.extend(older_sets(client, &unseen).await?);
    Ok(rows
        .into_iter()
        .map(|(id, bed, fields)| {
            let set = latest.iter().find(|(who, _)| *who == id).map(|(_, s)| s);
            let (name, nhs_number) = fields.map_or_else(
                || (cui::NOT_KNOWN.to_string(), cui::NOT_KNOWN.to_string()),
                |f| (f.name, f.nhs_number),
            );
            WardPatient {
                href: Some(super::summary::href(&id)),
                news2: set.and_then(VitalSet::news2),
                observed: set.map(|s| s.when.clone()),
                id,
                bed,
                name,
                nhs_number,
            }
        })
        .collect())
}

/// When the list on screen was read, after a read at `now`: a read that
/// failed leaves the list, and so its time, as it was, so "Last read" never
/// says a list is newer than it is.
fn last_read(before: Option<Instant>, succeeded: bool, now: Instant) -> Option<Instant> {
    if succeeded { Some(now) } else { before }
}

/// One row a patient: the patient's id, bed and banner fields. A patient
/// with more than one in-progress stay on the ward (a record error, or a
/// transfer not yet closed) is one row, with every bed the stays name, so
/// neither a second row nor a bed is shown that the other hides.
fn rows(
    stays: &[Encounter],
    people: &[Patient],
    now: Instant,
) -> Vec<(String, String, Option<BannerFields>)> {
    let mut rows: Vec<(String, Vec<String>, Option<BannerFields>)> = Vec::new();
    for stay in stays {
        let Some(id) = stay
            .subject
            .as_ref()
            .and_then(|s| s.reference.as_deref())
            .and_then(|r| r.strip_prefix("Patient/"))
        else {
            continue;
        };
        let bed = bed(stay);
        if let Some((_, beds, _)) = rows.iter_mut().find(|(who, _, _)| who == id) {
            if !beds.contains(&bed) {
                beds.push(bed);
            }
            continue;
        }
        let patient = people.iter().find(|p| p.id.as_deref() == Some(id));
        rows.push((
            id.to_string(),
            vec![bed],
            patient.map(|p| BannerFields::new(p, now)),
        ));
    }
    rows.into_iter()
        .map(|(id, mut beds, fields)| {
            // A known bed makes "Not known" beside it untrue.
            if beds.len() > 1 {
                beds.retain(|b| b != cui::NOT_KNOWN);
            }
            beds.sort_by(|a, b| bedside::collate::natural(a, b));
            (id, beds.join(" and "), fields)
        })
        .collect()
}

/// Vital signs of the last day, newest first.
const RECENT_SECONDS: i64 = 24 * 60 * 60;

/// Each of `ids`' newest complete set of vital signs from the last day, in
/// one search for them all (a reference search's values are alternatives,
/// FHIR R4 §3.1.1.5.4): one request for a ward, not one a patient.
async fn recent_sets(
    client: &FhirClient,
    ids: &[&str],
    now: Instant,
) -> Result<Vec<(String, VitalSet)>, FhirError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let subjects: Vec<String> = ids
        .iter()
        .map(|id| format!("Patient/{}", escape(id)))
        .collect();
    let search = Search::new("Observation")
        .raw("subject", &subjects.join(","))
        .token("category", None, "vital-signs")
        .date(
            "date",
            Prefix::Ge,
            &Instant(now.0 - RECENT_SECONDS).to_fhir(),
        )
        .sort(&[("date", true)])
        .count(1000);
    let found = client.search_all(&search, MAX_PAGES).await?;
    Ok(ids
        .iter()
        .filter_map(|id| {
            let subject = format!("Patient/{id}");
            let theirs = found.iter().filter_map(|r| match r {
                Resource::Observation(o)
                    if o.subject.as_ref().and_then(|s| s.reference.as_deref())
                        == Some(subject.as_str()) =>
                {
                    Some(&**o)
                }
                _ => None,
            });
            newest_complete(VitalSet::from_observations(theirs)).map(|set| (id.to_string(), set))
        })
        .collect())
}

/// The newest set that has a NEWS2 score: a newer partial set does not
/// hide it.
fn newest_complete(sets: Vec<VitalSet>) -> Option<VitalSet> {
    sets.into_iter().rev().find(|s| s.news2().is_some())
}

/// "Bay 2, bed 8": the stay's bed (its location of physical type `bd`),
/// else "Not known".
fn bed(stay: &Encounter) -> String {
    let display = |l: &serde_json::Value| {
        l.pointer("/location/display")
            .and_then(|d| d.as_str())
            .map(str::to_string)
    };
    let is_bed = |l: &&serde_json::Value| {
        l.pointer("/physicalType/coding/0/code")
            .and_then(|c| c.as_str())
            == Some("bd")
    };
    stay.location
        .iter()
        .find(is_bed)
        .and_then(display)
        .unwrap_or_else(|| cui::NOT_KNOWN.to_string())
}

/// Each of `ids`' newest complete set of vital signs, however old: one
/// search a patient (the newest sets of many patients are no one search),
/// sent together in one batch.
async fn older_sets(
    client: &FhirClient,
    ids: &[&str],
) -> Result<Vec<(String, VitalSet)>, FhirError> {
    let searches: Vec<Search> = ids
        .iter()
        .map(|id| {
            subject_search("Observation", "subject", id, 40)
                .token("category", None, "vital-signs")
                .sort(&[("date", true)])
        })
        .collect();
    let pages = client.search_each(&searches).await?;
    Ok(ids
        .iter()
        .zip(pages)
        .filter_map(|(id, page)| {
            let sets =
                VitalSet::from_observations(page.entry.iter().filter_map(|e| match &e.resource {
                    Some(Resource::Observation(o)) => Some(&**o),
                    _ => None,
                }));
            newest_complete(sets).map(|set| (id.to_string(), set))
        })
        .collect())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn location(json: &str) -> Location {
        serde_json::from_str(json).expect("a Location")
    }

    #[test]
    fn wards_are_the_locations_typed_as_wards_by_name() {
        let found = vec![
            location(
                r#"{"resourceType":"Location","id":"w7","name":"Ward 7","physicalType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/location-physical-type","code":"wa"}]}}"#,
            ),
            location(
                r#"{"resourceType":"Location","id":"b1","name":"Bed 1","physicalType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/location-physical-type","code":"bd"}]}}"#,
            ),
            location(
                r#"{"resourceType":"Location","id":"w3","name":"Ward 3","physicalType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/location-physical-type","code":"wa"}]}}"#,
            ),
            location(
                r#"{"resourceType":"Location","id":"w9","name":"Ward 9","status":"inactive","physicalType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/location-physical-type","code":"wa"}]}}"#,
            ),
        ];
        assert_eq!(
            wards(found),
            [
                ("w3".into(), "Ward 3".into()),
                ("w7".into(), "Ward 7".into())
            ]
        );
        // The sandbox's wards by name as a reader orders them (issue 32:
        // the chooser listed Ward 12, Ward 21, Ward 3, Ward 7).
        let ward = |id: &str, name: &str| {
            location(&format!(
                r#"{{"resourceType":"Location","id":"{id}","name":"{name}"}}"#
            ))
        };
        let names: Vec<String> = wards(vec![
            ward("ward-7", "Ward 7 (Respiratory)"),
            ward("ward-12", "Ward 12 (Acute Medical Unit)"),
            ward("ward-21", "Ward 21 (Care of the Elderly)"),
            ward("ward-3", "Ward 3 (Cardiology)"),
        ])
        .into_iter()
        .map(|(_, name)| name)
        .collect();
        assert_eq!(
            names,
            [
                "Ward 3 (Cardiology)",
                "Ward 7 (Respiratory)",
                "Ward 12 (Acute Medical Unit)",
                "Ward 21 (Care of the Elderly)"
            ]
        );
        // A server that types none of its locations: every active one.
        let untyped = vec![
            location(r#"{"resourceType":"Location","id":"x"}"#),
            location(r#"{"resourceType":"Location","id":"a","name":"AMU"}"#),
        ];
        assert_eq!(
            wards(untyped),
            [("a".into(), "AMU".into()), ("x".into(), "x".into())]
        );
    }

    #[test]
    fn a_stays_bed_is_its_bed_location() {
        let stay: Encounter = serde_json::from_str(
            r#"{"resourceType":"Encounter","status":"in-progress","class":{"code":"IMP"},"location":[
              {"location":{"reference":"Location/w7","display":"Ward 7"}},
              {"location":{"display":"Bay 2, bed 8"},"physicalType":{"coding":[{"code":"bd"}]}}]}"#,
        )
        .expect("an Encounter");
        assert_eq!(bed(&stay), "Bay 2, bed 8");
        let no_bed: Encounter = serde_json::from_str(
            r#"{"resourceType":"Encounter","status":"in-progress","class":{"code":"IMP"},"location":[
              {"location":{"reference":"Location/w7","display":"Ward 7"}}]}"#,
        )
        .expect("an Encounter");
        assert_eq!(bed(&no_bed), "Not known", "the ward is not a bed");
        assert_eq!(ward_href("ward 7&x"), "/ward-list?ward=ward%207%26x");
    }

    fn stay(patient: &str, bed: Option<&str>) -> Encounter {
        let bed = bed.map_or(String::new(), |b| {
            format!(r#",{{"location":{{"display":"{b}"}},"physicalType":{{"coding":[{{"code":"bd"}}]}}}}"#)
        });
        serde_json::from_str(&format!(
            r#"{{"resourceType":"Encounter","status":"in-progress","class":{{"code":"IMP"}},
              "subject":{{"reference":"Patient/{patient}"}},
              "location":[{{"location":{{"reference":"Location/w7"}}}}{bed}]}}"#
        ))
        .expect("an Encounter")
    }

    /// A server with `pages` pages of one in-progress stay each, and no
    /// vital signs.
    fn ward(pages: usize) -> FhirClient {
        crate::test_server::client(move |url| {
            let page = url
                .split("page=")
                .nth(1)
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(1);
            if !url.contains("/Encounter?") {
                return serde_json::json!({"resourceType": "Bundle", "type": "searchset"});
            }
            let next = if page < pages {
                serde_json::json!([{"relation": "next", "url": format!("https://fhir.test/R4/Encounter?page={}", page + 1)}])
            } else {
                serde_json::json!([])
            };
            serde_json::json!({
                "resourceType": "Bundle", "type": "searchset", "link": next,
                "entry": [{"resource": {"resourceType": "Encounter", "status": "in-progress", "class": {"code": "IMP"},
                    "subject": {"reference": format!("Patient/p{page}")}}}]
            })
        })
    }

    /// Issue 32: the read stopped after 300 stays without a word. Every
    /// page is read now; past what any ward holds, the list is refused with
    /// a reason rather than shown in part.
    #[test]
    fn every_page_of_stays_is_read_and_too_many_is_said() {
        let client = ward;
        let four = futures::executor::block_on(ward_patients(&client(4), "w"))
            .expect("a ward of four pages");
        assert_eq!(
            four.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["p1", "p2", "p3", "p4"],
            "past the old 3-page stop"
        );
        let all = futures::executor::block_on(ward_patients(&client(STAY_PAGES), "w"))
            .expect("the most a ward can hold");
        assert_eq!(all.len(), STAY_PAGES);
        match futures::executor::block_on(ward_patients(&client(STAY_PAGES + 1), "w")) {
            Err(WardListError::TooMany(n)) => assert_eq!(n, STAY_PAGES * 100),
            other => panic!("expected too many, got {:?}", other.map(|p| p.len())),
        }
        assert!(
            WardListError::TooMany(2000)
                .to_string()
                .contains("more than 2000 current stays")
        );
    }

    /// Issue 33: each patient not observed in the last day was read with a
    /// request of its own, one after another (a ward of 26 could be 28
    /// round trips). They are one batch now, and each answer is paired with
    /// its patient.
    #[test]
    fn patients_not_seen_today_are_read_in_one_batch() {
        use bedside::clinical::{Acvpu, Inspired, Measure, Recording, SpO2Scale};
        let taken = "2026-11-20T08:00:00Z";
        let mut set = VitalSet::new(taken, SpO2Scale::Scale1)
            .with(Measure::RespirationRate, 22.0)
            .with(Measure::SpO2, 95.0)
            .with(Measure::Systolic, 105.0)
            .with(Measure::Diastolic, 70.0)
            .with(Measure::Pulse, 95.0)
            .with(Measure::Temperature, 38.5);
        set.inspired = Some(Inspired::Air);
        set.consciousness = Some(Acvpu::Alert);
        let recorded = set.transaction(&Recording {
            patient: "p2",
            encounter: None,
            performer: None,
            issued: None,
            draft: None,
        });
        let observations: Vec<serde_json::Value> = recorded
            .entry
            .iter()
            .map(|e| serde_json::json!({"resource": e.resource}))
            .collect();
        let asked = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
        let log = asked.clone();
        let client = crate::test_server::client(move |url| {
            log.borrow_mut().push(url.to_string());
            let empty = serde_json::json!({"resourceType": "Bundle", "type": "searchset"});
            if url.contains("/Encounter?") {
                let stays: Vec<_> = ["p1", "p2", "p3"]
                    .iter()
                    .map(|p| {
                        serde_json::json!({"resource": {"resourceType": "Encounter",
                        "status": "in-progress", "class": {"code": "IMP"},
                        "subject": {"reference": format!("Patient/{p}")}}})
                    })
                    .collect();
                return serde_json::json!({"resourceType": "Bundle", "type": "searchset", "entry": stays});
            }
            if url.ends_with("/R4") {
                let ok = serde_json::json!({"status": "200 OK"});
                let p2 = serde_json::json!({"resourceType": "Bundle", "type": "searchset", "entry": observations});
                return serde_json::json!({"resourceType": "Bundle", "type": "batch-response", "entry": [
                    {"resource": empty, "response": ok}, {"resource": p2, "response": ok},
                    {"resource": empty, "response": ok}]});
            }
            empty
        });
        let patients = futures::executor::block_on(ward_patients(&client, "w")).expect("the ward");
        let asked = asked.borrow();
        assert_eq!(
            asked.len(),
            3,
            "stays, the last day's sets, one batch: {asked:?}"
        );
        assert_eq!(asked[2], "https://fhir.test/R4");
        let news2: Vec<_> = patients
            .iter()
            .map(|p| {
                (
                    p.id.as_str(),
                    p.news2.map(|n| n.total),
                    p.observed.as_deref(),
                )
            })
            .collect();
        // RR 22 → 2, SpO2 95 → 1, air 0, systolic 105 → 1, pulse 95 → 1,
        // alert 0, 38.5 °C → 1 (RCP NEWS2 Chart 1).
        assert_eq!(
            news2,
            [
                ("p1", None, None),
                ("p2", Some(6), Some(taken)),
                ("p3", None, None)
            ]
        );
    }

    #[test]
    fn last_read_moves_only_when_a_read_succeeds() {
        let (first, later) = (Instant(1_000), Instant(61_000));
        assert_eq!(last_read(None, false, first), None, "never read: no time");
        assert_eq!(last_read(None, true, first), Some(first));
        assert_eq!(
            last_read(Some(first), false, later),
            Some(first),
            "a failed refresh keeps the old time"
        );
        assert_eq!(last_read(Some(first), true, later), Some(later));
    }

    /// Issue 32: a patient with two in-progress stays had two rows.
    #[test]
    fn a_patient_with_two_stays_is_one_row_with_every_bed() {
        let stays = [
            stay("a", Some("Bay 2, bed 4")),
            stay("b", Some("Bay 1, bed 1")),
            stay("a", Some("Bay 10, bed 1")),
            stay("a", Some("Bay 2, bed 4")),
            stay("c", None),
            stay("c", Some("Side room 3")),
        ];
        let rows: Vec<(String, String)> = rows(&stays, &[], Instant(0))
            .into_iter()
            .map(|(id, bed, _)| (id, bed))
            .collect();
        assert_eq!(
            rows,
            [
                ("a".into(), "Bay 2, bed 4 and Bay 10, bed 1".into()),
                ("b".into(), "Bay 1, bed 1".into()),
                ("c".into(), "Side room 3".into()),
            ]
        );
    }
}
