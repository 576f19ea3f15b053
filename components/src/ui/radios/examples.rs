//! Radios's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example, Preset, Prop, PropKind, Props, Workbench};
use crate::ui::choices::{Choice, ChoiceItem};
use crate::gallery::samples::{CONTACT, contact_ways, contact_ways_revealing, nhs_number_hint};
use crate::ui::{HeadingLevel, LabelSize};

/// The gallery page and tests for [`Radios`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "radios",
    title: "Radios",
    summary: "One answer from a few, all in view.",
    workbench: Some(Workbench {
        component: "Radios",
        props: &[
            Prop { name: "legend", label: "Question", kind: PropKind::Text, default: CONTACT },
            Prop { name: "hint", label: "Hint (none when empty)", kind: PropKind::Text, default: "" },
            Prop {
                name: "items",
                label: "Answers (JSON: value, label and an optional hint for each)",
                kind: PropKind::Json { rust: items_in_rust },
                default: CONTACT_WAYS,
            },
            Prop { name: "inline", label: "Side by side", kind: PropKind::Flag, default: "false" },
            Prop { name: "small", label: "Small", kind: PropKind::Flag, default: "false" },
            Prop { name: "id_prefix", label: "Id prefix", kind: PropKind::Text, default: "example" },
        ],
        presets: &[
            Preset { example: "default", values: &[] },
            Preset { example: "hint", values: &[("hint", "Select 1 option"), ("id_prefix", "with-hint")] },
            Preset {
                example: "inline",
                values: &[
                    ("legend", "Are you 18 or over?"),
                    ("items", "[\n  { \"value\": \"yes\", \"label\": \"Yes\" },\n  { \"value\": \"no\", \"label\": \"No\" }\n]"),
                    ("inline", "true"),
                    ("id_prefix", "inline"),
                ],
            },
        ],
        render: workbench,
        rust: None,
    }),
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A question that is the page's heading.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Radios
                        name="example"
                        legend=CONTACT
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        items=contact_ways()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "hint",
            title: "With hint",
            description: "Help under the question, read with each answer.",
            hidden: false,
            nhsuk_fixture: Some("with hint"),
            render: || {
                view! {
                    <Radios
                        name="example"
                        id_prefix="with-hint"
                        legend=CONTACT
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        hint=|| "Select 1 option"
                        items=contact_ways()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "inline",
            title: "Inline",
            description: "Two short answers side by side.",
            hidden: false,
            nhsuk_fixture: Some("inline"),
            render: || {
                view! {
                    <Radios
                        name="example"
                        id_prefix="inline"
                        legend="Are you 18 or over?"
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        inline=true
                        items=yes_no()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "divider",
            title: "With divider",
            description: "An \"or\" before an answer unlike the others.",
            hidden: false,
            nhsuk_fixture: Some("with divider"),
            render: || {
                view! {
                    <Radios
                        name="example"
                        id_prefix="with-divider"
                        legend="Do you know your NHS number?"
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        hint=nhs_number_hint
                        items=vec![
                            Choice::new("yes", "Yes, I know my NHS number").into(),
                            Choice::new("no", "No, I do not know my NHS number").into(),
                            ChoiceItem::divider("or"),
                            Choice::new("not sure", "I'm not sure").into(),
                        ]
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
                    <Radios
                        name="example"
                        id_prefix="with-hint-item"
                        legend="Do you have a mobile phone with signal?"
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        items=vec![
                            Choice::new("mobile", "Yes, I have a mobile phone with signal")
                                .hint("We will text you a 6 digit security code")
                                .into(),
                            Choice::new("landline", "No, I want to use my landline")
                                .hint("We will call you to give you a 6 digit security code")
                                .into(),
                        ]
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "conditional",
            title: "With conditional content",
            description: "A follow-up question revealed while its answer is chosen.",
            hidden: false,
            nhsuk_fixture: Some("with conditional content"),
            render: || {
                view! {
                    <Radios
                        name="example"
                        id_prefix="conditional"
                        legend=CONTACT
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        hint=|| "Select 1 option"
                        items=contact_ways_revealing()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "error",
            title: "With error message",
            description: "The group marked in error; the summary links to the first radio.",
            hidden: false,
            nhsuk_fixture: Some("with error message"),
            render: || {
                view! {
                    <Radios
                        name="example"
                        id_prefix="with-error-message"
                        legend=CONTACT
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        error="Select how you want to be contacted"
                        items=contact_ways()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "checked",
            title: "With a value chosen",
            description: "The value signal chooses its radio.",
            hidden: true,
            nhsuk_fixture: Some("with pre-checked value"),
            render: || {
                let value = RwSignal::new("email".to_string());
                view! {
                    <Radios
                        name="example"
                        id_prefix="conditional"
                        legend=CONTACT
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        hint=|| "Select 1 option"
                        value=value
                        items=contact_ways_revealing()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "without-fieldset",
            title: "Without fieldset",
            description: "Radios inside a fieldset of the page's own.",
            hidden: true,
            nhsuk_fixture: Some("without fieldset"),
            render: || {
                view! {
                    <Radios
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
                    <Radios
                        name="ward"
                        legend="Ward"
                        class="app-radios"
                        items=yes_no()
                        attr:data-test="radios"
                    />
                }
                .into_any()
            },
        },
    ],
};

fn yes_no() -> Vec<ChoiceItem> {
    vec![Choice::new("yes", "Yes").into(), Choice::new("no", "No").into()]
}

/// [`contact_ways`] as the workbench's JSON.
const CONTACT_WAYS: &str = "[\n  { \"value\": \"email\", \"label\": \"Email\" },\n  { \"value\": \"phone\", \"label\": \"Phone\" },\n  { \"value\": \"text\", \"label\": \"Text message\" }\n]";

/// An answer as the workbench's JSON has it.
#[derive(serde::Deserialize)]
struct Answer {
    value: String,
    label: String,
    #[serde(default)]
    hint: Option<String>,
}

fn answers(json: &str) -> Result<Vec<Answer>, String> {
    serde_json::from_str(json).map_err(|e| format!("the answers: {e}"))
}

fn items_in_rust(json: &str) -> Option<String> {
    let items: Vec<String> = answers(json)
        .ok()?
        .iter()
        .map(|a| match &a.hint {
            Some(hint) => format!("Choice::new({:?}, {:?}).hint({hint:?}).into()", a.value, a.label),
            None => format!("Choice::new({:?}, {:?}).into()", a.value, a.label),
        })
        .collect();
    Some(format!("vec![{}]", items.join(", ")))
}

fn workbench(props: &Props) -> Result<AnyView, String> {
    let items: Vec<ChoiceItem> = answers(&props.text("items"))?
        .into_iter()
        .map(|a| {
            let choice = Choice::new(a.value, a.label);
            ChoiceItem::from(match a.hint {
                Some(hint) => choice.hint(hint),
                None => choice,
            })
        })
        .collect();
    let (legend, hint, id_prefix) = (props.text("legend"), props.text("hint"), props.text("id_prefix"));
    let (inline, small) = (props.flag("inline"), props.flag("small"));
    Ok(if hint.is_empty() {
        view! {
            <Radios
                name="example"
                id_prefix=id_prefix
                legend=legend
                legend_size=LabelSize::L
                legend_heading=HeadingLevel::H1
                inline=inline
                small=small
                items=items
            />
        }
        .into_any()
    } else {
        view! {
            <Radios
                name="example"
                id_prefix=id_prefix
                legend=legend
                legend_size=LabelSize::L
                legend_heading=HeadingLevel::H1
                hint=move || hint.clone()
                inline=inline
                small=small
                items=items
            />
        }
        .into_any()
    })
}
