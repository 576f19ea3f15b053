//! Details's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example, Preset, Prop, PropKind, Workbench};

/// The gallery page and tests for [`Details`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "details",
    title: "Details",
    summary: "A summary that opens to show more.",
    workbench: Some(Workbench {
        component: "Details",
        props: &[
            Prop { name: "summary", label: "Summary", kind: PropKind::Text, default: NHS_NUMBER },
            Prop {
                name: "variant",
                label: "Variant",
                kind: PropKind::Choice { rust_type: "DetailsVariant", variants: &["Default", "Expander"] },
                default: "Default",
            },
            Prop {
                name: "children",
                label: "What it shows",
                kind: PropKind::Text,
                default: "You can find your NHS number by logging in to the NHS App or on any document the NHS has sent you.",
            },
        ],
        presets: &[
            Preset { example: "default", values: &[] },
            Preset {
                example: "expander",
                values: &[("summary", OPENING_TIMES), ("variant", "Expander"), ("children", "We are open 9am to 6pm, Monday to Saturday.")],
            },
        ],
        render: |props| {
            let variant = [DetailsVariant::Default, DetailsVariant::Expander][props.choice("variant", &["Default", "Expander"])];
            let (summary, text) = (props.text("summary"), props.text("children"));
            Ok(view! { <Details variant=variant summary=summary>{text}</Details> }.into_any())
        },
        rust: None,
    }),
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Help that most users do not need, one click away.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Details summary=NHS_NUMBER>
                        "You can find your NHS number by logging in to the NHS App or on any document the NHS has sent you."
                    </Details>
                }
                .into_any()
            },
        },
        Example {
            name: "open",
            title: "Open",
            description: "Open to start with.",
            hidden: true,
            nhsuk_fixture: Some("open"),
            render: || {
                view! {
                    <Details summary=NHS_NUMBER open=RwSignal::new(true)>
                        "You can find your NHS number by logging in to the NHS App or on any document the NHS has sent you."
                    </Details>
                }
                .into_any()
            },
        },
        Example {
            name: "expander",
            title: "Expander",
            description: "Part of the page's own content, in a box.",
            hidden: false,
            nhsuk_fixture: Some("expander"),
            render: || {
                view! {
                    <Details variant=DetailsVariant::Expander summary=OPENING_TIMES>
                        "We are open 9am to 6pm, Monday to Saturday."
                    </Details>
                }
                .into_any()
            },
        },
        Example {
            name: "expander-open",
            title: "Expander open",
            description: "Open to start with.",
            hidden: true,
            nhsuk_fixture: Some("expander open"),
            render: || {
                view! {
                    <Details
                        variant=DetailsVariant::Expander
                        summary=OPENING_TIMES
                        open=RwSignal::new(true)
                    >
                        "We are open 9am to 6pm, Monday to Saturday."
                    </Details>
                }
                .into_any()
            },
        },
        Example {
            name: "with-markup",
            title: "With HTML",
            description: "Paragraphs and a list.",
            hidden: false,
            nhsuk_fixture: Some("with HTML"),
            render: || {
                view! {
                    <Details summary=NHS_NUMBER>
                        <p>
                            "An NHS number is a 10 digit number, like "
                            <span class="nhsuk-u-nowrap">"999 123 4567"</span>
                            "."
                        </p>
                        <p>
                            "You can find your NHS number by logging in to the NHS App or on any document the NHS has sent you, such as your:"
                        </p>
                        <ul>
                            <li>"prescriptions"</li>
                            <li>"test results"</li>
                            <li>"hospital referral letters"</li>
                            <li>"appointment letters"</li>
                        </ul>
                        <p>"Ask your GP surgery for help if you cannot find your NHS number."</p>
                    </Details>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the details.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Details class="app-details" id="more" summary="More" attr:data-test="details">
                        "More."
                    </Details>
                }
                .into_any()
            },
        },
    ],
};

const NHS_NUMBER: &str = "How to find your NHS number";

const OPENING_TIMES: &str = "Opening times";
