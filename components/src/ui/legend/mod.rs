#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::ui::{CaptionPlacement, HeadingLevel, LabelSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

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
