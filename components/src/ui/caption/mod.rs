#![doc = include_str!("docs.md")]

use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

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
