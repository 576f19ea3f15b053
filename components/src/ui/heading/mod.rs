#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::ui::{CaptionPlacement, HeadingLevel};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// How large a heading is, whatever its level: nhsuk-frontend's
/// `nhsuk-heading-*` sizes. `Default` leaves the element's own size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HeadingSize {
    /// The element's own size (`h1` large, `h2` medium, …).
    #[default]
    Default,
    /// Extra extra small.
    Xxs,
    /// Extra small.
    Xs,
    /// Small.
    S,
    /// Medium.
    M,
    /// Large: a page's heading.
    L,
    /// Extra large.
    Xl,
}

impl HeadingSize {
    /// The size class; `None` for the default.
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            Self::Default => None,
            Self::Xxs => Some("nhsuk-heading-xxs"),
            Self::Xs => Some("nhsuk-heading-xs"),
            Self::S => Some("nhsuk-heading-s"),
            Self::M => Some("nhsuk-heading-m"),
            Self::L => Some("nhsuk-heading-l"),
            Self::Xl => Some("nhsuk-heading-xl"),
        }
    }

    /// A caption's class beside a heading of this size: captions come in
    /// medium, large and extra large, and the plain one for the rest.
    fn caption_class(self) -> &'static str {
        match self {
            Self::M => "nhsuk-caption-m",
            Self::L => "nhsuk-caption-l",
            Self::Xl => "nhsuk-caption-xl",
            _ => "nhsuk-caption",
        }
    }
}

/// An `h1`…`h6` of `level` with `class` and `id` around `inner`: a heading,
/// a card's or panel's heading, or the heading a label or legend sits in
/// when its question is the page's.
pub(crate) fn element(
    level: HeadingLevel,
    class: Option<String>,
    id: Option<String>,
    inner: AnyView,
) -> AnyView {
    match level {
        HeadingLevel::H1 => view! { <h1 class=class id=id>{inner}</h1> }.into_any(),
        HeadingLevel::H2 => view! { <h2 class=class id=id>{inner}</h2> }.into_any(),
        HeadingLevel::H3 => view! { <h3 class=class id=id>{inner}</h3> }.into_any(),
        HeadingLevel::H4 => view! { <h4 class=class id=id>{inner}</h4> }.into_any(),
        HeadingLevel::H5 => view! { <h5 class=class id=id>{inner}</h5> }.into_any(),
        HeadingLevel::H6 => view! { <h6 class=class id=id>{inner}</h6> }.into_any(),
    }
}

/// An NHS.UK heading: a level (the page's structure) and a size (how it
/// looks), chosen apart, with an optional caption naming the section it
/// belongs to ("About you"), read with the heading when inside it.
#[component]
pub fn Heading(
    /// Extra classes on the heading.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The heading's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Its level: `h1` for the page's own heading.
    #[prop(optional)]
    level: HeadingLevel,
    /// How large it is.
    #[prop(optional)]
    size: HeadingSize,
    /// A caption: the section or record the page belongs to (text, or an
    /// `Option` passed on from a component of its own, as a legend's is).
    #[prop(optional, into)]
    caption: MaybeProp<String>,
    /// Where the caption goes: inside, at the start (read first) or the
    /// end, or before or after the heading.
    #[prop(optional)]
    caption_placement: CaptionPlacement,
    /// Makes the heading a link.
    #[prop(optional, into)]
    href: Option<String>,
    /// Words for screen readers only, after the heading: whose record a
    /// "Home address" heading is about.
    #[prop(optional, into)]
    visually_hidden_text: Option<String>,
    /// The heading.
    children: Children,
) -> impl IntoView {
    // The spaces keep caption and heading apart when the heading is read
    // as text (nhsuk-frontend's markup has them too).
    let caption_view = move |bottom: bool, text: String| {
        let (class, text) = if bottom {
            (
                format!("{} nhsuk-caption--bottom", size.caption_class()),
                format!(" {text}"),
            )
        } else {
            (size.caption_class().to_string(), format!("{text} "))
        };
        view! { <span class=class>{text}</span> }
    };
    let (start, end, before, after) = match (caption.get_untracked(), caption_placement) {
        (None, _) => (None, None, None, None),
        (Some(c), CaptionPlacement::Start) => (Some(c), None, None, None),
        (Some(c), CaptionPlacement::End) => (None, Some(c), None, None),
        (Some(c), CaptionPlacement::Before) => (None, None, Some(c), None),
        (Some(c), CaptionPlacement::After) => (None, None, None, Some(c)),
    };
    let text = match href {
        Some(href) => view! { <a class="nhsuk-link" href=href>{children()}</a> }.into_any(),
        None => children().into_any(),
    };
    let inner = view! {
        {start.map(|c| view! { {caption_view(false, c)}" " })}
        {text}
        {visually_hidden_text.map(|t| view! { <span class="nhsuk-u-visually-hidden">{format!(" {t}")}</span> })}
        {end.map(|c| view! { " "{caption_view(true, c)} })}
    };
    let classes = [size.as_str().map(str::to_string), class.get_untracked()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    let class = (!classes.is_empty()).then(|| classes.join(" "));
    view! {
        {before.map(|c| caption_view(false, c))}
        {element(level, class, id, inner.into_any())}
        {after.map(|c| caption_view(true, c))}
    }
}
