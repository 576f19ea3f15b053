//! Named examples: the single source for the gallery, the markup tests and the
//! accessibility checks.
//!
//! Each component module publishes a [`ComponentDocs`] with its examples as
//! data (habit borrowed from nhsuk-frontend's fixtures), in the folder's
//! `examples.rs`, compiled only for the tests and under the `examples`
//! feature: examples are not product. `COMPONENTS` lists them all. The
//! gallery (a site of its own, the `gallery` crate) renders every visible example, the native
//! tests render every example to HTML (and compare it with nhsuk-frontend's
//! fixture of the same name where one exists), and the end-to-end suite runs
//! axe on every example's standalone page. Adding an example therefore adds
//! its tests; hiding one (`hidden: true`) keeps it out of the gallery list but
//! not out of the tests.

#[cfg(any(test, feature = "examples"))]
mod example_frame;
#[cfg(any(test, feature = "test-support"))]
mod markup;
mod registry;
#[cfg(any(test, feature = "examples"))]
pub(crate) mod samples;

pub(crate) use registry::registry;

use leptos::prelude::AnyView;

#[cfg(any(test, feature = "examples"))]
pub use example_frame::{AmongOthers, ExampleFrame};
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

#[cfg(any(test, feature = "examples"))]
/// Every documented component, in gallery order, with its examples' code:
/// the UI components' registry ([`crate::ui`]), then the clinical
/// components' ([`crate::clinical`]). For tests and tools: code that names
/// it holds every example, so the gallery uses [`INDEX`] and fetches a
/// component's examples with [`examples`].
pub static COMPONENTS: &[ComponentDocs] = &{
    const N: usize = crate::ui::DOCS.len() + crate::clinical::DOCS.len();
    const ALL: [ComponentDocs; N] = both(crate::ui::DOCS, crate::clinical::DOCS);
    ALL
};

#[cfg(any(test, feature = "examples"))]
/// `first` then `second`, at compile time (`N` is their total length).
const fn both<T: Copy, const N: usize>(first: &[T], second: &[T]) -> [T; N] {
    let mut out = [first[0]; N];
    let mut i = 0;
    while i < N {
        out[i] = if i < first.len() {
            first[i]
        } else {
            second[i - first.len()]
        };
        i += 1;
    }
    out
}

#[cfg(any(test, feature = "examples"))]
/// The component with this slug, with its examples' code (see
/// [`COMPONENTS`]).
pub fn component(slug: &str) -> Option<&'static ComponentDocs> {
    COMPONENTS.iter().find(|c| c.slug == slug)
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

#[cfg(any(test, feature = "examples"))]
/// Every component, in gallery order, without the examples' code.
pub static INDEX: &[ComponentIndex] = &{
    const N: usize = crate::ui::INDEX.len() + crate::clinical::INDEX.len();
    const ALL: [ComponentIndex; N] = both(crate::ui::INDEX, crate::clinical::INDEX);
    ALL
};

#[cfg(any(test, feature = "examples"))]
/// The component with this slug, in the [`INDEX`].
pub fn indexed(slug: &str) -> Option<&'static ComponentIndex> {
    INDEX.iter().find(|c| c.slug == slug)
}

#[cfg(any(test, feature = "examples"))]
/// Fetches the code of the examples of the component with this slug
/// (with the rest of its section's; nothing for a slug no component has).
pub async fn load_examples(slug: &str) -> Result<(), wasm_split_helpers::SplitLoaderError> {
    // Each registry loads only its own sections, and nothing for another's
    // slug.
    crate::ui::load_examples(slug).await?;
    crate::clinical::load_examples(slug).await
}

#[cfg(any(test, feature = "examples"))]
/// The docs of the component with this slug, examples and all, once their
/// code is here ([`load_examples`]); `None` for a slug no component has.
pub async fn examples(
    slug: &str,
) -> Option<Result<&'static ComponentDocs, wasm_split_helpers::SplitLoaderError>> {
    match crate::ui::examples(slug).await {
        Some(found) => Some(found),
        None => crate::clinical::examples(slug).await,
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// The headings under `## Examples` in a `docs.md`, which must name the
    /// visible examples exactly.
    fn documented_example_titles(docs: &str) -> Vec<&str> {
        docs.lines()
            .skip_while(|l| l.trim() != "## Examples")
            .filter_map(|l| l.strip_prefix("### "))
            .map(str::trim)
            .collect()
    }

    fn is_slug(s: &str) -> bool {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }

    /// The folder is the registry: every component folder is registered
    /// (an unregistered one is not even compiled, and would drop out of the
    /// gallery, the parity check and axe without a word), and every
    /// registered component has its folder.
    #[test]
    fn every_component_folder_is_registered() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut folders: Vec<String> = ["ui", "clinical"]
            .iter()
            .flat_map(|group| std::fs::read_dir(src.join(group)).expect("src/ui, src/clinical"))
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().replace('_', "-"))
            .collect();
        folders.sort();
        let mut registered: Vec<String> = COMPONENTS.iter().map(|c| c.slug.to_string()).collect();
        registered.sort();
        assert!(!folders.is_empty());
        assert_eq!(
            folders, registered,
            "component folders in src/ui and src/clinical and the registries in their mod.rs differ"
        );
    }

    /// The gallery reaches each component's examples through its section's
    /// split point: every component is in exactly one, under its own slug.
    #[test]
    fn every_component_s_examples_are_reached_through_its_section() {
        use futures::executor::block_on;
        for c in COMPONENTS {
            let found = block_on(examples(c.slug))
                .unwrap_or_else(|| panic!("{} is in no section", c.slug))
                .unwrap_or_else(|_| panic!("{}'s section does not load", c.slug));
            assert!(std::ptr::eq(found.examples, c.examples) || found.slug == c.slug);
            assert_eq!(found.slug, c.slug);
            assert_eq!(found.examples.len(), c.examples.len());
            assert!(block_on(load_examples(c.slug)).is_ok());
        }
        assert!(block_on(examples("no-such-component")).is_none());
    }

    #[test]
    fn the_index_lists_what_the_registry_documents() {
        let index: Vec<_> = INDEX.iter().map(|c| (c.slug, c.title, c.summary)).collect();
        let docs: Vec<_> = COMPONENTS
            .iter()
            .map(|c| (c.slug, c.title, c.summary))
            .collect();
        assert_eq!(index, docs);
        for (c, d) in INDEX.iter().zip(COMPONENTS) {
            let listed: Vec<_> = c
                .examples
                .iter()
                .map(|e| (e.name, e.title, e.description, e.hidden))
                .collect();
            let documented: Vec<_> = d
                .examples
                .iter()
                .map(|e| (e.name, e.title, e.description, e.hidden))
                .collect();
            assert_eq!(listed, documented, "{}", c.slug);
        }
    }

    /// nhsuk-frontend's `classes` and `attributes` options: a component's
    /// hidden `attributes` example gives `class`, and `attr:data-test`,
    /// which must land on its outermost element. The class lands beside the
    /// component's own classes: on the root too, except a form control's,
    /// which goes on the control, as nhsuk-frontend's does.
    #[test]
    fn attributes_and_classes_land_on_the_root_element() {
        let mut checked = 0;
        for c in COMPONENTS {
            let Some(example) = c.example("attributes") else {
                continue;
            };
            assert!(example.hidden, "{}/attributes is for tests only", c.slug);
            let html = normalize_html(&render_to_html(example.render));
            let root = html.lines().next().unwrap_or_default();
            assert!(root.contains(r#"data-test=""#), "{}: {root}", c.slug);
            assert!(
                html.contains(r#" app-"#) || html.contains(r#"class="app-"#),
                "{}: no extra class in {html}",
                c.slug
            );
            checked += 1;
        }
        assert!(
            checked >= 3,
            "only {checked} components have an attributes example"
        );
    }

    #[test]
    fn names_are_unique_url_slugs() {
        let mut slugs = HashSet::new();
        for c in COMPONENTS {
            assert!(is_slug(c.slug), "{}", c.slug);
            assert!(slugs.insert(c.slug), "duplicate component {}", c.slug);
            let mut names = HashSet::new();
            for e in c.examples {
                assert!(is_slug(e.name), "{}/{}", c.slug, e.name);
                assert!(
                    names.insert(e.name),
                    "duplicate example {}/{}",
                    c.slug,
                    e.name
                );
            }
            assert!(
                c.visible_examples().count() > 0,
                "{} has nothing to show",
                c.slug
            );
        }
    }

    #[test]
    fn docs_md_lists_exactly_the_visible_examples() {
        for c in COMPONENTS {
            // The docs are read from disk, not embedded: the gallery does not
            // show them, and every byte in the wasm counts against the budget.
            let folder = c.slug.replace('-', "_");
            let docs = ["ui", "clinical"]
                .iter()
                .find_map(|group| {
                    let path = format!(
                        "{}/src/{group}/{folder}/docs.md",
                        env!("CARGO_MANIFEST_DIR")
                    );
                    std::fs::read_to_string(path).ok()
                })
                .unwrap_or_else(|| panic!("no docs.md for component {}", c.slug));
            let documented = documented_example_titles(&docs);
            let visible: Vec<_> = c.visible_examples().map(|e| e.title).collect();
            assert_eq!(
                documented, visible,
                "{}/docs.md `## Examples` headings",
                c.slug
            );
        }
    }

    /// Whether `html` has an element with a class that `is_it` accepts.
    fn has_class(html: &str, is_it: impl Fn(&str) -> bool) -> bool {
        html.split(" class=\"").skip(1).any(|rest| {
            rest.split('"')
                .next()
                .is_some_and(|classes| classes.split_whitespace().any(&is_it))
        })
    }

    #[test]
    fn every_example_renders_its_own_component_differently() {
        for c in COMPONENTS {
            // nhsuk-frontend's block class (`nhsuk-skip-link`), or its
            // element class where the component is part of another block's
            // Sass (`nhsuk-fieldset__legend`), or Bedside's for its own
            // components (`bedside-patient-banner`), or a sized block class
            // where nhsuk-frontend has no plain one (`nhsuk-heading-l`), or
            // the variant of the block nhsuk-frontend builds it on (its
            // warning callout is a warning card, its do and don't list a
            // feature card), or its block where the
            // folder's name is plural (`tables`, `nhsuk-table`; `images`).
            let built_on = match c.slug {
                "warning-callout" => "nhsuk-card--warning".to_string(),
                "tables" => "nhsuk-table".to_string(),
                "images" => "nhsuk-image".to_string(),
                "do-dont-list" => "nhsuk-card--feature".to_string(),
                slug => format!("nhsuk-{slug}"),
            };
            let block = [built_on, format!("bedside-{}", c.slug)];
            let sized = format!("nhsuk-{}-", c.slug);
            let element = format!("__{}", c.slug);
            let is_block = |class: &str| {
                block.iter().any(|b| b == class)
                    || class.starts_with(&sized)
                    || (class.starts_with("nhsuk-") && class.ends_with(&element))
            };
            let mut seen: Vec<(&str, String)> = Vec::new();
            for e in c.examples {
                let html = normalize_html(&render_to_html(e.render));
                assert!(
                    has_class(&html, is_block),
                    "{}/{} does not render the component (no {block:?} element): {html}",
                    c.slug,
                    e.name
                );
                if let Some((twin, _)) = seen.iter().find(|(_, other)| *other == html) {
                    panic!(
                        "{}/{} renders exactly what {}/{twin} does: an example must show something of its own",
                        c.slug, e.name, c.slug
                    );
                }
                seen.push((e.name, html));
            }
        }
    }

    #[test]
    fn class_tokens_are_matched_whole() {
        let button = |c: &str| c == "nhsuk-button";
        assert!(has_class(r#"<a class="x nhsuk-button y">"#, button));
        assert!(!has_class(r#"<a class="nhsuk-button--secondary">"#, button));
        assert!(!has_class(r#"<a data-class="nhsuk-button">"#, button));
    }

    #[test]
    fn lookups_find_what_is_registered_and_nothing_else() {
        assert_eq!(component("button").map(|c| c.title), Some("Button"));
        assert!(component("Button").is_none());
        let button = component("button").expect("registered");
        assert_eq!(
            button.example("secondary").map(|e| e.title),
            Some("Secondary")
        );
        assert!(button.example("nope").is_none());
        // Hidden examples are reachable by name but not listed.
        let hidden = button
            .examples
            .iter()
            .find(|e| e.hidden)
            .expect("a hidden example");
        assert!(button.example(hidden.name).is_some());
        assert!(button.visible_examples().all(|e| e.name != hidden.name));
    }

    #[test]
    fn example_headings_start_after_the_examples_section() {
        let md = "# X\n### Not this\n## Examples\n### One\ntext\n### Two \n";
        assert_eq!(documented_example_titles(md), ["One", "Two"]);
    }
}
