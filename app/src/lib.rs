//! # Bedside reference app
//!
//! A single-page app in which frontline staff sign in once and use many
//! clinical tools that talk FHIR. This crate is only composition: every piece
//! of UI and protocol comes from the `bedside` component crate, so what the
//! app does, a trust's own tool can do too.
//!
//! The shell follows the NHS.UK page template: skip link first, then the
//! header, one `<main id="maincontent">`, then the footer. On every client-side
//! navigation focus moves to `<main>` so screen-reader users hear the new page,
//! as they would after a full page load.

pub mod routes;

use bedside::ui::{Footer, FooterLink, Header, SkipLink};
use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::Router;
use leptos_router::hooks::use_location;

/// The service name in the header and every page title.
pub const SERVICE_NAME: &str = "Bedside";

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|page: String| {
            if page.is_empty() { SERVICE_NAME.to_string() } else { format!("{page} – {SERVICE_NAME}") }
        } />
        <Router>
            <Shell />
        </Router>
    }
}

/// Header, main area with the routes, and footer.
#[component]
fn Shell() -> impl IntoView {
    focus_main_after_navigation();
    view! {
        <SkipLink />
        <Header service_name=SERVICE_NAME />
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent" role="main">
                <routes::AppRoutes />
            </main>
        </div>
        <Footer links=vec![
            FooterLink::new("Component gallery", "/gallery"),
            FooterLink::new("Accessibility statement", "/accessibility"),
        ] copyright="© Bedside contributors" />
    }
}

/// Moves focus to `<main>` after each client-side navigation (not on first
/// load, where the browser's own focus order must start at the skip link).
fn focus_main_after_navigation() {
    let location = use_location();
    Effect::watch(
        move || location.pathname.get(),
        |_, _, _| bedside::ui::move_focus_to("maincontent"),
        false,
    );
}
