//! Ward tools: a trust's own clinical app on the `bedside` crate.
//!
//! Sign-in to the organisations in `config.json` (served beside the app),
//! the NHS.UK page template with the account area and the idle lock for
//! shared PCs, a launcher, and one tool: find a patient, then their banner,
//! vital signs chart (NEWS2) and test results. Build it with Trunk
//! (`trunk serve`); Bedside's book, "Getting started", goes through it.
#![cfg_attr(target_arch = "wasm32", no_main)]

mod patients;

use bedside::nav::{Navigator, PageTitle, Path, Router, ServiceName};
use bedside::on_demand::{OnDemand, already_here};
use bedside::prelude::*;
use bedside::session::SessionGate;
use bedside::ui::{Header, PageNotFound, SkipLink};
use leptos::prelude::*;

/// The app's name: in the header, the sign-in page and every page's title.
const NAME: &str = "Ward tools";

/// Every page of the app.
#[derive(Clone, PartialEq, Debug)]
enum Page {
    /// `/`, and the sign-in addresses the broker handles and leaves for it.
    Launcher,
    /// `/patients`: find a patient.
    Patients,
    /// `/patients/<id>`: one patient's record.
    Patient(String),
    /// Anything else.
    NotFound,
}

/// The page for an address: a plain `match`, tested below.
fn resolve(path: &Path) -> Page {
    match path.segments()[..] {
        [] | ["auth", "callback", ..] | ["launch"] => Page::Launcher,
        ["patients"] => Page::Patients,
        ["patients", id] => Page::Patient(id.to_string()),
        _ => Page::NotFound,
    }
}

#[component]
fn App() -> impl IntoView {
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

/// The NHS.UK page template around the signed-in pages.
#[component]
fn Shell() -> impl IntoView {
    let broker = SessionBroker::provide("/config.json");
    ServiceName(NAME).provide();
    let locked = move || broker.lock_reason().is_some();
    view! {
        <SkipLink />
        <Header service_name=NAME service_href="/">
            <AccountArea />
        </Header>
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent" role="main">
                <SessionWarning />
                <LockScreen />
                // Hidden and inert while locked: nothing clinical shows,
                // and nothing typed is lost.
                <div hidden=locked inert=locked>
                    <SessionGate>
                        <CurrentPage />
                    </SessionGate>
                </div>
            </main>
        </div>
    }
}

/// The signed-in page for the current address. The tool's pages wait for
/// the crate's later stylesheet (its tables and charts), which the first
/// page never fetches.
#[component]
fn CurrentPage() -> impl IntoView {
    let navigator = Navigator::expect();
    let page = Memo::new(move |_| resolve(&navigator.path()));
    move || match page.get() {
        Page::Launcher => view! { <Launcher /> }.into_any(),
        Page::Patients => view! {
            <OnDemand what="Patients" load=already_here>
                <patients::FindPatient />
            </OnDemand>
        }
        .into_any(),
        Page::Patient(id) => view! {
            <OnDemand what="the patient's record" load=already_here>
                <patients::PatientRecord id=id.clone() />
            </OnDemand>
        }
        .into_any(),
        Page::NotFound => view! {
            <PageTitle text="Page not found" />
            <PageNotFound home_href="/" home_text=format!("the {NAME} start page") />
        }
        .into_any(),
    }
}

/// The first page after signing in: who, where, and the tools. Plain
/// headings and links: what the first stylesheet styles, so the page never
/// waits for the later one.
#[component]
fn Launcher() -> impl IntoView {
    let broker = SessionBroker::expect();
    let organisation = move || {
        let session = broker.session()?;
        broker
            .config()?
            .organisation(&session.organisation)
            .map(|o| o.name.clone())
    };
    view! {
        <PageTitle text="Your tools" />
        <h1>"Your tools"</h1>
        <p class="nhsuk-body-l">
            {move || broker.user_name().unwrap_or_default()}
            ", you are signed in to "
            {organisation}
            "."
        </p>
        <ul class="nhsuk-list">
            <li>
                <h2 class="nhsuk-heading-s">
                    <a href="/patients">"Patients"</a>
                </h2>
                <p>"Find a patient, then see their vital signs chart and results."</p>
            </li>
        </ul>
    }
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
fn start() {
    leptos::mount::mount_to_body(App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // Built natively only for `cargo test`.
    let _ = App;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(href: &str) -> Page {
        resolve(&Path::from_href(href))
    }

    #[test]
    fn addresses_resolve_to_pages() {
        assert_eq!(page("/"), Page::Launcher);
        assert_eq!(
            page("/auth/callback/sandbox?code=c&state=s"),
            Page::Launcher
        );
        assert_eq!(page("/launch?iss=x&launch=y"), Page::Launcher);
        assert_eq!(page("/patients"), Page::Patients);
        assert_eq!(page("/patients/p1"), Page::Patient("p1".into()));
        assert_eq!(page("/patients/p1/x"), Page::NotFound);
        assert_eq!(page("/admin"), Page::NotFound);
    }
}
