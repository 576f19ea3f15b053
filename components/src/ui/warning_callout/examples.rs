//! Warning callout's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example, Preset, Prop, PropKind, Workbench};
use crate::ui::HeadingLevel;

/// The gallery page and tests for [`WarningCallout`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "warning-callout",
    title: "Warning callout",
    summary: "Something to know before acting, which must not be missed.",
    workbench: Some(Workbench {
        component: "WarningCallout",
        props: &[
            Prop { name: "heading", label: "Heading (\"Important\" when empty)", kind: PropKind::Text, default: "" },
            Prop { name: "text", label: "Text", kind: PropKind::Text, default: "" },
        ],
        presets: &[
            Preset { example: "default", values: &[("text", MEDICINES)] },
            Preset { example: "custom-heading", values: &[("heading", "School, nursery or work"), ("text", SPOTS)] },
        ],
        render: |props| {
            let (heading, text) = (props.text("heading"), props.text("text"));
            Ok(if heading.is_empty() {
                view! { <WarningCallout text=text /> }.into_any()
            } else {
                view! { <WarningCallout heading=heading text=text /> }.into_any()
            })
        },
        rust: None,
    }),
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Headed \"Important\".",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <WarningCallout text=MEDICINES />
                }
                .into_any()
            },
        },
        Example {
            name: "custom-heading",
            title: "With custom heading",
            description: "A heading of its own, which screen readers hear after \"Important\".",
            hidden: false,
            nhsuk_fixture: Some("with custom heading"),
            render: || {
                view! { <WarningCallout heading="School, nursery or work" text=SPOTS /> }.into_any()
            },
        },
        Example {
            name: "with-actions",
            title: "With content and a button",
            description: "Paragraphs and an action of the callout's own, as the screen lock's warning has.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <WarningCallout heading="This screen is about to lock" heading_level=HeadingLevel::H2>
                        <p>
                            "This screen has not been used for a while, so it will lock within a minute. Anything you have typed will be kept."
                        </p>
                        <crate::ui::Button>"Stay signed in"</crate::ui::Button>
                    </WarningCallout>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the callout.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <WarningCallout
                        class="app-warning"
                        id="allergy-warning"
                        heading_id="allergy-warning-title"
                        attr:data-test="warning-callout"
                        attr:role="region"
                        attr:aria-labelledby="allergy-warning-title"
                        text="Check allergies before prescribing."
                    />
                }
                .into_any()
            },
        },
    ],
};

/// The example's advice, as nhsuk-frontend's fixtures have it.
const SPOTS: &str = "Stay away from school, nursery or work until all the spots have crusted over. This is usually 5 days after the spots first appeared.";

const MEDICINES: &str = "For safety, tell your doctor or pharmacist if you're taking any other medicines, including herbal medicines, vitamins or supplements.";
