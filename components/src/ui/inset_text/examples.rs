//! Inset text's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example, Preset, Prop, PropKind, Workbench};

/// The gallery page and tests for [`InsetText`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "inset-text",
    title: "Inset text",
    summary: "A passage set apart from the text around it.",
    workbench: Some(Workbench {
        component: "InsetText",
        props: &[Prop {
            name: "children",
            label: "Text (one paragraph)",
            kind: PropKind::Text,
            default: "You can report any suspected side effect using the Yellow Card safety scheme",
        }],
        presets: &[Preset { example: "default", values: &[] }],
        render: |props| {
            let text = props.text("children");
            Ok(view! { <InsetText><p>{text}</p></InsetText> }.into_any())
        },
        rust: Some(|props| format!("view! {{ <InsetText><p>{:?}</p></InsetText> }}", props.text("children"))),
    }),
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A paragraph the reader should notice.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <InsetText>
                        <p>
                            "You can report any suspected side effect using the Yellow Card safety scheme"
                        </p>
                    </InsetText>
                }
                .into_any()
            },
        },
        Example {
            name: "with-markup",
            title: "With a link",
            description: "Inline markup, such as a link.",
            hidden: false,
            nhsuk_fixture: Some("with HTML"),
            render: || {
                view! {
                    <InsetText>
                        <p>
                            "You can report any suspected side effect using the "
                            <a href="#">"Yellow Card safety scheme"</a>
                            "."
                        </p>
                    </InsetText>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the inset.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <InsetText
                        class="app-inset"
                        id="signed-out"
                        visually_hidden_text="Note"
                        attr:data-test="inset-text"
                        attr:role="status"
                    >
                        <p>"You have signed out."</p>
                    </InsetText>
                }
                .into_any()
            },
        },
    ],
};
