#![doc = include_str!("docs.md")]

mod types;

use leptos::prelude::*;

pub use types::{InputType, InputWidth};

pub(crate) use types::input_classes;

use crate::forms::Field;
use crate::ui::form_group::{Question, group};
use crate::ui::{HeadingLevel, LabelSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK text input in its form group, with its label, hint and error
/// message, as nhsuk-frontend's `input` macro renders it.
///
/// The value is two-way: give it an `RwSignal<String>` you own; typing
/// updates it and setting it updates the field. Ids derive from `name`
/// (or `id`): the hint is `<id>-hint`, the error `<id>-error`, and the input
/// is described by both ([`Field`]).
#[component]
pub fn Input(
    /// Extra classes on the `<input>` (a width class of nhsuk-frontend's
    /// replaces `width`).
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The `name` sent with the form; also the input's `id` unless `id` is set.
    #[prop(into)]
    name: String,
    /// The input's `id`, when it cannot be `name`.
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
    /// Help under the label: `hint=|| "For example, LS1 1AB"`.
    #[prop(optional, into)]
    hint: Option<ViewFn>,
    /// What is wrong with the answer, shown while `Some`. `Some("")` marks
    /// the field in error without a message of its own.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// The value, two-way. Without one, the field keeps its own.
    #[prop(optional)]
    value: Option<RwSignal<String>>,
    /// The `type`: `Text` unless set (identifiers such as NHS numbers stay
    /// text, with `inputmode="numeric"`).
    #[prop(optional)]
    input_type: InputType,
    /// A fixed width in characters, for answers of a known length.
    #[prop(optional)]
    width: InputWidth,
    /// Monospaced, letter-spaced text, for codes and numbers read digit by
    /// digit (NHS numbers).
    #[prop(optional)]
    code: bool,
    /// The on-screen keyboard: `numeric` for digits.
    #[prop(optional, into)]
    inputmode: Option<String>,
    /// What the browser may fill in (`postal-code`, `off`).
    #[prop(optional, into)]
    autocomplete: Option<String>,
    /// Spell checking: `Some(false)` for names, codes and email addresses.
    #[prop(optional, into)]
    spellcheck: Option<bool>,
    /// Disables the input (avoid: say why it is not needed instead).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Text before the input, such as `£` (hidden from screen readers: say
    /// it in the label).
    #[prop(optional, into)]
    prefix: Option<String>,
    /// Text after the input, such as `kg`.
    #[prop(optional, into)]
    suffix: Option<String>,
    /// After the input, beside it: a search button, say.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.clone());
    let value = value.unwrap_or_else(|| RwSignal::new(String::new()));
    let in_error = move || error.get().is_some();
    // Built inside the group, whose field (ids, hint, error) it reads.
    let own_id = id.clone();
    let control = move || {
        let field = Field::use_context().unwrap_or_else(|| Field::new(own_id));
        let initial = value.get_untracked();
        let input = view! {
            <input
                class=move || input_classes(code, in_error(), width, class.get().as_deref())
                id=field.id.clone()
                name=name
                type=input_type.as_str()
                spellcheck=spellcheck.map(|s| if s { "true" } else { "false" })
                value=(!initial.is_empty()).then_some(initial)
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                disabled=move || disabled.get()
                aria-describedby=move || field.describes(false)
                autocomplete=autocomplete
                inputmode=inputmode
            />
        };
        if prefix.is_none() && suffix.is_none() && children.is_none() {
            return input.into_any();
        }
        view! {
            <div class="nhsuk-input-wrapper">
                {prefix
                    .map(|p| {
                        view! {
                            <div class="nhsuk-input-wrapper__prefix" aria-hidden="true">
                                {p}
                            </div>
                        }
                    })}
                {input}
                {suffix
                    .map(|s| {
                        view! {
                            <div class="nhsuk-input-wrapper__suffix" aria-hidden="true">
                                {s}
                            </div>
                        }
                    })}
                {children.map(|c| c())}
            </div>
        }
        .into_any()
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
