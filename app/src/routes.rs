//! The app's pages: an address resolves to a [`Page`], a page renders.
//!
//! Resolution is a plain `match` on path segments, tested natively; unknown
//! addresses, and gallery addresses naming no component or example, resolve
//! to [`Page::NotFound`].

pub mod gallery;
pub mod home;
pub mod not_found;

use bedside::docs::{ComponentDocs, Example, component};
use bedside::nav::{Navigator, Path};
use leptos::prelude::*;

/// Every page of the app.
#[derive(Clone, Copy)]
pub enum Page {
    /// `/`
    Home,
    /// `/gallery`
    Gallery,
    /// `/gallery/<component>`
    GalleryComponent(&'static ComponentDocs),
    /// `/gallery/<component>/<example>`
    GalleryExample(&'static ComponentDocs, &'static Example),
    /// Anything else.
    NotFound,
}

impl PartialEq for Page {
    /// Pages are equal when they show the same thing (compared by address:
    /// the docs are statics).
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::GalleryComponent(a), Self::GalleryComponent(b)) => std::ptr::eq(*a, *b),
            (Self::GalleryExample(a, x), Self::GalleryExample(b, y)) => {
                std::ptr::eq(*a, *b) && std::ptr::eq(*x, *y)
            }
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

/// The page for a path.
pub fn resolve(path: &Path) -> Page {
    match path.segments()[..] {
        // The sign-in callback and the EHR launch address are handled by the
        // session broker and end on the start page.
        [] | ["auth", "callback"] | ["launch"] => Page::Home,
        ["gallery"] => Page::Gallery,
        ["gallery", slug] => component(slug).map_or(Page::NotFound, Page::GalleryComponent),
        ["gallery", slug, name] => component(slug)
            .and_then(|docs| docs.example(name).map(|e| Page::GalleryExample(docs, e)))
            .unwrap_or(Page::NotFound),
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
        Page::Gallery => gallery::GalleryIndex().into_any(),
        Page::GalleryComponent(docs) => {
            view! { <gallery::GalleryComponent docs=docs /> }.into_any()
        }
        Page::GalleryExample(docs, example) => {
            view! { <gallery::GalleryExample docs=docs example=example /> }.into_any()
        }
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
        assert!(page("/launch?iss=x&launch=y") == Page::Home);
        assert!(page("/gallery") == Page::Gallery);
        assert!(page("/gallery/") == Page::Gallery);
        let button = component("button").expect("registered");
        assert!(page("/gallery/button") == Page::GalleryComponent(button));
        let secondary = button.example("secondary").expect("registered");
        assert!(page("/gallery/button/secondary#x") == Page::GalleryExample(button, secondary));
    }

    #[test]
    fn unknown_addresses_are_not_found() {
        for href in [
            "/nope",
            "/gallery/nope",
            "/gallery/button/nope",
            "/gallery/button/secondary/extra",
            "/Gallery",
        ] {
            assert!(page(href) == Page::NotFound, "{href}");
        }
    }

    #[test]
    fn hidden_examples_have_pages() {
        let button = component("button").expect("registered");
        let hidden = button
            .examples
            .iter()
            .find(|e| e.hidden)
            .expect("one hidden");
        assert!(
            page(&format!("/gallery/button/{}", hidden.name))
                == Page::GalleryExample(button, hidden)
        );
    }
}
