#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::forms::{DatePart, DateParts};
use crate::ui::form_group::{Question, group};
use crate::ui::{HeadingLevel, LabelSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// Which parts a date input asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateFields {
    /// Day, month and year.
    #[default]
    Full,
    /// Day and month (a birthday, a yearly review).
    DayMonth,
    /// Month and year (a card's expiry, "roughly when").
    MonthYear,
}

impl DateFields {
    fn parts(self) -> &'static [DatePart] {
        match self {
            Self::Full => &DatePart::ALL,
            Self::DayMonth => &[DatePart::Day, DatePart::Month],
            Self::MonthYear => &[DatePart::Month, DatePart::Year],
        }
    }
}

/// An NHS.UK date input in its form group and fieldset: day, month and year
/// as three short fields under one question, for dates people know (a date
/// of birth, when symptoms started), as nhsuk-frontend's `dateInput` macro
/// renders it.
///
/// The parts are two-way, as typed ([`DateParts`]), so nothing typed is
/// lost; check them with [`crate::forms::DateRules`] (or a form's
/// [`crate::forms::Form::date_field`]), which says what is wrong in NHS.UK's
/// words and which parts to mark. An error summary links to the first part
/// to correct: `<id>-day`, `<id>-month` or `<id>-year`.
#[component]
pub fn DateInput(
    /// Extra classes on the `nhsuk-date-input` row.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The row's `id`, the stem of the parts' (`<id>-day`) and of the hint's
    /// and error's.
    #[prop(into)]
    id: String,
    /// Prefixes the parts' names: `dob` sends `dob[day]`, `dob[month]` and
    /// `dob[year]`; without it they are `day`, `month` and `year`.
    #[prop(optional, into)]
    name_prefix: Option<String>,
    /// The question, as the fieldset's legend.
    #[prop(into)]
    legend: String,
    /// How large the legend is.
    #[prop(optional)]
    legend_size: LabelSize,
    /// Puts the legend in a heading (`H1` when the question is the page's).
    #[prop(default = None, into)]
    legend_heading: Option<HeadingLevel>,
    /// Help under the legend: an example date ("For example, 15 3 1984").
    #[prop(optional, into)]
    hint: Option<ViewFn>,
    /// What is wrong with the date, shown while `Some`. `Some("")` marks it
    /// in error without a message of its own.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// The parts to mark in error; with an error and none named, all are.
    #[prop(optional, into)]
    error_parts: Signal<Vec<DatePart>>,
    /// The parts as typed, two-way.
    #[prop(optional)]
    value: Option<RwSignal<DateParts>>,
    /// Which parts it asks for.
    #[prop(optional)]
    fields: DateFields,
    /// Disables every part.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let value = value.unwrap_or_else(|| RwSignal::new(DateParts::default()));
    let row_id = id.clone();
    let marked = move |part: DatePart| {
        error.get().is_some() && error_parts.with(|parts| parts.is_empty() || parts.contains(&part))
    };
    let controls = move || {
        let items = fields
            .parts()
            .iter()
            .map(|&part| {
                let part_id = format!("{row_id}-{}", part.as_str());
                let name = match &name_prefix {
                    Some(prefix) => format!("{prefix}[{}]", part.as_str()),
                    None => part.as_str().to_string(),
                };
                let initial = value.with_untracked(|v| v.part(part).to_string());
                let width = if part == DatePart::Year {
                    "nhsuk-input--width-4"
                } else {
                    "nhsuk-input--width-2"
                };
                view! {
                    <div class="nhsuk-date-input__item">
                        <div class=move || {
                            if marked(part) {
                                "nhsuk-form-group nhsuk-form-group--error"
                            } else {
                                "nhsuk-form-group"
                            }
                        }>
                            <label class="nhsuk-label nhsuk-date-input__label" for=part_id.clone()>
                                {part.label()}
                            </label>
                            <input
                                class=move || {
                                    if marked(part) {
                                        format!("nhsuk-input nhsuk-input--error {width} nhsuk-date-input__input")
                                    } else {
                                        format!("nhsuk-input {width} nhsuk-date-input__input")
                                    }
                                }
                                id=part_id
                                name=name
                                type="text"
                                inputmode="numeric"
                                value=(!initial.is_empty()).then_some(initial)
                                prop:value=move || value.with(|v| v.part(part).to_string())
                                on:input=move |ev| {
                                    let typed = event_target_value(&ev);
                                    value.update(|v| *v.part_mut(part) = typed);
                                }
                                disabled=move || disabled.get()
                            />
                        </div>
                    </div>
                }
            })
            .collect_view();
        view! {
            <div
                class=move || crate::ui::class_list("nhsuk-date-input", class.get())
                id=row_id.clone()
            >
                {items}
            </div>
        }
        .into_any()
    };
    let question = Question {
        id,
        label: Some(legend),
        label_size: legend_size,
        label_heading: legend_heading,
        fieldset: true,
        role: Some("group"),
        label_hidden: false,
        hint,
        error,
    };
    group(question, MaybeProp::default(), Box::new(controls))
}
