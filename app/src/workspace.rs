//! Everything a signed-in user reaches: the launcher and the tools.
//!
//! One split point, `workspace`, holds the launcher, the tool registry and
//! each tool's own split point. The first load (the shell and the sign-in
//! page) therefore pays nothing for a tool: adding one adds to this module
//! and to the tool's own file, never to what a ward PC downloads to sign in.

use bedside::fhir::summary::PersonView;
use bedside::fhir::use_fhir_read;
use bedside::on_demand::{OnDemand, SplitLoaderError, prefetch, ready, wasm_split, when_idle};
#[cfg(feature = "prototype")]
use bedside::prototype::SessionGate;
use bedside::session::SessionBroker;
#[cfg(not(feature = "prototype"))]
use bedside::session::SessionGate;
use bedside::ui::{SummaryList, SummaryRow};
use leptos::prelude::*;

use crate::PageTitle;
use crate::apps::AppsFor;
use crate::patient::{FhirProblem, patient_rows};
use crate::routes::not_found::NotFound;
use crate::tools::{TOOLS, Tool, missing, tool};
use bedside::apps::LaunchFor;

/// The launcher (`None`, on the start page, signed in) or the page at
/// `/<slug>`: a tool, or "page not found" for an address that names none.
#[wasm_split(workspace, preload(load_workspace), fallible)]
pub fn workspace(slug: Option<String>) -> Result<AnyView, SplitLoaderError> {
    Ok(match slug {
        None => view! { <Launcher /> }.into_any(),
        Some(slug) => match tool(&slug) {
            Some(tool) => tool_page(tool),
            None => view! { <NotFound /> }.into_any(),
        },
    })
}

/// Starts fetching the launcher's code: from the sign-in page, so the page
/// the sign-in service returns to finds it in the browser's cache.
pub fn prefetch_launcher() {
    prefetch(load_workspace());
}

/// A tool's page: signed in, its code fetched on first use.
fn tool_page(tool: &'static Tool) -> AnyView {
    view! {
        <PageTitle text=tool.name />
        <SessionGate>
            <OnDemand what=tool.name load=tool.load>
                {move || ready((tool.open)())}
            </OnDemand>
        </SessionGate>
    }
    .into_any()
}

/// `page` with a FHIR client for the session's server in context. Called
/// inside split points (the tools, the patient details), so the client's
/// code comes with theirs, not with the launcher.
pub fn with_fhir_client(page: impl FnOnce() -> AnyView) -> AnyView {
    let broker = SessionBroker::expect();
    if let Some(session) = untrack(|| broker.session()) {
        provide_fhir_client(&session.fhir_base_url, &broker);
    }
    page()
}

#[cfg(target_arch = "wasm32")]
fn provide_fhir_client(base: &str, broker: &SessionBroker) {
    use bedside::fhir::FhirClientContext;
    #[cfg(not(feature = "prototype"))]
    let client = bedside::fhir::FhirClient::browser(base);
    // Prototype mode: the scenario's records, answered in the browser.
    #[cfg(feature = "prototype")]
    let client = bedside::prototype::fhir_client(base);
    client.with_token_source(broker.token_source()).provide();
}

/// Server-side rendering (the native tests) never has a session: the broker
/// only starts in a browser, so signed-in pages are not rendered there.
#[cfg(not(target_arch = "wasm32"))]
fn provide_fhir_client(_base: &str, _broker: &SessionBroker) {}

/// The signed-in start page: who is signed in where, the patient in
/// context, and the tools.
#[component]
fn Launcher() -> impl IntoView {
    let broker = SessionBroker::expect();
    let session = untrack(|| broker.session());
    let organisation = session
        .as_ref()
        .and_then(|s| {
            untrack(|| broker.config())
                .and_then(|c| c.organisation(&s.organisation).map(|o| o.name.clone()))
        })
        .unwrap_or_default();
    let scopes = session.as_ref().map(|s| s.scopes()).unwrap_or_default();
    let patient = session.as_ref().and_then(|s| s.context.patient.clone());
    let encounter = session.and_then(|s| s.context.encounter.clone());
    let launched = patient.is_some();
    // While the user reads the launcher: the code every patient tool shares.
    // The patient details are in the patient tools' split-point group
    // (app/Cargo.toml), so fetching them brings the shared files any tool's
    // first open needs, and their own small file, which any patient page
    // shows; a tool's own file then comes with pointing at its link.
    when_idle(|| prefetch(load_patient_context()));
    view! {
        <h1>"Bedside"</h1>
        <p class="nhsuk-body-l">
            {move || broker.user_name().unwrap_or_default()}
            ", you are signed in to "
            {organisation}
            // The role chosen at sign-in (NHS Care Identity Service 2), which
            // decides what this person may do.
            {move || broker.user_role().map(|role| format!(" as {role}"))}
            "."
        </p>
        {patient
            .clone()
            .map(|id| {
                view! {
                    <OnDemand what="the patient's details" load=load_patient_context>
                        {
                            let id = id.clone();
                            move || ready(patient_context(id.clone()))
                        }
                    </OnDemand>
                }
            })}
        <h2>"Your tools"</h2>
        <ul class="nhsuk-list" data-testid="launcher">
            {TOOLS
                .iter()
                .map(|tool| {
                    let missing = missing(tool, &scopes, launched);
                    let heading = if missing.is_empty() {
                        // Pointing at or tabbing to a tool starts fetching
                        // its own code, so the click waits less for it; once
                        // (a click focuses the link it points at), and a
                        // failure is left for the tool's page to say.
                        let early = std::rc::Rc::new(std::cell::Cell::new(false));
                        let fetch_early = move || {
                            if !early.replace(true) {
                                prefetch((tool.load)());
                            }
                        };
                        let on_focus = fetch_early.clone();
                        view! {
                            <a
                                href=format!("/{}", tool.slug)
                                on:pointerenter=move |_| fetch_early()
                                on:focus=move |_| on_focus()
                            >
                                {tool.name}
                            </a>
                        }
                            .into_any()
                    } else {
                        tool.name.into_any()
                    };
                    // Shown, not hidden: a missing tool with no reason would
                    // send the user looking for it.
                    let reason = (!missing.is_empty())
                        .then(|| {
                            view! {
                                <p class="nhsuk-u-secondary-text-colour" data-testid="tool-unavailable">
                                    "Not available: your sign-in does not allow Bedside to "
                                    {missing.join(", ")}
                                    ". Ask your system administrator if you need it."
                                </p>
                            }
                        });
                    view! {
                        <li>
                            <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">{heading}</h3>
                            <p>{tool.summary}</p>
                            {reason}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        // Other vendors' apps, beside Bedside's own tools, for the patient
        // an EHR launch put in context, if any.
        <AppsFor target=LaunchFor { patient, encounter } heading="Other apps" />
    }
}

/// The patient in context reads FHIR, as the tools do: its code comes with
/// theirs (the FHIR client's reading and decoding is shared), not with the
/// launcher.
#[wasm_split(patient_context, preload(load_patient_context), fallible)]
fn patient_context(id: String) -> Result<AnyView, SplitLoaderError> {
    Ok(with_fhir_client(|| {
        view! { <PatientInContext id=id /> }.into_any()
    }))
}

/// The patient an EHR launch (or the patient picker) put in context.
#[component]
fn PatientInContext(id: String) -> impl IntoView {
    let patient = use_fhir_read::<PersonView>("Patient", id);
    view! {
        <h2>"Patient"</h2>
        {move || match patient.result.get() {
            None => view! { <p role="status">"Loading the patient…"</p> }.into_any(),
            Some(Err(e)) => view! { <FhirProblem error=e /> }.into_any(),
            Some(Ok(p)) => {
                let rows = patient_rows(&p)
                    .into_iter()
                    .map(|(key, value)| SummaryRow::new(key, value))
                    .collect();
                view! { <SummaryList rows=rows attr:data-testid="patient-in-context" /> }
                    .into_any()
            }
        }}
    }
}
