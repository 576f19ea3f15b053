#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};
use crate::ui::heading::element;
use crate::ui::HeadingLevel;

/// How large a panel's heading is: nhsuk-frontend allows three sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PanelHeadingSize {
    /// nhsuk-frontend's own size for the panel.
    #[default]
    Default,
    /// Medium.
    M,
    /// Large.
    L,
    /// Extra large.
    Xl,
}

impl PanelHeadingSize {
    /// The heading's classes.
    fn class(self) -> &'static str {
        match self {
            Self::Default => "nhsuk-panel__heading",
            Self::M => "nhsuk-panel__heading nhsuk-panel__heading--m",
            Self::L => "nhsuk-panel__heading nhsuk-panel__heading--l",
            Self::Xl => "nhsuk-panel__heading nhsuk-panel__heading--xl",
        }
    }
}

/// An NHS.UK panel: the outcome of a task, in a coloured box at the top of
/// the page that follows it ("Observations saved"), or, as an interruption,
/// something to stop and read before going on.
#[component]
pub fn Panel(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The panel's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The outcome, or what to stop for.
    #[prop(into)]
    heading: String,
    /// The heading's level: `h1` where the panel is the page's heading.
    #[prop(optional)]
    heading_level: HeadingLevel,
    /// The heading's size.
    #[prop(optional)]
    heading_size: PanelHeadingSize,
    /// An interruption: a page that stops the user before they go on.
    #[prop(optional)]
    interruption: bool,
    /// What else to say: a reference number, what happens next, buttons.
    children: Children,
) -> impl IntoView {
    let classes = move || {
        let own = if interruption {
            "nhsuk-panel nhsuk-panel--interruption"
        } else {
            "nhsuk-panel"
        };
        crate::ui::class_list(own, class.get())
    };
    view! {
        <div class=classes id=id>
            {element(
                heading_level,
                Some(heading_size.class().to_string()),
                None,
                heading.into_any(),
            )}
            <div class="nhsuk-panel__body">{children()}</div>
        </div>
    }
}

/// The gallery page and tests for [`Panel`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "panel",
    title: "Panel",
    summary: "The outcome of a task, or something to stop and read.",
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
