//! Error message's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example, Preset, Prop, PropKind, Workbench};

/// The gallery page and tests for [`ErrorMessage`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "error-message",
    title: "Error message",
    summary: "Says what is wrong with a field and how to put it right.",
    workbench: Some(Workbench {
        component: "ErrorMessage",
        props: &[Prop { name: "children", label: "Message", kind: PropKind::Text, default: "Enter your full name" }],
        presets: &[
            Preset { example: "default", values: &[] },
            Preset { example: "text-escaping", values: &[("children", "Postcode must not include & and <")] },
        ],
        render: |props| {
            let text = props.text("children");
            Ok(view! { <ErrorMessage>{text}</ErrorMessage> }.into_any())
        },
        rust: None,
    }),
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Beside the field, after its label and hint.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <ErrorMessage>"Enter your full name"</ErrorMessage> }.into_any(),
        },
        Example {
            name: "text-escaping",
            title: "Text escaping",
            description: "Text is text: characters such as & and < are shown, never read as markup.",
            hidden: false,
            nhsuk_fixture: Some("with text escaping"),
            render: || {
                view! { <ErrorMessage>"Postcode must not include & and <"</ErrorMessage> }
                    .into_any()
            },
        },
        Example {
            name: "without-visually-hidden-text",
            title: "Without visually hidden text",
            description: "Only where the message says it is an error in its own words.",
            hidden: false,
            nhsuk_fixture: Some("without visually hidden text"),
            render: || {
                view! {
                    <ErrorMessage visually_hidden_text="">"There is an error on line 42"</ErrorMessage>
                }
                .into_any()
            },
        },
        Example {
            name: "welsh",
            title: "Welsh",
            description: "The hidden prefix in the page's language.",
            hidden: false,
            nhsuk_fixture: Some("with translations"),
            render: || {
                view! {
                    <ErrorMessage visually_hidden_text="Gwall">"Rhowch eich enw llawn"</ErrorMessage>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the message.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <ErrorMessage class="app-error" id="my-error" attr:data-test="error">
                        "Enter a date"
                    </ErrorMessage>
                }
                .into_any()
            },
        },
    ],
};
