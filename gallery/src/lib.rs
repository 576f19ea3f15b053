//! # Bedside component gallery
//!
//! Every component in `bedside::gallery::INDEX` with its named examples, as a
//! site of its own (`make gallery`), served under `/gallery/`: for designers
//! iterating on prototypes, for trust developers choosing a component, and
//! for the end-to-end suite, which runs axe on every example. (The native
//! tests compare the same examples' markup with nhsuk-frontend's.)
//!
//! It is a build of its own so that nothing of it reaches a ward PC: the
//! reference app does not depend on the `examples` feature, has no gallery
//! route and no link to one.

// The native tests render the whole shell to HTML with Leptos' static view
// types; its nested type is deeper than the compiler's default query limit.
#![recursion_limit = "256"]

pub mod pages;

use bedside::nav::{Navigator, Path, Router, ServiceName};
pub use bedside::nav::{PageTitle, PageTitleProps};
use bedside::ui::{Footer, Header, PageNotFound, SkipLink};
use leptos::prelude::*;

/// The service name in the header and every page title.
pub const SERVICE_NAME: &str = "Bedside";

/// Where the gallery is served; its addresses are `/gallery/<component>/<example>`
/// here and on the docs site alike.
pub const BASE: &str = "/gallery";

/// The whole gallery. `initial_path` is for rendering without a browser (tests).
#[component]
pub fn Gallery(
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

/// The NHS.UK page template round the current gallery page.
#[component]
fn Shell() -> impl IntoView {
    ServiceName(SERVICE_NAME).provide();
    let navigator = Navigator::expect();
    let page = Memo::new(move |_| gallery_segments(&navigator.path()));
    Effect::watch(
        move || navigator.path(),
        |_, _, _| bedside::ui::move_focus_to("maincontent"),
        false,
    );
    view! {
        <SkipLink />
        <Header service_name=SERVICE_NAME service_href=BASE />
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent" role="main">
                {move || match page.get() {
                    Some(rest) => pages::page(&rest),
                    None => NotFound().into_any(),
                }}
            </main>
        </div>
        <Footer copyright="© Bedside contributors" />
    }
}

/// The segments after `/gallery`, or `None` for an address outside it.
pub fn gallery_segments(path: &Path) -> Option<Vec<String>> {
    match path.segments()[..] {
        ["gallery", ref rest @ ..] => Some(rest.iter().map(|s| s.to_string()).collect()),
        _ => None,
    }
}

/// Any address naming no component or example, in the NHS.UK "page not
/// found" pattern.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageTitle text="Page not found" />
        <PageNotFound home_href=BASE home_text="the component gallery" />
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use bedside::docs::{normalize_html, render_to_html};

    #[test]
    fn gallery_addresses_are_under_its_base() {
        let segments = |href: &str| gallery_segments(&Path::from_href(href));
        assert_eq!(segments("/gallery"), Some(vec![]));
        assert_eq!(segments("/gallery/"), Some(vec![]));
        assert_eq!(
            segments("/gallery/button/secondary#x"),
            Some(vec!["button".into(), "secondary".into()])
        );
        for outside in ["/", "/find-patient", "/galleryx", "/x/gallery"] {
            assert_eq!(segments(outside), None, "{outside}");
        }
    }

    #[test]
    fn shell_follows_the_nhs_page_template_with_the_index_in_main() {
        let html = normalize_html(&render_to_html(
            || view! { <Gallery initial_path="/gallery" /> },
        ));
        let position = |needle: &str| {
            html.find(needle)
                .unwrap_or_else(|| panic!("{needle} missing from {html}"))
        };
        let skip = position(r#"<a class="nhsuk-skip-link""#);
        let header = position(r#"<header class="nhsuk-header""#);
        let main = position(r#"<main class="nhsuk-main-wrapper" id="maincontent" role="main">"#);
        let heading = position("<h1>");
        let footer = position(r#"<footer class="nhsuk-footer" role="contentinfo">"#);
        assert!(skip < header && header < main && main < heading && heading < footer);
        assert!(
            html[heading..].starts_with("<h1>\nComponent gallery"),
            "{html}"
        );
        assert!(
            html.contains(r#"href="/gallery/button/secondary""#),
            "{html}"
        );
    }

    #[test]
    fn an_address_outside_the_gallery_is_not_found() {
        let html = render_to_html(|| view! { <Gallery initial_path="/find-patient" /> });
        assert!(html.contains("Page not found"), "{html}");
    }
}
