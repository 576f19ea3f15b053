//! What the parts of a form field share: the control's `id` and `name`, its
//! hint and its error, and so its `aria-describedby`.
//!
//! nhsuk-frontend derives every id from the field's: the hint is
//! `<id>-hint`, the error message `<id>-error`, and the control is described
//! by whichever of the two it has (hint first). A control that renders its
//! own label, hint and error (as [`crate::ui::Input`] does, like
//! nhsuk-frontend's macros) provides a [`Field`] to them; a [`crate::ui::Hint`]
//! or [`crate::ui::ErrorMessage`] placed inside takes its `id` from it, so
//! ids are never written twice by hand.

use leptos::prelude::*;

/// A field's identity, in context for its label, hint and error message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The control's `id`: the label's `for`, and the stem of the other ids.
    pub id: String,
}

impl Field {
    /// The field whose control has this `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Self { id: id.into() }
    }

    /// The field provided above, if any.
    pub fn use_context() -> Option<Self> {
        use_context::<Self>()
    }

    /// Its hint's `id`: `<id>-hint`.
    pub fn hint_id(&self) -> String {
        format!("{}-hint", self.id)
    }

    /// Its error message's `id`: `<id>-error`.
    pub fn error_id(&self) -> String {
        format!("{}-error", self.id)
    }

    /// The control's `aria-describedby`: the hint, then the error message,
    /// each if there is one; `None` for neither (no empty attribute).
    pub fn described_by(&self, hint: bool, error: bool) -> Option<String> {
        let ids: Vec<String> = [hint.then(|| self.hint_id()), error.then(|| self.error_id())]
            .into_iter()
            .flatten()
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_derive_from_the_fields_as_nhsuk_frontend_derives_them() {
        let field = Field::new("nhs-number");
        assert_eq!(field.hint_id(), "nhs-number-hint");
        assert_eq!(field.error_id(), "nhs-number-error");
        assert_eq!(field.described_by(false, false), None);
        assert_eq!(
            field.described_by(true, false).as_deref(),
            Some("nhs-number-hint")
        );
        assert_eq!(
            field.described_by(false, true).as_deref(),
            Some("nhs-number-error")
        );
        assert_eq!(
            field.described_by(true, true).as_deref(),
            Some("nhs-number-hint nhs-number-error")
        );
    }
}
