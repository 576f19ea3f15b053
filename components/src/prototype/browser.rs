//! The browser half of prototype mode: reading scenarios from this site,
//! and the transport that answers a scenario's FHIR requests.

use std::cell::RefCell;
use std::rc::Rc;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};

use super::{SCENARIOS, ScenarioIndex};
use crate::fhir::{FetchTransport, FhirError, HttpRequest, HttpResponse, Method, Transport};
use bedside_core::clinical::Instant;
use bedside_core::prototype::{MemoryServer, Scenario, request_types};

/// A scenario open in this tab: its settings and its server. Recorded
/// changes last as long as the tab's page (a reload starts the scenario
/// afresh, as a usability session's next participant wants).
struct Open {
    scenario: Scenario,
    server: RefCell<MemoryServer>,
}

type Opening = Shared<LocalBoxFuture<'static, Result<Rc<Open>, String>>>;

thread_local! {
    /// Scenarios by FHIR base, opened once a tab (every client of the base
    /// shares the records, as clients of one server do).
    static OPEN: RefCell<Vec<(String, Opening)>> = const { RefCell::new(Vec::new()) };
}

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

async fn get(path: &str) -> Result<Vec<u8>, String> {
    let request = HttpRequest {
        method: Method::Get,
        url: format!("{}{path}", origin()),
        headers: vec![("Accept", "application/json".into())],
        body: None,
    };
    match crate::fhir::fetch::send(request, 30_000).await {
        Ok(r) if r.status == 200 => Ok(r.body),
        Ok(r) => Err(format!("{path} answered HTTP {}", r.status)),
        Err(e) => Err(e.detail()),
    }
}

/// `/scenarios/index.json`.
pub(super) async fn index() -> Result<ScenarioIndex, String> {
    let body = get(&format!("{SCENARIOS}/index.json")).await?;
    serde_json::from_slice(&body).map_err(|e| format!("index.json is not a scenario index: {e}"))
}

/// Opens scenario `name` (at the base its sessions use), saying what is
/// wrong with it if it cannot be used.
pub(super) async fn prepare(name: &str) -> Result<(), String> {
    let session_base = super::scenario_base(&origin(), super::FHIR_BASE, name);
    opened(&session_base).await.map(|_| ())
}

fn opened(base: &str) -> Opening {
    OPEN.with(|open| {
        if let Some((_, opening)) = open.borrow().iter().find(|(b, _)| b == base) {
            return opening.clone();
        }
        let opening = load(base.to_string()).boxed_local().shared();
        open.borrow_mut().push((base.to_string(), opening.clone()));
        opening
    })
}

async fn load(base: String) -> Result<Rc<Open>, String> {
    let name = super::scenario_of(&base)
        .ok_or_else(|| format!("{base} names no scenario"))?
        .to_string();
    let result = async {
        let body = get(&format!("{SCENARIOS}/{name}.json")).await?;
        let scenario = Scenario::parse(&body).map_err(|e| e.to_string())?;
        let server = scenario
            .server(&base, Instant::now())
            .map_err(|e| e.to_string())?;
        Ok(Rc::new(Open {
            scenario,
            server: RefCell::new(server),
        }))
    }
    .await;
    if result.is_err() {
        // Not kept: the file may be fixed and the page asked again.
        OPEN.with(|open| open.borrow_mut().retain(|(b, _)| *b != base));
    }
    result.map_err(|e: String| format!("The scenario \"{name}\" could not be opened: {e}"))
}

/// Answers a scenario's FHIR requests in the browser, after the latency
/// its scenario sets for the resource types asked about.
pub(super) struct ScenarioTransport {
    pub base: String,
}

impl Transport for ScenarioTransport {
    fn send(
        &self,
        request: HttpRequest,
        timeout_ms: u32,
    ) -> LocalBoxFuture<'static, Result<HttpResponse, FhirError>> {
        let opening = opened(&self.base);
        let base = self.base.clone();
        async move {
            let open = opening
                .await
                .map_err(|detail| FhirError::Network { detail })?;
            let latency = request_types(&base, &request)
                .iter()
                .map(|kind| open.scenario.behaviour(kind).latency_ms)
                .max()
                .unwrap_or_else(|| open.scenario.behaviour("*").latency_ms);
            if latency > 0 {
                FetchTransport.sleep(latency.min(timeout_ms)).await;
                if latency >= timeout_ms {
                    return Err(FhirError::Timeout {
                        after_ms: timeout_ms,
                    });
                }
            }
            let response = open.server.borrow_mut().handle(&request, Instant::now());
            Ok(response)
        }
        .boxed_local()
    }

    fn sleep(&self, ms: u32) -> LocalBoxFuture<'static, ()> {
        FetchTransport.sleep(ms)
    }

    fn random(&self) -> f64 {
        FetchTransport.random()
    }
}
