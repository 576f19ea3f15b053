//! Label's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`Label`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "label",
    title: "Label",
    summary: "The question a field asks, linked to the field.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A question that is the page's heading: large, inside an h1.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Label size=LabelSize::L heading=HeadingLevel::H1>
                        "What is your full name?"
                    </Label>
                }
                .into_any()
            },
        },
        Example {
            name: "without-heading",
            title: "Without heading",
            description: "A question among others on a page.",
            hidden: false,
            nhsuk_fixture: Some("without heading"),
            render: || view! { <Label>"What is your full name?"</Label> }.into_any(),
        },
        Example {
            name: "heading-level-2",
            title: "With heading level 2",
            description: "A question that heads a section of the page.",
            hidden: false,
            nhsuk_fixture: Some("with heading level 2"),
            render: || {
                view! {
                    <Label size=LabelSize::M heading=HeadingLevel::H2>
                        "What is your full name?"
                    </Label>
                }
                .into_any()
            },
        },
        Example {
            name: "caption",
            title: "Text and caption",
            description: "A caption names the section the question belongs to.",
            hidden: false,
            nhsuk_fixture: Some("text and caption"),
            render: || {
                view! {
                    <Label size=LabelSize::S caption="About you">
                        "What is your full name?"
                    </Label>
                }
                .into_any()
            },
        },
        Example {
            name: "caption-after",
            title: "Caption after, as a paragraph",
            description: "The caption as a paragraph after the label.",
            hidden: false,
            nhsuk_fixture: Some("text and caption \"after\" as a paragraph"),
            render: || {
                view! {
                    <Label size=LabelSize::S caption="About you" caption_placement=CaptionPlacement::After>
                        "What is your full name?"
                    </Label>
                }
                .into_any()
            },
        },
        Example {
            name: "caption-before",
            title: "Caption before, as a paragraph",
            description: "The caption as a paragraph before the label.",
            hidden: false,
            nhsuk_fixture: Some("text and caption \"before\" as a paragraph"),
            render: || {
                view! {
                    <Label size=LabelSize::S caption="About you" caption_placement=CaptionPlacement::Before>
                        "What is your full name?"
                    </Label>
                }
                .into_any()
            },
        },
        Example {
            name: "id",
            title: "With id attribute",
            description: "An id of its own, for the label.",
            hidden: true,
            nhsuk_fixture: Some("with id attribute"),
            render: || {
                view! {
                    <Label id="custom-id" size=LabelSize::L heading=HeadingLevel::H1>
                        "What is your full name?"
                    </Label>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, `for` and other attributes land on the label.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Label class="app-label" for_="nhs-number" attr:data-test="label">
                        "NHS number"
                    </Label>
                }
                .into_any()
            },
        },
    ],
};
