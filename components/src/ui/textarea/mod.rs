#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::forms::Field;
use crate::ui::form_group::{Question, group};
use crate::ui::{HeadingLevel, LabelSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK textarea in its form group, with its label, hint and error
/// message: an answer of more than a line (what happened, a handover note).
///
/// The value is two-way, as [`crate::ui::Input`]'s is. Nothing typed is cut
/// off: for a limit, use [`crate::ui::CharacterCount`], which says how much
/// is left and marks the excess instead.
#[component]
pub fn Textarea(
    /// Extra classes on the `<textarea>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The `name` sent with the form; also the textarea's `id` unless `id` is set.
    #[prop(into)]
    name: String,
    /// The textarea's `id`, when it cannot be `name`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The question.
    #[prop(into)]
    label: String,
    /// How large the label is.
    #[prop(optional)]
    label_size: LabelSize,
    /// Wraps the label in a heading (`H1` when the question is the page's).
    #[prop(default = None, into)]
    label_heading: Option<HeadingLevel>,
    /// Help under the label.
    #[prop(optional, into)]
    hint: Option<ViewFn>,
    /// What is wrong with the answer, shown while `Some`. `Some("")` marks
    /// the field in error without a message of its own.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// The value, two-way. Without one, the field keeps its own.
    #[prop(optional)]
    value: Option<RwSignal<String>>,
    /// Visible lines: 5 unless set.
    #[prop(default = 5)]
    rows: u32,
    /// Spell checking: `Some(false)` for codes and names.
    #[prop(optional, into)]
    spellcheck: Option<bool>,
    /// What the browser may fill in (`street-address`).
    #[prop(optional, into)]
    autocomplete: Option<String>,
    /// Disables the textarea (avoid: say why it is not needed instead).
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.clone());
    let value = value.unwrap_or_else(|| RwSignal::new(String::new()));
    let control = TextareaControl {
        name,
        rows,
        value,
        spellcheck,
        autocomplete,
        disabled,
        in_error: Signal::derive(move || error.get().is_some()),
        class,
        described_first: None,
    };
    let question = Question {
        id,
        label: Some(label),
        label_size,
        label_heading,
        fieldset: false,
        role: None,
        label_hidden: false,
        hint,
        error,
    };
    group(question, MaybeProp::default(), Box::new(move || control.view()))
}

/// The `<textarea>` itself, for [`Textarea`] and
/// [`crate::ui::CharacterCount`]; built inside its form group.
pub(crate) struct TextareaControl {
    pub name: String,
    pub rows: u32,
    pub value: RwSignal<String>,
    pub spellcheck: Option<bool>,
    pub autocomplete: Option<String>,
    pub disabled: Signal<bool>,
    /// Whether it shows as in error (red border).
    pub in_error: Signal<bool>,
    /// Extra classes.
    pub class: MaybeProp<String>,
    /// An id that describes it before the hint and error (a character
    /// count's limit, as nhsuk-frontend orders them).
    pub described_first: Option<String>,
}

impl TextareaControl {
    pub fn view(self) -> AnyView {
        let Self {
            name,
            rows,
            value,
            spellcheck,
            autocomplete,
            disabled,
            in_error,
            class,
            described_first,
        } = self;
        let field = Field::use_context().unwrap_or_else(|| Field::new(name.clone()));
        let id = field.id.clone();
        let initial = value.get_untracked();
        let classes = move || {
            let base = if in_error.get() {
                "nhsuk-textarea nhsuk-textarea--error"
            } else {
                "nhsuk-textarea"
            };
            crate::ui::class_list(base, class.get())
        };
        let described_by = move || {
            let rest = field.describes(false);
            match (&described_first, rest) {
                (Some(first), Some(rest)) => Some(format!("{first} {rest}")),
                (Some(first), None) => Some(first.clone()),
                (None, rest) => rest,
            }
        };
        view! {
            <textarea
                class=classes
                id=id
                name=name
                rows=rows
                spellcheck=spellcheck.map(|s| if s { "true" } else { "false" })
                disabled=move || disabled.get()
                aria-describedby=described_by
                autocomplete=autocomplete
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            >
                {initial}
            </textarea>
        }
        .into_any()
    }
}

