#![doc = include_str!("docs.md")]

mod types;

use leptos::prelude::*;

pub use types::{InputType, InputWidth};
pub(crate) use types::input_classes;

use crate::docs::samples::nhs_number_hint;
use crate::docs::{ComponentDocs, Example};
use crate::forms::Field;
use crate::ui::form_group::{Question, group};
use crate::ui::{HeadingLevel, LabelSize};

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

/// The gallery page and tests for [`Input`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "input",
    title: "Text input",
    summary: "A single line of text: a name, a number, a postcode.",
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "One question on the page: the label is the page heading.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Input
                        name="example"
                        label="What is your full name?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-hint",
            title: "With hint",
            description: "A hint says what to enter and where to find it; the NHS number is code-styled, 10 characters wide, with a numeric keyboard.",
            hidden: false,
            nhsuk_fixture: Some("with hint"),
            render: || {
                view! {
                    <Input
                        name="example"
                        id="with-hint"
                        label="What is your NHS number?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        hint=nhs_number_hint
                        width=InputWidth::Chars10
                        code=true
                        inputmode="numeric"
                        spellcheck=false
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-error-message",
            title: "With error message",
            description: "What is wrong and how to fix it, read with the field.",
            hidden: false,
            nhsuk_fixture: Some("with error message"),
            render: || {
                view! {
                    <Input
                        name="example"
                        id="with-error-message"
                        label="What is your NHS number?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        error="Enter NHS number".to_string()
                        width=InputWidth::Chars10
                        code=true
                        inputmode="numeric"
                        spellcheck=false
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-error-message-and-hint",
            title: "With error message and hint",
            description: "The field is described by its hint, then its error.",
            hidden: false,
            nhsuk_fixture: Some("with error message and hint"),
            render: || {
                view! {
                    <Input
                        name="example"
                        id="with-hint-error"
                        label="What is your NHS number?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        hint=nhs_number_hint
                        error="Enter NHS number".to_string()
                        width=InputWidth::Chars10
                        code=true
                        inputmode="numeric"
                        spellcheck=false
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-error-only",
            title: "With error only",
            description: "In error, with the message elsewhere (a group's, say).",
            hidden: true,
            nhsuk_fixture: Some("with error only"),
            render: || {
                view! {
                    <Input
                        name="example"
                        id="with-error-only"
                        label="What is your NHS number?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        error=String::new()
                        width=InputWidth::Chars10
                        code=true
                        inputmode="numeric"
                        spellcheck=false
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-prefix-and-suffix",
            title: "With prefix and suffix",
            description: "Units around the field; the label says them too.",
            hidden: false,
            nhsuk_fixture: Some("with prefix and suffix"),
            render: || {
                view! {
                    <Input
                        name="example"
                        id="with-prefix-suffix"
                        label="Cost per item, in pounds"
                        label_heading=HeadingLevel::H1
                        prefix="£"
                        suffix="per item"
                        width=InputWidth::Chars5
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-button",
            title: "With button",
            description: "A search field with its button beside it.",
            hidden: false,
            nhsuk_fixture: Some("with button"),
            render: || {
                view! {
                    <Input
                        name="example"
                        id="with-button"
                        label="What is your NHS number?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        width=InputWidth::Chars10
                        code=true
                        inputmode="numeric"
                        spellcheck=false
                    >
                        <crate::ui::Button
                            variant=crate::ui::ButtonVariant::Secondary
                            small=true
                        >
                            "Search"
                        </crate::ui::Button>
                    </Input>
                }
                .into_any()
            },
        },
        Example {
            name: "width",
            title: "Width",
            description: "A width that says how long the answer is.",
            hidden: false,
            nhsuk_fixture: Some("width"),
            render: || {
                view! {
                    <Input
                        name="example"
                        id="input-width"
                        label="2 character width"
                        width=InputWidth::Chars2
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-code-input-styling",
            title: "With code input styling",
            description: "A value given by the caller, shown in the field.",
            hidden: true,
            nhsuk_fixture: Some("with code input styling"),
            render: || {
                view! {
                    <Input
                        name="example"
                        id="with-code-input-styling"
                        label="What is your NHS number?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        hint=nhs_number_hint
                        value=RwSignal::new("999 123 4567".to_string())
                        width=InputWidth::Chars10
                        code=true
                        inputmode="numeric"
                        spellcheck=false
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "example-address-postcode",
            title: "Example address postcode",
            description: "What the browser may fill in, with `autocomplete`.",
            hidden: true,
            nhsuk_fixture: Some("example address postcode"),
            render: || {
                view! {
                    <Input
                        name="address-postcode"
                        label="Postcode"
                        autocomplete="postal-code"
                        width=InputWidth::Chars10
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "example-phone-number",
            title: "Example phone number",
            description: "A phone number: `tel`, two thirds of the column.",
            hidden: true,
            nhsuk_fixture: Some("example phone number"),
            render: || {
                view! {
                    <Input
                        name="contact-by-phone"
                        label="Phone number"
                        input_type=InputType::Tel
                        class="nhsuk-u-width-two-thirds"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "disabled",
            title: "Disabled",
            description: "Avoid where you can: say why the question does not apply instead.",
            hidden: true,
            nhsuk_fixture: Some("disabled"),
            render: || {
                view! {
                    <Input
                        name="example"
                        label="What is your full name?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        disabled=true
                    />
                }
                .into_any()
            },
        },
    ],
};
