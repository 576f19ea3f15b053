#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};
use crate::ui::{Heading, HeadingLevel, HeadingSize};

/// An NHS.UK hero: a page's heading and what the page is for, across the
/// top of a landing page (a service's start page), on a band of colour or
/// over a picture.
#[component]
pub fn Hero(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The hero's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The heading.
    #[prop(optional, into)]
    heading: Option<String>,
    /// The heading's level: `h1` unless given.
    #[prop(optional)]
    heading_level: HeadingLevel,
    /// The heading's size: extra large unless given.
    #[prop(optional)]
    heading_size: Option<HeadingSize>,
    /// A caption inside the heading: the service the page belongs to.
    #[prop(optional, into)]
    caption: Option<String>,
    /// What the page is for, in a large paragraph.
    #[prop(optional, into)]
    text: Option<String>,
    /// A picture behind the hero, which shows on wider screens. Set through
    /// the style object, not a `style` attribute, so a strict CSP allows it.
    #[prop(optional, into)]
    image_url: Option<String>,
    /// Without the line under a hero without a picture.
    #[prop(optional)]
    no_border: bool,
    /// More content below the text.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let with_image = image_url.is_some();
    let own = crate::ui::join_classes([
        Some("nhsuk-hero"),
        with_image.then_some("nhsuk-hero--image"),
        (with_image && heading.is_some()).then_some("nhsuk-hero--image-description"),
        (!with_image && !no_border).then_some("nhsuk-hero--border"),
    ]);
    let classes = move || crate::ui::class_list(&own, class.get());
    let background = image_url.map(|url| format!("url(\"{}\")", url.replace('"', "%22")));
    let size = heading_size.unwrap_or(HeadingSize::Xl);
    let has_content = heading.is_some() || text.is_some() || children.is_some();
    let content = has_content.then(|| {
        view! {
            <div class="nhsuk-width-container">
                <div class="nhsuk-grid-row">
                    <div class="nhsuk-grid-column-two-thirds">
                        <div class="nhsuk-hero__content">
                            {with_image
                                .then(|| {
                                    view! { <span class="nhsuk-hero__arrow" aria-hidden="true"></span> }
                                })}
                            {heading
                                .map(|h| {
                                    view! {
                                        <Heading
                                            level=heading_level
                                            size=size
                                            caption=caption
                                            class="nhsuk-hero__heading"
                                        >
                                            {h}
                                        </Heading>
                                    }
                                })}
                            {text.map(|t| view! { <p class="nhsuk-body-l">{t}</p> })}
                            {children.map(|c| c())}
                        </div>
                    </div>
                </div>
            </div>
        }
    });
    view! {
        <section class=classes id=id style:background-image=background>
            {content}
            {with_image.then(|| view! { <div class="nhsuk-hero__overlay"></div> })}
        </section>
    }
}

/// The gallery page and tests for [`Hero`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "hero",
    title: "Hero",
    summary: "A landing page's heading and purpose, on colour or a picture.",
    examples: &[
        Example {
            name: "default",
            title: "With heading and text",
            description: "A service's start page.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Hero
                        heading="Bedside"
                        text="Sign in once to see your patients, record observations and check results."
                        no_border=true
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-heading-only",
            title: "With heading only",
            description: "On a band with a line under it.",
            hidden: true,
            nhsuk_fixture: Some("with heading only"),
            render: || view! { <Hero heading="Prototyping" /> }.into_any(),
        },
        Example {
            name: "with-heading-and-caption",
            title: "With heading and caption",
            description: "The caption names the section.",
            hidden: false,
            nhsuk_fixture: Some("with heading and caption"),
            render: || view! { <Hero heading="Prototyping" caption="Setup" /> }.into_any(),
        },
        Example {
            name: "with-image",
            title: "With a picture",
            description: "A picture behind the heading on wider screens.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Hero
                        heading="Ward 7B"
                        text="Acute medicine: 28 beds."
                        image_url=crate::ui::images::CANNULA
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the hero.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! { <Hero class="app-hero" id="start" attr:data-test="hero" heading="Bedside" /> }
                    .into_any()
            },
        },
    ],
};
