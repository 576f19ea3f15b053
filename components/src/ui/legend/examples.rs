//! Legend's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{CaptionPlacement, HeadingLevel, LabelSize};

/// The gallery page and tests for [`Legend`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "legend",
    title: "Legend",
    summary: "The question a group of fields answers together.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "The question is the page's heading: large, inside an h1.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Legend size=LabelSize::L heading=HeadingLevel::H1>
                        "What is your address?"
                    </Legend>
                }
                .into_any()
            },
        },
        Example {
            name: "without-heading",
            title: "Without heading",
            description: "A question among others on the page.",
            hidden: false,
            nhsuk_fixture: Some("without heading"),
            render: || view! { <Legend>"What is your address?"</Legend> }.into_any(),
        },
        Example {
            name: "heading-level-2",
            title: "With heading level 2",
            description: "A question that heads a section of the page.",
            hidden: false,
            nhsuk_fixture: Some("with heading level 2"),
            render: || {
                view! {
                    <Legend size=LabelSize::M heading=HeadingLevel::H2>
                        "What is your address?"
                    </Legend>
                }
                .into_any()
            },
        },
        Example {
            name: "heading-level-3",
            title: "With heading level 3",
            description: "A small heading for a question deeper in the page.",
            hidden: true,
            nhsuk_fixture: Some("with heading level 3"),
            render: || {
                view! {
                    <Legend size=LabelSize::S heading=HeadingLevel::H3>
                        "What is your address?"
                    </Legend>
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
                    <Legend size=LabelSize::S caption="About you">
                        "What is your home address?"
                    </Legend>
                }
                .into_any()
            },
        },
        Example {
            name: "caption-after",
            title: "Caption after, as a paragraph",
            description: "The caption as a paragraph after the legend.",
            hidden: false,
            nhsuk_fixture: Some("text and caption \"after\" as a paragraph"),
            render: || {
                view! {
                    <Legend size=LabelSize::S caption="About you" caption_placement=CaptionPlacement::After>
                        "What is your home address?"
                    </Legend>
                }
                .into_any()
            },
        },
        Example {
            name: "id",
            title: "With id attribute",
            description: "An id of its own, for the legend.",
            hidden: true,
            nhsuk_fixture: Some("with id attribute"),
            render: || {
                view! {
                    <Legend id="custom-id" size=LabelSize::L heading=HeadingLevel::H1>
                        "What is your address?"
                    </Legend>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the legend.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Legend class="app-legend" attr:data-test="legend">
                        "What is your address?"
                    </Legend>
                }
                .into_any()
            },
        },
    ],
};
