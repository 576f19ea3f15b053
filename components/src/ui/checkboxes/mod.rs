#![doc = include_str!("docs.md")]

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};
use crate::ui::choices::{Choice, ChoiceItem, Kind, List, list};
use crate::ui::form_group::{Question, group};
use crate::docs::samples::{CONTACT, contact_ways, contact_ways_revealing};
use crate::ui::{HeadingLevel, LabelSize};

/// The chosen values of a set of checkboxes.
pub type Chosen = BTreeSet<String>;

/// What choosing (or clearing) `choice` leaves chosen, nhsuk-frontend's
/// exclusive behaviour included: an exclusive answer ("None of these")
/// clears every other when chosen, and any other clears it.
pub fn choose(chosen: &Chosen, choice: &Choice, exclusives: &[String], on: bool) -> Chosen {
    let value = choice.value().to_string();
    if !on {
        let mut left = chosen.clone();
        left.remove(&value);
        return left;
    }
    if exclusives.contains(&value) {
        return BTreeSet::from([value]);
    }
    let mut now: Chosen = chosen
        .iter()
        .filter(|v| !exclusives.contains(v))
        .cloned()
        .collect();
    now.insert(value);
    now
}

/// NHS.UK checkboxes in their form group and fieldset: any number of
/// answers from a few. An answer marked [`Choice::exclusive`] ("None of
/// these") clears the others, as nhsuk-frontend's script does.
///
/// The values are two-way: the chosen answers' values are in the
/// `RwSignal<Chosen>` you own; changing it checks and clears boxes.
#[component]
pub fn Checkboxes(
    /// Extra classes on the `nhsuk-checkboxes` list.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The `name` sent with the form.
    #[prop(into)]
    name: String,
    /// The first checkbox's `id` (the error summary links to it), and the
    /// stem of the others' and of the hint's and error's: `name` unless set.
    #[prop(optional, into)]
    id_prefix: Option<String>,
    /// The list's own `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The question, as the fieldset's legend. Without one there is no
    /// fieldset (for checkboxes inside a fieldset of your own, or a single
    /// checkbox that is its own question).
    #[prop(optional, into)]
    legend: Option<String>,
    /// How large the legend is.
    #[prop(optional)]
    legend_size: LabelSize,
    /// Puts the legend in a heading (`H1` when the question is the page's).
    #[prop(default = None, into)]
    legend_heading: Option<HeadingLevel>,
    /// Help under the legend.
    #[prop(optional, into)]
    hint: Option<ViewFn>,
    /// What is wrong with the answers, shown while `Some`. `Some("")` marks
    /// the group in error without a message of its own.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// The answers, and dividers between them.
    items: Vec<ChoiceItem>,
    /// The chosen answers' values, two-way.
    #[prop(optional)]
    values: Option<RwSignal<Chosen>>,
    /// Side by side, for a few short answers.
    #[prop(optional)]
    inline: bool,
    /// Smaller checkboxes, for filters and dense pages.
    #[prop(optional)]
    small: bool,
    /// Disables every checkbox.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let id_prefix = id_prefix.unwrap_or_else(|| name.clone());
    let values = values.unwrap_or_else(|| RwSignal::new(Chosen::new()));
    let exclusives: Vec<String> = items
        .iter()
        .filter_map(|item| match item {
            ChoiceItem::Choice(c) if c.is_exclusive() => Some(c.value().to_string()),
            _ => None,
        })
        .collect();
    let fieldset = legend.is_some();
    let options = List {
        kind: Kind::Checkboxes,
        name,
        id,
        class,
        small,
        inline,
        disabled,
        items,
        is_chosen: Arc::new(move |v: &str| values.with(|chosen| chosen.contains(v))),
        on_choose: Arc::new(move |choice: &Choice, on: bool| {
            values.update(|chosen| *chosen = choose(chosen, choice, &exclusives, on));
        }),
    };
    let question = Question {
        id: id_prefix,
        label: legend,
        label_size: legend_size,
        label_heading: legend_heading,
        fieldset,
        role: None,
        label_hidden: false,
        hint,
        error,
    };
    group(question, MaybeProp::default(), Box::new(move || list(options)))
}

const ALL_RELEVANT: &str = "Select all options that are relevant to you";

/// The gallery page and tests for [`Checkboxes`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "checkboxes",
    title: "Checkboxes",
    summary: "Any number of answers from a few.",
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

#[cfg(test)]
mod tests {
    use super::*;

    fn set(values: &[&str]) -> Chosen {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn an_exclusive_answer_clears_the_others_and_any_other_clears_it() {
        let none = Choice::new("none", "None of these").exclusive();
        let email = Choice::new("email", "Email");
        let phone = Choice::new("phone", "Phone");
        let exclusives = vec!["none".to_string()];

        let chosen = choose(&set(&[]), &email, &exclusives, true);
        assert_eq!(chosen, set(&["email"]));
        let chosen = choose(&chosen, &phone, &exclusives, true);
        assert_eq!(chosen, set(&["email", "phone"]));
        let chosen = choose(&chosen, &none, &exclusives, true);
        assert_eq!(chosen, set(&["none"]));
        let chosen = choose(&chosen, &phone, &exclusives, true);
        assert_eq!(chosen, set(&["phone"]));
        let chosen = choose(&chosen, &phone, &exclusives, false);
        assert_eq!(chosen, set(&[]));
        // Without exclusive answers, choices only add and remove.
        let chosen = choose(&set(&["email"]), &phone, &[], true);
        assert_eq!(chosen, set(&["email", "phone"]));
    }
}
