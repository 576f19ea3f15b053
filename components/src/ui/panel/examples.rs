//! Panel's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example, Preset, Prop, PropKind, Workbench};
use crate::ui::HeadingLevel;

/// The gallery page and tests for [`Panel`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "panel",
    title: "Panel",
    summary: "The outcome of a task, or something to stop and read.",
    workbench: Some(Workbench {
        component: "Panel",
        props: &[
            Prop { name: "heading", label: "Heading", kind: PropKind::Text, default: "Booking complete" },
            Prop { name: "children", label: "Text", kind: PropKind::Text, default: "We have sent you a confirmation email" },
        ],
        presets: &[Preset { example: "default", values: &[] }],
        render: |props| {
            let (heading, text) = (props.text("heading"), props.text("children"));
            Ok(view! { <Panel heading=heading>{text}</Panel> }.into_any())
        },
        rust: None,
    }),
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A task's outcome, as the page's heading.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! { <Panel heading="Booking complete">"We have sent you a confirmation email"</Panel> }
                    .into_any()
            },
        },
        Example {
            name: "heading-level-2",
            title: "With heading level 2",
            description: "Below the page's own heading.",
            hidden: true,
            nhsuk_fixture: Some("with heading level 2"),
            render: || {
                view! {
                    <Panel heading="Booking complete" heading_level=HeadingLevel::H2>
                        "We have sent you a confirmation email"
                    </Panel>
                }
                .into_any()
            },
        },
        Example {
            name: "heading-size",
            title: "Heading size",
            description: "A medium heading.",
            hidden: true,
            nhsuk_fixture: Some("heading"),
            render: || {
                view! {
                    <Panel heading="Booking complete" heading_size=PanelHeadingSize::M>
                        "We have sent you a confirmation email"
                    </Panel>
                }
                .into_any()
            },
        },
        Example {
            name: "observations-saved",
            title: "Observations saved",
            description: "After saving a set of observations.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Panel heading="Observations saved">
                        "NEWS2 score 3 for JONES, Sarah (Mrs), at 14:05"
                    </Panel>
                }
                .into_any()
            },
        },
        Example {
            name: "interruption",
            title: "Interruption before a dose",
            description: "Stops the user to read something before going on.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Panel
                        interruption=true
                        heading="Sarah Jones had paracetamol 2 hours ago"
                        heading_size=PanelHeadingSize::L
                    >
                        <p>"The last dose was 1 g at 12:05. The minimum gap between doses is 4 hours."</p>
                        <div class="nhsuk-button-group">
                            <crate::ui::Button href="#" variant=crate::ui::ButtonVariant::Reverse>
                                "Continue anyway"
                            </crate::ui::Button>
                            <a href="#">"Cancel"</a>
                        </div>
                    </Panel>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the panel.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Panel heading="Saved" class="app-panel" id="saved" attr:data-test="panel">
                        "Done."
                    </Panel>
                }
                .into_any()
            },
        },
    ],
};
