//! The input's widths and types.

/// A fixed width in characters, for answers of a known length (an NHS number
/// is 10, a postcode 8): the field's size says what is expected. `Full`
/// (the default) fills the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputWidth {
    /// The column's width.
    #[default]
    Full,
    /// 2 characters.
    Chars2,
    /// 3 characters.
    Chars3,
    /// 4 characters.
    Chars4,
    /// 5 characters.
    Chars5,
    /// 10 characters (an NHS number).
    Chars10,
    /// 20 characters.
    Chars20,
    /// 30 characters.
    Chars30,
}

impl InputWidth {
    /// The modifier class; `None` for the full width.
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            Self::Full => None,
            Self::Chars2 => Some("nhsuk-input--width-2"),
            Self::Chars3 => Some("nhsuk-input--width-3"),
            Self::Chars4 => Some("nhsuk-input--width-4"),
            Self::Chars5 => Some("nhsuk-input--width-5"),
            Self::Chars10 => Some("nhsuk-input--width-10"),
            Self::Chars20 => Some("nhsuk-input--width-20"),
            Self::Chars30 => Some("nhsuk-input--width-30"),
        }
    }
}

/// The input's `type`. Numbers that are identifiers (an NHS number, a phone
/// number) are `Text` with `inputmode="numeric"`, not `Number`, as the
/// NHS.UK guidance says: browsers round, step and scroll `number` fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputType {
    /// `text`.
    #[default]
    Text,
    /// `email`.
    Email,
    /// `tel`.
    Tel,
    /// `url`.
    Url,
    /// `search`.
    Search,
    /// `password`.
    Password,
    /// `number`: only for quantities.
    Number,
}

impl InputType {
    /// The `type` attribute's value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Email => "email",
            Self::Tel => "tel",
            Self::Url => "url",
            Self::Search => "search",
            Self::Password => "password",
            Self::Number => "number",
        }
    }
}

/// The input's classes: nhsuk-frontend's order (code, error, width, then the
/// caller's). A caller's own width class replaces `width`, as in
/// nhsuk-frontend.
pub(crate) fn input_classes(code: bool, error: bool, width: InputWidth, extra: Option<&str>) -> String {
    let extra = extra.map(str::trim).filter(|e| !e.is_empty());
    let own_width = extra.is_some_and(|e| e.contains("nhsuk-input--width-"));
    crate::ui::join_classes([
        Some("nhsuk-input"),
        code.then_some("nhsuk-input--code"),
        error.then_some("nhsuk-input--error"),
        if own_width { None } else { width.as_str() },
        extra,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_nhsuk_frontends_order_and_a_callers_width_wins() {
        assert_eq!(input_classes(false, false, InputWidth::Full, None), "nhsuk-input");
        assert_eq!(
            input_classes(true, true, InputWidth::Chars10, Some(" app ")),
            "nhsuk-input nhsuk-input--code nhsuk-input--error nhsuk-input--width-10 app"
        );
        assert_eq!(
            input_classes(false, false, InputWidth::Chars30, Some("nhsuk-input--width-10")),
            "nhsuk-input nhsuk-input--width-10"
        );
        assert_eq!(input_classes(false, false, InputWidth::Chars2, Some("")), "nhsuk-input nhsuk-input--width-2");
    }
}
