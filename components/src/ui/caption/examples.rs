//! Caption's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{Heading, HeadingSize};

/// The gallery page and tests for [`Caption`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "caption",
    title: "Caption",
    summary: "The section or record a heading belongs to.",
    workbench: None,
    examples: &[
        Example {
            name: "above-a-heading",
            title: "Above a heading",
            description: "The record a page belongs to, in the heading's size.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Caption size=CaptionSize::L>"JONES, Sarah (Mrs)"</Caption>
                    <Heading size=HeadingSize::L>"Observations"</Heading>
                }
                .into_any()
            },
        },
        Example {
            name: "below-a-heading",
            title: "Below a heading",
            description: "When it was last updated.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Heading size=HeadingSize::M level=crate::ui::HeadingLevel::H2>"Allergies"</Heading>
                    <Caption size=CaptionSize::M bottom=true>"Checked 21-Nov-2026 14:05"</Caption>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the caption.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Caption class="app-caption" id="record" attr:data-test="caption">
                        "Ward 7B"
                    </Caption>
                }
                .into_any()
            },
        },
    ],
};
