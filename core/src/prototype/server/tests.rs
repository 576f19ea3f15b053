use std::cell::RefCell;
use std::rc::Rc;

use futures::FutureExt;
use futures::future::LocalBoxFuture;
use serde_json::{Value, json};

use super::*;
use crate::fhir::resources::{Bundle, Observation, Patient};
use crate::fhir::{FhirClient, FhirError, Search};

const BASE: &str = "https://proto.example/fhir";

fn now() -> Instant {
    Instant::parse("2026-12-05T10:00:00Z").expect("an instant")
}

fn vital(id: &str, patient: &str, at: &str) -> Value {
    json!({ "resourceType": "Observation", "id": id, "status": "final",
        "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs" }] }],
        "code": { "coding": [{ "system": "http://loinc.org", "code": "9279-1" }] },
        "subject": { "reference": format!("Patient/{patient}") }, "effectiveDateTime": at,
        "valueQuantity": { "value": 18, "unit": "/min" } })
}

fn ward() -> MemoryServer {
    let mut records = vec![
        json!({ "resourceType": "Patient", "id": "p1", "name": [{ "family": "Okafor", "given": ["Grace"] }], "birthDate": "1946-03-14",
            "identifier": [{ "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919" }] }),
        json!({ "resourceType": "Patient", "id": "p2", "name": [{ "family": "Nowak", "given": ["Leo"] }] }),
        json!({ "resourceType": "Location", "id": "ward-7", "name": "Ward 7" }),
        json!({ "resourceType": "Encounter", "id": "e1", "status": "in-progress", "subject": { "reference": "Patient/p1" },
            "location": [{ "location": { "reference": "Location/ward-7" } }], "period": { "start": "2026-12-01T09:00:00Z" } }),
        json!({ "resourceType": "Encounter", "id": "e2", "status": "finished", "subject": { "reference": "Patient/p2" },
            "location": [{ "location": { "reference": "Location/ward-7" } }], "period": { "start": "2026-11-01T09:00:00Z", "end": "2026-11-03T09:00:00Z" } }),
    ];
    for hour in 0..25 {
        records.push(vital(
            &format!("v{hour}"),
            "p1",
            &format!("2026-12-0{}T{:02}:00:00Z", 4 + hour / 24, hour % 24),
        ));
    }
    records.push(vital("other", "p2", "2026-12-05T08:00:00Z"));
    MemoryServer::new(BASE, records, now())
}

fn get(server: &mut MemoryServer, path: &str) -> (u16, Value) {
    send(server, Method::Get, path, None, &[])
}

fn send(
    server: &mut MemoryServer,
    method: Method,
    path: &str,
    body: Option<Value>,
    headers: &[(&'static str, &str)],
) -> (u16, Value) {
    let request = HttpRequest {
        method,
        url: format!("{BASE}{path}"),
        headers: headers.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        body: body.map(|b| b.to_string().into_bytes()),
    };
    let response = server.handle(&request, now());
    let json = serde_json::from_slice(&response.body).unwrap_or(Value::Null);
    (response.status, json)
}

fn ids(bundle: &Value) -> Vec<String> {
    bundle["entry"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["search"]["mode"] == "match")
        .map(|e| e["resource"]["id"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn reads_say_found_gone_or_unknown() {
    let mut server = ward();
    let (status, patient) = get(&mut server, "/Patient/p1");
    assert_eq!(
        (status, patient["meta"]["versionId"].as_str()),
        (200, Some("1"))
    );
    assert_eq!(get(&mut server, "/Patient/nobody").0, 404);
    assert_eq!(
        send(&mut server, Method::Delete, "/Patient/p2", None, &[]).0,
        204
    );
    let (status, gone) = get(&mut server, "/Patient/p2");
    assert_eq!(
        (status, gone["resourceType"].as_str()),
        (410, Some("OperationOutcome"))
    );
    assert_eq!(
        get(&mut server, "/patient/p1").0,
        404,
        "not a resource type"
    );
    let (status, _) = get(&mut server, "/metadata");
    assert_eq!(status, 200);
}

#[test]
fn updates_check_the_version_read() {
    let mut server = ward();
    let (_, mut patient) = get(&mut server, "/Patient/p1");
    patient["gender"] = "female".into();
    let (status, saved) = send(
        &mut server,
        Method::Put,
        "/Patient/p1",
        Some(patient.clone()),
        &[("If-Match", "W/\"1\"")],
    );
    assert_eq!(
        (status, saved["meta"]["versionId"].as_str()),
        (200, Some("2"))
    );
    // The same version sent again: someone changed it since.
    let (status, outcome) = send(
        &mut server,
        Method::Put,
        "/Patient/p1",
        Some(patient.clone()),
        &[("If-Match", "W/\"1\"")],
    );
    assert_eq!(
        (status, outcome["resourceType"].as_str()),
        (412, Some("OperationOutcome"))
    );
    let (status, _) = send(&mut server, Method::Put, "/Patient/p2", Some(patient), &[]);
    assert_eq!(status, 400, "the body's id is not the address's");
    let (status, _) = send(
        &mut server,
        Method::Post,
        "/Patient",
        Some(json!({ "resourceType": "Observation" })),
        &[],
    );
    assert_eq!(status, 400, "a body of another type");
}

#[test]
fn searches_filter_sort_and_page_by_next_links() {
    let mut server = ward();
    let (status, page) = get(
        &mut server,
        "/Observation?subject=Patient%2Fp1&category=vital-signs&date=ge2026-12-04T12%3A00%3A00Z&_sort=-date&_count=5&_total=accurate",
    );
    assert_eq!(status, 200);
    assert_eq!(page["total"], 13, "12:00 on the 4th to midnight on the 5th");
    assert_eq!(
        ids(&page),
        ["v24", "v23", "v22", "v21", "v20"],
        "newest first"
    );
    let mut seen = ids(&page);
    let mut next = page["link"]
        .as_array()
        .and_then(|l| l.iter().find(|l| l["relation"] == "next"))
        .cloned();
    while let Some(link) = next {
        let url = link["url"].as_str().expect("a url");
        let (_, page) = get(&mut server, url.strip_prefix(BASE).expect("on this server"));
        seen.extend(ids(&page));
        next = page["link"]
            .as_array()
            .and_then(|l| l.iter().find(|l| l["relation"] == "next"))
            .cloned();
    }
    assert_eq!(seen.len(), 13);
    assert_eq!(seen.last().map(String::as_str), Some("v12"));
    let (_, plain) = get(&mut server, "/Observation?subject=Patient/p2");
    assert!(
        plain.get("total").is_none(),
        "no total unless asked, as servers may"
    );
    let (_, counted) = get(&mut server, "/Observation?_summary=count");
    assert_eq!(
        (counted["total"].as_u64(), counted.get("entry")),
        (Some(26), None)
    );
}

#[test]
fn includes_bring_the_referenced_and_referring_records() {
    let mut server = ward();
    let (_, page) = get(
        &mut server,
        "/Encounter?location=Location/ward-7&status=in-progress&_include=Encounter:subject:Patient",
    );
    assert_eq!(ids(&page), ["e1"]);
    let entries = page["entry"].as_array().expect("entries");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1]["search"]["mode"], "include");
    assert_eq!(entries[1]["fullUrl"], format!("{BASE}/Patient/p1"));
    let (_, page) = get(&mut server, "/Patient?_id=p2&_revinclude=Encounter:subject");
    let included: Vec<&str> = page["entry"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["resource"]["id"].as_str())
        .collect();
    assert_eq!(included, ["p2", "e2"]);
}

#[test]
fn patients_are_found_by_nhs_number_name_and_birth_date() {
    let mut server = ward();
    let (_, by_number) = get(
        &mut server,
        "/Patient?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9434765919&_total=accurate",
    );
    assert_eq!(
        (ids(&by_number), by_number["total"].as_u64()),
        (vec!["p1".to_string()], Some(1))
    );
    let (_, by_name) = get(&mut server, "/Patient?name=oka&birthdate=1946-03-14");
    assert_eq!(ids(&by_name), ["p1"]);
    let (_, sorted) = get(&mut server, "/Patient?_sort=family");
    assert_eq!(ids(&sorted), ["p2", "p1"], "Nowak before Okafor");
}

#[test]
fn what_the_server_does_not_know_is_refused_not_ignored() {
    let mut server = ward();
    let (status, outcome) = get(&mut server, "/Observation?colour=red");
    assert_eq!(status, 400);
    let said = outcome["issue"][0]["diagnostics"].as_str().unwrap_or("");
    assert!(
        said.contains("colour") && said.contains("Observation"),
        "{said}"
    );
    assert_eq!(get(&mut server, "/Observation?subject.name=x").0, 400);
    assert_eq!(get(&mut server, "/Observation?_count=lots").0, 400);
}

fn vital_signs_transaction(draft: &str) -> Value {
    let entry = |n: usize, code: &str| {
        json!({ "fullUrl": format!("urn:uuid:0000000{n}-0000-4000-8000-000000000000"),
            "resource": { "resourceType": "Observation", "status": "final", "code": { "coding": [{ "code": code }] },
                "subject": { "reference": "Patient/p1" }, "effectiveDateTime": "2026-12-05T09:55:00Z",
                "identifier": [{ "system": "urn:draft", "value": format!("{draft}-{n}") }] },
            "request": { "method": "POST", "url": "Observation", "ifNoneExist": format!("identifier=urn:draft|{draft}-{n}") } })
    };
    let mut total = entry(2, "1104051000000101");
    total["resource"]["derivedFrom"] =
        json!([{ "reference": "urn:uuid:00000001-0000-4000-8000-000000000000" }]);
    json!({ "resourceType": "Bundle", "type": "transaction", "entry": [total, entry(1, "9279-1")] })
}

#[test]
fn transactions_resolve_urn_uuids_and_are_safe_to_resend() {
    let mut server = ward();
    let (status, answer) = send(
        &mut server,
        Method::Post,
        "",
        Some(vital_signs_transaction("d1")),
        &[],
    );
    assert_eq!(
        (status, answer["type"].as_str()),
        (200, Some("transaction-response"))
    );
    let entries = answer["entry"].as_array().expect("entries");
    assert_eq!(entries[0]["response"]["status"], "201 Created");
    let rate_id = entries[1]["resource"]["id"].as_str().expect("an id");
    assert_eq!(
        entries[0]["resource"]["derivedFrom"][0]["reference"],
        format!("Observation/{rate_id}"),
        "the total refers to the rate, though the rate came after it"
    );
    let (_, page) = get(
        &mut server,
        "/Observation?identifier=urn:draft%7Cd1-1,urn:draft%7Cd1-2",
    );
    assert_eq!(ids(&page).len(), 2);
    // Sent again (the answer was lost): nothing new.
    let (status, again) = send(
        &mut server,
        Method::Post,
        "",
        Some(vital_signs_transaction("d1")),
        &[],
    );
    assert_eq!(status, 200);
    assert_eq!(again["entry"][1]["resource"]["id"].as_str(), Some(rate_id));
    let (_, page) = get(
        &mut server,
        "/Observation?identifier=urn:draft%7Cd1-1,urn:draft%7Cd1-2",
    );
    assert_eq!(ids(&page).len(), 2);
}

#[test]
fn a_failed_transaction_changes_nothing() {
    let mut server = ward();
    let mut bundle = vital_signs_transaction("d2");
    bundle["entry"]
        .as_array_mut()
        .expect("entries")
        .push(json!({
        "resource": { "resourceType": "Patient", "id": "p1" },
        "request": { "method": "PUT", "url": "Patient/p1", "ifMatch": "W/\"9\"" } }));
    let (status, outcome) = send(&mut server, Method::Post, "", Some(bundle), &[]);
    assert_eq!(
        (status, outcome["resourceType"].as_str()),
        (412, Some("OperationOutcome"))
    );
    let (_, page) = get(&mut server, "/Observation?identifier=urn:draft%7Cd2-1");
    assert!(ids(&page).is_empty(), "the first entries were undone");
}

#[test]
fn a_failing_type_fails_alone_in_batches_too() {
    let mut server = ward();
    server.fail(
        "Observation",
        503,
        Some("The observations store is down".into()),
    );
    let (status, outcome) = get(&mut server, "/Observation?subject=Patient/p1");
    assert_eq!(status, 503);
    assert_eq!(
        outcome["issue"][0]["diagnostics"],
        "The observations store is down"
    );
    assert_eq!(get(&mut server, "/Patient/p1").0, 200);
    let batch = json!({ "resourceType": "Bundle", "type": "batch", "entry": [
        { "request": { "method": "GET", "url": "Patient?_id=p1" } },
        { "request": { "method": "GET", "url": "Observation?subject=Patient/p1" } } ] });
    let (status, answer) = send(&mut server, Method::Post, "", Some(batch), &[]);
    assert_eq!(status, 200);
    assert_eq!(answer["entry"][0]["response"]["status"], "200 OK");
    assert_eq!(answer["entry"][1]["response"]["status"], "503");
    assert_eq!(
        answer["entry"][1]["response"]["outcome"]["resourceType"],
        "OperationOutcome"
    );
    let types = request_types(
        BASE,
        &HttpRequest {
            method: Method::Post,
            url: BASE.into(),
            headers: Vec::new(),
            body: Some(
                json!({ "entry": [{ "request": { "url": "Observation?x=1" } }] })
                    .to_string()
                    .into_bytes(),
            ),
        },
    );
    assert_eq!(types, ["Observation"]);
}

/// The FHIR client over the server, as prototype mode's transport puts it.
struct InMemory(RefCell<MemoryServer>);

impl crate::fhir::Transport for InMemory {
    fn send(
        &self,
        request: HttpRequest,
        _: u32,
    ) -> LocalBoxFuture<'static, Result<HttpResponse, FhirError>> {
        let response = self.0.borrow_mut().handle(&request, now());
        async move { Ok(response) }.boxed_local()
    }
    fn sleep(&self, _: u32) -> LocalBoxFuture<'static, ()> {
        async {}.boxed_local()
    }
    fn random(&self) -> f64 {
        0.5
    }
}

#[test]
fn the_fhir_client_cannot_tell_it_from_a_server() {
    let client = FhirClient::new(BASE, Rc::new(InMemory(RefCell::new(ward()))));
    let patient: Patient = client
        .read("Patient", "p1")
        .now_or_never()
        .expect("at once")
        .expect("a Patient");
    assert_eq!(
        patient.nhs_number().map(|n| n.formatted()).as_deref(),
        Some("943 476 5919")
    );
    let search = Search::new("Observation")
        .reference("subject", "Patient/p1")
        .token("category", None, "vital-signs")
        .sort(&[("date", true)])
        .count(10);
    let all = client
        .search_all(&search, 10)
        .now_or_never()
        .expect("at once")
        .expect("results");
    assert_eq!(all.len(), 25, "three pages followed");
    let each = client
        .search_each(&[
            search.clone(),
            Search::new("Observation").reference("subject", "Patient/p2"),
        ])
        .now_or_never()
        .expect("at once")
        .expect("a batch");
    assert_eq!((each[0].entry.len(), each[1].entry.len()), (10, 1));
    let bundle: Bundle = serde_json::from_value(vital_signs_transaction("d3")).expect("a Bundle");
    let answer = client
        .bundle(&bundle)
        .now_or_never()
        .expect("at once")
        .expect("saved");
    assert_eq!(answer.entry.len(), 2);
    let missing = client
        .read::<Observation>("Observation", "nope")
        .now_or_never()
        .expect("at once");
    assert!(
        matches!(missing, Err(FhirError::Http { status: 404, .. })),
        "{missing:?}"
    );
}
