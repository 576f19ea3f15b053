//! The component registry macro: a module's component folders, their
//! exports, their docs and each section's examples behind a split point.

/// A component registry: `section { folder => { exports } }`, in gallery
/// order, invoked once in [`crate::ui`] and once in [`crate::clinical`]
/// (each module's folders are its own). Each folder's module publishes
/// `DOCS`.
///
/// Besides the modules and `DOCS`, each section's examples are a split
/// point of their own (named after the section, with the `split` feature):
/// `examples` is the only way to them that the gallery takes, so a
/// component's page fetches its section's examples, and `INDEX` lists
/// every component without their code. Sections, not single components:
/// every split point multiplies the files that code shared with the tools
/// is cut into (a tool would fetch dozens), and a section stays well inside
/// the 40 KB a split point may weigh.
macro_rules! registry {
    ($($section:ident { $($folder:ident => { $($export:ident),* $(,)? })* })*) => {
        $($(
            pub mod $folder;
            pub use $folder::{$($export),*};
        )*)*
        #[cfg(any(test, feature = "examples"))]
        /// Every component's documentation here, in gallery order.
        pub(crate) const DOCS: &[crate::docs::ComponentDocs] = &[$($($folder::DOCS),*),*];

        #[cfg(any(test, feature = "examples"))]
        /// `DOCS` without the examples' code.
        pub(crate) const INDEX: &[crate::docs::ComponentIndex] = &[$($(
            crate::docs::ComponentIndex {
                slug: $folder::DOCS.slug,
                title: $folder::DOCS.title,
                summary: $folder::DOCS.summary,
                examples: {
                    const N: usize = $folder::DOCS.examples.len();
                    const EXAMPLES: [crate::docs::ExampleIndex; N] =
                        crate::docs::ExampleIndex::all::<N>($folder::DOCS.examples);
                    &EXAMPLES
                },
            }
        ),*),*];

        #[cfg(any(test, feature = "examples"))]
        /// Each section's examples behind a split point of its own.
        mod examples_on_demand {
            $(
                pub mod $section {
                    use crate::docs::ComponentDocs;
                    use wasm_split_helpers::SplitLoaderError;

                    /// The section's components' docs.
                    const DOCS: &[ComponentDocs] = &[$(super::super::$folder::DOCS),*];

                    #[cfg(feature = "split")]
                    #[wasm_split_helpers::wasm_split($section, preload(load), fallible)]
                    pub fn docs() -> Result<&'static [ComponentDocs], SplitLoaderError> {
                        Ok(DOCS)
                    }

                    #[cfg(not(feature = "split"))]
                    pub async fn docs() -> Result<&'static [ComponentDocs], SplitLoaderError> {
                        Ok(DOCS)
                    }

                    #[cfg(not(feature = "split"))]
                    pub async fn load() -> Result<(), SplitLoaderError> {
                        Ok(())
                    }

                    /// Whether the component with this slug is in the section.
                    /// Only the slugs are compiled in here (const blocks), not
                    /// the docs that would bring every example's code.
                    pub fn has(slug: &str) -> bool {
                        false $(|| slug == const { super::super::$folder::DOCS.slug })*
                    }
                }
            )*
        }

        #[cfg(any(test, feature = "examples"))]
        /// Fetches the code of the examples of the component with this slug
        /// (with the rest of its section's; nothing for a slug no component
        /// has).
        pub async fn load_examples(slug: &str) -> Result<(), wasm_split_helpers::SplitLoaderError> {
            $(
                if examples_on_demand::$section::has(slug) {
                    return examples_on_demand::$section::load().await;
                }
            )*
            Ok(())
        }

        #[cfg(any(test, feature = "examples"))]
        /// The docs of the component with this slug, examples and all, once
        /// their code is here (`load_examples`); `None` for a slug no
        /// component has.
        pub async fn examples(
            slug: &str,
        ) -> Option<Result<&'static crate::docs::ComponentDocs, wasm_split_helpers::SplitLoaderError>> {
            $(
                if examples_on_demand::$section::has(slug) {
                    return match examples_on_demand::$section::docs().await {
                        Ok(all) => all.iter().find(|d| d.slug == slug).map(Ok),
                        Err(e) => Some(Err(e)),
                    };
                }
            )*
            None
        }
    };
}

pub(crate) use registry;
