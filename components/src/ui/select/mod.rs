#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::forms::Field;
use crate::ui::form_group::{Question, group};
use crate::ui::{HeadingLevel, LabelSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// One entry of a [`Select`]: an option, or a divider between groups of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectOption {
    /// An option: the `value` sent with the form and the `text` shown.
    Option {
        /// Sent with the form, and what the select's value signal holds.
        value: String,
        /// Shown.
        text: String,
        /// Shown but not choosable.
        disabled: bool,
    },
    /// A line between groups of options.
    Divider,
}

impl SelectOption {
    /// An option.
    pub fn new(value: impl Into<String>, text: impl Into<String>) -> Self {
        Self::Option {
            value: value.into(),
            text: text.into(),
            disabled: false,
        }
    }

    /// This option, shown but not choosable.
    pub fn disabled(self) -> Self {
        match self {
            Self::Option { value, text, .. } => Self::Option {
                value,
                text,
                disabled: true,
            },
            Self::Divider => Self::Divider,
        }
    }
}

/// An NHS.UK select in its form group, with its label, hint and error
/// message: one choice from a list too long for radios (NHS.UK advises
/// radios where they fit, and a select only as a last resort).
///
/// The value is two-way: the chosen option's `value` is in the
/// `RwSignal<String>` you own; setting it chooses that option.
#[component]
pub fn Select(
    /// Extra classes on the `<select>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The `name` sent with the form; also the select's `id` unless `id` is set.
    #[prop(into)]
    name: String,
    /// The select's `id`, when it cannot be `name`.
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
    /// The options, in order (they may change: options loaded from a
    /// server).
    #[prop(into)]
    options: Signal<Vec<SelectOption>>,
    /// The chosen option's value, two-way. While it names no option, the
    /// first option is chosen, as a browser does, and the signal set to it.
    #[prop(optional)]
    value: Option<RwSignal<String>>,
    /// Disables the select.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// After the select, beside it: a button that applies the choice.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.clone());
    let value = value.unwrap_or_else(|| RwSignal::new(String::new()));
    // A select always shows a choice: when the value names no option, the
    // browser shows the first, and the signal is made to say so, so what
    // the form holds is what the user sees.
    Effect::new(move |_| {
        options.with(|all| {
            let shown = |v: &String| {
                all.iter()
                    .any(|o| matches!(o, SelectOption::Option { value, .. } if value == v))
            };
            if value.with_untracked(|v| shown(v)) {
                return;
            }
            if let Some(SelectOption::Option { value: first, .. }) = all
                .iter()
                .find(|o| matches!(o, SelectOption::Option { disabled: false, .. }))
            {
                value.set(first.clone());
            }
        })
    });
    let in_error = move || error.get().is_some();
    let control = move || {
        let field = Field::use_context().unwrap_or_else(|| Field::new(name.clone()));
        let classes = move || {
            let base = if in_error() {
                "nhsuk-select nhsuk-select--error"
            } else {
                "nhsuk-select"
            };
            crate::ui::class_list(base, class.get())
        };
        let entries = move || {
            options
                .get()
                .into_iter()
                .map(|entry| match entry {
                    SelectOption::Divider => view! { <hr /> }.into_any(),
                    SelectOption::Option {
                        value: own,
                        text,
                        disabled,
                    } => {
                        let chosen = {
                            let own = own.clone();
                            move || value.with(|v| *v == own)
                        };
                        view! {
                            <option
                                value=own
                                selected=chosen.clone()
                                prop:selected=chosen
                                disabled=disabled
                            >
                                {text}
                            </option>
                        }
                        .into_any()
                    }
                })
                .collect_view()
        };
        let select = view! {
            <select
                class=classes
                id=field.id.clone()
                name=name
                disabled=move || disabled.get()
                aria-describedby=move || field.describes(false)
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {entries}
            </select>
        };
        match children {
            Some(after) => {
                view! { <div class="nhsuk-input-wrapper">{select} {after()}</div> }.into_any()
            }
            None => select.into_any(),
        }
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
    group(question, MaybeProp::default(), Box::new(control))
}
