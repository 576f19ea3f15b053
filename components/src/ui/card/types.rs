//! The card's variants and actions.

use leptos::prelude::*;

/// What kind of card: its colour, border and what the heading says to
/// screen readers. Care cards (non-urgent, urgent, emergency) follow the
/// NHS.UK service manual's care card guidance: one per page section, for
/// advice about when and where to get care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CardVariant {
    /// A plain card.
    #[default]
    Basic,
    /// A card that stands out from the page with a coloured heading bar.
    Feature,
    /// A navigation card with a chevron: the main ways on from the page.
    Primary,
    /// A card with less visual weight: secondary ways on.
    Secondary,
    /// Something the reader must know before acting (see
    /// [`WarningCallout`](crate::ui::WarningCallout)).
    Warning,
    /// Care card: non-urgent advice (blue).
    NonUrgent,
    /// Care card: urgent advice (red).
    Urgent,
    /// Care card: immediate action required (red and black).
    Emergency,
}

impl CardVariant {
    /// The modifier classes; `None` for a basic card.
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            Self::Basic => None,
            Self::Feature => Some("nhsuk-card--feature"),
            Self::Primary => Some("nhsuk-card--primary"),
            Self::Secondary => Some("nhsuk-card--secondary"),
            Self::Warning => Some("nhsuk-card--warning"),
            Self::NonUrgent => Some("nhsuk-card--care nhsuk-card--care--non-urgent"),
            Self::Urgent => Some("nhsuk-card--care nhsuk-card--care--urgent"),
            Self::Emergency => Some("nhsuk-card--care nhsuk-card--care--emergency"),
        }
    }

    /// What a care card's heading is, said before it to screen readers,
    /// since its colour says it to everyone else.
    pub(crate) fn care_prefix(self) -> Option<&'static str> {
        match self {
            Self::NonUrgent => Some("Non-urgent advice"),
            Self::Urgent => Some("Urgent advice"),
            Self::Emergency => Some("Immediate action required"),
            _ => None,
        }
    }
}

/// A link or button beside a card's heading: "Change", "Remove". Screen
/// readers hear the card's heading after it ("Remove (Penicillin)"), so a
/// page of cards does not read as a list of identical "Remove"s.
#[derive(Clone)]
pub struct CardAction {
    pub(super) text: String,
    pub(super) kind: ActionKind,
    pub(super) hidden: Option<String>,
}

#[derive(Clone)]
pub(super) enum ActionKind {
    Link(String),
    Button(Option<Callback<leptos::ev::MouseEvent>>),
}

impl CardAction {
    /// A link to `href`.
    pub fn link(text: impl Into<String>, href: impl Into<String>) -> Self {
        Self::new(text, ActionKind::Link(href.into()))
    }

    /// A button that runs `on_click` in the app.
    pub fn button(
        text: impl Into<String>,
        on_click: impl Fn(leptos::ev::MouseEvent) + Send + Sync + 'static,
    ) -> Self {
        Self::new(text, ActionKind::Button(Some(Callback::new(on_click))))
    }

    /// A button that submits the form the card is in.
    pub fn submit(text: impl Into<String>) -> Self {
        Self::new(text, ActionKind::Button(None))
    }

    /// Words for screen readers only, after the text ("allergy"), before
    /// the heading.
    pub fn hidden_text(mut self, hidden: impl Into<String>) -> Self {
        self.hidden = Some(hidden.into());
        self
    }

    fn new(text: impl Into<String>, kind: ActionKind) -> Self {
        Self {
            text: text.into(),
            kind,
            hidden: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_care_cards_announce_their_urgency() {
        assert_eq!(CardVariant::default().as_str(), None);
        assert_eq!(CardVariant::Emergency.care_prefix(), Some("Immediate action required"));
        assert_eq!(CardVariant::Urgent.care_prefix(), Some("Urgent advice"));
        assert_eq!(CardVariant::NonUrgent.care_prefix(), Some("Non-urgent advice"));
        for plain in [
            CardVariant::Basic,
            CardVariant::Feature,
            CardVariant::Primary,
            CardVariant::Secondary,
            CardVariant::Warning,
        ] {
            assert_eq!(plain.care_prefix(), None, "{plain:?}");
        }
    }
}
