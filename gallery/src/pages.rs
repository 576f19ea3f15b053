//! The gallery's pages: the index of components, a component's examples,
//! one example alone.
//!
//! Each section's examples are a split point of their own
//! (`bedside::gallery::examples`): the index costs a few names, and a
//! component's page fetches only its own section's examples' code.

use crate::{NotFound, PageTitle};
use bedside::docs::{ComponentDocs, ComponentIndex, Example, ExampleIndex};
use bedside::gallery::{ExampleFrame, INDEX, examples, indexed, load_examples};
use bedside::on_demand::{OnDemand, SplitLoaderError, ready};
use bedside::ui::{BackLink, Heading, HeadingSize};
use leptos::prelude::*;

/// A page of the gallery.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum GalleryPage {
    /// `/gallery`
    Index,
    /// `/gallery/<component>`
    Component(&'static ComponentIndex),
    /// `/gallery/<component>/<example>`, hidden examples included.
    Example(&'static ComponentIndex, &'static ExampleIndex),
    /// A component or example that does not exist.
    NotFound,
}

/// The gallery page for the path segments after `/gallery`.
pub fn resolve<S: AsRef<str>>(rest: &[S]) -> GalleryPage {
    match rest {
        [] => GalleryPage::Index,
        [slug] => indexed(slug.as_ref()).map_or(GalleryPage::NotFound, GalleryPage::Component),
        [slug, name] => indexed(slug.as_ref())
            .and_then(|c| c.example(name.as_ref()).map(|e| GalleryPage::Example(c, e)))
            .unwrap_or(GalleryPage::NotFound),
        _ => GalleryPage::NotFound,
    }
}

/// Renders the gallery page for the path segments after `/gallery`.
pub fn page(rest: &[String]) -> AnyView {
    match resolve(rest) {
        GalleryPage::Index => GalleryIndex().into_any(),
        GalleryPage::Component(c) => with_examples(c, move |docs| {
            view! { <GalleryComponent docs=docs /> }.into_any()
        }),
        GalleryPage::Example(c, e) => with_examples(c, move |docs| match docs.example(e.name) {
            Some(example) => view! { <GalleryExample docs=docs example=example /> }.into_any(),
            None => NotFound().into_any(),
        }),
        GalleryPage::NotFound => NotFound().into_any(),
    }
}

/// `show`n once the component's examples' code is here: fetched on first
/// use, with a loading message, and "Try again" should it fail.
fn with_examples(
    component: &'static ComponentIndex,
    show: impl Fn(&'static ComponentDocs) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let slug = component.slug;
    let show = std::sync::Arc::new(show);
    view! {
        <OnDemand what=format!("the {} examples", component.title) load=move || load_examples(slug)>
            {
                let show = show.clone();
                move || {
                    let show = show.clone();
                    ready(async move {
                        match examples(slug).await {
                            Some(docs) => docs.map(|docs| show(docs)),
                            None => Ok::<_, SplitLoaderError>(NotFound().into_any()),
                        }
                    })
                }
            }
        </OnDemand>
    }
    .into_any()
}

/// `/gallery`: every component, its summary and its examples.
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
                {INDEX
                    .iter()
                    .map(|c| view! { <li><a href=format!("#{}", c.slug)>{c.title}</a></li> })
                    .collect_view()}
            </ul>
        </nav>
        {INDEX.iter().map(component_section).collect_view()}
    }
}

fn component_section(component: &'static ComponentIndex) -> impl IntoView {
    let slug = component.slug;
    view! {
        <section aria-labelledby=format!("{slug}-heading")>
            <h2 id=format!("{slug}-heading")>
                <a id=slug href=format!("/gallery/{slug}")>{component.title}</a>
            </h2>
            <p>{component.summary}</p>
            <ul class="nhsuk-list nhsuk-list--bullet" aria-label=format!("{} examples", component.title)>
                {component
                    .examples
                    .iter()
                    .filter(|e| !e.hidden)
                    .map(|e| {
                        view! {
                            <li data-example-link=e.name>
                                <a href=format!("/gallery/{slug}/{}", e.name)>{e.title}</a>
                                ": "
                                {e.description}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
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
        <BackLink href="/gallery">"Back to gallery"</BackLink>
        <h1>{docs.title}</h1>
        <p class="nhsuk-body-l">{docs.summary}</p>
        {docs
            .visible_examples()
            .map(|e| {
                view! { <ExampleFrame component=docs.slug example=e heading_level=2 workbench=docs.workbench /> }
            })
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
        <BackLink href=format!("/gallery/{}", docs.slug)>
            {format!("Back to {}", docs.title)}
        </BackLink>
        <Heading size=HeadingSize::L caption=docs.title>
            {example.title}
        </Heading>
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
        let button = indexed("button").expect("registered");
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
        let button = indexed("button").expect("registered");
        let hidden = button
            .examples
            .iter()
            .find(|e| e.hidden)
            .expect("one hidden");
        assert!(resolve(&["button", hidden.name]) == GalleryPage::Example(button, hidden));
    }
}
