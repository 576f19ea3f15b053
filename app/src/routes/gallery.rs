//! The component gallery: every component in `bedside::docs::COMPONENTS`
//! with its named examples, for designers iterating on prototypes and for the
//! end-to-end suite, which runs axe on each example's standalone page.

use crate::PageTitle;
use bedside::docs::{COMPONENTS, ComponentDocs, Example, ExampleFrame};
use leptos::prelude::*;

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
