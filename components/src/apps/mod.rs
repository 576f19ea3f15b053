//! Other vendors' SMART apps, opened from Bedside without a second sign-in.
//!
//! [`OtherApps`] lists an organisation's registered apps (its [`Catalogue`]
//! in `config.json`, read with [`use_app_catalogue`]) and opens one:
//!
//! 1. a new tab is opened at once, in the click (a tab opened after a
//!    network round trip is a pop-up that browsers block), and told it has
//!    no opener, so the app cannot reach back into Bedside;
//! 2. the organisation's launch-context endpoint gives a `launch` handle
//!    bound to this user, this app's client id and the patient (and
//!    admission); a refused token is refreshed once, as the FHIR client does;
//! 3. the tab goes to the app's launch URL with `iss` and `launch`, and the
//!    app signs itself in at the organisation's sign-in service, whose
//!    session from the Bedside sign-in answers without asking anyone.
//!
//! Bedside's tokens go to the endpoint only (the catalogue refuses one that
//! is not the organisation's own) and never into the app's address. An
//! organisation with no endpoint gets a standalone launch (`iss` only): the
//! app opens at once and the user chooses the patient again there, which
//! the list says. If anything fails, the new tab is closed and the list
//! says what happened; nothing else on the page changes.
//!
//! The list and the launch are code for the pages that show them: an app
//! puts them behind a split point (the reference app's `apps`).

use leptos::prelude::*;

pub use bedside_core::smart::apps::{
    AppContextKind, AppsError, Catalogue, LaunchHandle, LaunchRequest, RegisteredApp,
    launch_address, read_launch_answer, scope_in_words,
};

use crate::session::SessionBroker;
use crate::ui::{Button, ButtonType, ButtonVariant, Details, ErrorMessage};

stylance::import_crate_style!(style, "src/apps/apps.module.css");

/// The signed-in organisation's catalogue, read from the deployment's
/// `config.json`; `None` when nobody is signed in (or outside a browser).
pub fn use_app_catalogue() -> Option<Result<Catalogue, AppsError>> {
    let broker = SessionBroker::expect();
    let session = untrack(|| broker.session())?;
    let config = untrack(|| broker.config())?;
    let organisation = config.organisation(&session.organisation)?;
    let text = broker.config_text()?;
    Some(Catalogue::read(&text, organisation))
}

/// Whom an app is opened for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaunchFor {
    /// The patient's id on the organisation's FHIR server; none in the
    /// launcher, where only apps that need no patient can be opened.
    pub patient: Option<String>,
    /// The admission, where the page knows one.
    pub encounter: Option<String>,
}

/// Where one app's opening is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) enum Opening {
    Idle,
    Asking,
    Opened,
    Failed(String),
}

/// The apps that can be opened from here: with a patient, those that take
/// one ("Open in …"); without, every app, each needing a patient saying
/// where to open it from. Nothing at all when there are none.
#[component]
pub fn OtherApps(
    /// Extra classes on the list.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The organisation's apps.
    catalogue: Catalogue,
    /// Whom they are opened for.
    #[prop(optional)]
    target: LaunchFor,
    /// The list's heading (an `h2`).
    #[prop(into)]
    heading: String,
) -> impl IntoView {
    let for_patient = target.patient.is_some();
    let apps: Vec<RegisteredApp> = if for_patient {
        catalogue.for_patient().cloned().collect()
    } else {
        catalogue.apps.clone()
    };
    if apps.is_empty() && catalogue.problems.is_empty() {
        return ().into_any();
    }
    // A broken entry is left out; saying so keeps someone looking for it
    // from thinking it was never set up.
    let problems = (!catalogue.problems.is_empty()).then(|| {
        view! {
            <p class="nhsuk-body-s nhsuk-u-secondary-text-colour" data-testid="apps-not-offered">
                {format!(
                    "{} app{} could not be offered because of how {} set up. Tell your IT service desk: {}.",
                    catalogue.problems.len(),
                    if catalogue.problems.len() == 1 { "" } else { "s" },
                    if catalogue.problems.len() == 1 { "it is" } else { "they are" },
                    catalogue.problems.join("; "),
                )}
            </p>
        }
    });
    let endpoint = catalogue.launch_context_endpoint.clone();
    let items = apps
        .into_iter()
        .map(|app| {
            view! { <AppItem app=app endpoint=endpoint.clone() target=target.clone() /> }
        })
        .collect_view();
    view! {
        <h2>{heading}</h2>
        <ul class=move || format!("nhsuk-list {}", class.get().unwrap_or_default()) data-testid="other-apps">
            {items}
        </ul>
        {problems}
    }
    .into_any()
}

/// One app: icon, name, what it is for, what it may do with the user's
/// sign-in, and the button that opens it (or where to open it from).
#[component]
fn AppItem(app: RegisteredApp, endpoint: Option<String>, target: LaunchFor) -> impl IntoView {
    let opening = RwSignal::new(Opening::Idle);
    let needs_patient = !app.takes_none();
    let can_open = target.patient.is_some() || !needs_patient;
    let permissions = app.permissions_in_words();
    let details = (!permissions.is_empty()).then(|| {
        view! {
            <Details summary=format!("What {} can do with your sign-in", app.name)>
                <ul class="nhsuk-list nhsuk-list--bullet">
                    {permissions.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            </Details>
        }
    });
    let how = match (can_open, &endpoint) {
        (false, _) => "Open it from a patient's pages: find the patient first.",
        (true, Some(_)) => "Opens in a new tab. You will not need to sign in again.",
        (true, None) => {
            "Opens in a new tab, where you may need to sign in and choose the patient again."
        }
    };
    let button = can_open.then(|| {
        let label = if target.patient.is_some() {
            format!("Open in {}", app.name)
        } else {
            format!("Open {}", app.name)
        };
        let app = app.clone();
        let on_click = Callback::new(move |_| {
            if opening.get_untracked() != Opening::Asking {
                open(&app, endpoint.as_deref(), &target, None, opening);
            }
        });
        view! {
            <Button
                variant=ButtonVariant::Secondary
                button_type=ButtonType::Button
                class="nhsuk-u-margin-bottom-2"
                disabled=Signal::derive(move || opening.get() == Opening::Asking)
                on_click=on_click
            >
                {label}
            </Button>
        }
    });
    let said = said(app.name.clone(), opening);
    let icon = app
        .icon
        .clone()
        .map(|src| view! { <img class=style::icon src=src alt="" width="40" height="40" /> });
    view! {
        <li class=style::app data-testid="other-app">
            {icon}
            <div class=style::about>
                <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">{app.name.clone()}</h3>
                {(!app.description.is_empty())
                    .then(|| view! { <p class="nhsuk-body-s nhsuk-u-margin-bottom-2">{app.description.clone()}</p> })}
                {details}
                <p class="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-2">{how}</p>
                {button}
                <div role="status">{said}</div>
            </div>
        </li>
    }
}

/// How opening `name` is going, in words (in a `role="status"` region).
pub(crate) fn said(
    name: String,
    opening: RwSignal<Opening>,
) -> impl Fn() -> AnyView + Send + Sync + 'static {
    move || match opening.get() {
        Opening::Idle => ().into_any(),
        Opening::Asking => {
            view! { <p class="nhsuk-body-s">{format!("Opening {name}…")}</p> }.into_any()
        }
        Opening::Opened => view! {
            <p class="nhsuk-body-s">{format!("{name} opened in a new tab.")}</p>
        }
        .into_any(),
        Opening::Failed(message) => view! { <ErrorMessage>{message}</ErrorMessage> }.into_any(),
    }
}

/// Opens `app` for `target` (with SMART's `appContext`, for a decision
/// support card's link), saying how it went in `opening`.
#[cfg(target_arch = "wasm32")]
pub(crate) fn open(
    app: &RegisteredApp,
    endpoint: Option<&str>,
    target: &LaunchFor,
    app_context: Option<String>,
    opening: RwSignal<Opening>,
) {
    browser::open(app, endpoint, target, app_context, opening);
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn open(
    _: &RegisteredApp,
    _: Option<&str>,
    _: &LaunchFor,
    _: Option<String>,
    _: RwSignal<Opening>,
) {
}

#[cfg(target_arch = "wasm32")]
mod browser {
    //! The launch itself: the tab, the handle, the address.

    use std::rc::Rc;

    use leptos::prelude::*;
    use wasm_bindgen::JsValue;

    use super::{AppsError, LaunchFor, LaunchHandle, LaunchRequest, Opening, RegisteredApp};
    use crate::fhir::{HttpRequest, Method, TokenSource};
    use crate::session::SessionBroker;

    /// How long the endpoint has to answer: it is the sign-in service,
    /// which answers at once or not at all.
    const TIMEOUT_MS: u32 = 15_000;

    pub(super) fn open(
        app: &RegisteredApp,
        endpoint: Option<&str>,
        target: &LaunchFor,
        app_context: Option<String>,
        opening: RwSignal<Opening>,
    ) {
        let broker = SessionBroker::expect();
        let Some(session) = untrack(|| broker.session()) else {
            opening.set(Opening::Failed(
                AppsError::SignedOut(app.name.clone()).to_string(),
            ));
            return;
        };
        let Some(window) = web_sys::window() else {
            return;
        };
        let iss = session.fhir_base_url.clone();
        let Some(endpoint) = endpoint.map(str::to_string) else {
            // Standalone: nothing to ask first, so the tab can go straight
            // to the app, with no opener at all.
            let address = super::launch_address(app, &iss, None);
            let opened =
                window.open_with_url_and_target_and_features(&address, "_blank", "noopener");
            opening.set(match opened {
                Ok(_) => Opening::Opened,
                Err(_) => Opening::Failed(blocked(&app.name)),
            });
            return;
        };
        let tab = match window.open_with_url_and_target("about:blank", "_blank") {
            Ok(Some(tab)) => tab,
            _ => {
                opening.set(Opening::Failed(blocked(&app.name)));
                return;
            }
        };
        // The app is someone else's code: it gets no handle on this tab.
        if tab.set_opener(&JsValue::NULL).is_err() {
            let _ = tab.close();
            opening.set(Opening::Failed(blocked(&app.name)));
            return;
        }
        if let Some(document) = tab.document() {
            document.set_title(&format!("Opening {}", app.name));
            if let Some(body) = document.body() {
                body.set_text_content(Some(&format!("Opening {}…", app.name)));
            }
        }
        opening.set(Opening::Asking);
        let app = app.clone();
        let target = target.clone();
        let tokens = broker.token_source();
        leptos::task::spawn_local(async move {
            match handle(&app, &endpoint, &target, app_context.as_deref(), tokens).await {
                Ok(handle) => {
                    let address = super::launch_address(&app, &iss, Some(&handle.launch));
                    match tab.location().replace(&address) {
                        Ok(()) => opening.set(Opening::Opened),
                        Err(_) => {
                            let _ = tab.close();
                            opening.set(Opening::Failed(blocked(&app.name)));
                        }
                    }
                }
                Err(e) => {
                    let _ = tab.close();
                    opening.set(Opening::Failed(e.to_string()));
                }
            }
        });
    }

    fn blocked(app: &str) -> String {
        format!(
            "{app} could not be opened: the browser did not open a new tab. Allow Bedside to open tabs (pop-ups), then try again."
        )
    }

    /// A launch handle from the endpoint; a refused token is refreshed once.
    async fn handle(
        app: &RegisteredApp,
        endpoint: &str,
        target: &LaunchFor,
        app_context: Option<&str>,
        tokens: Rc<dyn TokenSource>,
    ) -> Result<LaunchHandle, AppsError> {
        let body = serde_json::to_vec(&LaunchRequest {
            client_id: &app.client_id,
            patient: target.patient.as_deref(),
            encounter: target.encounter.as_deref(),
            app_context,
        })
        .map_err(|e| AppsError::Malformed(e.to_string()))?;
        let mut token = tokens.token().await;
        for first in [true, false] {
            let Some(bearer) = token else { break };
            let request = HttpRequest {
                method: Method::Post,
                url: endpoint.to_string(),
                headers: vec![
                    ("Accept", "application/json".into()),
                    ("Content-Type", "application/json".into()),
                    ("Authorization", format!("Bearer {bearer}")),
                ],
                body: Some(body.clone()),
            };
            let response = crate::fhir::fetch::send(request, TIMEOUT_MS)
                .await
                .map_err(|failure| AppsError::NoAnswer {
                    app: app.name.clone(),
                    detail: failure.detail(),
                })?;
            if response.status == 401 && first {
                token = tokens.refresh().await;
                continue;
            }
            return super::read_launch_answer(&app.name, response.status, &response.body);
        }
        Err(AppsError::SignedOut(app.name.clone()))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::{normalize_html, render_to_html};

    fn catalogue(endpoint: Option<&str>) -> Catalogue {
        let endpoint = endpoint
            .map(|e| format!(r#","launchContextEndpoint":"{e}""#))
            .unwrap_or_default();
        let text = format!(
            r#"{{"signOn":{{"organisations":[{{"id":"a","name":"A","fhirBaseUrl":"https://fhir.a.example/R4","clientId":"bedside","issuer":"https://login.a.example"{endpoint},
            "apps":[{{"id":"fluids","name":"Fluid balance","description":"Intake and output.","icon":"/assets/apps/fluids.svg","launchUrl":"https://fluids.example/launch","clientId":"f","contexts":["patient"],"scopes":"launch patient/Observation.rs"}},
                    {{"id":"rota","name":"Rota","launchUrl":"https://rota.example/","clientId":"r"}},
                    {{"id":"bad","name":"Bad","launchUrl":"http://bad.example/","clientId":"b"}}]}}]}}}}"#
        );
        let config = crate::smart::SignOnConfig::parse(text.as_bytes()).expect("valid");
        Catalogue::read(text.as_bytes(), &config.organisations[0]).expect("valid")
    }

    /// The list's markup, on one line.
    fn render(catalogue: Catalogue, target: LaunchFor) -> String {
        normalize_html(&render_to_html(move || {
            view! { <OtherApps catalogue=catalogue.clone() target=target.clone() heading="Other apps" /> }
        }))
        .replace('\n', "")
    }

    #[test]
    fn a_patient_page_offers_the_apps_that_take_a_patient() {
        let html = render(
            catalogue(Some("https://login.a.example/launch-context")),
            LaunchFor {
                patient: Some("p-1".into()),
                encounter: None,
            },
        );
        for part in [
            "<h2>Other apps</h2>",
            r#"<button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2" data-module="nhsuk-button" type="button">Open in Fluid balance</button>"#,
            r#"height="40" src="/assets/apps/fluids.svg" width="40">"#,
            r#"<span class="nhsuk-details__summary-text">What Fluid balance can do with your sign-in</span>"#,
            "<li>know which patient it is for</li><li>read and search this patient's Observation records</li>",
            "Opens in a new tab. You will not need to sign in again.",
            "1 app could not be offered because of how it is set up. Tell your IT service desk: Bad (bad): its launch address is not https.",
        ] {
            assert!(html.contains(part), "{part} in {html}");
        }
        assert!(
            html.contains("<img alt class="),
            "a decorative icon: {html}"
        );
        assert!(
            !html.contains("Rota"),
            "launcher-only apps are not offered here: {html}"
        );
    }

    #[test]
    fn the_launcher_lists_every_app_and_says_where_a_patient_app_opens_from() {
        let html = render(catalogue(None), LaunchFor::default());
        assert!(html.contains(">Open Rota</button>"), "{html}");
        assert!(
            !html.contains("Open in Fluid balance"),
            "no patient here: {html}"
        );
        assert!(
            html.contains("Open it from a patient's pages: find the patient first."),
            "{html}"
        );
        assert!(
            html.contains(
                "Opens in a new tab, where you may need to sign in and choose the patient again."
            ),
            "no endpoint: a standalone launch: {html}"
        );
    }

    #[test]
    fn no_apps_shows_nothing() {
        let html = render(Catalogue::default(), LaunchFor::default());
        assert_eq!(html, "");
    }
}
