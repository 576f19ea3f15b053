//! Search input's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::gallery::samples::nhs_number_hint;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{HeadingLevel, InputWidth, LabelSize};

/// The gallery page and tests for [`SearchInput`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "search-input",
    title: "Search input",
    summary: "A search box with its search button.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A search by NHS number, with a hint and a placeholder.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <SearchInput
                        name="example"
                        label="Search by NHS number"
                        label_size=LabelSize::M
                        label_heading=HeadingLevel::H1
                        placeholder="NHS number"
                        hint=nhs_number_hint
                        width=InputWidth::Chars20
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "hidden-label",
            title: "With hidden label",
            description: "The label for screen readers only.",
            hidden: false,
            nhsuk_fixture: Some("with hidden label"),
            render: || {
                view! {
                    <SearchInput
                        name="example"
                        label="Search by NHS number"
                        label_hidden=true
                        width=InputWidth::Chars20
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "error",
            title: "With error message",
            description: "What is wrong with the search, read with the box.",
            hidden: false,
            nhsuk_fixture: Some("with error message"),
            render: || {
                let value = RwSignal::new("999 123 4567".to_string());
                view! {
                    <SearchInput
                        name="example"
                        label="Search by NHS number"
                        label_size=LabelSize::M
                        label_heading=HeadingLevel::H1
                        error="Enter NHS number"
                        value=value
                        width=InputWidth::Chars20
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "without-button",
            title: "Without button",
            description: "The form around it has a button of its own.",
            hidden: true,
            nhsuk_fixture: Some("without button"),
            render: || {
                view! {
                    <SearchInput
                        name="example"
                        label="Search by NHS number"
                        label_size=LabelSize::M
                        label_heading=HeadingLevel::H1
                        without_button=true
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
                    <SearchInput
                        name="ward-search"
                        label="Search the ward list"
                        class="app-search"
                        attr:data-test="search-input"
                    />
                }
                .into_any()
            },
        },
    ],
};
