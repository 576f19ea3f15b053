#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};
use crate::ui::{CaptionPlacement, HeadingLevel, LabelSize};

/// An NHS.UK legend: the question a group of fields answers together (an
/// address, a date, a choice), first in its [`crate::ui::Fieldset`]. When the
/// question is the page's heading, `heading` puts it in one inside the
/// legend, as nhsuk-frontend does, so it is both the group's name and the
/// page's heading.
#[component]
pub fn Legend(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The legend's own `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// How large it is.
    #[prop(optional)]
    size: LabelSize,
    /// Puts the question in a heading of this level.
    #[prop(default = None, into)]
    heading: Option<HeadingLevel>,
    /// A caption: the section the question belongs to ("About you").
    #[prop(optional, into)]
    caption: MaybeProp<String>,
    /// Where the caption goes. A legend must come first in its fieldset, so
    /// `Before` puts the caption at the start of the legend (nhsuk-frontend's
    /// rule).
    #[prop(optional)]
    caption_placement: CaptionPlacement,
    /// The question.
    children: Children,
) -> impl IntoView {
    let caption_class = size.caption_class();
    let after = caption_placement == CaptionPlacement::After;
    let inner = view! {
        {move || {
            caption
                .get()
                .filter(|_| !after)
                .map(|c| view! { <span class=caption_class>{format!("{c} ")}</span>" " })
        }}
        {children()}
    }
    .into_any();
    let inner = match heading {
        Some(level) => {
            crate::ui::heading::element(level, Some("nhsuk-fieldset__heading".into()), None, inner)
        }
        None => inner,
    };
    view! {
        <legend class=move || crate::ui::class_list(size.legend_class(), class.get()) id=id>
            {inner}
        </legend>
        {move || {
            caption
                .get()
                .filter(|_| after)
                .map(|c| view! { <p class=format!("{caption_class} nhsuk-caption--bottom")>{c}</p> })
        }}
    }
}

/// The gallery page and tests for [`Legend`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "legend",
    title: "Legend",
    summary: "The question a group of fields answers together.",
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "The question is the page's heading: large, inside an h1.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Legend size=LabelSize::L heading=HeadingLevel::H1>
                        "What is your address?"
                    </Legend>
                }
                .into_any()
            },
        },
        Example {
            name: "without-heading",
            title: "Without heading",
            description: "A question among others on the page.",
            hidden: false,
            nhsuk_fixture: Some("without heading"),
            render: || view! { <Legend>"What is your address?"</Legend> }.into_any(),
        },
        Example {
            name: "heading-level-2",
            title: "With heading level 2",
            description: "A question that heads a section of the page.",
            hidden: false,
            nhsuk_fixture: Some("with heading level 2"),
            render: || {
                view! {
                    <Legend size=LabelSize::M heading=HeadingLevel::H2>
                        "What is your address?"
                    </Legend>
                }
                .into_any()
            },
        },
        Example {
            name: "heading-level-3",
            title: "With heading level 3",
            description: "A small heading for a question deeper in the page.",
            hidden: true,
            nhsuk_fixture: Some("with heading level 3"),
            render: || {
                view! {
                    <Legend size=LabelSize::S heading=HeadingLevel::H3>
                        "What is your address?"
                    </Legend>
                }
                .into_any()
            },
        },
        Example {
            name: "caption",
            title: "Text and caption",
            description: "A caption names the section the question belongs to.",
            hidden: false,
            nhsuk_fixture: Some("text and caption"),
            render: || {
                view! {
                    <Legend size=LabelSize::S caption="About you">
                        "What is your home address?"
                    </Legend>
                }
                .into_any()
            },
        },
        Example {
            name: "caption-after",
            title: "Caption after, as a paragraph",
            description: "The caption as a paragraph after the legend.",
            hidden: false,
            nhsuk_fixture: Some("text and caption \"after\" as a paragraph"),
            render: || {
                view! {
                    <Legend size=LabelSize::S caption="About you" caption_placement=CaptionPlacement::After>
                        "What is your home address?"
                    </Legend>
                }
                .into_any()
            },
        },
        Example {
            name: "id",
            title: "With id attribute",
            description: "An id of its own, for the legend.",
            hidden: true,
            nhsuk_fixture: Some("with id attribute"),
            render: || {
                view! {
                    <Legend id="custom-id" size=LabelSize::L heading=HeadingLevel::H1>
                        "What is your address?"
                    </Legend>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the legend.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Legend class="app-legend" attr:data-test="legend">
                        "What is your address?"
                    </Legend>
                }
                .into_any()
            },
        },
    ],
};
