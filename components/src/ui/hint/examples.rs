//! Hint's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::gallery::samples::{NO_PERSONAL, nhs_number_hint};
use crate::docs::{ComponentDocs, Example, Preset, Prop, PropKind, Workbench};

/// The gallery page and tests for [`Hint`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "hint",
    title: "Hint",
    summary: "Help with a question, under its label or legend.",
    workbench: Some(Workbench {
        component: "Hint",
        props: &[Prop { name: "children", label: "Hint", kind: PropKind::Text, default: NO_PERSONAL }],
        presets: &[Preset { example: "default", values: &[] }],
        render: |props| {
            let text = props.text("children");
            Ok(view! { <Hint>{text}</Hint> }.into_any())
        },
        rust: None,
    }),
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Say what to enter, or where to find it.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Hint>
                        {NO_PERSONAL}
                    </Hint>
                }
                .into_any()
            },
        },
        Example {
            name: "with-markup",
            title: "With markup",
            description: "Inline markup, such as a number kept on one line.",
            hidden: false,
            nhsuk_fixture: Some("with HTML"),
            render: || {
                view! {
                    <Hint>
                        {nhs_number_hint()}
                    </Hint>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the hint.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Hint class="app-hint" id="my-hint" attr:data-test="hint">
                        "A hint"
                    </Hint>
                }
                .into_any()
            },
        },
    ],
};
