#![doc = include_str!("docs.md")]

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::choices::{Choice, ChoiceItem, Kind, List, list};
use crate::ui::form_group::{Question, group};
use crate::ui::{HeadingLevel, LabelSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

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
