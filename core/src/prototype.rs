//! Prototype mode's data: scenarios, and a FHIR server that answers from
//! one in memory (feature `prototype`).
//!
//! Designers put a journey in front of clinicians with realistic records and
//! no servers (docs/prototypes.md). A [`Scenario`] is a JSON file a designer
//! edits with a text editor: a FHIR R4 Bundle of the records, plus who may
//! "sign in" ([`Persona`]), where the journey starts, the day the records
//! were written for (so that "2 hours ago" and ages still read right on the
//! day of the session, [`Scenario::records`]) and how the pretend server
//! behaves for each resource type ([`Behaviour`]: slow, or failing).
//! [`MemoryServer`] answers the FHIR client's requests from those records,
//! as a server would; the app's tools cannot tell the difference.
//!
//! None of this is in a ward build: the feature is the prototype build's
//! alone, and the size report checks its marker is absent from the app.

mod search;
mod server;

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::clinical::{FhirDate, Instant};

pub use server::{MemoryServer, request_types};

/// The path under which each scenario has its FHIR base
/// (`/prototype-fhir/<name>`); nothing is served there: prototype mode's
/// transport answers before a request leaves the page.
pub const FHIR_BASE: &str = "/prototype-fhir";

/// Whether `name` can name a scenario file: lower-case letters, digits and
/// hyphens (so a link cannot name a path elsewhere).
pub fn is_scenario_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The FHIR base of a scenario: `base` (a path on this site, [`FHIR_BASE`],
/// or an address) and the scenario's name. Each scenario has its own, so a
/// session is bound to one.
pub fn scenario_base(origin: &str, base: &str, scenario: &str) -> String {
    let base = base.trim_end_matches('/');
    if base.starts_with('/') {
        format!("{origin}{base}/{scenario}")
    } else {
        format!("{base}/{scenario}")
    }
}

/// The scenario a session's FHIR base names.
pub fn scenario_of(fhir_base_url: &str) -> Option<&str> {
    fhir_base_url
        .rsplit('/')
        .next()
        .filter(|name| is_scenario_name(name))
}

/// `href` without the `scenario` and `persona` a link chose with.
pub fn without_choice(href: &str) -> String {
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or("");
            !pair.is_empty() && name != "scenario" && name != "persona"
        })
        .collect();
    if kept.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

/// Why a scenario file cannot be used, in words for the designer who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    /// Not JSON, or not the shape of a scenario.
    #[error("The scenario file is not a scenario: {0}")]
    Malformed(String),
    /// `bundle` is not a FHIR Bundle of records.
    #[error("The scenario's \"bundle\" is not a FHIR Bundle: {0}")]
    Bundle(String),
    /// Nobody can sign in.
    #[error("The scenario names no personas, so nobody can sign in to it")]
    NoPersonas,
    /// `today` is not a FHIR dateTime with a time and zone.
    #[error("The scenario's \"today\" ({0}) is not a date and time like 2026-03-14T09:00:00Z")]
    Today(String),
}

/// One scenario file (`prototypes/scenarios/<name>.json`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    /// Its name in the chooser.
    pub title: String,
    /// What it is for, in a sentence or two.
    #[serde(default)]
    pub description: String,
    /// The moment the records were written for: their dates move by the
    /// time between it and now when the scenario opens. Without it they
    /// stay as written.
    #[serde(default)]
    pub today: Option<String>,
    /// Who can sign in.
    #[serde(default)]
    pub personas: Vec<Persona>,
    /// The page signing in at the start page goes to (`/ward-list?ward=…`).
    #[serde(default)]
    pub start: Option<String>,
    /// How the pretend server behaves, by resource type (`"*"` for all).
    #[serde(default)]
    pub behaviour: BTreeMap<String, Behaviour>,
    /// The records: a FHIR R4 Bundle (`collection` or `transaction`).
    pub bundle: Value,
}

/// Somebody a scenario lets sign in.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Persona {
    /// Unique in the scenario; names them in a link (`persona=nurse`).
    pub id: String,
    /// As the account area shows it ("Staff Nurse Amira Khan").
    pub name: String,
    /// Their role, in words ("Registered Nurse").
    #[serde(default)]
    pub role: Option<String>,
    /// Their record in the bundle (`Practitioner/nurse-1`), as `fhirUser`.
    #[serde(default)]
    pub practitioner: Option<String>,
}

/// How the pretend server answers requests for one resource type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Behaviour {
    /// Milliseconds before each answer.
    #[serde(default)]
    pub latency_ms: u32,
    /// Every request fails with this HTTP status (503, 403, 500…).
    #[serde(default)]
    pub status: Option<u16>,
    /// The server's words in the failure's OperationOutcome.
    #[serde(default)]
    pub message: Option<String>,
}

impl Scenario {
    /// Reads a scenario file.
    pub fn parse(json: &[u8]) -> Result<Self, ScenarioError> {
        let scenario: Self =
            serde_json::from_slice(json).map_err(|e| ScenarioError::Malformed(e.to_string()))?;
        if scenario.personas.is_empty() {
            return Err(ScenarioError::NoPersonas);
        }
        scenario.records(Instant(0))?;
        Ok(scenario)
    }

    /// The pretend server at `base` over the scenario's records as of `now`
    /// ([`Self::records`]), failing the resource types its behaviour says.
    pub fn server(&self, base: &str, now: Instant) -> Result<MemoryServer, ScenarioError> {
        let mut server = MemoryServer::new(base, self.records(now)?, now);
        for (kind, behaviour) in &self.behaviour {
            if let Some(status) = behaviour.status {
                server.fail(kind, status, behaviour.message.clone());
            }
        }
        Ok(server)
    }

    /// A persona by id.
    pub fn persona(&self, id: &str) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    /// How requests for `resource_type` are answered: its own behaviour,
    /// else the scenario's `"*"`, else at once and successfully.
    pub fn behaviour(&self, resource_type: &str) -> Behaviour {
        self.behaviour
            .get(resource_type)
            .or_else(|| self.behaviour.get("*"))
            .cloned()
            .unwrap_or_default()
    }

    /// The records, their dates moved so that the scenario's `today` is
    /// `now` (whole days for dates, the exact time for dates with times):
    /// an observation written as an hour before `today` was taken an hour
    /// ago, and a patient born 80 years before it is 80. Dates of a year or
    /// a month, and strings under `identifier`, `code` or a `system`, stay
    /// as written.
    pub fn records(&self, now: Instant) -> Result<Vec<Value>, ScenarioError> {
        let shift = match &self.today {
            Some(today) => {
                let then =
                    Instant::parse(today).map_err(|_| ScenarioError::Today(today.clone()))?;
                now.0 - then.0
            }
            None => 0,
        };
        let bundle = self
            .bundle
            .as_object()
            .ok_or_else(|| ScenarioError::Bundle("it is not a JSON object".into()))?;
        if bundle.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
            return Err(ScenarioError::Bundle(
                "its resourceType is not \"Bundle\"".into(),
            ));
        }
        let entries = match bundle.get("entry") {
            None => return Ok(Vec::new()),
            Some(Value::Array(entries)) => entries,
            Some(_) => return Err(ScenarioError::Bundle("its entry is not a list".into())),
        };
        entries
            .iter()
            .enumerate()
            .map(|(i, entry)| {
                let mut resource = entry
                    .get("resource")
                    .filter(|r| r.get("resourceType").and_then(Value::as_str).is_some())
                    .cloned()
                    .ok_or_else(|| {
                        ScenarioError::Bundle(format!(
                            "entry {i} has no resource with a resourceType"
                        ))
                    })?;
                if shift != 0 {
                    move_dates(&mut resource, shift);
                }
                Ok(resource)
            })
            .collect()
    }
}

/// Keys whose strings are never dates, however they look.
const NOT_DATES: [&str; 5] = ["identifier", "code", "system", "id", "reference"];

fn move_dates(value: &mut Value, seconds: i64) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                if !NOT_DATES.contains(&key.as_str()) {
                    move_dates(child, seconds);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| move_dates(v, seconds)),
        Value::String(text) => {
            if let Some(moved) = moved_date(text, seconds) {
                *text = moved;
            }
        }
        _ => {}
    }
}

/// `text` moved by `seconds` if it is a FHIR date with a day, or a
/// dateTime or instant with a time; `None` for anything else.
fn moved_date(text: &str, seconds: i64) -> Option<String> {
    let shape = text.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        0..=9 => b.is_ascii_digit(),
        _ => true,
    });
    if text.len() < 10 || !shape {
        return None;
    }
    if text.len() == 10 {
        let day = FhirDate::parse(text).ok()?.day()?;
        // Whole days: a date moved by part of a day would move the day some
        // hours of the day and not others.
        let days = (seconds as f64 / 86_400.0).round() as i64;
        return Some(
            crate::clinical::CalendarDate::from_days_since_epoch(day.days_since_epoch() + days)
                .to_fhir(),
        );
    }
    let at = Instant::parse(text).ok()?;
    Some(Instant(at.0 + seconds).to_fhir())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn scenario(today: Option<&str>, bundle: Value) -> Scenario {
        let mut file = json!({
            "title": "Test",
            "personas": [{ "id": "nurse", "name": "Staff Nurse Test" }],
            "bundle": bundle,
        });
        if let Some(today) = today {
            file["today"] = today.into();
        }
        Scenario::parse(file.to_string().as_bytes()).expect("a scenario")
    }

    #[test]
    fn scenario_names_cannot_leave_the_folder() {
        assert!(is_scenario_name("deteriorating-24h"));
        for bad in ["", "../config", "Ward", "a/b", "a.json", "%2e%2e"] {
            assert!(!is_scenario_name(bad), "{bad}");
        }
    }

    #[test]
    fn each_scenario_has_a_base_of_its_own() {
        assert_eq!(
            scenario_base("https://p.example", "/prototype-fhir/", "ward"),
            "https://p.example/prototype-fhir/ward"
        );
        assert_eq!(
            scenario_base("https://p.example", "https://other.example/fhir", "ward"),
            "https://other.example/fhir/ward"
        );
        assert_eq!(
            scenario_of("https://p.example/prototype-fhir/ward"),
            Some("ward")
        );
        assert_eq!(scenario_of("https://p.example/prototype-fhir/Ward"), None);
    }

    #[test]
    fn a_links_choice_is_dropped_once_used() {
        assert_eq!(
            without_choice("/summary?patient=p1&scenario=ward&persona=nurse"),
            "/summary?patient=p1"
        );
        assert_eq!(without_choice("/?scenario=ward"), "/");
        assert_eq!(without_choice("/ward-list"), "/ward-list");
    }

    #[test]
    fn dates_move_so_that_today_is_now() {
        let s = scenario(
            Some("2026-03-14T09:00:00Z"),
            json!({ "resourceType": "Bundle", "type": "collection", "entry": [
                { "resource": { "resourceType": "Patient", "id": "p", "birthDate": "1946-03-14",
                    "identifier": [{ "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "2026-03-14" }] } },
                { "resource": { "resourceType": "Observation", "id": "o",
                    "effectiveDateTime": "2026-03-14T08:00:00+00:00", "issued": "2026-03-13T23:30:00Z" } },
                { "resource": { "resourceType": "Condition", "id": "c", "onsetDateTime": "1998", "recordedDate": "2001-05" } },
            ]}),
        );
        // Now: 2026-12-05T19:30:00Z, 266 days and 10.5 hours after `today`.
        let now = Instant::parse("2026-12-05T19:30:00Z").expect("an instant");
        let records = s.records(now).expect("records");
        assert_eq!(
            records[0]["birthDate"], "1946-12-05",
            "whole days (266.4 rounds to 266)"
        );
        assert_eq!(
            records[0]["identifier"][0]["value"], "2026-03-14",
            "identifiers stay"
        );
        assert_eq!(
            records[1]["effectiveDateTime"], "2026-12-05T18:30:00Z",
            "an hour ago"
        );
        assert_eq!(records[1]["issued"], "2026-12-05T10:00:00Z");
        assert_eq!(records[2]["onsetDateTime"], "1998", "a year stays a year");
        assert_eq!(records[2]["recordedDate"], "2001-05");
    }

    #[test]
    fn without_today_records_stay_as_written() {
        let s = scenario(
            None,
            json!({ "resourceType": "Bundle", "entry": [
                { "resource": { "resourceType": "Observation", "effectiveDateTime": "2026-03-14T08:00:00Z" } }
            ]}),
        );
        let records = s.records(Instant(4_000_000_000)).expect("records");
        assert_eq!(records[0]["effectiveDateTime"], "2026-03-14T08:00:00Z");
    }

    #[test]
    fn what_cannot_be_used_is_said() {
        let parse = |v: Value| Scenario::parse(v.to_string().as_bytes());
        let bundle = json!({ "resourceType": "Bundle", "entry": [] });
        assert_eq!(
            parse(json!({ "title": "T", "personas": [], "bundle": bundle })),
            Err(ScenarioError::NoPersonas)
        );
        let personas = json!([{ "id": "a", "name": "A" }]);
        assert!(matches!(
            parse(
                json!({ "title": "T", "personas": personas, "bundle": { "resourceType": "Patient" } })
            ),
            Err(ScenarioError::Bundle(_))
        ));
        assert!(matches!(
            parse(json!({ "title": "T", "personas": personas, "bundle": { "resourceType": "Bundle", "entry": [{ "resource": {} }] } })),
            Err(ScenarioError::Bundle(m)) if m.contains("entry 0")
        ));
        assert_eq!(
            parse(
                json!({ "title": "T", "today": "14/03/2026", "personas": personas, "bundle": bundle })
            ),
            Err(ScenarioError::Today("14/03/2026".into()))
        );
        assert!(matches!(
            Scenario::parse(b"{"),
            Err(ScenarioError::Malformed(_))
        ));
    }

    #[test]
    fn behaviour_falls_back_to_every_type_then_none_and_the_server_fails_as_it_says() {
        let s: Scenario = serde_json::from_value(json!({
            "title": "Slow", "personas": [{ "id": "a", "name": "A" }],
            "behaviour": { "*": { "latencyMs": 300 }, "MedicationRequest": { "status": 503, "message": "Pharmacy system down" } },
            "bundle": { "resourceType": "Bundle" }
        }))
        .expect("a scenario");
        assert_eq!(s.behaviour("Patient").latency_ms, 300);
        let failing = s.behaviour("MedicationRequest");
        assert_eq!(
            (failing.status, failing.message.as_deref()),
            (Some(503), Some("Pharmacy system down"))
        );
        assert_eq!(
            failing.latency_ms, 0,
            "its own behaviour, not mixed with \"*\""
        );
        let mut server = s
            .server("https://p.example/fhir", Instant(0))
            .expect("a server");
        let request = |path: &str| crate::fhir::HttpRequest {
            method: crate::fhir::Method::Get,
            url: format!("https://p.example/fhir/{path}"),
            headers: Vec::new(),
            body: None,
        };
        let failed = server.handle(&request("MedicationRequest?patient=p"), Instant(0));
        assert_eq!(failed.status, 503);
        assert!(String::from_utf8_lossy(&failed.body).contains("Pharmacy system down"));
        assert_eq!(
            server.handle(&request("Patient?_id=p"), Instant(0)).status,
            200,
            "only its type fails"
        );
        let plain: Scenario = serde_json::from_value(json!({
            "title": "T", "personas": [], "bundle": { "resourceType": "Bundle" }
        }))
        .expect("a scenario");
        assert_eq!(plain.behaviour("Patient"), Behaviour::default());
    }
}
