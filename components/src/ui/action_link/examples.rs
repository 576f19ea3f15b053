//! Action link's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example, Preset, Prop, PropKind, Workbench};

/// The gallery page and tests for [`ActionLink`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "action-link",
    title: "Action link",
    summary: "A prominent link that starts something.",
    workbench: Some(Workbench {
        component: "ActionLink",
        props: &[
            Prop { name: "href", label: "Address", kind: PropKind::Text, default: "#/find" },
            Prop { name: "reverse", label: "On a dark background", kind: PropKind::Flag, default: "false" },
            Prop { name: "children", label: "Text", kind: PropKind::Text, default: "Find your nearest A&E" },
        ],
        presets: &[Preset { example: "default", values: &[] }],
        render: |props| {
            let (href, reverse, text) = (props.text("href"), props.flag("reverse"), props.text("children"));
            Ok(view! { <ActionLink href=href reverse=reverse>{text}</ActionLink> }.into_any())
        },
        rust: None,
    }),
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A link that starts a task.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! { <ActionLink href="#/find">"Find your nearest A&E"</ActionLink> }.into_any()
            },
        },
        Example {
            name: "with-markup",
            title: "With HTML",
            description: "More on a second line, in secondary text.",
            hidden: false,
            nhsuk_fixture: Some("with HTML"),
            render: || {
                view! {
                    <ActionLink href="#/start">
                        "Start session"
                        <br />
                        <span class="nhsuk-u-secondary-text-colour nhsuk-u-font-weight-normal nhsuk-u-font-size-19">
                            "(11 cases)"
                        </span>
                    </ActionLink>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the link.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <ActionLink href="/observations" class="app-action" id="record" attr:data-test="action-link">
                        "Record observations"
                    </ActionLink>
                }
                .into_any()
            },
        },
    ],
};
