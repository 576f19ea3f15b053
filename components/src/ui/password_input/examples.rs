//! Password input's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use leptos::tachys::view::add_attr::AddAnyAttr;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{HeadingLevel, InputWidth, LabelSize};

/// The gallery page and tests for [`PasswordInput`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "password-input",
    title: "Password input",
    summary: "A password, with a button to show what was typed.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "The question is the page's heading.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <PasswordInput
                        name="example"
                        label="Password"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "error",
            title: "With error message",
            description: "What is wrong, read with the field.",
            hidden: false,
            nhsuk_fixture: Some("with error message"),
            render: || {
                view! {
                    <PasswordInput
                        name="example"
                        id="with-error-message"
                        label="Password"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        error="Enter a password"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "new-password",
            title: "Choosing a password",
            description: "A hint says what a password needs; the browser may suggest one.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PasswordInput
                        name="new-password"
                        label="Create a password"
                        hint=|| "Your password must be at least 12 characters"
                        autocomplete="new-password"
                        width=InputWidth::Chars20
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Attributes land on the form group, classes on the input.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PasswordInput name="pin" label="PIN" class="app-pin" attr:data-test="password-input" />
                }
                .into_any()
            },
        },
    ],
};
