//! The component gallery: every component in `bedside::docs::COMPONENTS`
//! with its named examples, for designers iterating on prototypes and for the
//! end-to-end suite, which runs axe on each example's standalone page.
//!
//! All of it is behind the `gallery` split point (see [`super`]): the
//! registry is named only here, so the examples are compiled into the
//! gallery's own wasm file, never into what a ward PC downloads.

use super::not_found::NotFound;
use crate::PageTitle;
use bedside::docs::{COMPONENTS, ComponentDocs, Example, ExampleFrame, component};
use leptos::prelude::*;

/// A page of the gallery.
#[derive(Clone, Copy)]
pub enum GalleryPage {
    /// `/gallery`
    Index,
    /// `/gallery/<component>`
    Component(&'static ComponentDocs),
    /// `/gallery/<component>/<example>`, hidden examples included.
    Example(&'static ComponentDocs, &'static Example),
    /// A component or example that does not exist.
    NotFound,
}

impl PartialEq for GalleryPage {
    /// Pages are equal when they show the same thing (compared by address:
    /// the docs are statics).
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Component(a), Self::Component(b)) => std::ptr::eq(*a, *b),
            (Self::Example(a, x), Self::Example(b, y)) => {
                std::ptr::eq(*a, *b) && std::ptr::eq(*x, *y)
            }
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

/// The gallery page for the path segments after `/gallery`.
pub fn resolve<S: AsRef<str>>(rest: &[S]) -> GalleryPage {
    match rest {
        [] => GalleryPage::Index,
        [slug] => component(slug.as_ref()).map_or(GalleryPage::NotFound, GalleryPage::Component),
        [slug, name] => component(slug.as_ref())
            .and_then(|docs| {
                docs.example(name.as_ref())
                    .map(|e| GalleryPage::Example(docs, e))
            })
            .unwrap_or(GalleryPage::NotFound),
        _ => GalleryPage::NotFound,
    }
}

/// Renders the gallery page for the path segments after `/gallery`.
pub fn page(rest: &[String]) -> AnyView {
    match resolve(rest) {
        GalleryPage::Index => GalleryIndex().into_any(),
        GalleryPage::Component(docs) => view! { <GalleryComponent docs=docs /> }.into_any(),
        GalleryPage::Example(docs, example) => {
            view! { <GalleryExample docs=docs example=example /> }.into_any()
        }
        GalleryPage::NotFound => NotFound().into_any(),
    }
}

/// `/gallery`: all components and their visible examples.
#[component]
pub fn GalleryIndex() -> impl IntoView {
    view! {
        <PageTitle text="Component gallery" />
        <h1>"Component gallery"</h1>
        <p class="nhsuk-body-l">
            "Every Bedside component with its named examples. The same examples drive the markup and accessibility tests."
        </p>
        <nav aria-label="Components">
            <ul class="nhsuk-list">
                {COMPONENTS
                    .iter()
                    .map(|c| view! { <li><a href=format!("#{}", c.slug)>{c.title}</a></li> })
                    .collect_view()}
            </ul>
        </nav>
        {COMPONENTS.iter().map(component_section).collect_view()}
    }
}

fn component_section(docs: &'static ComponentDocs) -> impl IntoView {
    view! {
        <section aria-labelledby=format!("{}-heading", docs.slug)>
            <h2 id=format!("{}-heading", docs.slug)>
                <a id=docs.slug href=format!("/gallery/{}", docs.slug)>{docs.title}</a>
            </h2>
            <p>{docs.summary}</p>
            {docs
                .visible_examples()
                .map(|e| view! { <ExampleFrame component=docs.slug example=e /> })
                .collect_view()}
        </section>
    }
}

/// `/gallery/<component>`: one component's examples.
#[component]
pub fn GalleryComponent(
    /// The component.
    docs: &'static ComponentDocs,
) -> impl IntoView {
    view! {
        <PageTitle text=format!("{} – Component gallery", docs.title) />
        <a class="nhsuk-back-link" href="/gallery">"Back to gallery"</a>
        <h1>{docs.title}</h1>
        <p class="nhsuk-body-l">{docs.summary}</p>
        {docs
            .visible_examples()
            .map(|e| view! { <ExampleFrame component=docs.slug example=e heading_level=2 /> })
            .collect_view()}
        <TestOnlyExamples docs=docs />
    }
}

/// Links to the examples kept out of the list because they exist for tests
/// (edge cases, combinations); each still has its own page.
#[component]
fn TestOnlyExamples(docs: &'static ComponentDocs) -> impl IntoView {
    let hidden: Vec<_> = docs.examples.iter().filter(|e| e.hidden).collect();
    (!hidden.is_empty()).then(|| {
        view! {
            <h2>"Test-only examples"</h2>
            <ul class="nhsuk-list">
                {hidden
                    .into_iter()
                    .map(|e| {
                        view! {
                            <li>
                                <a href=format!("/gallery/{}/{}", docs.slug, e.name)>
                                    "Open “" {e.title} "” on its own page"
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

/// `/gallery/<component>/<example>`: one example alone, hidden ones included.
#[component]
pub fn GalleryExample(
    /// The component.
    docs: &'static ComponentDocs,
    /// The example.
    example: &'static Example,
) -> impl IntoView {
    view! {
        <PageTitle text=format!("{}: {} – Component gallery", docs.title, example.title) />
        <a class="nhsuk-back-link" href=format!("/gallery/{}", docs.slug)>
            {format!("Back to {}", docs.title)}
        </a>
        <h1>
            <span class="nhsuk-caption-l">{docs.title}</span>
            {example.title}
        </h1>
        <p>{example.description}</p>
        <div data-example=example.name>{(example.render)()}</div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn gallery_addresses_resolve_to_registered_components_and_examples() {
        assert!(resolve::<&str>(&[]) == GalleryPage::Index);
        let button = component("button").expect("registered");
        assert!(resolve(&["button"]) == GalleryPage::Component(button));
        let secondary = button.example("secondary").expect("registered");
        assert!(resolve(&["button", "secondary"]) == GalleryPage::Example(button, secondary));
        for rest in [
            &["nope"][..],
            &["button", "nope"],
            &["button", "secondary", "extra"],
            &["Button"],
        ] {
            assert!(resolve(rest) == GalleryPage::NotFound, "{rest:?}");
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
        assert!(resolve(&["button", hidden.name]) == GalleryPage::Example(button, hidden));
    }
}
