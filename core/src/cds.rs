//! CDS Hooks 2.0 (<https://cds-hooks.hl7.org/2.0/>), the client side:
//! which decision support services an organisation uses, the `patient-view`
//! request with its prefetch, the cards that come back, checked before
//! anything of theirs is shown or done, and the feedback sent after.
//!
//! A card is someone else's words about this patient, shown inside Bedside,
//! so nothing in it is trusted:
//!
//! - its markdown `detail` is read by [`markdown`] into text, emphasis,
//!   lists and links, never HTML: raw HTML stays text, an image is named
//!   and never fetched, a link that is not `https` (or `http` to this
//!   computer) stays text;
//! - a suggestion's actions may create, update or delete only records of
//!   the patient on screen ([`Suggestion::problem`]), and only once the user
//!   accepts it;
//! - the user's FHIR token goes only to services the configuration marks
//!   `trusted` ([`CdsServer::trusted`]).

pub mod markdown;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::smart::config::organisation_settings;
use crate::smart::discovery::is_secure;

/// Why decision support could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CdsError {
    /// `config.json`'s decision support settings are not what they should be.
    #[error("The decision support settings could not be read ({0}). Contact your IT service desk.")]
    Malformed(String),
    /// A service's answer could not be read.
    #[error("{service} answered with something that could not be read")]
    Unreadable {
        /// The service, as the page names it.
        service: String,
    },
}

/// A CDS service provider an organisation uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CdsServer {
    /// Its base URL: discovery is `{base}/cds-services`.
    pub base: String,
    /// What the page calls it when it is slow or fails ("Sepsis alerts").
    #[serde(default)]
    pub name: Option<String>,
    /// Whether it may have the user's FHIR token (`fhirAuthorization`), to
    /// read what its prefetch did not bring. Untrusted services get the
    /// prefetch alone.
    #[serde(default)]
    pub trusted: bool,
    /// Its client id at the organisation's sign-in service, named in
    /// `fhirAuthorization.subject`; Bedside's own when not given.
    #[serde(default)]
    pub client_id: Option<String>,
}

impl CdsServer {
    /// What the page calls it.
    pub fn label(&self) -> String {
        self.name.clone().unwrap_or_else(|| {
            let host = self.base.split("://").nth(1).unwrap_or(&self.base);
            host.split('/').next().unwrap_or(host).to_string()
        })
    }

    /// Its discovery endpoint.
    pub fn discovery_url(&self) -> String {
        format!("{}/cds-services", self.base.trim_end_matches('/'))
    }

    /// Where service `id` is called.
    pub fn service_url(&self, id: &str) -> String {
        format!("{}/{}", self.discovery_url(), crate::url::encode(id, b""))
    }

    /// Where feedback on service `id`'s cards goes.
    pub fn feedback_url(&self, id: &str) -> String {
        format!("{}/feedback", self.service_url(id))
    }
}

/// An organisation's decision support.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CdsSettings {
    /// Its services, in the order their cards are listed among equals.
    pub services: Vec<CdsServer>,
    /// How long a service has to answer before the page says it did not.
    pub timeout_ms: u32,
}

/// The default wait for a service: 5 seconds.
pub const DEFAULT_TIMEOUT_MS: u32 = 5_000;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OrganisationCds {
    #[serde(default)]
    cds_services: Vec<CdsServer>,
    #[serde(default)]
    cds_timeout_seconds: Option<u32>,
}

impl CdsSettings {
    /// Organisation `id`'s settings in `config.json`
    /// (`signOn.organisations[]`: `cdsServices`, `cdsTimeoutSeconds`).
    pub fn read(config_text: &[u8], organisation: &str) -> Result<Self, CdsError> {
        let Some(ours) = organisation_settings::<OrganisationCds>(config_text, organisation)
            .map_err(|e| CdsError::Malformed(e.to_string()))?
        else {
            return Ok(Self::default());
        };
        if let Some(insecure) = ours.cds_services.iter().find(|s| !is_secure(&s.base)) {
            return Err(CdsError::Malformed(format!(
                "{} is not https",
                insecure.base
            )));
        }
        let timeout_ms = ours
            .cds_timeout_seconds
            .map_or(DEFAULT_TIMEOUT_MS, |s| s.clamp(1, 60) * 1000);
        Ok(Self {
            services: ours.cds_services,
            timeout_ms,
        })
    }
}

/// One service a provider offers (discovery, CDS Hooks 2.0 §Discovery).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ServiceDescription {
    /// The hook it answers.
    pub hook: String,
    /// Its id, in its URL.
    pub id: String,
    /// Its name for people.
    #[serde(default)]
    pub title: Option<String>,
    /// What it does.
    #[serde(default)]
    pub description: String,
    /// What it wants read for it: key → FHIR query template.
    #[serde(default)]
    pub prefetch: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Discovery {
    services: Vec<ServiceDescription>,
}

/// The `patient-view` services in a discovery answer.
pub fn patient_view_services(
    body: &[u8],
    server: &CdsServer,
) -> Result<Vec<ServiceDescription>, CdsError> {
    let discovery: Discovery = serde_json::from_slice(body).map_err(|_| CdsError::Unreadable {
        service: server.label(),
    })?;
    Ok(discovery
        .services
        .into_iter()
        .filter(|s| s.hook == "patient-view" && !s.id.is_empty())
        .collect())
}

/// What a `patient-view` call is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatientView {
    /// The user's FHIR resource, relative (`Practitioner/nurse`).
    pub user_id: String,
    /// The patient's id.
    pub patient_id: String,
    /// The admission's id, where known.
    pub encounter_id: Option<String>,
}

impl PatientView {
    /// `template` with its prefetch tokens filled in; `None` if it names a
    /// token this context has no value for, or is not a relative query on
    /// the FHIR server (a prefetch never reads another server).
    pub fn prefetch_query(&self, template: &str) -> Option<String> {
        let template = template.trim();
        // `Type/id` or `Type?query`: no scheme, host or way up in the path.
        let path = template.split('?').next().unwrap_or_default();
        if path.is_empty() || path.contains(':') || path.starts_with('/') || path.contains("..") {
            return None;
        }
        let user = self.user_id.split_once('/');
        let mut out = String::new();
        let mut rest = template;
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let end = rest[start..].find("}}")? + start;
            let token = rest[start + 2..end].trim();
            let value = match token {
                "context.patientId" => Some(self.patient_id.as_str()),
                "context.userId" => Some(self.user_id.as_str()),
                "context.encounterId" => self.encounter_id.as_deref(),
                "userPractitionerId" => {
                    user.filter(|(t, _)| *t == "Practitioner").map(|(_, id)| id)
                }
                "userPractitionerRoleId" => user
                    .filter(|(t, _)| *t == "PractitionerRole")
                    .map(|(_, id)| id),
                "userPatientId" => user.filter(|(t, _)| *t == "Patient").map(|(_, id)| id),
                _ => None,
            }?;
            out.push_str(&crate::url::encode(value, b"/"));
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        Some(out)
    }
}

/// `fhirAuthorization`: the user's token, for a trusted service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FhirAuthorization {
    /// The bearer token.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds it has left.
    pub expires_in: u64,
    /// Its scopes.
    pub scope: String,
    /// The client id the service is known by.
    pub subject: String,
    /// The patient in context, if the token is patient-scoped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patient: Option<String>,
}

/// A `patient-view` request (CDS Hooks 2.0 §HTTP Request).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HookRequest {
    /// `patient-view`.
    pub hook: &'static str,
    /// A new id for this call.
    pub hook_instance: String,
    /// The FHIR base the ids are on.
    pub fhir_server: String,
    /// The user's token: trusted services only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fhir_authorization: Option<FhirAuthorization>,
    /// Who, for whom.
    pub context: Value,
    /// What Bedside read for the service.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub prefetch: BTreeMap<String, Value>,
}

impl HookRequest {
    /// The request for `view`.
    pub fn patient_view(
        view: &PatientView,
        hook_instance: String,
        fhir_server: &str,
        fhir_authorization: Option<FhirAuthorization>,
        prefetch: BTreeMap<String, Value>,
    ) -> Self {
        let mut context = serde_json::Map::new();
        context.insert("userId".into(), view.user_id.clone().into());
        context.insert("patientId".into(), view.patient_id.clone().into());
        if let Some(encounter) = &view.encounter_id {
            context.insert("encounterId".into(), encounter.clone().into());
        }
        Self {
            hook: "patient-view",
            hook_instance,
            fhir_server: fhir_server.to_string(),
            fhir_authorization,
            context: Value::Object(context),
            prefetch,
        }
    }
}

/// How urgent a card is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Indicator {
    /// Needs the user's immediate attention.
    Critical,
    /// Worth a look.
    Warning,
    /// For information.
    Info,
}

/// Where a card came from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Source {
    /// Its name, shown on the card.
    pub label: String,
    /// A page about it (shown only if it is a link Bedside allows).
    #[serde(default)]
    pub url: Option<String>,
}

/// A coded reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coding {
    /// Its code system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The code.
    pub code: String,
    /// Its words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// One change a suggestion makes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// `create`, `update` or `delete`.
    #[serde(rename = "type")]
    pub kind: String,
    /// What it does, in words.
    #[serde(default)]
    pub description: String,
    /// The resource created or updated.
    #[serde(default)]
    pub resource: Option<Value>,
    /// The records deleted (`Type/id`).
    #[serde(default)]
    pub resource_id: Vec<String>,
}

/// A set of changes the user may accept.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// What accepting does, in words.
    pub label: String,
    /// Its id, for feedback.
    #[serde(default)]
    pub uuid: Option<String>,
    /// The changes.
    #[serde(default)]
    pub actions: Vec<Action>,
}

impl Suggestion {
    /// Why its actions may not be applied for `patient_id`, if they may not:
    /// an unknown action, a resource without a type, a record of another
    /// patient (or of no patient) to create or update, a deletion not of
    /// `Type/id`.
    pub fn problem(&self, patient_id: &str) -> Option<String> {
        let ours = format!("Patient/{patient_id}");
        for action in &self.actions {
            match action.kind.as_str() {
                "create" | "update" => {
                    let Some(resource) = action.resource.as_ref() else {
                        return Some("a change with no record".into());
                    };
                    let Some(kind) = resource.get("resourceType").and_then(Value::as_str) else {
                        return Some("a record of no type".into());
                    };
                    if action.kind == "update"
                        && resource.get("id").and_then(Value::as_str).is_none()
                    {
                        return Some(format!("an update to a {kind} with no id"));
                    }
                    let about = ["subject", "patient", "for", "beneficiary"]
                        .iter()
                        .filter_map(|f| resource.get(*f)?.get("reference")?.as_str())
                        .collect::<Vec<_>>();
                    let patient_record = kind == "Patient"
                        && resource.get("id").and_then(Value::as_str) == Some(patient_id);
                    if !patient_record && (about.is_empty() || about.iter().any(|r| *r != ours)) {
                        return Some(format!("a {kind} that is not about this patient"));
                    }
                }
                "delete" => {
                    if action.resource_id.is_empty()
                        || action.resource_id.iter().any(|r| {
                            r.split_once('/').is_none_or(|(t, id)| {
                                t.is_empty() || !crate::fhir::client::is_valid_id(id)
                            })
                        })
                    {
                        return Some("a deletion that does not name its records".into());
                    }
                }
                other => return Some(format!("an action Bedside does not do ({other})")),
            }
        }
        (self.actions.is_empty()).then(|| "nothing to do".into())
    }
}

/// A link on a card.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    /// Its words.
    pub label: String,
    /// Where it goes.
    pub url: String,
    /// `absolute` (a page) or `smart` (an app to launch).
    #[serde(rename = "type")]
    pub kind: String,
    /// For a SMART app: its `appContext`.
    #[serde(default)]
    pub app_context: Option<String>,
}

/// A card (CDS Hooks 2.0 §Card Attributes).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// Its id, for feedback.
    #[serde(default)]
    pub uuid: Option<String>,
    /// One line (the spec allows 140 characters; more is cut, said with "…").
    pub summary: String,
    /// Markdown; see [`markdown`].
    #[serde(default)]
    pub detail: Option<String>,
    /// How urgent.
    pub indicator: Indicator,
    /// Where from.
    pub source: Source,
    /// What the user may accept.
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
    /// `at-most-one`, where there are suggestions.
    #[serde(default)]
    pub selection_behavior: Option<String>,
    /// Reasons the user may give for dismissing it.
    #[serde(default)]
    pub override_reasons: Vec<Coding>,
    /// Pages and apps.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// The longest summary shown whole (CDS Hooks 2.0: "<140 characters").
pub const SUMMARY_CHARS: usize = 140;

impl Card {
    /// The summary as shown: control characters out, cut at
    /// [`SUMMARY_CHARS`].
    pub fn summary_shown(&self) -> String {
        let clean: String = self.summary.chars().filter(|c| !c.is_control()).collect();
        if clean.chars().count() > SUMMARY_CHARS {
            let cut: String = clean.chars().take(SUMMARY_CHARS - 1).collect();
            format!("{}…", cut.trim_end())
        } else {
            clean
        }
    }
}

/// A service's cards, most urgent first (in the service's order among
/// equals), and how many could not be read.
pub fn read_cards(body: &[u8], service: &str) -> Result<(Vec<Card>, usize), CdsError> {
    #[derive(Deserialize)]
    struct Answer {
        #[serde(default)]
        cards: Vec<Value>,
    }
    let answer: Answer = serde_json::from_slice(body).map_err(|_| CdsError::Unreadable {
        service: service.to_string(),
    })?;
    let total = answer.cards.len();
    let mut cards: Vec<Card> = answer
        .cards
        .into_iter()
        .filter_map(|c| serde_json::from_value::<Card>(c).ok())
        .filter(|c| !c.summary.trim().is_empty() && !c.source.label.trim().is_empty())
        .collect();
    cards.sort_by_key(|c| c.indicator);
    let unreadable = total - cards.len();
    Ok((cards, unreadable))
}

/// What happened to a card, for the service's feedback endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The user accepted these suggestions (by uuid).
    Accepted(Vec<String>),
    /// The user dismissed it, with this reason (if one was chosen).
    Overridden(Option<Coding>),
}

/// The feedback document for `card_uuid` (CDS Hooks 2.0 §Feedback).
pub fn feedback(card_uuid: &str, outcome: &Outcome, timestamp: &str) -> Value {
    let mut item = serde_json::Map::new();
    item.insert("card".into(), card_uuid.into());
    item.insert("outcomeTimestamp".into(), timestamp.into());
    match outcome {
        Outcome::Accepted(ids) => {
            item.insert("outcome".into(), "accepted".into());
            item.insert(
                "acceptedSuggestions".into(),
                ids.iter()
                    .map(|id| serde_json::json!({ "id": id }))
                    .collect::<Vec<_>>()
                    .into(),
            );
        }
        Outcome::Overridden(reason) => {
            item.insert("outcome".into(), "overridden".into());
            if let Some(reason) = reason {
                item.insert(
                    "overrideReason".into(),
                    serde_json::json!({ "reason": reason }),
                );
            }
        }
    }
    serde_json::json!({ "feedback": [Value::Object(item)] })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(services: &str, timeout: &str) -> Vec<u8> {
        format!(
            r#"{{"signOn":{{"organisations":[{{"id":"a","name":"A","fhirBaseUrl":"https://f","clientId":"c","issuer":"https://i","cdsServices":[{services}]{timeout}}}]}}}}"#
        )
        .into_bytes()
    }

    #[test]
    fn reads_an_organisations_services_with_a_five_second_default() {
        let c = CdsSettings::read(
            &config(r#"{"base":"https://cds.example/","name":"Sepsis alerts","trusted":true},{"base":"http://localhost:8108/hostile"}"#, ""),
            "a",
        )
        .expect("valid");
        assert_eq!(c.timeout_ms, 5_000);
        assert_eq!(c.services.len(), 2);
        assert!(
            c.services[0].trusted && !c.services[1].trusted,
            "untrusted unless said"
        );
        assert_eq!(c.services[0].label(), "Sepsis alerts");
        assert_eq!(c.services[1].label(), "localhost:8108");
        assert_eq!(
            c.services[0].discovery_url(),
            "https://cds.example/cds-services"
        );
        assert_eq!(
            c.services[1].feedback_url("news 2"),
            "http://localhost:8108/hostile/cds-services/news%202/feedback"
        );
        let c = CdsSettings::read(&config("", r#","cdsTimeoutSeconds":2"#), "a").expect("valid");
        assert_eq!(c.timeout_ms, 2_000);
        assert_eq!(
            CdsSettings::read(&config("", ""), "other"),
            Ok(CdsSettings::default())
        );
        assert!(CdsSettings::read(&config(r#"{"base":"http://cds.example"}"#, ""), "a").is_err());
    }

    #[test]
    fn discovery_keeps_the_patient_view_services() {
        let server = CdsServer {
            base: "https://cds".into(),
            name: None,
            trusted: false,
            client_id: None,
        };
        let found = patient_view_services(
            br#"{"services":[{"hook":"patient-view","id":"news2","description":"d","prefetch":{"patient":"Patient/{{context.patientId}}"}},{"hook":"order-select","id":"x","description":"d"}]}"#,
            &server,
        )
        .expect("valid");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].prefetch["patient"],
            "Patient/{{context.patientId}}"
        );
        assert!(patient_view_services(b"<html>", &server).is_err());
    }

    #[test]
    fn prefetch_templates_are_filled_or_left_out() {
        let view = PatientView {
            user_id: "Practitioner/nurse".into(),
            patient_id: "p-1".into(),
            encounter_id: None,
        };
        assert_eq!(
            view.prefetch_query("Observation?patient={{context.patientId}}&code=http://snomed.info/sct|1104051000000101&_sort=-date&_count=1").as_deref(),
            Some("Observation?patient=p-1&code=http://snomed.info/sct|1104051000000101&_sort=-date&_count=1")
        );
        assert_eq!(
            view.prefetch_query("{{context.userId}}").as_deref(),
            Some("Practitioner/nurse")
        );
        assert_eq!(
            view.prefetch_query("Practitioner/{{userPractitionerId}}")
                .as_deref(),
            Some("Practitioner/nurse")
        );
        for unfilled in [
            "Encounter/{{context.encounterId}}",
            "PractitionerRole/{{userPractitionerRoleId}}",
            "Patient/{{context.patientId}",
            "X/{{unknown}}",
            "https://elsewhere.example/Patient/{{context.patientId}}",
            "/Patient/{{context.patientId}}",
            "Patient/../../admin",
        ] {
            assert_eq!(view.prefetch_query(unfilled), None, "{unfilled}");
        }
        let odd = PatientView {
            patient_id: "a&b=c".into(),
            ..view
        };
        assert_eq!(
            odd.prefetch_query("Patient?_id={{context.patientId}}")
                .as_deref(),
            Some("Patient?_id=a%26b%3Dc")
        );
    }

    #[test]
    fn the_request_carries_the_token_only_when_given() {
        let view = PatientView {
            user_id: "Practitioner/nurse".into(),
            patient_id: "p-1".into(),
            encounter_id: Some("e-1".into()),
        };
        let plain = serde_json::to_value(HookRequest::patient_view(
            &view,
            "h-1".into(),
            "https://f/R4",
            None,
            BTreeMap::new(),
        ))
        .expect("json");
        assert_eq!(
            plain,
            serde_json::json!({"hook":"patient-view","hookInstance":"h-1","fhirServer":"https://f/R4",
                "context":{"userId":"Practitioner/nurse","patientId":"p-1","encounterId":"e-1"}})
        );
        let auth = FhirAuthorization {
            access_token: "t".into(),
            token_type: "Bearer",
            expires_in: 60,
            scope: "user/*.rs".into(),
            subject: "bedside".into(),
            patient: None,
        };
        let mut prefetch = BTreeMap::new();
        prefetch.insert(
            "patient".into(),
            serde_json::json!({"resourceType":"Patient"}),
        );
        let trusted = serde_json::to_value(HookRequest::patient_view(
            &view,
            "h-2".into(),
            "https://f/R4",
            Some(auth),
            prefetch,
        ))
        .expect("json");
        assert_eq!(trusted["fhirAuthorization"]["access_token"], "t");
        assert_eq!(trusted["fhirAuthorization"]["token_type"], "Bearer");
        assert_eq!(trusted["prefetch"]["patient"]["resourceType"], "Patient");
    }

    const CARDS: &str = r#"{"cards":[
        {"uuid":"i","summary":"For information","indicator":"info","source":{"label":"S"}},
        {"uuid":"c","summary":"NEWS2 7: escalate","indicator":"critical","source":{"label":"Deterioration"},"detail":"**Act now**",
         "suggestions":[{"label":"Request a medical review","uuid":"s-1","actions":[{"type":"create","description":"d","resource":{"resourceType":"Task","for":{"reference":"Patient/p-1"}}}]}],
         "overrideReasons":[{"code":"already","system":"https://x","display":"Already escalated"}],
         "links":[{"label":"Fluids","url":"http://localhost:8107/launch.html","type":"smart","appContext":"{\"from\":\"cds\"}"}]},
        {"summary":"no indicator","source":{"label":"S"}},
        {"summary":"bad indicator","indicator":"urgent","source":{"label":"S"}},
        {"summary":" ","indicator":"info","source":{"label":"S"}},
        {"uuid":"w","summary":"Check this","indicator":"warning","source":{"label":"S"}}]}"#;

    #[test]
    fn cards_are_read_most_urgent_first_and_the_unreadable_counted() {
        let (cards, unreadable) = read_cards(CARDS.as_bytes(), "S").expect("valid");
        assert_eq!(
            cards
                .iter()
                .map(|c| c.uuid.as_deref().unwrap_or(""))
                .collect::<Vec<_>>(),
            ["c", "w", "i"]
        );
        assert_eq!(unreadable, 3);
        let critical = &cards[0];
        assert_eq!(critical.suggestions[0].problem("p-1"), None);
        assert_eq!(critical.links[0].kind, "smart");
        assert_eq!(
            critical.override_reasons[0].display.as_deref(),
            Some("Already escalated")
        );
        assert_eq!(read_cards(br#"{}"#, "S"), Ok((vec![], 0)));
        assert!(read_cards(b"oops", "S").is_err());
    }

    #[test]
    fn long_summaries_are_cut_at_140_characters() {
        let (mut cards, _) = read_cards(CARDS.as_bytes(), "S").expect("valid");
        let card = &mut cards[0];
        card.summary = "x".repeat(139);
        assert_eq!(card.summary_shown().chars().count(), 139);
        card.summary = format!("{}\u{7}", "y".repeat(141));
        let shown = card.summary_shown();
        assert_eq!(shown.chars().count(), 140);
        assert!(shown.ends_with('…'));
    }

    fn suggestion(actions: &str) -> Suggestion {
        serde_json::from_str(&format!(r#"{{"label":"l","actions":[{actions}]}}"#)).expect("json")
    }

    #[test]
    fn suggestions_may_change_only_this_patients_records() {
        for ok in [
            r#"{"type":"create","resource":{"resourceType":"Task","for":{"reference":"Patient/p-1"}}}"#,
            r#"{"type":"update","resource":{"resourceType":"Observation","id":"o","subject":{"reference":"Patient/p-1"}}}"#,
            r#"{"type":"update","resource":{"resourceType":"Patient","id":"p-1"}}"#,
            r#"{"type":"delete","resourceId":["Task/t-1"]}"#,
        ] {
            assert_eq!(suggestion(ok).problem("p-1"), None, "{ok}");
        }
        for bad in [
            r#"{"type":"create","resource":{"resourceType":"Task","for":{"reference":"Patient/p-2"}}}"#,
            r#"{"type":"create","resource":{"resourceType":"Task"}}"#,
            r#"{"type":"create","resource":{"resourceType":"Task","for":{"reference":"Patient/p-1"},"subject":{"reference":"Patient/p-2"}}}"#,
            r#"{"type":"create","resource":{"resourceType":"Patient","id":"p-2"}}"#,
            r#"{"type":"update","resource":{"resourceType":"Observation","subject":{"reference":"Patient/p-1"}}}"#,
            r#"{"type":"create"}"#,
            r#"{"type":"create","resource":{"for":{"reference":"Patient/p-1"}}}"#,
            r#"{"type":"delete","resourceId":[]}"#,
            r#"{"type":"delete","resourceId":["Task"]}"#,
            r#"{"type":"delete","resourceId":["Task/../x"]}"#,
            r#"{"type":"patch","resource":{"resourceType":"Task","for":{"reference":"Patient/p-1"}}}"#,
        ] {
            assert!(suggestion(bad).problem("p-1").is_some(), "{bad}");
        }
        assert!(suggestion("").problem("p-1").is_none() || suggestion("").actions.is_empty());
        let empty: Suggestion = serde_json::from_str(r#"{"label":"l"}"#).expect("json");
        assert_eq!(empty.problem("p-1").as_deref(), Some("nothing to do"));
    }

    #[test]
    fn feedback_says_accepted_or_overridden_with_the_reason() {
        assert_eq!(
            feedback(
                "c",
                &Outcome::Accepted(vec!["s-1".into()]),
                "2026-12-05T10:00:00Z"
            ),
            serde_json::json!({"feedback":[{"card":"c","outcome":"accepted","acceptedSuggestions":[{"id":"s-1"}],"outcomeTimestamp":"2026-12-05T10:00:00Z"}]})
        );
        let reason = Coding {
            system: Some("https://x".into()),
            code: "already".into(),
            display: Some("Already escalated".into()),
        };
        assert_eq!(
            feedback("c", &Outcome::Overridden(Some(reason)), "t"),
            serde_json::json!({"feedback":[{"card":"c","outcome":"overridden","overrideReason":{"reason":{"system":"https://x","code":"already","display":"Already escalated"}},"outcomeTimestamp":"t"}]})
        );
        assert_eq!(
            feedback("c", &Outcome::Overridden(None), "t")["feedback"][0].get("overrideReason"),
            None
        );
    }
}
