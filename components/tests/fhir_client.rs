//! The FHIR client's own logic (auth, refresh-on-401, retries, version
//! conflicts, de-duplication, paging), driven through a scripted transport.
//! The real `fetch` path and a real server are covered by the browser tests
//! against the sandbox.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use bedside::fhir::resources::{Bundle, Patient};
use bedside::fhir::{
    FhirClient, FhirError, HttpRequest, HttpResponse, Method, Resource, RetryPolicy, Search,
    TokenSource, Transport,
};
use futures::FutureExt;
use futures::executor::block_on;
use futures::future::{LocalBoxFuture, join};

/// Answers requests from a script, in order, and records what was asked.
#[derive(Default)]
struct Script {
    answers: RefCell<VecDeque<Result<HttpResponse, FhirError>>>,
    requests: RefCell<Vec<HttpRequest>>,
    sleeps: RefCell<Vec<u32>>,
}

impl Script {
    fn new(answers: Vec<Result<HttpResponse, FhirError>>) -> Rc<Self> {
        Rc::new(Self {
            answers: RefCell::new(answers.into()),
            ..Self::default()
        })
    }

    fn client(self: &Rc<Self>) -> FhirClient {
        FhirClient::new("https://fhir.test/R4/", self.clone())
    }

    fn requests(&self) -> Vec<HttpRequest> {
        self.requests.borrow().clone()
    }
}

/// Ready on the second poll, so concurrent callers overlap as they would on a network.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

impl Transport for Script {
    fn send(
        &self,
        request: HttpRequest,
        _timeout_ms: u32,
    ) -> LocalBoxFuture<'static, Result<HttpResponse, FhirError>> {
        self.requests.borrow_mut().push(request);
        let answer = self
            .answers
            .borrow_mut()
            .pop_front()
            .unwrap_or_else(|| panic!("the script ran out of answers"));
        async move {
            YieldOnce(false).await;
            answer
        }
        .boxed_local()
    }

    fn sleep(&self, ms: u32) -> LocalBoxFuture<'static, ()> {
        self.sleeps.borrow_mut().push(ms);
        async {}.boxed_local()
    }

    fn random(&self) -> f64 {
        0.5
    }
}

fn ok(body: &str) -> Result<HttpResponse, FhirError> {
    status(200, body)
}

fn status(code: u16, body: &str) -> Result<HttpResponse, FhirError> {
    Ok(HttpResponse {
        status: code,
        headers: vec![],
        body: body.as_bytes().to_vec(),
    })
}

const PATIENT: &str =
    r#"{"resourceType":"Patient","id":"p1","meta":{"versionId":"3"},"gender":"female"}"#;

struct Tokens {
    current: RefCell<Option<String>>,
    next: Option<String>,
    refreshes: Cell<u32>,
}

impl TokenSource for Tokens {
    fn token(&self) -> LocalBoxFuture<'static, Option<String>> {
        let token = self.current.borrow().clone();
        async move { token }.boxed_local()
    }

    fn refresh(&self) -> LocalBoxFuture<'static, Option<String>> {
        self.refreshes.set(self.refreshes.get() + 1);
        *self.current.borrow_mut() = self.next.clone();
        let token = self.next.clone();
        async move { token }.boxed_local()
    }
}

fn tokens(current: &str, next: Option<&str>) -> Rc<Tokens> {
    Rc::new(Tokens {
        current: RefCell::new(Some(current.to_string())),
        next: next.map(str::to_string),
        refreshes: Cell::new(0),
    })
}

#[test]
fn read_sends_fhir_headers_and_the_bearer_token() {
    let script = Script::new(vec![ok(PATIENT)]);
    let client = script.client().with_token_source(tokens("t1", None));
    let patient: Patient = block_on(client.read("Patient", "p1")).expect("read");
    assert_eq!(patient.gender.as_deref(), Some("female"));
    let request = &script.requests()[0];
    assert_eq!(request.method, Method::Get);
    assert_eq!(request.url, "https://fhir.test/R4/Patient/p1");
    assert_eq!(
        request.header_value("accept"),
        Some("application/fhir+json")
    );
    assert_eq!(request.header_value("authorization"), Some("Bearer t1"));
}

#[test]
fn a_401_refreshes_once_then_retries_with_the_new_token() {
    let script = Script::new(vec![status(401, ""), ok(PATIENT)]);
    let source = tokens("old", Some("new"));
    let client = script.client().with_token_source(source.clone());
    block_on(client.read::<Patient>("Patient", "p1")).expect("read after refresh");
    assert_eq!(source.refreshes.get(), 1);
    let auth: Vec<_> = script
        .requests()
        .iter()
        .map(|r| r.header_value("authorization").map(str::to_string))
        .collect();
    assert_eq!(auth, [Some("Bearer old".into()), Some("Bearer new".into())]);
}

#[test]
fn a_second_401_or_a_failed_refresh_is_unauthorized() {
    let script = Script::new(vec![status(401, ""), status(401, "")]);
    let source = tokens("old", Some("new"));
    let result = block_on(
        script
            .client()
            .with_token_source(source.clone())
            .read::<Patient>("Patient", "p1"),
    );
    assert!(matches!(result, Err(FhirError::Unauthorized { .. })));
    assert_eq!(
        source.refreshes.get(),
        1,
        "refresh is asked once, not in a loop"
    );

    let script = Script::new(vec![status(401, "")]);
    let result = block_on(
        script
            .client()
            .with_token_source(tokens("old", None))
            .read::<Patient>("Patient", "p1"),
    );
    assert!(matches!(result, Err(FhirError::Unauthorized { .. })));
    assert_eq!(script.requests().len(), 1);
}

#[test]
fn busy_servers_are_retried_for_reads_but_creates_are_not_resent() {
    let busy = || {
        Ok(HttpResponse {
            status: 503,
            headers: vec![("retry-after".into(), "1".into())],
            body: vec![],
        })
    };
    let script = Script::new(vec![
        busy(),
        Err(FhirError::Timeout { after_ms: 30_000 }),
        ok(PATIENT),
    ]);
    block_on(script.client().read::<Patient>("Patient", "p1")).expect("third try");
    assert_eq!(
        *script.sleeps.borrow(),
        [1_000, 300],
        "Retry-After, then jittered back-off"
    );

    let script = Script::new(vec![busy()]);
    let result = block_on(
        script
            .client()
            .create("Patient", &serde_json::json!({"resourceType": "Patient"})),
    );
    assert!(matches!(result, Err(FhirError::Http { status: 503, .. })));
    assert_eq!(
        script.requests().len(),
        1,
        "a create is never resent blindly"
    );

    let script = Script::new(vec![busy()]);
    let result = block_on(
        script
            .client()
            .with_retry(RetryPolicy::NEVER)
            .read::<Patient>("Patient", "p1"),
    );
    assert!(matches!(result, Err(FhirError::Http { status: 503, .. })));
}

#[test]
fn errors_carry_the_servers_operation_outcome() {
    let outcome = r#"{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found","details":{"text":"Patient/p9 is not known"}}]}"#;
    let script = Script::new(vec![status(404, outcome)]);
    match block_on(script.client().read::<Patient>("Patient", "p9")) {
        Err(FhirError::Http {
            status: 404,
            issues,
            ..
        }) => assert_eq!(issues[0].message(), "Patient/p9 is not known"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn update_sends_if_match_and_a_conflict_brings_the_current_record() {
    let current =
        r#"{"resourceType":"Patient","id":"p1","meta":{"versionId":"4"},"gender":"male"}"#;
    let script = Script::new(vec![status(412, ""), ok(current)]);
    let mut patient: Patient = serde_json::from_str(PATIENT).expect("patient");
    patient.gender = Some("other".into());
    let result = block_on(script.client().update("Patient", "p1", &patient, Some("3")));
    let requests = script.requests();
    assert_eq!(requests[0].method, Method::Put);
    assert_eq!(requests[0].header_value("if-match"), Some("W/\"3\""));
    let sent: serde_json::Value =
        serde_json::from_slice(requests[0].body.as_deref().expect("a body")).expect("json");
    assert_eq!(sent["gender"], "other");
    match result {
        Err(FhirError::VersionConflict {
            expected_version,
            current: Some(now),
        }) => {
            assert_eq!(expected_version.as_deref(), Some("3"));
            match *now {
                Resource::Patient(p) => {
                    assert_eq!(p.meta.and_then(|m| m.version_id).as_deref(), Some("4"))
                }
                other => panic!("{other:?}"),
            }
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn identical_reads_in_flight_share_one_request() {
    let script = Script::new(vec![ok(PATIENT), ok(PATIENT)]);
    let client = script.client();
    let (a, b) = block_on(join(
        client.read::<Patient>("Patient", "p1"),
        client.read::<Patient>("Patient", "p1"),
    ));
    assert_eq!(a.expect("a").id, b.expect("b").id);
    assert_eq!(script.requests().len(), 1);
    // Once finished, the next read asks again.
    block_on(client.read::<Patient>("Patient", "p1")).expect("fresh");
    assert_eq!(script.requests().len(), 2);
}

#[test]
fn search_all_follows_next_links_and_keeps_only_matches() {
    let page = |n: u32, next: Option<&str>| {
        let link = next
            .map(|u| format!(r#",{{"relation":"next","url":"{u}"}}"#))
            .unwrap_or_default();
        format!(
            r#"{{"resourceType":"Bundle","type":"searchset","link":[{{"relation":"self","url":"x"}}{link}],
            "entry":[{{"resource":{{"resourceType":"Observation","id":"o{n}","status":"final","code":{{}}}},"search":{{"mode":"match"}}}},
                     {{"resource":{{"resourceType":"Patient","id":"p"}},"search":{{"mode":"include"}}}}]}}"#
        )
    };
    let script = Script::new(vec![
        ok(&page(1, Some("https://fhir.test/R4/Observation?_offset=1"))),
        ok(&page(2, Some("https://fhir.test/R4/Observation?_offset=2"))),
        ok(&page(3, None)),
    ]);
    let search = Search::new("Observation")
        .reference("subject", "Patient/p")
        .count(1);
    let all = block_on(script.client().search_all(&search, 10)).expect("all pages");
    let ids: Vec<_> = all
        .iter()
        .map(|r| match r {
            Resource::Observation(o) => o.id.clone().unwrap_or_default(),
            other => panic!("an include leaked: {other:?}"),
        })
        .collect();
    assert_eq!(ids, ["o1", "o2", "o3"]);
    let urls: Vec<_> = script.requests().iter().map(|r| r.url.clone()).collect();
    assert_eq!(
        urls[0],
        "https://fhir.test/R4/Observation?subject=Patient/p&_count=1"
    );
    assert_eq!(urls[2], "https://fhir.test/R4/Observation?_offset=2");

    let script = Script::new(vec![ok(&page(
        1,
        Some("https://fhir.test/R4/Observation?_offset=1"),
    ))]);
    let first_only = block_on(script.client().search_all(&search, 1)).expect("one page");
    assert_eq!(first_only.len(), 1, "max_pages stops paging");
}

/// A patient's newest observations, as the ward list asks for each patient
/// not seen in the last day.
fn newest_of(patient: &str) -> Search {
    Search::new("Observation")
        .reference("subject", &format!("Patient/{patient}"))
        .count(40)
}

fn searchset_of(id: &str) -> String {
    format!(
        r#"{{"resourceType":"Bundle","type":"searchset","entry":[{{"resource":{{"resourceType":"Observation","id":"{id}","status":"final","code":{{}}}}}}]}}"#
    )
}

/// The ids of the first entry of each page, "" for an empty page.
fn first_ids(pages: &[Bundle]) -> Vec<String> {
    pages
        .iter()
        .map(
            |b| match b.entry.first().and_then(|e| e.resource.as_ref()) {
                Some(Resource::Observation(o)) => o.id.clone().unwrap_or_default(),
                _ => String::new(),
            },
        )
        .collect()
}

/// Issue 33: the ward list read each patient not seen in the last day with
/// a request of its own, one after another. Many searches are one `batch`
/// now; a search the batch could not answer is asked again on its own.
#[test]
fn many_searches_go_in_one_batch_and_a_failed_entry_is_asked_alone() {
    let ok_entry = |id: &str| {
        format!(
            r#"{{"resource":{},"response":{{"status":"200 OK"}}}}"#,
            searchset_of(id)
        )
    };
    let answer = format!(
        r#"{{"resourceType":"Bundle","type":"batch-response","entry":[{},
            {{"resource":{{"resourceType":"OperationOutcome","issue":[{{"severity":"error","code":"too-costly"}}]}},"response":{{"status":"503"}}}},
            {}]}}"#,
        ok_entry("a1"),
        ok_entry("c1")
    );
    let script = Script::new(vec![ok(&answer), ok(&searchset_of("b1"))]);
    let searches = [newest_of("a"), newest_of("b"), newest_of("c")];
    let pages = block_on(script.client().search_each(&searches)).expect("three pages");
    assert_eq!(
        first_ids(&pages),
        ["a1", "b1", "c1"],
        "in the searches' order"
    );
    let requests = script.requests();
    assert_eq!(requests.len(), 2, "one batch and the one it did not answer");
    assert_eq!(
        (requests[0].method, requests[0].url.as_str()),
        (Method::Post, "https://fhir.test/R4")
    );
    let batch: serde_json::Value =
        serde_json::from_slice(requests[0].body.as_deref().expect("a body")).expect("JSON");
    assert_eq!(batch["type"], "batch");
    assert_eq!(
        batch["entry"][1]["request"],
        serde_json::json!({"method": "GET", "url": "Observation?subject=Patient/b&_count=40"})
    );
    assert_eq!(
        (requests[1].method, requests[1].url.as_str()),
        (
            Method::Get,
            "https://fhir.test/R4/Observation?subject=Patient/b&_count=40"
        )
    );
}

/// A server need not take batches: one that refuses them is asked each
/// search on its own, all at once; one that is failing is not asked again
/// once a patient, and the failure is said.
#[test]
fn a_server_without_batches_is_asked_each_search_and_a_failing_one_is_not() {
    // No batch interaction (405), or allowed to search but not to batch
    // (403): the searches go alone.
    for refused in [405, 403] {
        let script = Script::new(vec![
            status(refused, "{}"),
            ok(&searchset_of("a1")),
            ok(&searchset_of("b1")),
        ]);
        let pages = block_on(
            script
                .client()
                .search_each(&[newest_of("a"), newest_of("b")]),
        )
        .expect("two pages");
        assert_eq!(first_ids(&pages), ["a1", "b1"], "{refused}");
        let methods: Vec<_> = script.requests().iter().map(|r| r.method).collect();
        assert_eq!(
            methods,
            [Method::Post, Method::Get, Method::Get],
            "{refused}"
        );
    }

    let script = Script::new(vec![status(500, "{}")]);
    let failed = block_on(
        script
            .client()
            .search_each(&[newest_of("a"), newest_of("b")]),
    );
    assert!(
        matches!(failed, Err(FhirError::Http { status: 500, .. })),
        "{failed:?}"
    );
    assert_eq!(
        script.requests().len(),
        1,
        "a failing server is not asked again"
    );

    let script = Script::new(vec![ok(&searchset_of("a1"))]);
    let one = block_on(script.client().search_each(&[newest_of("a")])).expect("one page");
    assert_eq!(first_ids(&one), ["a1"]);
    assert_eq!(
        script.requests()[0].method,
        Method::Get,
        "one search is no batch"
    );
    let none = block_on(script.client().search_each(&[])).expect("nothing asked");
    assert!(none.is_empty());
}

#[test]
fn the_token_goes_to_the_clients_own_server_only() {
    let page = |next: &str| {
        format!(
            r#"{{"resourceType":"Bundle","type":"searchset","link":[{{"relation":"next","url":"{next}"}}],"entry":[]}}"#
        )
    };
    for elsewhere in [
        "https://evil.test/R4/Observation?_offset=1",
        "https://fhir.test/R4-evil/Observation",
        "https://fhir.test.evil/R4/Observation",
        "http://fhir.test/R4/Observation",
    ] {
        let script = Script::new(vec![ok(&page(elsewhere))]);
        let client = script.client().with_token_source(tokens("t1", None));
        let first = block_on(client.search(&Search::new("Observation"))).expect("first page");
        match block_on(client.next_page(&first)) {
            Err(FhirError::ForeignAddress { url }) => assert_eq!(url, elsewhere),
            other => panic!("{elsewhere}: expected a refusal, got {other:?}"),
        }
        assert_eq!(script.requests().len(), 1, "{elsewhere} was never asked");
    }
    // Its own server's pages, under the base, are followed with the token.
    let script = Script::new(vec![
        ok(&page("https://fhir.test/R4/Observation?_offset=1")),
        ok(&page("https://fhir.test/R4?_getpages=x")),
    ]);
    let client = script.client().with_token_source(tokens("t1", None));
    let first = block_on(client.search(&Search::new("Observation"))).expect("first page");
    block_on(client.next_page(&first)).expect("next page");
    let requests = script.requests();
    assert_eq!(requests[1].header_value("authorization"), Some("Bearer t1"));
}

#[test]
fn conditional_create_and_transactions() {
    let script = Script::new(vec![
        ok(PATIENT),
        ok(r#"{"resourceType":"Bundle","type":"transaction-response"}"#),
    ]);
    let client = script.client();
    let condition = Search::new("Patient").token(
        "identifier",
        Some("https://fhir.nhs.uk/Id/nhs-number"),
        "9434765919",
    );
    let new_patient: Patient =
        serde_json::from_str(r#"{"resourceType":"Patient"}"#).expect("patient");
    let created: Patient =
        block_on(client.create_if_none_exist("Patient", &new_patient, &condition))
            .expect("created");
    assert_eq!(created.id.as_deref(), Some("p1"));
    let bundle: Bundle =
        serde_json::from_str(r#"{"resourceType":"Bundle","type":"transaction","entry":[]}"#)
            .expect("bundle");
    let response = block_on(client.bundle(&bundle)).expect("transaction");
    assert_eq!(response.type_, "transaction-response");
    let requests = script.requests();
    assert_eq!(
        requests[0].header_value("if-none-exist"),
        Some("identifier=https://fhir.nhs.uk/Id/nhs-number%7C9434765919")
    );
    assert_eq!(
        requests[0].header_value("prefer"),
        Some("return=representation")
    );
    assert_eq!(
        (requests[1].method, requests[1].url.as_str()),
        (Method::Post, "https://fhir.test/R4")
    );
}

#[test]
fn a_read_nobody_waits_for_any_more_is_dropped_not_reused() {
    let newer = r#"{"resourceType":"Patient","id":"p1","meta":{"versionId":"4"}}"#;
    let script = Script::new(vec![ok(PATIENT), ok(newer)]);
    let client = script.client();
    // Polled once (the request is on the network), then dropped: a component unmounted.
    assert!(
        client
            .read::<Patient>("Patient", "p1")
            .now_or_never()
            .is_none()
    );
    let patient: Patient = block_on(client.read("Patient", "p1")).expect("read");
    assert_eq!(
        script.requests().len(),
        2,
        "the abandoned request is not shared with the new one"
    );
    assert_eq!(
        patient.meta.and_then(|m| m.version_id).as_deref(),
        Some("4")
    );
}
