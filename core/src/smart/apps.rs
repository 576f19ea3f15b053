//! Other vendors' SMART apps, launched from Bedside in the user's context:
//! each organisation's app catalogue, and the launch-context exchange that
//! gets an app a `launch` handle instead of a second sign-in.
//!
//! SMART App Launch's EHR launch (<https://hl7.org/fhir/smart-app-launch/app-launch.html#launch-app-ehr-launch>)
//! opens an app at its launch URL with `iss` (the FHIR base) and `launch`,
//! an opaque handle that the organisation's authorization server resolves,
//! when the app asks it for a code, to the context the EHR bound to it: the
//! user, the patient, the encounter. Bedside asks for that handle at the
//! organisation's *launch-context endpoint* (`launchContextEndpoint` in
//! `config.json`; its contract is in the book's "Other vendors' apps"
//! chapter), then opens the app. The app's own authorization then finds the
//! user's live sign-on session, so nobody signs in again, and the app gets
//! tokens of its own: Bedside's never leave Bedside, apart from the one
//! request to the endpoint, which must be the organisation's own (under its
//! pinned issuer or its FHIR base).
//!
//! Everything here is read from the served `config.json` at run time:
//! adding an app to a ward's list needs no new build.

use serde::{Deserialize, Serialize};

use crate::fhir::client::is_under;
use crate::smart::config::{Organisation, organisation_settings};
use crate::smart::discovery::is_secure;

/// Why an app could not be listed or launched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppsError {
    /// `config.json`'s app settings are not what they should be.
    #[error("The list of other apps could not be read ({0}). Contact your IT service desk.")]
    Malformed(String),
    /// The organisation's endpoint would receive the user's token but is
    /// not the organisation's own: refused, never called.
    #[error(
        "Apps cannot be opened with your sign-in: the address set up for it ({0}) is not your organisation's sign-in service or FHIR server. Contact your IT service desk."
    )]
    ForeignEndpoint(String),
    /// The endpoint answered with a refusal (its `error_description`, or
    /// the status).
    #[error(
        "{app} could not be opened with your sign-in: {reason}. Try again, or contact your IT service desk if it keeps happening."
    )]
    Refused {
        /// The app's name.
        app: String,
        /// The endpoint's words, or the status.
        reason: String,
    },
    /// The sign-in has ended (the endpoint refused the token twice).
    #[error("{0} could not be opened because your sign-in has ended. Sign in again, then open it.")]
    SignedOut(String),
    /// No answer, or not one that could be read.
    #[error("{app} could not be opened: {detail}. Check the network connection and try again.")]
    NoAnswer {
        /// The app's name.
        app: String,
        /// What went wrong, in words.
        detail: String,
    },
}

/// What an app can be launched with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AppContextKind {
    /// Nothing: it is opened from the launcher, as the user.
    #[default]
    None,
    /// A patient: it is offered on each patient's pages.
    Patient,
    /// A patient's admission (an encounter): offered where one is known.
    Encounter,
}

/// One registered SMART app, as an organisation lists it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegisteredApp {
    /// A short stable identifier, unique within the organisation.
    pub id: String,
    /// What users see it called ("Fluid balance chart").
    pub name: String,
    /// One sentence on what it is for.
    #[serde(default)]
    pub description: String,
    /// Its icon: a path on Bedside's own site (`/assets/apps/x.svg`) or a
    /// `data:image/…` URL; nothing from elsewhere (the page's CSP allows
    /// only these, and an icon from another site would tell it who looks).
    #[serde(default)]
    pub icon: Option<String>,
    /// Where it receives `iss` and `launch` (`https`, or `http` to this
    /// computer for a developer's sandbox).
    pub launch_url: String,
    /// Its client id at this organisation's authorization server.
    pub client_id: String,
    /// What it can be launched with; none, patient, encounter.
    #[serde(default = "launcher_only")]
    pub contexts: Vec<AppContextKind>,
    /// The scopes it will ask for, shown to the user before it opens.
    #[serde(default)]
    pub scopes: Option<String>,
}

fn launcher_only() -> Vec<AppContextKind> {
    vec![AppContextKind::None]
}

impl RegisteredApp {
    /// Whether it is offered on patient pages.
    pub fn takes_patient(&self) -> bool {
        self.contexts
            .iter()
            .any(|c| matches!(c, AppContextKind::Patient | AppContextKind::Encounter))
    }

    /// Whether it is offered in the launcher, with no patient.
    pub fn takes_none(&self) -> bool {
        self.contexts.contains(&AppContextKind::None)
    }

    /// The scopes it asks for, one by one.
    pub fn scope_list(&self) -> Vec<&str> {
        self.scopes
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .collect()
    }

    /// What its scopes let it do, in words, one line each (the same words
    /// once): what the user is told before it opens.
    pub fn permissions_in_words(&self) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for scope in self.scope_list() {
            let line = scope_in_words(scope);
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
        lines
    }

    /// Why this entry cannot be offered, if it cannot.
    fn problem(&self) -> Option<String> {
        let named = |what: &str| format!("{} ({}): {what}", self.name, self.id);
        if self.id.trim().is_empty() || self.name.trim().is_empty() {
            return Some("an app without an id or a name".into());
        }
        if self.client_id.trim().is_empty() {
            return Some(named("no client id"));
        }
        if !is_secure(&self.launch_url) || self.launch_url.contains('#') {
            return Some(named("its launch address is not https"));
        }
        if let Some(icon) = &self.icon {
            let ours = icon.starts_with('/') && !icon.starts_with("//");
            let data = icon.starts_with("data:image/");
            if !ours && !data {
                return Some(named("its icon is not on this site"));
            }
        }
        if self.contexts.is_empty() {
            return Some(named("no contexts it can be launched with"));
        }
        None
    }
}

/// An organisation's catalogue: its apps and how they are launched.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Catalogue {
    /// The apps that can be offered, in the order configured.
    pub apps: Vec<RegisteredApp>,
    /// Where launch handles come from; none: apps are opened for a
    /// standalone launch (`iss` only), and the user picks the patient
    /// again in the app.
    pub launch_context_endpoint: Option<String>,
    /// Entries left out, each with why (for the page and the service desk).
    pub problems: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OrganisationApps {
    #[serde(default)]
    apps: Vec<serde_json::Value>,
    #[serde(default)]
    launch_context_endpoint: Option<String>,
}

impl Catalogue {
    /// `organisation`'s catalogue in `config.json` (`signOn.organisations[]`:
    /// `apps`, `launchContextEndpoint`). An entry that cannot be offered is
    /// left out and said in `problems`; the others are still offered. An
    /// endpoint that is not the organisation's own is an error: the user's
    /// token would go to it.
    pub fn read(config_text: &[u8], organisation: &Organisation) -> Result<Self, AppsError> {
        let Some(ours) = organisation_settings::<OrganisationApps>(config_text, &organisation.id)
            .map_err(|e| AppsError::Malformed(e.to_string()))?
        else {
            return Ok(Self::default());
        };
        let mut catalogue = Self::default();
        for (i, entry) in ours.apps.into_iter().enumerate() {
            match serde_json::from_value::<RegisteredApp>(entry) {
                Err(e) => catalogue.problems.push(format!("app {}: {e}", i + 1)),
                Ok(app) => match app.problem() {
                    Some(problem) => catalogue.problems.push(problem),
                    None if catalogue.apps.iter().any(|a| a.id == app.id) => {
                        catalogue
                            .problems
                            .push(format!("two apps with the id {}", app.id));
                    }
                    None => catalogue.apps.push(app),
                },
            }
        }
        if let Some(endpoint) = ours.launch_context_endpoint {
            let own = is_under(&organisation.issuer, &endpoint)
                || is_under(&organisation.fhir_base_url, &endpoint);
            if !own || !is_secure(&endpoint) {
                return Err(AppsError::ForeignEndpoint(endpoint));
            }
            catalogue.launch_context_endpoint = Some(endpoint);
        }
        Ok(catalogue)
    }

    /// The apps for the launcher (no patient).
    pub fn for_launcher(&self) -> impl Iterator<Item = &RegisteredApp> {
        self.apps.iter().filter(|a| a.takes_none())
    }

    /// The apps for a patient's pages.
    pub fn for_patient(&self) -> impl Iterator<Item = &RegisteredApp> {
        self.apps.iter().filter(|a| a.takes_patient())
    }

    /// The app with this id.
    pub fn app(&self, id: &str) -> Option<&RegisteredApp> {
        self.apps.iter().find(|a| a.id == id)
    }
}

/// One scope in words: a resource scope as what it allows on whose records
/// ("read and search this patient's Observation records"), the sign-in
/// scopes as what they mean to the user, anything else as written.
pub fn scope_in_words(scope: &str) -> String {
    use crate::smart::scope::{Context, Scope};
    match Scope::parse(scope) {
        Scope::Resource {
            context,
            resource_type,
            permissions,
        } => {
            let verbs: Vec<&str> = permissions
                .chars()
                .map(|p| match p {
                    'c' => "create",
                    'r' => "read",
                    'u' => "update",
                    'd' => "delete",
                    _ => "search",
                })
                .collect();
            let verbs = match verbs.split_last() {
                Some((last, [])) => (*last).to_string(),
                Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                None => String::new(),
            };
            let records = if resource_type == "*" {
                "records of every kind".to_string()
            } else {
                format!("{resource_type} records")
            };
            match context {
                Context::Patient => format!("{verbs} this patient's {records}"),
                Context::User => format!("{verbs} any {records} you can see"),
                Context::System => format!("{verbs} {records} as a system, not as you"),
            }
        }
        Scope::Other(other) => match other.as_str() {
            "openid" | "fhirUser" | "profile" => "know who you are".into(),
            "launch" | "launch/patient" => "know which patient it is for".into(),
            "launch/encounter" => "know which admission it is for".into(),
            "online_access" => "stay signed in while you are signed in".into(),
            "offline_access" => "stay signed in after you sign out".into(),
            _ => other,
        },
    }
}

/// What Bedside asks the launch-context endpoint for: a handle bound to the
/// user (the bearer token's), this client, and the context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LaunchRequest<'a> {
    /// The app's client id: the handle is good for that client only.
    pub client_id: &'a str,
    /// The patient's id on the organisation's FHIR server.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patient: Option<&'a str>,
    /// The encounter's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encounter: Option<&'a str>,
    /// SMART's `appContext`, passed through to the app's token response
    /// (a CDS Hooks card's SMART link may carry one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_context: Option<&'a str>,
}

/// The endpoint's answer: the handle, and how long it is good for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LaunchHandle {
    /// The opaque `launch` value.
    pub launch: String,
    /// Seconds it stays usable, if said.
    #[serde(default)]
    pub expires_in: Option<u64>,
}

#[derive(Deserialize)]
struct Refusal {
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    error_description: Option<String>,
}

/// Reads the endpoint's answer (`status`, `body`) for `app`. A 401 is the
/// caller's to retry after a refresh; here it is [`AppsError::SignedOut`].
pub fn read_launch_answer(app: &str, status: u16, body: &[u8]) -> Result<LaunchHandle, AppsError> {
    if (200..300).contains(&status) {
        return match serde_json::from_slice::<LaunchHandle>(body) {
            Ok(handle) if is_launch_value(&handle.launch) => Ok(handle),
            _ => Err(AppsError::NoAnswer {
                app: app.into(),
                detail: "the sign-in service's answer could not be read".into(),
            }),
        };
    }
    if status == 401 {
        return Err(AppsError::SignedOut(app.into()));
    }
    let refusal = serde_json::from_slice::<Refusal>(body).ok();
    let said = refusal
        .and_then(|r| r.error_description.or(r.error))
        .map(|s| {
            s.chars()
                .filter(|c| !c.is_control())
                .take(200)
                .collect::<String>()
        })
        .filter(|s| !s.trim().is_empty());
    Err(AppsError::Refused {
        app: app.into(),
        reason: said.unwrap_or_else(|| format!("the sign-in service answered {status}")),
    })
}

/// A `launch` value an app can be given: printable ASCII with no spaces, of
/// a sane length (it goes into the app's address as it is, encoded).
fn is_launch_value(launch: &str) -> bool {
    (1..=1024).contains(&launch.len()) && launch.bytes().all(|b| b.is_ascii_graphic())
}

/// Where to open `app`: its launch URL with `iss` (the FHIR base) and, for
/// an EHR launch, `launch`, added to any query it already has.
pub fn launch_address(app: &RegisteredApp, iss: &str, launch: Option<&str>) -> String {
    let mut pairs = vec![("iss", iss)];
    if let Some(launch) = launch {
        pairs.push(("launch", launch));
    }
    let joiner = if app.launch_url.contains('?') {
        '&'
    } else {
        '?'
    };
    format!("{}{joiner}{}", app.launch_url, crate::url::form(&pairs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn organisation() -> Organisation {
        crate::smart::SignOnConfig::parse(
            br#"{"signOn":{"organisations":[{"id":"a","name":"A","fhirBaseUrl":"https://fhir.a.example/R4","clientId":"bedside","issuer":"https://login.a.example"}]}}"#,
        )
        .expect("valid")
        .organisations
        .remove(0)
    }

    fn config(apps: &str, endpoint: Option<&str>) -> Vec<u8> {
        let endpoint = endpoint
            .map(|e| format!(r#","launchContextEndpoint":"{e}""#))
            .unwrap_or_default();
        format!(
            r#"{{"signOn":{{"organisations":[{{"id":"other","name":"O","fhirBaseUrl":"https://o","clientId":"c","issuer":"https://o","apps":[{{"id":"x","name":"X","launchUrl":"https://x.example/","clientId":"x"}}]}},
            {{"id":"a","name":"A","fhirBaseUrl":"https://fhir.a.example/R4","clientId":"bedside","issuer":"https://login.a.example","apps":[{apps}]{endpoint}}}]}}}}"#
        )
        .into_bytes()
    }

    const FLUIDS: &str = r#"{"id":"fluids","name":"Fluid balance","description":"Intake and output.","icon":"/assets/apps/fluids.svg",
        "launchUrl":"https://fluids.example/launch?tenant=7","clientId":"fluids-app","contexts":["patient"],"scopes":"launch patient/Observation.rs"}"#;

    #[test]
    fn reads_the_organisations_own_apps() {
        let c = Catalogue::read(
            &config(FLUIDS, Some("https://login.a.example/launch-context")),
            &organisation(),
        )
        .expect("valid");
        assert_eq!(c.problems, Vec::<String>::new());
        assert_eq!(c.apps.len(), 1, "only organisation a's");
        let app = c.app("fluids").expect("listed");
        assert_eq!(app.client_id, "fluids-app");
        assert!(app.takes_patient() && !app.takes_none());
        assert_eq!(app.scope_list(), ["launch", "patient/Observation.rs"]);
        assert_eq!(c.for_patient().count(), 1);
        assert_eq!(c.for_launcher().count(), 0);
        assert_eq!(
            c.launch_context_endpoint.as_deref(),
            Some("https://login.a.example/launch-context")
        );
    }

    #[test]
    fn an_app_with_no_contexts_said_opens_from_the_launcher() {
        let c = Catalogue::read(
            &config(
                r#"{"id":"rota","name":"Rota","launchUrl":"https://rota.example/","clientId":"r"}"#,
                None,
            ),
            &organisation(),
        )
        .expect("valid");
        assert_eq!(c.for_launcher().count(), 1);
        assert_eq!(c.for_patient().count(), 0);
        assert_eq!(c.launch_context_endpoint, None);
    }

    #[test]
    fn a_broken_entry_is_left_out_and_said_and_the_rest_still_offered() {
        let bad = [
            r#"{"id":"h","name":"Plain","launchUrl":"http://plain.example/","clientId":"h"}"#,
            r#"{"id":"i","name":"Icon","launchUrl":"https://i.example/","clientId":"i","icon":"https://tracker.example/i.png"}"#,
            r#"{"id":"j","name":"Icon2","launchUrl":"https://j.example/","clientId":"j","icon":"//tracker.example/i.png"}"#,
            r#"{"id":"k","name":"NoClient","launchUrl":"https://k.example/","clientId":" "}"#,
            r#"{"id":"l","name":"Frag","launchUrl":"https://l.example/#x","clientId":"l"}"#,
            r#"{"id":"m","name":"None","launchUrl":"https://m.example/","clientId":"m","contexts":[]}"#,
            r#"{"id":"n","name":"Ctx","launchUrl":"https://n.example/","clientId":"n","contexts":["ward"]}"#,
            r#"{"name":"NoId"}"#,
            r#"{"id":"fluids","name":"Twice","launchUrl":"https://t.example/","clientId":"t"}"#,
        ];
        let apps = format!("{FLUIDS},{}", bad.join(","));
        let c = Catalogue::read(&config(&apps, None), &organisation()).expect("valid");
        assert_eq!(
            c.apps.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["fluids"]
        );
        assert_eq!(c.problems.len(), bad.len(), "{:?}", c.problems);
        assert!(c.problems[0].contains("Plain (h)"), "{:?}", c.problems);
        assert!(c.problems[8].contains("two apps"), "{:?}", c.problems);
        // A loopback launch address is a developer's sandbox: allowed.
        let local = r#"{"id":"d","name":"Dev","launchUrl":"http://localhost:8107/launch.html","clientId":"d","icon":"data:image/svg+xml;base64,AA=="}"#;
        let c = Catalogue::read(&config(local, None), &organisation()).expect("valid");
        assert_eq!(c.problems, Vec::<String>::new());
    }

    #[test]
    fn the_token_goes_only_to_the_organisations_own_endpoint() {
        for own in [
            "https://login.a.example/launch-context",
            "https://login.a.example",
            "https://fhir.a.example/R4/$launch-context",
        ] {
            assert!(
                Catalogue::read(&config(FLUIDS, Some(own)), &organisation()).is_ok(),
                "{own}"
            );
        }
        for foreign in [
            "https://evil.example/launch-context",
            "https://login.a.example.evil.example/launch",
            "https://fhir.a.example/R5/launch",
            "http://login.a.example/launch-context",
            "https://login.a.example@evil.example/",
        ] {
            assert_eq!(
                Catalogue::read(&config(FLUIDS, Some(foreign)), &organisation()),
                Err(AppsError::ForeignEndpoint(foreign.into())),
                "{foreign}"
            );
        }
    }

    #[test]
    fn unreadable_settings_are_an_error_and_no_apps_is_an_empty_list() {
        assert!(matches!(
            Catalogue::read(b"{", &organisation()),
            Err(AppsError::Malformed(_))
        ));
        let c = Catalogue::read(&config("", None), &organisation()).expect("valid");
        assert_eq!(c, Catalogue::default());
    }

    #[test]
    fn permissions_are_said_in_words_once_each() {
        let c = Catalogue::read(&config(FLUIDS, None), &organisation()).expect("valid");
        let mut app = c.app("fluids").expect("listed").clone();
        app.scopes = Some(
            "launch openid fhirUser online_access patient/Patient.r patient/Observation.rs patient/Observation.c user/*.cruds offline_access system/Task.c custom".into(),
        );
        assert_eq!(
            app.permissions_in_words(),
            [
                "know which patient it is for",
                "know who you are",
                "stay signed in while you are signed in",
                "read this patient's Patient records",
                "read and search this patient's Observation records",
                "create this patient's Observation records",
                "create, read, update, delete and search any records of every kind you can see",
                "stay signed in after you sign out",
                "create Task records as a system, not as you",
                "custom",
            ]
        );
        app.scopes = None;
        assert_eq!(app.permissions_in_words(), Vec::<String>::new());
    }

    #[test]
    fn the_launch_request_names_the_client_and_the_context_only() {
        let body = serde_json::to_string(&LaunchRequest {
            client_id: "fluids-app",
            patient: Some("p-1"),
            encounter: None,
            app_context: None,
        })
        .expect("json");
        assert_eq!(body, r#"{"client_id":"fluids-app","patient":"p-1"}"#);
    }

    #[test]
    fn answers_are_read_and_refusals_said() {
        assert_eq!(
            read_launch_answer("Fluids", 200, br#"{"launch":"abc-123","expires_in":300}"#),
            Ok(LaunchHandle {
                launch: "abc-123".into(),
                expires_in: Some(300)
            })
        );
        for unreadable in [
            &b"{}"[..],
            b"not json",
            br#"{"launch":""}"#,
            br#"{"launch":"a b"}"#,
        ] {
            assert!(
                matches!(
                    read_launch_answer("Fluids", 200, unreadable),
                    Err(AppsError::NoAnswer { .. })
                ),
                "{unreadable:?}"
            );
        }
        assert_eq!(
            read_launch_answer("Fluids", 401, b""),
            Err(AppsError::SignedOut("Fluids".into()))
        );
        let refused = read_launch_answer(
            "Fluids",
            400,
            br#"{"error":"invalid_client","error_description":"Unknown app\u0007"}"#,
        );
        assert_eq!(
            refused,
            Err(AppsError::Refused {
                app: "Fluids".into(),
                reason: "Unknown app".into()
            })
        );
        let bare = read_launch_answer("Fluids", 503, b"<html>").expect_err("refused");
        assert!(bare.to_string().contains("answered 503"), "{bare}");
    }

    #[test]
    fn the_launch_address_keeps_the_apps_own_query() {
        let c = Catalogue::read(&config(FLUIDS, None), &organisation()).expect("valid");
        let app = c.app("fluids").expect("listed");
        assert_eq!(
            launch_address(app, "https://fhir.a.example/R4", Some("h/1+")),
            "https://fluids.example/launch?tenant=7&iss=https%3A%2F%2Ffhir.a.example%2FR4&launch=h%2F1%2B"
        );
        let mut plain = app.clone();
        plain.launch_url = "https://fluids.example/launch".into();
        assert_eq!(
            launch_address(&plain, "https://f/R4", None),
            "https://fluids.example/launch?iss=https%3A%2F%2Ff%2FR4"
        );
    }
}
