//! Checkboxes's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::ui::choices::{Choice, ChoiceItem};
use crate::gallery::samples::{CONTACT, contact_ways, contact_ways_revealing};
use crate::ui::{HeadingLevel, LabelSize};

/// The gallery page and tests for [`Checkboxes`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "checkboxes",
    title: "Checkboxes",
    summary: "Any number of answers from a few.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A question that is the page's heading, with a hint.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Checkboxes
                        name="example"
                        legend=CONTACT
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        hint=|| ALL_RELEVANT
                        items=contact_ways()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "none",
            title: "With a \"none\" option",
            description: "An exclusive answer: choosing it clears the others, and any other clears it.",
            hidden: false,
            nhsuk_fixture: Some("with \"none\" option"),
            render: || {
                let mut items = contact_ways();
                items.push(ChoiceItem::divider("or"));
                items.push(Choice::new("none", "I do not want to be contacted").exclusive().into());
                view! {
                    <Checkboxes
                        name="example"
                        id_prefix="none"
                        legend=CONTACT
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        items=items
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "item-hints",
            title: "With hints on items",
            description: "Help under an answer's label, read with that answer.",
            hidden: false,
            nhsuk_fixture: Some("with hints on items"),
            render: || {
                view! {
                    <Checkboxes
                        name="example"
                        id_prefix="with-hint-item"
                        legend="What medical conditions do you have?"
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        hint=|| "Select 1 or more"
                        items=vec![
                            Choice::new("alzheimers", "Alzheimer's disease or dementia").into(),
                            Choice::new("asthma", "Asthma").into(),
                            Choice::new("cancer", "Cancer").into(),
                            Choice::new("diabetes", "Diabetes")
                                .hint("including type 1, type 2, and gestational diabetes")
                                .into(),
                        ]
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "checked",
            title: "With conditional content, some chosen",
            description: "Follow-up questions revealed while their answers are chosen.",
            hidden: false,
            nhsuk_fixture: Some("with pre-checked values"),
            render: || {
                let values = RwSignal::new(Chosen::from(["email".to_string(), "text".to_string()]));
                view! {
                    <Checkboxes
                        name="contact"
                        id_prefix="conditional"
                        legend=CONTACT
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        hint=|| ALL_RELEVANT
                        values=values
                        items=contact_ways_revealing()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "error",
            title: "With error message",
            description: "The group marked in error; the summary links to the first checkbox.",
            hidden: false,
            nhsuk_fixture: Some("with error message"),
            render: || {
                view! {
                    <Checkboxes
                        name="example"
                        id_prefix="with-error-message"
                        legend=CONTACT
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        error="Select how you want to be contacted"
                        items=vec![
                            Choice::new("email", "Email").into(),
                            Choice::new("phone", "Phone").into(),
                            Choice::new("text message", "Text message").into(),
                        ]
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "without-fieldset",
            title: "Without fieldset",
            description: "Checkboxes inside a fieldset of the page's own.",
            hidden: true,
            nhsuk_fixture: Some("without fieldset"),
            render: || {
                view! {
                    <Checkboxes
                        name="colours"
                        id_prefix="without-fieldset"
                        items=vec![
                            Choice::new("red", "Red").into(),
                            Choice::new("green", "Green").into(),
                            Choice::new("blue", "Blue").into(),
                        ]
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Attributes land on the form group, classes on the list.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Checkboxes
                        name="allergies"
                        legend="Allergies"
                        class="app-checkboxes"
                        small=true
                        inline=true
                        items=contact_ways()
                        attr:data-test="checkboxes"
                    />
                }
                .into_any()
            },
        },
    ],
};

const ALL_RELEVANT: &str = "Select all options that are relevant to you";
