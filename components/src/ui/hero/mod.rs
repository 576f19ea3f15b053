#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::ui::{Heading, HeadingLevel, HeadingSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

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
