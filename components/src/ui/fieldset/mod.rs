#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::ui::{CaptionPlacement, HeadingLevel, LabelSize, Legend};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK fieldset: fields that answer one question together (an
/// address, a date, a choice), named by its legend, which screen readers
/// announce with each field inside.
#[component]
pub fn Fieldset(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The fieldset's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The question. For a legend with markup, leave this out and put a
    /// [`Legend`] first among the children.
    #[prop(optional, into)]
    legend: Option<String>,
    /// How large the legend is.
    #[prop(optional)]
    legend_size: LabelSize,
    /// Puts the legend's question in a heading (`H1` when it is the page's).
    #[prop(default = None, into)]
    legend_heading: Option<HeadingLevel>,
    /// The legend's caption: the section the question belongs to.
    #[prop(optional, into)]
    caption: MaybeProp<String>,
    /// Where the caption goes.
    #[prop(optional)]
    caption_placement: CaptionPlacement,
    /// The ids of the hint and error message that describe the whole group,
    /// space-separated.
    #[prop(optional, into)]
    described_by: MaybeProp<String>,
    /// An ARIA `role`, for a fieldset that is not a group of form fields.
    #[prop(optional, into)]
    role: MaybeProp<String>,
    /// The fields.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let legend = legend.map(|text| {
        view! {
            <Legend
                size=legend_size
                heading=legend_heading
                caption=caption
                caption_placement=caption_placement
            >
                {text}
            </Legend>
        }
    });
    view! {
        <fieldset
            class=move || crate::ui::class_list("nhsuk-fieldset", class.get())
            id=id
            role=move || role.get()
            aria-describedby=move || described_by.get()
        >
            {legend}
            {children.map(|c| c())}
        </fieldset>
    }
}
