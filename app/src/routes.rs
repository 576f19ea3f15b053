//! The app's pages: an address resolves to a [`Page`], a page renders.
//!
//! Resolution is a plain `match` on path segments, tested natively; unknown
//! addresses resolve to [`Page::NotFound`].
//!
//! What a page costs the first load is decided here. The shell and the
//! sign-in page are in the app's main wasm; the launcher and the clinical
//! tools (`crate::workspace`) are a split point (`bedside::on_demand`), so
//! their code is fetched only when first needed. That is why a tool's
//! address is resolved inside it: naming a tool here would pull the
//! registry into the first load. (The component gallery is a site of its
//! own, the `gallery` crate: nothing of it is in a ward build.)

pub mod home;
pub mod not_found;

use bedside::nav::{Navigator, Path};
use bedside::on_demand::{OnDemand, ready};
use leptos::prelude::*;

use crate::workspace::{load_workspace, workspace};

/// Every page of the app.
#[derive(Clone, PartialEq)]
pub enum Page {
    /// `/` (and the sign-in addresses `/auth/callback/<organisation>` and `/launch`).
    Home,
    /// `/<slug>`: a clinical tool, if one has that slug (the workspace
    /// decides; otherwise "page not found").
    Tool(String),
    /// Anything else.
    NotFound,
}

/// The page for a path.
pub fn resolve(path: &Path) -> Page {
    match path.segments()[..] {
        // The sign-in callback and the EHR launch address are handled by the
        // session broker and end on the start page.
        [] | ["auth", "callback", ..] | ["launch"] => Page::Home,
        [slug] => Page::Tool(slug.to_string()),
        _ => Page::NotFound,
    }
}

/// Renders the page for the current address; re-renders only when the page
/// changes, not on every address change (a new query string, say).
#[component]
pub fn CurrentPage() -> impl IntoView {
    let navigator = Navigator::expect();
    let page = Memo::new(move |_| resolve(&navigator.path()));
    move || match page.get() {
        Page::Home => home::Home().into_any(),
        Page::Tool(slug) => view! {
            <OnDemand what="your tools" load=load_workspace first_styles_only=true>
                {
                    let slug = slug.clone();
                    move || ready(workspace(Some(slug.clone())))
                }
            </OnDemand>
        }
        .into_any(),
        Page::NotFound => not_found::NotFound().into_any(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn page(href: &str) -> Page {
        resolve(&Path::from_href(href))
    }

    #[test]
    fn addresses_resolve_to_pages() {
        assert!(page("/") == Page::Home);
        assert!(page("/?x=1") == Page::Home);
        assert!(page("/auth/callback?code=c&state=s") == Page::Home);
        assert!(page("/auth/callback/sandbox?code=c&state=s") == Page::Home);
        assert!(page("/launch?iss=x&launch=y") == Page::Home);
        assert!(page("/find-patient") == Page::Tool("find-patient".into()));
        assert!(page("/find-patient?q=1") == Page::Tool("find-patient".into()));
        // Which slugs are tools is the workspace's to say (crate::tools).
        assert!(page("/nope") == Page::Tool("nope".into()));
        assert!(page("/auth") == Page::Tool("auth".into()));
        // No gallery in the ward app: a tool slug nobody has.
        assert!(page("/gallery") == Page::Tool("gallery".into()));
    }

    #[test]
    fn unknown_addresses_are_not_found() {
        for href in [
            "/find-patient/extra",
            "/launch/x",
            "/gallery/button/secondary",
        ] {
            assert!(page(href) == Page::NotFound, "{href}");
        }
    }
}
