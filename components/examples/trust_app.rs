//! A trust's own tool on Bedside, whole: sign-in to the organisations in the
//! deployment's `config.json`, the NHS.UK page template with the account
//! area, the idle lock, and one page that lists patients from the
//! organisation's FHIR server with the Common User Interface's name, date of
//! birth and NHS number rules.
//!
//! The book's "Getting started" shows this file; `cargo test` compiles it,
//! so what the book says compiles against the crate as it is. In a trust's
//! own repository it is `src/main.rs` (build it with Trunk for
//! `wasm32-unknown-unknown`, with `bedside`'s `csr` feature).
#![cfg_attr(target_arch = "wasm32", no_main)]

use bedside::clinical::{BannerFields, Instant};
use bedside::fhir::Resource;
use bedside::fhir::resources::Patient;
use bedside::nav::{PageTitle, Router, ServiceName};
use bedside::prelude::*;
use bedside::session::SessionGate;
use bedside::ui::{Header, SkipLink, Table, TableCell, TableColumn};
use leptos::prelude::*;

/// The app: a router (links and the back button stay in the page) around
/// the shell.
#[component]
fn App() -> impl IntoView {
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

/// The NHS.UK page template. The broker reads the deployment's settings
/// (organisations, their FHIR servers and sign-in services, the idle lock)
/// from `/config.json`, served beside the app, so one build serves any trust.
#[component]
fn Shell() -> impl IntoView {
    let broker = SessionBroker::provide("/config.json");
    // Every page's title ends with it: "Patients – Ward tools".
    ServiceName("Ward tools").provide();
    let locked = move || broker.lock_reason().is_some();
    view! {
        <SkipLink />
        <Header service_name="Ward tools">
            <AccountArea />
        </Header>
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent" role="main">
                <SessionWarning />
                <LockScreen />
                // Hidden and inert while locked: nothing clinical shows, and
                // nothing typed is lost.
                <div hidden=locked inert=locked>
                    // The sign-in page until someone has signed in.
                    <SessionGate>
                        <Patients />
                    </SessionGate>
                </div>
            </main>
        </div>
    }
}

/// Twenty patients from the signed-in organisation's FHIR server. The
/// client sends the session's token only to that server, and asks the
/// broker for a fresh one when it expires.
#[component]
fn Patients() -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    {
        let broker = SessionBroker::expect();
        if let Some(session) = untrack(|| broker.session()) {
            FhirClient::browser(&session.fhir_base_url)
                .with_token_source(broker.token_source())
                .provide();
        }
    }
    let found = use_fhir_search(Search::new("Patient").count(20));
    view! {
        <PageTitle text="Patients" />
        <h1>"Patients"</h1>
        {move || {
            found.result.get().map(|answer| match answer {
                Ok(bundle) => {
                    let now = Instant::now();
                    let rows = bundle
                        .entry
                        .into_iter()
                        .filter_map(|e| match e.resource {
                            Some(Resource::Patient(p)) => Some(row(&p, now)),
                            _ => None,
                        })
                        .collect::<Vec<_>>();
                    view! {
                        <Table
                            caption="Patients"
                            columns=vec![
                                TableColumn::new("Name"),
                                TableColumn::new("Born"),
                                TableColumn::new("NHS number"),
                            ]
                            rows=rows
                            responsive=true
                        />
                    }
                        .into_any()
                }
                // A clear message in words: what went wrong, what to do.
                Err(e) => view! { <p class="nhsuk-error-message">{e.to_string()}</p> }.into_any(),
            })
        }}
    }
}

/// A patient's row, by the Common User Interface's rules (the banner's).
fn row(patient: &Patient, now: Instant) -> Vec<TableCell> {
    let fields = BannerFields::new(patient, now);
    vec![
        TableCell::new(fields.name),
        TableCell::new(fields.born),
        TableCell::new(fields.nhs_number),
    ]
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
fn start() {
    leptos::mount::mount_to_body(App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // Compiled natively only so that `cargo test` checks it.
    let _ = App;
}
