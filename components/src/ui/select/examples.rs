//! Select's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{Button, ButtonVariant, HeadingLevel, LabelSize};

/// The gallery page and tests for [`Select`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "select",
    title: "Select",
    summary: "One choice from a long list.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "One question on the page.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Select
                        name="example"
                        label="Sort by"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        options=sort_options()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "selected",
            title: "With a value chosen",
            description: "The value signal chooses its option.",
            hidden: false,
            nhsuk_fixture: Some("with selected value"),
            render: || {
                let value = RwSignal::new("updated".to_string());
                view! {
                    <Select
                        name="example"
                        id="with-value"
                        label="Sort by"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        options=sort_options()
                        value=value
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "divider",
            title: "With divider",
            description: "A line between groups of options.",
            hidden: false,
            nhsuk_fixture: Some("with divider"),
            render: || {
                view! {
                    <Select
                        name="example"
                        label="Sort by"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        options=vec![
                            SelectOption::new("first-name-ascending", "First name (A to Z)"),
                            SelectOption::new("first-name-descending", "First name (Z to A)"),
                            SelectOption::Divider,
                            SelectOption::new("last-name-ascending", "Last name (A to Z)"),
                            SelectOption::new("last-name-descending", "Last name (Z to A)"),
                        ]
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
                    <Select
                        name="example"
                        id="with-hint-error"
                        label="Choose location"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        hint=|| LOCATION_HINT
                        error="Select a location"
                        options=locations()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "button",
            title: "With button",
            description: "A button beside the select applies the choice.",
            hidden: false,
            nhsuk_fixture: Some("with button"),
            render: || {
                view! {
                    <Select
                        name="example"
                        id="with-hint"
                        label="Choose location"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        hint=|| LOCATION_HINT
                        options=locations()
                    >
                        <Button variant=ButtonVariant::Secondary small=true>
                            "Save"
                        </Button>
                    </Select>
                }
                .into_any()
            },
        },
        Example {
            name: "disabled-option",
            title: "With a disabled option",
            description: "An option shown but not choosable.",
            hidden: true,
            nhsuk_fixture: Some("disabled option"),
            render: || {
                let mut options = sort_options();
                if let Some(last) = options.pop() {
                    options.push(last.disabled());
                }
                view! {
                    <Select
                        name="example"
                        label="Sort by"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        options=options
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
                    <Select
                        name="example"
                        label="Sort by"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        options=sort_options()
                        disabled=true
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Attributes land on the form group, classes on the select.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Select
                        name="ward"
                        label="Ward"
                        class="app-select"
                        options=sort_options()
                        attr:data-test="select"
                    />
                }
                .into_any()
            },
        },
    ],
};

fn sort_options() -> Vec<SelectOption> {
    vec![
        SelectOption::new("published", "Recently published"),
        SelectOption::new("updated", "Recently updated"),
        SelectOption::new("views", "Most views"),
        SelectOption::new("comments", "Most comments"),
    ]
}

fn locations() -> Vec<SelectOption> {
    [
        ("choose", "Choose location"),
        ("eastmidlands", "East Midlands"),
        ("eastofengland", "East of England"),
        ("london", "London"),
        ("northeast", "North East"),
        ("northwest", "North West"),
        ("southeast", "South East"),
        ("southwest", "South West"),
        ("westmidlands", "West Midlands"),
        ("yorkshire", "Yorkshire and the Humber"),
    ]
    .into_iter()
    .map(|(value, text)| SelectOption::new(value, text))
    .collect()
}

const LOCATION_HINT: &str = "This can be different to where you went before";
