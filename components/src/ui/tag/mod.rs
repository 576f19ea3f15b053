#![doc = include_str!("docs.md")]

use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// A tag's colour. NHS.UK's guidance: a colour means the same thing
/// wherever it is used in a service, and the words carry the meaning, since
/// the colour cannot for everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagColour {
    /// Dark blue: nhsuk-frontend's default.
    #[default]
    Default,
    /// White.
    White,
    /// Grey: inactive.
    Grey,
    /// Green: new, done.
    Green,
    /// Aqua green.
    AquaGreen,
    /// Light blue.
    Blue,
    /// Purple.
    Purple,
    /// Pink.
    Pink,
    /// Red: a problem, rejected.
    Red,
    /// Orange: declined, late.
    Orange,
    /// Yellow: delayed, waiting.
    Yellow,
    /// No colour: text only, as in a task list's completed status.
    NoColour,
}

impl TagColour {
    /// The modifier class; `None` for the default.
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            Self::Default => None,
            Self::White => Some("nhsuk-tag--white"),
            Self::Grey => Some("nhsuk-tag--grey"),
            Self::Green => Some("nhsuk-tag--green"),
            Self::AquaGreen => Some("nhsuk-tag--aqua-green"),
            Self::Blue => Some("nhsuk-tag--blue"),
            Self::Purple => Some("nhsuk-tag--purple"),
            Self::Pink => Some("nhsuk-tag--pink"),
            Self::Red => Some("nhsuk-tag--red"),
            Self::Orange => Some("nhsuk-tag--orange"),
            Self::Yellow => Some("nhsuk-tag--yellow"),
            Self::NoColour => Some("nhsuk-tag--no-colour"),
        }
    }
}

/// An NHS.UK tag: a short status ("Active", "Awaiting review") beside what
/// it describes.
#[component]
pub fn Tag(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The tag's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Its colour; may change, as a status does.
    #[prop(optional, into)]
    colour: Signal<TagColour>,
    /// Without the border (on a coloured background).
    #[prop(optional)]
    borderless: bool,
    /// The status, in a word or two.
    children: Children,
) -> impl IntoView {
    let classes = move || {
        let own = crate::ui::join_classes([
            Some("nhsuk-tag"),
            colour.get().as_str(),
            borderless.then_some("nhsuk-tag--no-border"),
        ]);
        crate::ui::class_list(&own, class.get())
    };
    view! {
        <strong class=classes id=id>
            {children()}
        </strong>
    }
}
