#![doc = include_str!("docs.md")]

mod types;

use leptos::prelude::*;

pub use types::{CaptionPlacement, HeadingLevel, LabelSize};

use crate::docs::{ComponentDocs, Example};
use crate::forms::Field;
use crate::ui::heading::element;

/// An NHS.UK label: the question a control asks, linked to the control by
/// `for`, so clicking it focuses the control and screen readers read it as
/// the control's name. When the question is the page's heading, `heading`
/// wraps it in one (`h1` then), as nhsuk-frontend does.
#[component]
pub fn Label(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The control's `id`. Inside a field ([`Field`]), the field's unless set.
    #[prop(optional, into)]
    for_: Option<String>,
    /// The label's own `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// How large it is.
    #[prop(optional)]
    size: LabelSize,
    /// Wraps the label in a heading of this level.
    #[prop(default = None, into)]
    heading: Option<HeadingLevel>,
    /// A caption: the section the question belongs to ("About you").
    #[prop(optional, into)]
    caption: Option<String>,
    /// Where the caption goes.
    #[prop(optional)]
    caption_placement: CaptionPlacement,
    /// The question.
    children: Children,
) -> impl IntoView {
    let for_ = for_.or_else(|| Field::use_context().map(|f| f.id));
    let caption_class = size.caption_class();
    let (inside, before, after) = match (caption, caption_placement) {
        (None, _) => (None, None, None),
        (Some(c), CaptionPlacement::Start) => (Some(c), None, None),
        (Some(c), CaptionPlacement::Before) => (None, Some(c), None),
        (Some(c), CaptionPlacement::After | CaptionPlacement::End) => (None, None, Some(c)),
    };
    let label = view! {
        <label
            class=move || crate::ui::class_list(size.label_class(), class.get())
            id=id
            for=for_
        >
            // The spaces keep caption and question apart when read as text.
            {inside.map(|c| view! { <span class=caption_class>{format!("{c} ")}</span>" " })}
            {children()}
        </label>
    };
    let label = match heading {
        Some(level) => element(level, Some("nhsuk-label-wrapper".into()), None, label.into_any()),
        None => label.into_any(),
    };
    view! {
        {before.map(|c| view! { <p class=caption_class>{c}</p> })}
        {label}
        {after.map(|c| view! { <p class=format!("{caption_class} nhsuk-caption--bottom")>{c}</p> })}
    }
}

/// The gallery page and tests for [`Label`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "label",
    title: "Label",
    summary: "The question a field asks, linked to the field.",
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A question that is the page's heading: large, inside an h1.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Label size=LabelSize::L heading=HeadingLevel::H1>
                        "What is your full name?"
                    </Label>
                }
                .into_any()
            },
        },
        Example {
            name: "without-heading",
            title: "Without heading",
            description: "A question among others on a page.",
            hidden: false,
            nhsuk_fixture: Some("without heading"),
            render: || view! { <Label>"What is your full name?"</Label> }.into_any(),
        },
        Example {
            name: "heading-level-2",
            title: "With heading level 2",
            description: "A question that heads a section of the page.",
            hidden: false,
            nhsuk_fixture: Some("with heading level 2"),
            render: || {
                view! {
                    <Label size=LabelSize::M heading=HeadingLevel::H2>
                        "What is your full name?"
                    </Label>
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
                    <Label size=LabelSize::S caption="About you">
                        "What is your full name?"
                    </Label>
                }
                .into_any()
            },
        },
        Example {
            name: "caption-after",
            title: "Caption after, as a paragraph",
            description: "The caption as a paragraph after the label.",
            hidden: false,
            nhsuk_fixture: Some("text and caption \"after\" as a paragraph"),
            render: || {
                view! {
                    <Label size=LabelSize::S caption="About you" caption_placement=CaptionPlacement::After>
                        "What is your full name?"
                    </Label>
                }
                .into_any()
            },
        },
        Example {
            name: "caption-before",
            title: "Caption before, as a paragraph",
            description: "The caption as a paragraph before the label.",
            hidden: false,
            nhsuk_fixture: Some("text and caption \"before\" as a paragraph"),
            render: || {
                view! {
                    <Label size=LabelSize::S caption="About you" caption_placement=CaptionPlacement::Before>
                        "What is your full name?"
                    </Label>
                }
                .into_any()
            },
        },
        Example {
            name: "id",
            title: "With id attribute",
            description: "An id of its own, for the label.",
            hidden: true,
            nhsuk_fixture: Some("with id attribute"),
            render: || {
                view! {
                    <Label id="custom-id" size=LabelSize::L heading=HeadingLevel::H1>
                        "What is your full name?"
                    </Label>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, `for` and other attributes land on the label.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Label class="app-label" for_="nhs-number" attr:data-test="label">
                        "NHS number"
                    </Label>
                }
                .into_any()
            },
        },
    ],
};
