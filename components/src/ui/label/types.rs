//! The label's sizes and heading levels, and where its caption goes.

/// How large a label (or legend) is. `Default` is body text; the others
/// match heading sizes, for a question that is the page's heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LabelSize {
    /// Body text.
    #[default]
    Default,
    /// Small heading size.
    S,
    /// Medium heading size.
    M,
    /// Large heading size: the usual one for a question that is the page heading.
    L,
    /// Extra large.
    Xl,
}

impl LabelSize {
    /// The modifier after `nhsuk-label--` (and `nhsuk-fieldset__legend--`);
    /// `None` for the default.
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            Self::Default => None,
            Self::S => Some("s"),
            Self::M => Some("m"),
            Self::L => Some("l"),
            Self::Xl => Some("xl"),
        }
    }

    /// The label's classes.
    pub(crate) fn label_class(self) -> &'static str {
        match self {
            Self::Default => "nhsuk-label",
            Self::S => "nhsuk-label nhsuk-label--s",
            Self::M => "nhsuk-label nhsuk-label--m",
            Self::L => "nhsuk-label nhsuk-label--l",
            Self::Xl => "nhsuk-label nhsuk-label--xl",
        }
    }

    /// A legend's classes.
    pub(crate) fn legend_class(self) -> &'static str {
        match self {
            Self::Default => "nhsuk-fieldset__legend",
            Self::S => "nhsuk-fieldset__legend nhsuk-fieldset__legend--s",
            Self::M => "nhsuk-fieldset__legend nhsuk-fieldset__legend--m",
            Self::L => "nhsuk-fieldset__legend nhsuk-fieldset__legend--l",
            Self::Xl => "nhsuk-fieldset__legend nhsuk-fieldset__legend--xl",
        }
    }

    /// A caption's class at this size (nhsuk-frontend's caption sizes).
    pub(crate) fn caption_class(self) -> &'static str {
        match self {
            Self::Default | Self::S => "nhsuk-caption",
            Self::M => "nhsuk-caption-m",
            Self::L => "nhsuk-caption-l",
            Self::Xl => "nhsuk-caption-xl",
        }
    }
}

/// A heading level, for a label or legend that is also a heading (`h1` when
/// the question is the page's heading, as NHS.UK pages with one question
/// do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HeadingLevel {
    /// `<h1>`: the page's heading.
    #[default]
    H1,
    /// `<h2>`.
    H2,
    /// `<h3>`.
    H3,
    /// `<h4>`.
    H4,
    /// `<h5>`.
    H5,
    /// `<h6>`.
    H6,
}

impl HeadingLevel {
    /// The element's name, `h1` to `h6`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::H1 => "h1",
            Self::H2 => "h2",
            Self::H3 => "h3",
            Self::H4 => "h4",
            Self::H5 => "h5",
            Self::H6 => "h6",
        }
    }
}

/// Where a label's caption goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaptionPlacement {
    /// Inside the label, before its text, read with it.
    #[default]
    Start,
    /// A paragraph before the label.
    Before,
    /// A paragraph after the label.
    After,
    /// Inside, after the text (a heading's caption; a label's goes after it).
    End,
}
