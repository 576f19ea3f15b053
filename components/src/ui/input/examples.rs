//! Text input's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::gallery::samples::nhs_number_hint;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{HeadingLevel, LabelSize};

/// The gallery page and tests for [`Input`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "input",
    title: "Text input",
    summary: "A single line of text: a name, a number, a postcode.",
    workbench: None,
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
