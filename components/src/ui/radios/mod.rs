#![doc = include_str!("docs.md")]

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::choices::{Choice, ChoiceItem, Kind, List, list};
use crate::ui::form_group::{Question, group};
use crate::ui::{HeadingLevel, LabelSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// NHS.UK radios in their form group and fieldset: one answer from a few,
/// all in view. The question is the fieldset's legend; each answer can have
/// a hint, and a follow-up question revealed while it is chosen.
///
/// The value is two-way: the chosen answer's value is in the
/// `RwSignal<String>` you own (empty while none is); setting it chooses.
#[component]
pub fn Radios(
    /// Extra classes on the `nhsuk-radios` list.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The `name` sent with the form.
    #[prop(into)]
    name: String,
    /// The first radio's `id` (the error summary links to it), and the stem
    /// of the others' and of the hint's and error's: `name` unless set.
    #[prop(optional, into)]
    id_prefix: Option<String>,
    /// The list's own `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The question, as the fieldset's legend. Without one there is no
    /// fieldset (for radios inside a fieldset of your own).
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
    /// What is wrong with the answer, shown while `Some`. `Some("")` marks
    /// the group in error without a message of its own.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// The answers, and dividers between them.
    items: Vec<ChoiceItem>,
    /// The chosen answer's value, two-way; empty while none is.
    #[prop(optional)]
    value: Option<RwSignal<String>>,
    /// Side by side: for two short answers, such as yes and no.
    #[prop(optional)]
    inline: bool,
    /// Smaller radios, for filters and dense pages.
    #[prop(optional)]
    small: bool,
    /// Disables every radio.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let id_prefix = id_prefix.unwrap_or_else(|| name.clone());
    let value = value.unwrap_or_else(|| RwSignal::new(String::new()));
    let fieldset = legend.is_some();
    let options = List {
        kind: Kind::Radios,
        name,
        id,
        class,
        small,
        inline,
        disabled,
        items,
        is_chosen: Arc::new(move |v: &str| value.with(|chosen| chosen == v)),
        on_choose: Arc::new(move |choice: &Choice, chosen: bool| {
            if chosen {
                value.set(choice.value().to_string());
            }
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
