//! The FHIR client's browser path (`fetch`, CORS, bytes to Rust) against the
//! sandbox FHIR server.
//!
//! `scripts/test.sh` starts the sandbox, signs in over HTTP for a token
//! (`e2e/sandbox/test-token.mjs`) and passes the base URL and token in
//! `BEDSIDE_TEST_FHIR_BASE` and `BEDSIDE_TEST_FHIR_TOKEN` at build time.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use bedside::fhir::resources::{Bundle, Patient};
use bedside::fhir::{FhirClient, FhirClientContext, FhirError, Resource, Search, StaticToken};
use wasm_bindgen_test::*;

mod common;

use common::{container, eventually};

wasm_bindgen_test_configure!(run_in_browser);

const NOT_CONFIGURED: &str = "run through scripts/test.sh: these tests need the sandbox FHIR server and a token \
     (BEDSIDE_TEST_FHIR_BASE, BEDSIDE_TEST_FHIR_TOKEN)";

/// Set at build time; absent when the tests are built outside scripts/test.sh,
/// which then fails them with a message instead of failing the build.
fn configured(value: Option<&'static str>) -> &'static str {
    match value {
        Some(value) => value,
        None => panic!("{NOT_CONFIGURED}"),
    }
}

fn base() -> &'static str {
    configured(option_env!("BEDSIDE_TEST_FHIR_BASE"))
}

fn client() -> FhirClient {
    let token = configured(option_env!("BEDSIDE_TEST_FHIR_TOKEN"));
    FhirClient::browser(base()).with_token_source(Rc::new(StaticToken(token.to_string())))
}

#[wasm_bindgen_test]
async fn reads_a_patient_across_origins() {
    let patient: Patient = client()
        .read("Patient", "patient-00001")
        .await
        .expect("read");
    assert_eq!(patient.id.as_deref(), Some("patient-00001"));
    assert!(patient.nhs_number().is_some(), "a valid NHS number");
}

#[wasm_bindgen_test]
async fn pages_through_more_than_three_pages() {
    let search = Search::new("Observation")
        .reference("patient", "Patient/patient-00001")
        .count(10);
    let first = client().search(&search).await.expect("first page");
    let total = first.total.map(|t| t.get()).expect("the sandbox counts") as usize;
    assert!(total > 30, "{total} matches");
    let all = client().search_all(&search, 100).await.expect("all pages");
    assert_eq!(all.len(), total);
}

/// The ward list's read of patients not seen today: one `batch` to the
/// server, answered in order with what each search alone finds.
#[wasm_bindgen_test]
async fn a_batch_of_searches_finds_what_each_finds_alone() {
    let ids = |bundle: &Bundle| -> Vec<String> {
        bundle
            .entry
            .iter()
            .filter_map(|e| match &e.resource {
                Some(Resource::Observation(o)) => o.id.clone(),
                _ => None,
            })
            .collect()
    };
    let searches: Vec<Search> = ["patient-00001", "patient-00002", "no-such-patient"]
        .iter()
        .map(|p| {
            Search::new("Observation")
                .reference("subject", &format!("Patient/{p}"))
                .token("category", None, "vital-signs")
                .sort(&[("date", true)])
                .count(5)
        })
        .collect();
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");
    performance.clear_resource_timings();
    let together = client().search_each(&searches).await.expect("a batch");
    assert_eq!(together.len(), 3);
    // What went over the network: the batch alone, no search of its own.
    let sent: Vec<String> = performance
        .get_entries_by_type("resource")
        .iter()
        .filter_map(|e| js_sys::Reflect::get(&e, &"name".into()).ok()?.as_string())
        .collect();
    assert_eq!(sent, [base().to_string()], "one batch, answered whole");
    for (search, page) in searches.iter().zip(&together) {
        let alone = client().search(search).await.expect("one search");
        assert_eq!(ids(page), ids(&alone), "{}", search.query());
    }
    assert_eq!(
        ids(&together[0]).len(),
        5,
        "the first patient has vital signs"
    );
    assert!(ids(&together[2]).is_empty());
}

#[wasm_bindgen_test]
async fn include_brings_referenced_patients() {
    let search = Search::new("Encounter")
        .count(3)
        .include("Encounter", "subject", None);
    let bundle = client().search(&search).await.expect("search");
    let patients = bundle
        .entry
        .iter()
        .filter(|e| matches!(e.resource, Some(Resource::Patient(_))))
        .count();
    assert_eq!(patients, 3);
}

#[wasm_bindgen_test]
async fn a_stale_update_is_a_conflict_carrying_the_current_record() {
    let client = client();
    let new: Patient =
        serde_json::from_str(r#"{"resourceType":"Patient","name":[{"family":"Conflict"}]}"#)
            .expect("patient");
    let created = client.create("Patient", &new).await.expect("create");
    let id = created.id.clone().expect("an id");
    let v1 = created
        .meta
        .as_ref()
        .and_then(|m| m.version_id.clone())
        .expect("a version");

    let mut first = created.clone();
    first.gender = Some("female".into());
    client
        .update("Patient", &id, &first, Some(&v1))
        .await
        .expect("first update");

    let mut second = created;
    second.gender = Some("male".into());
    match client.update("Patient", &id, &second, Some(&v1)).await {
        Err(FhirError::VersionConflict {
            expected_version,
            current: Some(current),
        }) => {
            assert_eq!(expected_version, Some(v1));
            match *current {
                Resource::Patient(p) => assert_eq!(p.gender.as_deref(), Some("female")),
                other => panic!("{other:?}"),
            }
        }
        other => panic!("expected a version conflict, got {other:?}"),
    }
}

/// A transaction of a new patient and an observation about them, the
/// observation pointing at the patient by its temporary `urn:uuid`.
fn patient_with_pulse(family: &str, taken_at: &str) -> Bundle {
    serde_json::from_value(serde_json::json!({
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [
            {"fullUrl": "urn:uuid:0b5cf0e0-3f86-4c64-9e1a-3c7c4f8b2a11", "request": {"method": "POST", "url": "Patient"},
             "resource": {"resourceType": "Patient", "name": [{"family": family}]}},
            {"request": {"method": "POST", "url": "Observation"},
             "resource": {"resourceType": "Observation", "status": "final", "code": {"text": "Pulse"},
                          "effectiveDateTime": taken_at,
                          "subject": {"reference": "urn:uuid:0b5cf0e0-3f86-4c64-9e1a-3c7c4f8b2a11"},
                          "valueQuantity": {"value": 72.0, "unit": "beats/minute"}}}
        ]
    }))
    .expect("bundle")
}

/// A family name no other test run has used.
fn unique_family(what: &str) -> String {
    format!("{what}{}", js_sys::Date::now() as u64)
}

#[wasm_bindgen_test]
async fn a_transaction_commits_together_and_resolves_its_references() {
    let family = unique_family("Transaction");
    let response = client()
        .bundle(&patient_with_pulse(&family, "2026-11-21T10:00:00Z"))
        .await
        .expect("transaction");
    assert_eq!(response.type_, "transaction-response");
    let [patient, observation] = &response.entry[..] else {
        panic!("two entries expected: {:?}", response.entry);
    };
    let Some(Resource::Patient(patient)) = &patient.resource else {
        panic!("the first entry is the created patient: {patient:?}");
    };
    let patient_id = patient
        .id
        .clone()
        .expect("the server gave the patient an id");
    let Some(Resource::Observation(created)) = &observation.resource else {
        panic!("the second entry is the created observation: {observation:?}");
    };
    // The temporary reference now names the patient the transaction created,
    // and the server keeps it that way.
    let expected = format!("Patient/{patient_id}");
    let subject = |o: &bedside::fhir::resources::Observation| {
        o.subject.as_ref().and_then(|r| r.reference.clone())
    };
    assert_eq!(subject(created).as_deref(), Some(expected.as_str()));
    let stored: bedside::fhir::resources::Observation = client()
        .read("Observation", created.id.as_deref().expect("an id"))
        .await
        .expect("the observation was stored");
    assert_eq!(subject(&stored).as_deref(), Some(expected.as_str()));
}

#[wasm_bindgen_test]
async fn a_transaction_with_an_invalid_entry_is_refused_whole() {
    let family = unique_family("Refused");
    // `status` must be one of the code system's codes: the observation is invalid.
    match client()
        .bundle(&patient_with_pulse(&family, "nonsense"))
        .await
    {
        Err(FhirError::Http { status, issues, .. }) => {
            assert!((400..500).contains(&status), "{status}");
            assert!(!issues.is_empty(), "the server says what was wrong");
        }
        other => panic!("expected the transaction to be refused, got {other:?}"),
    }
    // Nothing of it was kept: not even the valid patient.
    let found = client()
        .search(&Search::new("Patient").string_exact("family", &family))
        .await
        .expect("search");
    assert_eq!(found.entry.len(), 0, "{:?}", found.entry);
}

#[wasm_bindgen_test]
async fn invalid_resources_surface_the_servers_operation_outcome() {
    let invalid = serde_json::json!({"resourceType": "Patient", "birthDate": "21/11/2026"});
    match client().create("Patient", &invalid).await {
        Err(FhirError::Http {
            status: 400,
            issues,
            ..
        }) => {
            assert!(!issues.is_empty());
            assert!(
                issues
                    .iter()
                    .all(|i| i.severity == "error" || i.severity == "fatal")
            );
        }
        other => panic!("expected 400 with an OperationOutcome, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn requests_tell_the_browser_to_keep_nothing_in_its_cache() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;

    // The sandbox answers `Cache-Control: no-store` itself, so what the
    // server does cannot show what the client asks: watch `fetch` instead.
    let window = web_sys::window().expect("window");
    let original: js_sys::Function = js_sys::Reflect::get(&window, &"fetch".into())
        .expect("fetch")
        .unchecked_into();
    let modes = Rc::new(std::cell::RefCell::new(Vec::<Option<String>>::new()));
    let watched = {
        let (window, original, modes) = (window.clone(), original.clone(), modes.clone());
        Closure::<dyn FnMut(wasm_bindgen::JsValue, wasm_bindgen::JsValue) -> wasm_bindgen::JsValue>::new(
            move |url, init| {
                let mode = js_sys::Reflect::get(&init, &"cache".into()).ok().and_then(|m| m.as_string());
                modes.borrow_mut().push(mode);
                original.call2(&window, &url, &init).unwrap_or_else(|e| e)
            },
        )
    };
    js_sys::Reflect::set(&window, &"fetch".into(), watched.as_ref()).expect("watch fetch");
    let result = client().read::<Patient>("Patient", "patient-00001").await;
    js_sys::Reflect::set(&window, &"fetch".into(), &original).expect("restore fetch");

    assert!(result.is_ok(), "{result:?}");
    assert_eq!(*modes.borrow(), [Some("no-store".to_string())]);
}

#[wasm_bindgen_test]
async fn no_token_is_unauthorized_and_unknown_records_are_not_found() {
    let anonymous = FhirClient::browser(base());
    let result = anonymous.read::<Patient>("Patient", "patient-00001").await;
    assert!(
        matches!(result, Err(FhirError::Unauthorized { .. })),
        "{result:?}"
    );
    assert!(matches!(
        client().read::<Patient>("Patient", "no-such-patient").await,
        Err(FhirError::Http { status: 404, .. })
    ));
}

#[wasm_bindgen_test]
async fn an_unreachable_server_is_a_network_error() {
    // Port 9 (discard) has nothing listening on the test machine.
    let nowhere = FhirClient::browser("http://127.0.0.1:9/fhir/R4")
        .with_retry(bedside::fhir::RetryPolicy::NEVER);
    assert!(matches!(
        nowhere.read::<Patient>("Patient", "x").await,
        Err(FhirError::Network { .. })
    ));
}

#[wasm_bindgen_test]
async fn an_answer_over_64_mb_is_not_read_whether_or_not_it_says_so() {
    // The sandbox answers any path below `/_sandbox/oversized/<MB>/` with that
    // many megabytes, declared (Content-Length) or not (chunked).
    let server = base().trim_end_matches("/fhir/R4");
    for (megabytes, how) in [(65, ""), (65, "/chunked")] {
        let client = FhirClient::browser(&format!("{server}/_sandbox/oversized/{megabytes}{how}"))
            .with_retry(bedside::fhir::RetryPolicy::NEVER);
        assert!(
            matches!(
                client.read::<Patient>("Patient", "x").await,
                Err(FhirError::TooLarge)
            ),
            "{megabytes} MB{how}"
        );
    }
    // 63 MB is read (and is not FHIR).
    let client = FhirClient::browser(&format!("{server}/_sandbox/oversized/63"))
        .with_retry(bedside::fhir::RetryPolicy::NEVER);
    assert!(matches!(
        client.read::<Patient>("Patient", "x").await,
        Err(FhirError::Decode { .. })
    ));
}

#[wasm_bindgen_test]
async fn use_fhir_read_follows_its_id_and_reports_loading() {
    use bedside::fhir::use_fhir_read;
    use leptos::prelude::*;

    let id = RwSignal::new("patient-00001".to_string());
    // Every value `loading` takes, in order.
    let loading = RwSignal::new(Vec::<bool>::new());
    let holder = container();
    let _mounted = leptos::mount::mount_to(holder.clone(), move || {
        client().provide();
        let patient = use_fhir_read::<Patient>("Patient", id);
        Effect::new(move || {
            let now = patient.loading.get();
            loading.update(|seen| seen.push(now));
        });
        view! {
            <p id="name">
                {move || match patient.result.get() {
                    None => "loading".to_string(),
                    Some(Ok(p)) => p.id.unwrap_or_default(),
                    Some(Err(e)) => format!("error: {e}"),
                }}
            </p>
        }
    });
    let text = || holder.text_content().unwrap_or_default();
    // Each read: `loading` goes true while it runs, then false, once.
    let one_read = |shown: &'static str| async move {
        eventually(shown, || text() == shown).await;
        eventually("loading to end", || {
            loading.get_untracked().last() == Some(&false)
        })
        .await;
        assert_eq!(loading.get_untracked(), [true, false], "{shown}");
        loading.set(Vec::new());
    };
    one_read("patient-00001").await;
    id.set("patient-00002".into());
    one_read("patient-00002").await;

    id.set("no-such-patient".into());
    eventually("a not-found message", || {
        text().starts_with("error: This record could not be found")
    })
    .await;
}

#[wasm_bindgen_test]
async fn use_fhir_search_returns_a_page() {
    use bedside::fhir::use_fhir_search;
    use leptos::prelude::*;

    let holder = container();
    let search = Search::new("Observation")
        .reference("patient", "Patient/patient-00003")
        .count(5);
    let _mounted = leptos::mount::mount_to(holder.clone(), move || {
        client().provide();
        let page = use_fhir_search(Signal::stored(search));
        view! {
            <p>{move || page.result.get().map(|r| r.map(|b| b.entry.len().to_string()).unwrap_or_else(|e| e.to_string()))}</p>
        }
    });
    eventually("five entries", || {
        holder.text_content().unwrap_or_default() == "5"
    })
    .await;
}
