//! Client-side navigation for single-page apps built from Bedside.
//!
//! Why not `leptos_router`: it is general (nested routes, async route data,
//! view transitions) and costs about a tenth of the app's whole first-load
//! budget, measured with the size report. A clinical app needs less and one
//! thing more: paths matched with an ordinary Rust `match`, history kept in
//! step with the address bar, and (next) a guard so that leaving a page never
//! silently drops what a clinician typed. The link-click rules follow the
//! HTML spec's "follow the hyperlink" cases that a router must leave to the
//! browser (new tab, download, other origin, fragment-only).
//!
//! The path logic is plain Rust, tested natively; [`Router`] is the thin
//! browser glue.

mod link;
mod title;

use leptos::prelude::*;

pub use crate::url::Path;
pub use crate::url::decode as percent_decode;
pub use link::{ClickFacts, LinkDecision, decide_link};
pub use title::{PageTitle, PageTitleProps, ServiceName, document_title};

/// The current address, shared through context by [`Router`].
#[derive(Clone, Copy)]
pub struct Navigator {
    path: RwSignal<Path>,
}

impl Navigator {
    /// The navigator provided by the enclosing [`Router`].
    ///
    /// # Panics
    /// Outside a [`Router`]: a programming error, not a run-time condition.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// The current path (reactive).
    pub fn path(&self) -> Path {
        self.path.get()
    }

    /// Goes to `href` (a path on this origin, with any query), adding a
    /// history entry.
    pub fn navigate(&self, href: &str) {
        self.go(href, false);
    }

    /// Goes to `href`, replacing the current history entry: for addresses
    /// that must not be returned to, such as a sign-in callback with its code.
    pub fn replace(&self, href: &str) {
        self.go(href, true);
    }

    /// Only ever to a path on this origin: anything else (an address a
    /// stored return path or a crafted link names) goes to the start page.
    fn go(&self, href: &str, replace: bool) {
        let href = crate::url::local_path(href).unwrap_or("/");
        #[cfg(target_arch = "wasm32")]
        {
            let null = wasm_bindgen::JsValue::NULL;
            let result = window().history().and_then(|h| {
                if replace {
                    h.replace_state_with_url(&null, "", Some(href))
                } else {
                    h.push_state_with_url(&null, "", Some(href))
                }
            });
            if result.is_err() {
                // History refused: let the browser load it (a local path, so
                // the browser stays on this origin).
                let _ = window().location().set_href(href);
                return;
            }
            window().scroll_to_with_x_and_y(0.0, 0.0);
            // Read back what the browser resolved `href` to (relative paths, `..`).
            self.path.set(Path::from_href(&current_href()));
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = replace;
            self.path.set(Path::from_href(href));
        }
    }
}

/// Provides a [`Navigator`] to its children and keeps it in step with the
/// browser: link clicks become history entries, Back and Forward re-render.
#[component]
pub fn Router(
    /// The starting path when there is no browser (server rendering, tests).
    #[prop(optional_no_strip)]
    initial: Option<String>,
    /// The app.
    children: Children,
) -> impl IntoView {
    let start = initial.unwrap_or_else(current_href);
    let navigator = Navigator {
        path: RwSignal::new(Path::from_href(&start)),
    };
    provide_context(navigator);
    #[cfg(target_arch = "wasm32")]
    browser::listen(navigator);
    children()
}

/// The address bar's path and query.
pub(crate) fn current_href() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let location = window().location();
        let path = location.pathname().unwrap_or_else(|_| "/".into());
        let search = location.search().unwrap_or_default();
        format!("{path}{search}")
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        "/".to_string()
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use leptos::ev;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use super::{ClickFacts, LinkDecision, Navigator, Path, decide_link};

    pub(super) fn listen(navigator: Navigator) {
        let clicks = window_event_listener(ev::click, move |e| on_click(navigator, e));
        // Back or Forward between entries of one page (an in-page `#link`
        // and before it) is not a new page: the page, and whatever was typed
        // into it, stays as it is.
        let pops = window_event_listener(ev::popstate, move |_| {
            let now = Path::from_href(&super::current_href());
            if navigator.path.with_untracked(|shown| *shown != now) {
                navigator.path.set(now);
            }
        });
        on_cleanup(move || {
            clicks.remove();
            pops.remove();
        });
    }

    fn on_click(navigator: Navigator, e: web_sys::MouseEvent) {
        let Some(anchor) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let location = window().location();
        let (Ok(here), Some(href)) = (location.href(), anchor.get_attribute("href")) else {
            return;
        };
        let Ok(url) = web_sys::Url::new_with_base(&href, &here) else {
            return;
        };
        let Ok(current) = web_sys::Url::new(&here) else {
            return;
        };
        let facts = ClickFacts {
            default_prevented: e.default_prevented(),
            primary_button: e.button() == 0,
            modifier_key: e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key(),
            target: anchor.get_attribute("target"),
            download: anchor.has_attribute("download"),
            rel_external: anchor
                .get_attribute("rel")
                .is_some_and(|r| r.split_whitespace().any(|t| t == "external")),
            same_origin: url.origin() == current.origin(),
            same_document: url.pathname() == current.pathname() && url.search() == current.search(),
            // `href="#"` has an empty `hash` but is still an in-page link.
            has_fragment: !url.hash().is_empty() || href.contains('#'),
        };
        if decide_link(&facts) == LinkDecision::Navigate {
            e.prevent_default();
            navigator.navigate(&format!("{}{}{}", url.pathname(), url.search(), url.hash()));
        }
    }
}
