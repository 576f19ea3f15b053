#![doc = include_str!("docs.md")]

mod types;

use leptos::prelude::*;

pub use types::{CaptionPlacement, HeadingLevel, LabelSize};

use crate::forms::Field;
use crate::ui::heading::element;

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

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
