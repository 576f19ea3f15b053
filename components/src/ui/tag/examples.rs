//! Tag's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example, Preset, Prop, PropKind, Props, Workbench};

/// The gallery page and tests for [`Tag`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "tag",
    title: "Tag",
    summary: "A short status beside what it describes.",
    workbench: Some(Workbench {
        component: "Tag",
        props: &[
            Prop {
                name: "colour",
                label: "Colour",
                kind: PropKind::Choice { rust_type: "TagColour", variants: COLOUR_NAMES },
                default: "Default",
            },
            Prop { name: "borderless", label: "Without a border", kind: PropKind::Flag, default: "false" },
            Prop { name: "children", label: "Status", kind: PropKind::Text, default: "Active" },
        ],
        presets: &[Preset { example: "default", values: &[] }],
        render: workbench,
        rust: None,
    }),
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "nhsuk-frontend's default colour.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <Tag>"Active"</Tag> }.into_any(),
        },
        Example {
            name: "colours",
            title: "Colours",
            description: "Each colour with a status it could mean; the words carry the meaning.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let tags = [
                    (TagColour::White, "In progress"),
                    (TagColour::Grey, "Inactive"),
                    (TagColour::Green, "New"),
                    (TagColour::AquaGreen, "Active"),
                    (TagColour::Blue, "Pending"),
                    (TagColour::Purple, "Received"),
                    (TagColour::Pink, "Sent"),
                    (TagColour::Red, "Rejected"),
                    (TagColour::Orange, "Declined"),
                    (TagColour::Yellow, "Delayed"),
                    (TagColour::NoColour, "Completed"),
                ];
                view! {
                    <ul class="nhsuk-list">
                        {tags
                            .into_iter()
                            .map(|(colour, text)| view! { <li><Tag colour=colour>{text}</Tag></li> })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            },
        },
        Example {
            name: "text-escaping",
            title: "With text escaping",
            description: "Text is text: an ampersand shows as one.",
            hidden: true,
            nhsuk_fixture: Some("with text escaping"),
            render: || view! { <Tag colour=TagColour::Red>"A&E"</Tag> }.into_any(),
        },
        Example {
            name: "without-colour",
            title: "Without colour",
            description: "Text only.",
            hidden: true,
            nhsuk_fixture: Some("without colour"),
            render: || view! { <Tag colour=TagColour::NoColour>"Completed"</Tag> }.into_any(),
        },
        Example {
            name: "without-border",
            title: "Without border",
            description: "On a coloured background.",
            hidden: true,
            nhsuk_fixture: Some("without border"),
            render: || view! { <Tag borderless=true>"Active"</Tag> }.into_any(),
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the tag.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Tag class="app-tag" id="status" colour=TagColour::Green attr:data-test="tag">
                        "Discharged"
                    </Tag>
                }
                .into_any()
            },
        },
    ],
};

/// The colours, by name, for the workbench: in [`COLOURS`]' order.
const COLOUR_NAMES: &[&str] = &[
    "Default", "White", "Grey", "Green", "AquaGreen", "Blue", "Purple", "Pink", "Red", "Orange", "Yellow", "NoColour",
];
const COLOURS: [TagColour; 12] = [
    TagColour::Default,
    TagColour::White,
    TagColour::Grey,
    TagColour::Green,
    TagColour::AquaGreen,
    TagColour::Blue,
    TagColour::Purple,
    TagColour::Pink,
    TagColour::Red,
    TagColour::Orange,
    TagColour::Yellow,
    TagColour::NoColour,
];

fn workbench(props: &Props) -> Result<AnyView, String> {
    let colour = COLOURS[props.choice("colour", COLOUR_NAMES)];
    let (borderless, text) = (props.flag("borderless"), props.text("children"));
    Ok(view! { <Tag colour=colour borderless=borderless>{text}</Tag> }.into_any())
}
