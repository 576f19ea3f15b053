//! # Bedside reference app
//!
//! A single-page app in which frontline staff sign in once and use many
//! clinical tools that talk FHIR. This crate is only composition: every piece
//! of UI and protocol comes from the `bedside` component crate, so what the
//! app does, a trust's own tool can do too.
//!
//! The shell follows the NHS.UK page template: skip link first, then the
//! header, one `<main id="maincontent">`, then the footer. On every client-side
//! navigation the page title changes and focus moves to `<main>`, so
//! screen-reader users hear the new page as they would after a full load.

// The native tests render the whole shell to HTML with Leptos' static view
// types (the browser build erases them, `.cargo/config.toml`); its nested
// type is deeper than the compiler's default query limit.
#![recursion_limit = "256"]

pub mod apps;
pub mod cds;
pub mod patient;
pub mod routes;
pub mod tools;
pub mod workspace;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod test_server;

use bedside::nav::{Navigator, Router, ServiceName};
use bedside::session::{
    AccountArea, BrokerOptions, ContextNotice, LockScreen, SessionBroker, SessionWarning,
};
use bedside::ui::{Footer, Header};
// Prototype mode: the skip link followed by the prototype banner, on every page.
#[cfg(feature = "prototype")]
use bedside::prototype::SkipLink;
#[cfg(not(feature = "prototype"))]
use bedside::ui::SkipLink;
use leptos::prelude::*;

/// The service name in the header and every page title.
#[cfg(not(feature = "prototype"))]
pub const SERVICE_NAME: &str = "Bedside";
/// The service name in the header and every page title: in prototype mode,
/// every tab's title says so too.
#[cfg(feature = "prototype")]
pub const SERVICE_NAME: &str = "Bedside prototype";

/// The whole app. `initial_path` is for rendering without a browser (tests).
#[component]
pub fn App(
    /// The path to render when there is no address bar to read.
    #[prop(optional, into)]
    initial_path: Option<String>,
) -> impl IntoView {
    view! {
        <Router initial=initial_path>
            <Shell />
        </Router>
    }
}

/// Where the deployment's settings are (organisations, idle lock): served
/// beside the app, so one build serves any trust.
pub const CONFIG_URL: &str = "/config.json";

/// Where an EHR launch with a patient opens: their summary, since the
/// clinician opened Bedside from that patient's record. The address names the
/// patient, as every patient page's does, so it can be reloaded and
/// bookmarked. (Written out, not built from the summary's registry entry,
/// which would bring the tools into the first load; a test checks it.)
const EHR_LAUNCH_PAGE: &str = "/summary?patient={patient}";

/// Header, main area with the current page, and footer.
///
/// While the screen is locked the page stays in the document, hidden and
/// inert, and the lock screen stands in for it: nothing typed is lost and
/// nothing clinical shows.
#[component]
fn Shell() -> impl IntoView {
    let broker = SessionBroker::provide_with_options(
        CONFIG_URL,
        BrokerOptions {
            ehr_launch_page: Some(EHR_LAUNCH_PAGE),
            prefetch_on_sign_in_page: Some(workspace::prefetch_launcher),
            ..BrokerOptions::default()
        },
    );
    ServiceName(SERVICE_NAME).provide();
    focus_main_after_navigation();
    let locked = move || broker.lock_reason().is_some();
    view! {
        <SkipLink />
        <Header service_name=SERVICE_NAME>
            <AccountArea />
        </Header>
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent" role="main">
                <SessionWarning />
                <ContextNotice />
                <LockScreen />
                <div hidden=locked inert=locked>
                    <routes::CurrentPage />
                </div>
            </main>
        </div>
        <Footer copyright="© Bedside contributors" />
    }
}

/// Each page's title: its own, then [`SERVICE_NAME`] (from context).
pub use bedside::nav::{PageTitle, PageTitleProps};

/// Moves focus to `<main>` after each client-side navigation (not on first
/// load, where the browser's focus order must start at the skip link).
fn focus_main_after_navigation() {
    let navigator = Navigator::expect();
    Effect::watch(
        move || navigator.path(),
        |_, _, _| bedside::ui::move_focus_to("maincontent"),
        false,
    );
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use bedside::docs::{normalize_html, render_to_html};

    #[test]
    fn an_ehr_launch_opens_its_patients_summary() {
        use bedside::smart::LaunchContext;
        let launched = LaunchContext {
            patient: Some("p-1".into()),
            ..LaunchContext::default()
        };
        let page = launched.page(EHR_LAUNCH_PAGE).expect("a page");
        assert_eq!(page, patient::patient_href("summary", "p-1"));
        let summary = tools::tool("summary").expect("a tool");
        assert_eq!(summary.name, "Patient summary");
        assert!(summary.patient, "a patient page");
    }

    #[test]
    fn shell_follows_the_nhs_page_template_order() {
        let html = normalize_html(&render_to_html(|| view! { <App initial_path="/" /> }));
        let position = |needle: &str| {
            html.find(needle)
                .unwrap_or_else(|| panic!("{needle} missing from {html}"))
        };
        let skip = position(
            r##"<a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#maincontent">"##,
        );
        let header = position(r#"<header class="nhsuk-header""#);
        let main = position(r#"<main class="nhsuk-main-wrapper" id="maincontent" role="main">"#);
        let footer = position(r#"<footer class="nhsuk-footer" role="contentinfo">"#);
        assert!(skip < header && header < main && main < footer, "{html}");
        assert_eq!(html.matches("<h1").count(), 1, "one h1: {html}");
    }
}
