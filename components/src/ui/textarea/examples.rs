//! Textarea's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::gallery::samples::NO_PERSONAL;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{HeadingLevel, LabelSize};

/// The gallery page and tests for [`Textarea`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "textarea",
    title: "Textarea",
    summary: "An answer of more than a line.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "One question on the page, with a hint.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Textarea
                        name="example"
                        label="Can you provide more detail?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        hint=|| NO_PERSONAL
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "error",
            title: "With error message and hint",
            description: "What is wrong, read with the field.",
            hidden: false,
            nhsuk_fixture: Some("with error message and hint"),
            render: || {
                view! {
                    <Textarea
                        name="example"
                        id="with-hint-error"
                        label="Can you provide more detail?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        hint=|| NO_PERSONAL
                        error="You must provide an explanation"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "without-heading",
            title: "Without heading",
            description: "A question among others on the page.",
            hidden: false,
            nhsuk_fixture: Some("without heading"),
            render: || {
                view! {
                    <Textarea
                        name="example"
                        id="without-heading"
                        label="Can you provide more detail?"
                        hint=|| NO_PERSONAL
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "autocomplete",
            title: "With autocomplete",
            description: "An address the browser may fill in.",
            hidden: true,
            nhsuk_fixture: Some("with autocomplete attribute"),
            render: || {
                view! {
                    <Textarea
                        name="example"
                        id="with-autocomplete-attribute"
                        label="Full address"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        autocomplete="street-address"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "error-only",
            title: "With error only",
            description: "Marked in error, the message given elsewhere.",
            hidden: true,
            nhsuk_fixture: Some("with error only"),
            render: || {
                view! {
                    <Textarea
                        name="example"
                        id="with-error-only"
                        label="Can you provide more detail?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        error=""
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "disabled",
            title: "Disabled",
            description: "Shown but not answerable.",
            hidden: true,
            nhsuk_fixture: Some("disabled"),
            render: || {
                view! {
                    <Textarea
                        name="example"
                        label="Can you provide more detail?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        hint=|| NO_PERSONAL
                        disabled=true
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes land on the textarea, with its rows and value.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                let value = RwSignal::new("Fell at home".to_string());
                view! {
                    <Textarea
                        name="history"
                        label="History"
                        class="app-textarea"
                        rows=8
                        spellcheck=true
                        value=value
                        attr:data-test="textarea"
                    />
                }
                .into_any()
            },
        },
    ],
};
