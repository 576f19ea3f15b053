//! Named examples: the single source for the gallery, the markup tests and the
//! accessibility checks.
//!
//! Each component module publishes a [`ComponentDocs`] with its examples as
//! data (habit borrowed from nhsuk-frontend's fixtures), in the folder's
//! `examples.rs`, compiled only for the tests and under the `examples`
//! feature: examples are not product. This module holds the types and the
//! registry macro, below the components; `crate::gallery` (the same
//! feature) lists them all (`COMPONENTS`). The gallery (a site of its own,
//! the `gallery` crate) renders every visible example, the native
//! tests render every example to HTML (and compare it with nhsuk-frontend's
//! fixture of the same name where one exists), and the end-to-end suite runs
//! axe on every example's standalone page. Adding an example therefore adds
//! its tests; hiding one (`hidden: true`) keeps it out of the gallery list but
//! not out of the tests.

#[cfg(any(test, feature = "test-support"))]
mod markup;
mod registry;
mod workbench;

pub(crate) use registry::registry;
pub use workbench::{Preset, Prop, PropKind, Props, Workbench};

use leptos::prelude::AnyView;

#[cfg(any(test, feature = "test-support"))]
pub use markup::normalize_html;

/// One named example of a component.
#[derive(Clone, Copy)]
pub struct Example {
    /// URL-safe name, unique within its component: `/gallery/<slug>/<name>`.
    pub name: &'static str,
    /// Heading shown in the gallery and in the component's `docs.md`.
    pub title: &'static str,
    /// When to use it, in a sentence.
    pub description: &'static str,
    /// Test-only: left out of the gallery list, still rendered and checked.
    pub hidden: bool,
    /// The nhsuk-frontend fixture whose HTML this example must reproduce.
    pub nhsuk_fixture: Option<&'static str>,
    /// Builds the example.
    pub render: fn() -> AnyView,
}

/// A component's documentation page.
#[derive(Clone, Copy)]
pub struct ComponentDocs {
    /// URL-safe name; also nhsuk-frontend's component folder name.
    pub slug: &'static str,
    /// Display name.
    pub title: &'static str,
    /// One sentence on what it is for.
    pub summary: &'static str,
    /// Its examples, in gallery order.
    pub examples: &'static [Example],
    /// The props a designer can change in the gallery, for the examples
    /// it has values for; `None` for a component without one yet.
    pub workbench: Option<Workbench>,
}

impl ComponentDocs {
    /// The example with this name.
    pub fn example(&self, name: &str) -> Option<&'static Example> {
        self.examples.iter().find(|e| e.name == name)
    }

    /// Examples shown in the gallery list.
    pub fn visible_examples(&self) -> impl Iterator<Item = &'static Example> {
        self.examples.iter().filter(|e| !e.hidden)
    }

    #[cfg(any(test, feature = "test-support"))]
    /// The named example's markup, rendered and normalised, for native
    /// tests. Panics if there is no such example: a test naming one is wrong.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn example_markup(&self, name: &str) -> String {
        let example = self
            .example(name)
            .unwrap_or_else(|| panic!("{} has no example {name}", self.slug));
        normalize_html(&render_to_html(example.render))
    }

    #[cfg(any(test, feature = "test-support"))]
    /// The named example's text as a reader meets it: the markup without
    /// its tags or what is `hidden`, one space between words.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn example_text(&self, name: &str) -> String {
        markup::visible_text(&self.example_markup(name))
    }

    #[cfg(any(test, feature = "test-support"))]
    /// Asserts that the named example's text holds each of `expected`, in
    /// this order (for lists whose order is a rule).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn assert_text_in_order(&self, name: &str, expected: &[&str]) {
        let text = self.example_text(name);
        let mut at = 0;
        for e in expected {
            let found = text[at..]
                .find(e)
                .unwrap_or_else(|| panic!("{e}\nnot after {at} in\n{text}"));
            at += found + e.len();
        }
    }
}

/// What the gallery lists of an example: everything but its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExampleIndex {
    /// As [`Example::name`].
    pub name: &'static str,
    /// As [`Example::title`].
    pub title: &'static str,
    /// As [`Example::description`].
    pub description: &'static str,
    /// As [`Example::hidden`].
    pub hidden: bool,
}

impl ExampleIndex {
    const EMPTY: Self = Self {
        name: "",
        title: "",
        description: "",
        hidden: false,
    };

    /// The first `N` of `examples` without their code, at compile time (the
    /// registry sizes `N` to the list).
    pub const fn all<const N: usize>(examples: &[Example]) -> [Self; N] {
        let mut out = [Self::EMPTY; N];
        let mut i = 0;
        while i < N {
            let e = &examples[i];
            out[i] = Self {
                name: e.name,
                title: e.title,
                description: e.description,
                hidden: e.hidden,
            };
            i += 1;
        }
        out
    }
}

/// What the gallery lists of a component: its docs without its examples'
/// code, which each component's page fetches on its own (`examples`),
/// so the gallery grows by a file per component, not by every example at
/// once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComponentIndex {
    /// As [`ComponentDocs::slug`].
    pub slug: &'static str,
    /// As [`ComponentDocs::title`].
    pub title: &'static str,
    /// As [`ComponentDocs::summary`].
    pub summary: &'static str,
    /// Its examples, in gallery order.
    pub examples: &'static [ExampleIndex],
}

impl ComponentIndex {
    /// The example with this name.
    pub fn example(&self, name: &str) -> Option<&'static ExampleIndex> {
        self.examples.iter().find(|e| e.name == name)
    }
}

#[cfg(any(test, feature = "test-support"))]
/// Renders a view to an HTML string under a fresh reactive owner.
///
/// For native tests of component markup (needs the `ssr` feature).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_to_html<V: leptos::prelude::IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    use leptos::prelude::{Owner, RenderHtml};
    let owner = Owner::new();
    owner.with(|| view().into_view().to_html())
}
