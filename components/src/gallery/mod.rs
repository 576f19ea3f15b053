//! The gallery's side of the examples: every component's [`ComponentDocs`]
//! from the two registries ([`crate::ui`], [`crate::clinical`]), each
//! section's examples behind its split point, the frame drawn round an
//! example, and content several examples share. Compiled only for the tests
//! and under the `examples` feature, so a ward build holds none of it; the
//! data types and the registry macro are [`crate::docs`]'s, below the
//! components, and this module sits above them.

mod example_frame;
pub(crate) mod samples;
mod workbench;

pub use example_frame::ExampleFrame;

use crate::docs::{ComponentDocs, ComponentIndex};

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

/// The component with this slug, with its examples' code (see
/// [`COMPONENTS`]).
pub fn component(slug: &str) -> Option<&'static ComponentDocs> {
    COMPONENTS.iter().find(|c| c.slug == slug)
}

/// Every component, in gallery order, without the examples' code.
pub static INDEX: &[ComponentIndex] = &{
    const N: usize = crate::ui::INDEX.len() + crate::clinical::INDEX.len();
    const ALL: [ComponentIndex; N] = both(crate::ui::INDEX, crate::clinical::INDEX);
    ALL
};

/// The component with this slug, in the [`INDEX`].
pub fn indexed(slug: &str) -> Option<&'static ComponentIndex> {
    INDEX.iter().find(|c| c.slug == slug)
}

/// Fetches the code of the examples of the component with this slug
/// (with the rest of its section's; nothing for a slug no component has).
pub async fn load_examples(slug: &str) -> Result<(), wasm_split_helpers::SplitLoaderError> {
    // Each registry loads only its own sections, and nothing for another's
    // slug.
    crate::ui::load_examples(slug).await?;
    crate::clinical::load_examples(slug).await
}

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::docs::{normalize_html, render_to_html};

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

    /// A workbench starts each example where the example is: its preset's
    /// values draw the example's own markup, so what a designer changes is
    /// the example they were looking at. Its presets name its examples and
    /// its props only, and every value can be drawn.
    #[test]
    fn workbench_presets_draw_their_examples() {
        let mut checked = 0;
        for docs in COMPONENTS {
            let Some(workbench) = docs.workbench else {
                continue;
            };
            for preset in workbench.presets {
                let example = docs
                    .example(preset.example)
                    .unwrap_or_else(|| panic!("{}: no example {}", docs.slug, preset.example));
                for (name, _) in preset.values {
                    assert!(
                        workbench.props.iter().any(|p| p.name == *name),
                        "{}/{}: {name} is no prop",
                        docs.slug,
                        preset.example
                    );
                }
                let values = workbench.values(preset);
                let drawn = render_to_html(|| match (workbench.render)(&values) {
                    Ok(view) => view,
                    Err(problem) => panic!("{}/{}: {problem}", docs.slug, preset.example),
                });
                assert_eq!(
                    normalize_html(&drawn),
                    normalize_html(&render_to_html(example.render)),
                    "{}/{}: the workbench's preset draws other markup than the example",
                    docs.slug,
                    preset.example
                );
                let rust = workbench.rust(&values);
                assert!(
                    rust.contains(&format!("view! {{ <{}", workbench.component)),
                    "{}/{}: {rust}",
                    docs.slug,
                    preset.example
                );
                checked += 1;
            }
        }
        assert!(checked >= 10, "only {checked} presets");
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
