//! Heading's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{CaptionPlacement, HeadingLevel};

/// The gallery page and tests for [`Heading`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "heading",
    title: "Heading",
    summary: "A page's or section's heading, its size chosen apart from its level.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "The page's heading: large, in the h1.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! { <Heading size=HeadingSize::L>"What is your full name?"</Heading> }
                    .into_any()
            },
        },
        Example {
            name: "text-and-caption",
            title: "Text and caption",
            description: "The caption says which part of a longer task the page is in, read first.",
            hidden: false,
            nhsuk_fixture: Some("text and caption"),
            render: || {
                view! {
                    <Heading size=HeadingSize::S caption="About you">
                        "What is your home address?"
                    </Heading>
                }
                .into_any()
            },
        },
        Example {
            name: "caption-after",
            title: "Caption after",
            description: "The caption under the heading, outside it.",
            hidden: false,
            nhsuk_fixture: Some("text and caption \"after\""),
            render: || {
                view! {
                    <Heading
                        size=HeadingSize::S
                        caption="About you"
                        caption_placement=CaptionPlacement::After
                    >
                        "What is your home address?"
                    </Heading>
                }
                .into_any()
            },
        },
        Example {
            name: "caption-before",
            title: "Caption before",
            description: "The caption above the heading, outside it.",
            hidden: true,
            nhsuk_fixture: Some("text and caption \"before\""),
            render: || {
                view! {
                    <Heading
                        size=HeadingSize::S
                        caption="About you"
                        caption_placement=CaptionPlacement::Before
                    >
                        "What is your home address?"
                    </Heading>
                }
                .into_any()
            },
        },
        Example {
            name: "caption-end",
            title: "Caption at the end",
            description: "The caption inside the heading, read after it.",
            hidden: true,
            nhsuk_fixture: Some("text and caption \"end\""),
            render: || {
                view! {
                    <Heading
                        size=HeadingSize::S
                        caption="About you"
                        caption_placement=CaptionPlacement::End
                    >
                        "What is your home address?"
                    </Heading>
                }
                .into_any()
            },
        },
        Example {
            name: "link",
            title: "With link",
            description: "A heading that leads to the page it names.",
            hidden: false,
            nhsuk_fixture: Some("with link"),
            render: || {
                view! {
                    <Heading size=HeadingSize::L href="#/result/1">
                        "Skin colour changes"
                    </Heading>
                }
                .into_any()
            },
        },
        Example {
            name: "visually-hidden-text",
            title: "With visually hidden text and caption",
            description: "Whose address it is, for screen readers that list a page's headings out of context.",
            hidden: false,
            nhsuk_fixture: Some("with visually hidden text and caption"),
            render: || {
                view! {
                    <Heading
                        size=HeadingSize::L
                        caption="About you"
                        visually_hidden_text="(Karen Francis)"
                    >
                        "Home address"
                    </Heading>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the heading.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Heading
                        level=HeadingLevel::H2
                        size=HeadingSize::M
                        class="app-heading"
                        id="ward-heading"
                        attr:data-test="heading"
                    >
                        "Ward 7B"
                    </Heading>
                }
                .into_any()
            },
        },
    ],
};
