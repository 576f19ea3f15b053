#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};
use crate::ui::{Heading, HeadingSize};

/// How large a caption is: it goes with a heading of that size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaptionSize {
    /// The body text's size.
    #[default]
    Default,
    /// Beside a medium heading.
    M,
    /// Beside a large heading.
    L,
    /// Beside an extra large heading.
    Xl,
    /// Beside the largest heading.
    Xxl,
}

impl CaptionSize {
    /// The caption's class.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Default => "nhsuk-caption",
            Self::M => "nhsuk-caption-m",
            Self::L => "nhsuk-caption-l",
            Self::Xl => "nhsuk-caption-xl",
            Self::Xxl => "nhsuk-caption-xxl",
        }
    }
}

/// An NHS.UK caption on its own: the section or record a heading belongs
/// to, above it (or below, with `bottom`). For a caption read as part of
/// the heading, give [`Heading`] its `caption` instead.
#[component]
pub fn Caption(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The caption's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Its size, to go with the heading's.
    #[prop(optional)]
    size: CaptionSize,
    /// Below the heading rather than above it.
    #[prop(optional)]
    bottom: bool,
    /// The caption.
    children: Children,
) -> impl IntoView {
    let classes = move || {
        let own = if bottom {
            format!("{} nhsuk-caption--bottom", size.as_str())
        } else {
            size.as_str().to_string()
        };
        crate::ui::class_list(&own, class.get())
    };
    view! {
        <span class=classes id=id>
            {children()}
        </span>
    }
}

/// The gallery page and tests for [`Caption`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "caption",
    title: "Caption",
    summary: "The section or record a heading belongs to.",
    examples: &[
        Example {
            name: "above-a-heading",
            title: "Above a heading",
            description: "The record a page belongs to, in the heading's size.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Caption size=CaptionSize::L>"JONES, Sarah (Mrs)"</Caption>
                    <Heading size=HeadingSize::L>"Observations"</Heading>
                }
                .into_any()
            },
        },
        Example {
            name: "below-a-heading",
            title: "Below a heading",
            description: "When it was last updated.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Heading size=HeadingSize::M level=crate::ui::HeadingLevel::H2>"Allergies"</Heading>
                    <Caption size=CaptionSize::M bottom=true>"Checked 21-Nov-2026 14:05"</Caption>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the caption.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Caption class="app-caption" id="record" attr:data-test="caption">
                        "Ward 7B"
                    </Caption>
                }
                .into_any()
            },
        },
    ],
};
