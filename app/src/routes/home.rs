//! The start page. Signed out: sign in. Signed in: the launcher, which lists
//! the clinical tools, and the patient the EHR launched with (if any). The
//! page is in the first load; the tools' code, and the patient's, are not.

use bedside::fhir::summary::PersonView;
use bedside::fhir::use_fhir_read;
use bedside::on_demand::{OnDemand, SplitLoaderError, ready, wasm_split};
use bedside::session::{SessionBroker, SessionGate};
use bedside::ui::{SummaryList, SummaryRow};
use leptos::prelude::*;

use crate::PageTitle;
use crate::patient::{FhirProblem, patient_rows};
use crate::tools::TOOLS;

/// `/` (and the sign-in addresses `/auth/callback/<organisation>` and `/launch`).
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <PageTitle text="" />
        <SessionGate>
            <Launcher />
        </SessionGate>
        <h2>"For developers and designers"</h2>
        <ul class="nhsuk-list nhsuk-list--bullet">
            <li>
                <a href="/gallery">"Component gallery"</a>
                ": every Bedside component and its examples."
            </li>
        </ul>
    }
}

/// `page` with a FHIR client for the session's server in context. Called
/// inside split points (the tools, the patient details), so the client's
/// code comes with theirs, not with the first page.
pub fn with_fhir_client(page: impl FnOnce() -> AnyView) -> AnyView {
    let broker = SessionBroker::expect();
    if let Some(session) = untrack(|| broker.session()) {
        provide_fhir_client(&session.fhir_base_url, &broker);
    }
    page()
}

#[cfg(target_arch = "wasm32")]
fn provide_fhir_client(base: &str, broker: &SessionBroker) {
    bedside::fhir::FhirClient::browser(base)
        .with_token_source(broker.token_source())
        .provide();
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
    let patient = session.and_then(|s| s.context.patient.clone());
    view! {
        <h1>"Bedside"</h1>
        <p class="nhsuk-body-l">
            {move || broker.user_name().unwrap_or_default()}
            ", you are signed in to "
            {organisation}
            "."
        </p>
        {patient
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
                    view! {
                        <li>
                            <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                                <a href=format!("/{}", tool.slug)>{tool.name}</a>
                            </h3>
                            <p>{tool.summary}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The patient in context reads FHIR, as the tools do: its code comes with
/// theirs (the FHIR client's reading and decoding is shared), not with the
/// first page.
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
