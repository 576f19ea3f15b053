//! Date input's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::forms::{DatePart, DateParts};
use crate::ui::{HeadingLevel, LabelSize};

/// The gallery page and tests for [`DateInput`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "date-input",
    title: "Date input",
    summary: "A date people know, as day, month and year.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A date of birth, with an example date as the hint.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <DateInput
                        id="example"
                        legend=DOB
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        hint=|| DOB_HINT
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "error-day",
            title: "With an error on the day",
            description: "The message says what is missing; only the day is marked.",
            hidden: false,
            nhsuk_fixture: Some("with error on day input"),
            render: || {
                let value = RwSignal::new(DateParts::new("", "3", "1980"));
                view! {
                    <DateInput
                        id="example"
                        legend=DOB
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        hint=|| DOB_HINT
                        error="Date of birth must include a day"
                        error_parts=vec![DatePart::Day]
                        value=value
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "error-hint",
            title: "With error message and hint",
            description: "The whole date is wrong: every part is marked.",
            hidden: false,
            nhsuk_fixture: Some("with error message and hint"),
            render: || {
                view! {
                    <DateInput
                        id="example"
                        legend=DOB
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        hint=|| DOB_HINT
                        error="Enter your date of birth"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "day-month",
            title: "Day and month",
            description: "A date without a year.",
            hidden: false,
            nhsuk_fixture: Some("day and month"),
            render: || {
                view! {
                    <DateInput
                        id="example"
                        legend="What is your birthday?"
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        hint=|| "For example, 5 12"
                        fields=DateFields::DayMonth
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "values",
            title: "With values",
            description: "Parts already given, from the value signal.",
            hidden: true,
            nhsuk_fixture: Some("with values"),
            render: || {
                let value = RwSignal::new(DateParts::new("5", "8", "2024"));
                view! {
                    <DateInput
                        id="example"
                        legend=DOB
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        hint=|| DOB_HINT
                        value=value
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "errors-only",
            title: "With errors only",
            description: "Every part marked, the message given elsewhere.",
            hidden: true,
            nhsuk_fixture: Some("with errors only"),
            render: || {
                view! {
                    <DateInput
                        id="example"
                        legend=DOB
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        error=""
                        error_parts=vec![DatePart::Day, DatePart::Month, DatePart::Year]
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Attributes land on the form group, classes on the row; names take a prefix.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <DateInput
                        id="onset"
                        name_prefix="onset"
                        legend="When did the symptoms start?"
                        class="app-date-input"
                        attr:data-test="date-input"
                    />
                }
                .into_any()
            },
        },
    ],
};

const DOB: &str = "What is your date of birth?";

const DOB_HINT: &str = "For example, 31 3 1980";
