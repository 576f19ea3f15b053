//! Error summary's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`ErrorSummary`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "error-summary",
    title: "Error summary",
    summary: "Every problem with a form, at the top of the page, each linking to its field.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "One problem, linking to its field.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <ErrorSummary

                        errors=vec![ErrorLink::to_field("Date of birth must be in the past", "example-day")]
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "multiple-errors",
            title: "With multiple errors",
            description: "In the order of the fields on the page.",
            hidden: false,
            nhsuk_fixture: Some("with multiple errors"),
            render: || {
                view! {
                    <ErrorSummary

                        errors=vec![
                            ErrorLink::to_field("Enter your first name", "example-first-name"),
                            ErrorLink::to_field("Enter your last name", "example-last-name"),
                        ]
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-description",
            title: "With description",
            description: "A sentence before the list.",
            hidden: false,
            nhsuk_fixture: Some("with description"),
            render: || {
                view! {
                    <ErrorSummary
                        description="Describe the errors and how to correct them"
                        errors=vec![ErrorLink::to_field("Date of birth must be in the past", "example-day")]
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "without-error-link-mixed",
            title: "Without error link (mixed)",
            description: "A problem with no field of its own, beside one with a field.",
            hidden: false,
            nhsuk_fixture: Some("without error link (mixed)"),
            render: || {
                view! {
                    <ErrorSummary errors=vec![
                        ErrorLink::without_link("Invalid username or password"),
                        ErrorLink::to_field(
                            "Agree to the terms of service to log in",
                            "example-terms-of-service",
                        ),
                    ] />
                }
                .into_any()
            },
        },
        Example {
            name: "auto-focus-disabled",
            title: "Auto-focus disabled",
            description: "Does not take focus when it appears.",
            hidden: true,
            nhsuk_fixture: Some("auto-focus disabled"),
            render: || {
                view! {
                    <ErrorSummary
                        disable_auto_focus=true
                        errors=vec![ErrorLink::to_field("Date of birth must be in the past", "example-day")]
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the summary.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <ErrorSummary
                        class="app-summary"
                        attr:data-test="summary"
                        disable_auto_focus=true
                        errors=vec![ErrorLink::without_link("A problem")]
                    />
                }
                .into_any()
            },
        },
    ],
};
