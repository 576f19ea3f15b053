//! Forms: what the parts of a form field share (the control's `id`, its
//! hint and its error, and so its `aria-describedby`), and a form's state:
//! its fields' values, their checks, and the errors to show.
//!
//! nhsuk-frontend derives every id from the field's: the hint is
//! `<id>-hint`, the error message `<id>-error`, and the control is described
//! by whichever of the two it has (hint first). A control that renders its
//! own label, hint and error (as [`crate::ui::Input`] does, like
//! nhsuk-frontend's macros) provides a [`Field`] to them; a [`crate::ui::Hint`]
//! or [`crate::ui::ErrorMessage`] placed inside takes its `id` from it, so
//! ids are never written twice by hand.

mod date;

use std::sync::Arc;

use leptos::prelude::*;

pub use date::{DatePart, DateParts, DateProblem, DateRules};

/// One problem in an [`ErrorSummary`](crate::ui::ErrorSummary): what is wrong, in the same words as
/// the field's error message, and the field it is about (`#<field id>`;
/// the first part of a date input, `#<id>-day`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorLink {
    /// The message.
    pub text: String,
    /// `#` and the id of the field to fix; `None` for a problem with no
    /// field of its own.
    pub href: Option<String>,
}

impl ErrorLink {
    /// A problem with the field whose control has the `id`.
    pub fn to_field(text: impl Into<String>, id: &str) -> Self {
        Self {
            text: text.into(),
            href: Some(format!("#{id}")),
        }
    }

    /// A problem with no field to link to.
    pub fn without_link(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            href: None,
        }
    }
}

/// A field's identity and state, in context for its label, hint, error
/// message and control (a [`crate::ui::FormGroup`] provides it).
#[derive(Debug, Clone)]
pub struct Field {
    /// The control's `id`: the label's `for`, and the stem of the other ids.
    pub id: String,
    hint: bool,
    message: Signal<bool>,
    fieldset: bool,
}

impl Field {
    /// The field whose control has this `id`, with neither hint nor error.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            hint: false,
            message: Signal::stored(false),
            fieldset: false,
        }
    }

    /// The field with a hint if `hint`, an error message while `message`,
    /// and, if `fieldset`, its hint and error describing the fieldset around
    /// its controls rather than one control.
    pub fn with_state(
        id: impl Into<String>,
        hint: bool,
        message: Signal<bool>,
        fieldset: bool,
    ) -> Self {
        Self {
            id: id.into(),
            hint,
            message,
            fieldset,
        }
    }

    /// The field provided above, if any.
    pub fn use_context() -> Option<Self> {
        use_context::<Self>()
    }

    /// Its hint's `id`: `<id>-hint`.
    pub fn hint_id(&self) -> String {
        format!("{}-hint", self.id)
    }

    /// Its error message's `id`: `<id>-error`.
    pub fn error_id(&self) -> String {
        format!("{}-error", self.id)
    }

    /// An `aria-describedby`: the hint, then the error message, each if
    /// there is one; `None` for neither (no empty attribute).
    pub fn described_by(&self, hint: bool, error: bool) -> Option<String> {
        let ids: Vec<String> = [hint.then(|| self.hint_id()), error.then(|| self.error_id())]
            .into_iter()
            .flatten()
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    /// The fieldset's `aria-describedby` (a group of controls), or the
    /// control's (a single one), as the field's state says now. Reactive.
    pub fn describes(&self, fieldset: bool) -> Option<String> {
        (fieldset == self.fieldset)
            .then(|| self.described_by(self.hint, self.message.get()))
            .flatten()
    }

    /// Whether the field shows an error message now. Reactive.
    pub fn has_message(&self) -> bool {
        self.message.get()
    }
}

/// A check of one answer: what is wrong with it and how to put it right
/// (NHS.UK's error message style: "Enter the NHS number"), or `None`.
pub type Check = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;

/// The answer must not be blank (spaces alone are blank).
pub fn required(message: impl Into<String>) -> Check {
    let message = message.into();
    Arc::new(move |value: &str| value.trim().is_empty().then(|| message.clone()))
}

/// The answer, when given, must pass `test` (a pattern, a check digit).
/// A blank answer passes: pair with [`required`] where one is needed.
pub fn matches(test: fn(&str) -> bool, message: impl Into<String>) -> Check {
    let message = message.into();
    Arc::new(move |value: &str| {
        let value = value.trim();
        (!value.is_empty() && !test(value)).then(|| message.clone())
    })
}

/// The answer, when given, must be a valid NHS number: ten digits (spaces
/// and hyphens between them allowed) whose last is the Modulus 11 check
/// digit ([`crate::clinical::NhsNumber::parse`], NHS Data Dictionary). The
/// message is [`NhsNumberError`](crate::clinical::NhsNumberError)'s, which
/// says which rule failed: the character that is not a number, how many
/// numbers there are, or that the check digit does not match.
pub fn nhs_number() -> Check {
    Arc::new(|value: &str| {
        let value = value.trim();
        // The number's own messages: one set wherever a number is checked.
        (!value.is_empty()).then(|| {
            bedside_core::nhs_number::NhsNumber::parse(value)
                .err()
                .map(|e| e.to_string())
        })?
    })
}

/// The answer, when given, must be a number from `min` to `max`
/// (inclusive): `not_a_number` says what to enter instead of letters,
/// `out_of_range` what the range is.
pub fn number_between(
    min: f64,
    max: f64,
    not_a_number: impl Into<String>,
    out_of_range: impl Into<String>,
) -> Check {
    let (not_a_number, out_of_range) = (not_a_number.into(), out_of_range.into());
    Arc::new(move |value: &str| {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match value.parse::<f64>() {
            Ok(n) if n.is_finite() && (min..=max).contains(&n) => None,
            Ok(n) if n.is_finite() => Some(out_of_range.clone()),
            _ => Some(not_a_number.clone()),
        }
    })
}

/// A field of a [`Form`]: its value, two-way, for the control, and the
/// error to show beside it: none until the form is first submitted, then
/// its first failing check's message, updated as the user corrects it
/// (NHS.UK's error message guidance).
#[derive(Clone, Copy)]
pub struct FormField {
    /// The answer.
    pub value: RwSignal<String>,
    /// What to show beside the field.
    pub error: Signal<Option<String>>,
}

/// A date field of a [`Form`]: its parts, two-way, for a
/// [`crate::ui::DateInput`], and the error to show and the parts it marks.
#[derive(Clone, Copy)]
pub struct DateField {
    /// The parts as typed.
    pub value: RwSignal<DateParts>,
    /// What to show above the parts.
    pub error: Signal<Option<String>>,
    /// The parts to mark in error.
    pub error_parts: Signal<Vec<DatePart>>,
}

/// A field's problem now, as the error summary lists it (reactive).
type Problem = Arc<dyn Fn() -> Option<ErrorLink> + Send + Sync>;

/// A form's state: its fields in page order, their checks, and whether it
/// has been submitted. Cheap to copy.
///
/// ```rust
/// use bedside::forms::{Form, nhs_number, required};
/// use bedside::ui::{FormErrors, Input};
/// use leptos::prelude::*;
///
/// # fn save(_: String) {}
/// # fn page() -> impl IntoView {
/// let form = Form::new();
/// let nhs = form.field("nhs-number", vec![required("Enter the NHS number"), nhs_number()]);
/// let submit = move |ev: leptos::ev::SubmitEvent| {
///     ev.prevent_default();
///     if form.submit() {
///         save(nhs.value.get_untracked())
///     }
/// };
/// view! {
///     <FormErrors form=form />
///     <form on:submit=submit novalidate>
///         <Input name="nhs-number" label="NHS number" value=nhs.value error=nhs.error />
///     </form>
/// }
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct Form {
    fields: RwSignal<Vec<Problem>>,
    submitted: RwSignal<bool>,
    attempts: RwSignal<u32>,
}

impl Default for Form {
    fn default() -> Self {
        Self::new()
    }
}

impl Form {
    /// An empty form, not yet submitted.
    pub fn new() -> Self {
        Self {
            fields: RwSignal::new(Vec::new()),
            submitted: RwSignal::new(false),
            attempts: RwSignal::new(0),
        }
    }

    /// Adds the field whose control has this `id`, after those added
    /// before (add them in page order: the error summary lists them so).
    pub fn field(&self, id: impl Into<String>, checks: Vec<Check>) -> FormField {
        self.field_with(id, RwSignal::new(String::new()), checks)
    }

    /// [`Form::field`] for a value signal made beforehand, which checks of
    /// other fields may read (a check that one of two fields is answered).
    pub fn field_with(
        &self,
        id: impl Into<String>,
        value: RwSignal<String>,
        checks: Vec<Check>,
    ) -> FormField {
        let id = id.into();
        let checks = Arc::new(checks);
        let message = move || value.with(|v| checks.iter().find_map(|check| check(v)));
        let error = self.shown(message.clone());
        self.add(Arc::new(move || {
            message().map(|m| ErrorLink::to_field(m, &id))
        }));
        FormField { value, error }
    }

    /// Adds a date field: the [`crate::ui::DateInput`] with this `id`,
    /// checked by `rules`. Its summary link goes to the first part to
    /// correct.
    pub fn date_field(&self, id: impl Into<String>, rules: DateRules) -> DateField {
        self.date_field_with(id, RwSignal::new(DateParts::default()), rules)
    }

    /// [`Form::date_field`] for a value signal made beforehand, which
    /// checks of other fields may read (a name that needs a date of birth).
    pub fn date_field_with(
        &self,
        id: impl Into<String>,
        value: RwSignal<DateParts>,
        rules: DateRules,
    ) -> DateField {
        let id = id.into();
        let rules = Arc::new(rules);
        let problem = move || value.with(|parts| rules.check(parts).err());
        let error = self.shown({
            let problem = problem.clone();
            move || problem().map(|p| p.message)
        });
        let error_parts = self.shown({
            let problem = problem.clone();
            move || problem().map(|p| p.parts)
        });
        self.add(Arc::new(move || {
            problem().map(|p| {
                let first = p.parts.first().copied().unwrap_or(DatePart::Day);
                ErrorLink::to_field(p.message, &format!("{id}-{}", first.as_str()))
            })
        }));
        DateField {
            value,
            error,
            error_parts: Signal::derive(move || error_parts.get().unwrap_or_default()),
        }
    }

    /// `value` once the form has been submitted, `None` before.
    fn shown<T: Clone + Send + Sync + 'static>(
        &self,
        value: impl Fn() -> Option<T> + Send + Sync + 'static,
    ) -> Signal<Option<T>> {
        let submitted = self.submitted;
        Signal::derive(move || if submitted.get() { value() } else { None })
    }

    fn add(&self, problem: Problem) {
        self.fields.update(|fields| fields.push(problem));
    }

    /// Submits: from now on errors show. Returns whether every answer
    /// passes its checks (then the caller goes on).
    pub fn submit(&self) -> bool {
        self.submitted.set(true);
        self.attempts.update(|n| *n += 1);
        self.fields
            .with_untracked(|fields| untrack(|| fields.iter().all(|problem| problem().is_none())))
    }

    /// How many times it has been submitted. Reactive: an error summary
    /// keyed on it appears anew (and takes focus) on each submission.
    pub fn attempts(&self) -> u32 {
        self.attempts.get()
    }

    /// The errors to show, in page order, each linking to its field; none
    /// before the first submission. Reactive.
    pub fn errors(&self) -> Vec<ErrorLink> {
        if !self.submitted.get() {
            return Vec::new();
        }
        self.fields
            .with(|fields| fields.iter().filter_map(|problem| problem()).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_derive_from_the_fields_as_nhsuk_frontend_derives_them() {
        let field = Field::new("nhs-number");
        assert_eq!(field.hint_id(), "nhs-number-hint");
        assert_eq!(field.error_id(), "nhs-number-error");
        assert_eq!(field.described_by(false, false), None);
        assert_eq!(
            field.described_by(true, false).as_deref(),
            Some("nhs-number-hint")
        );
        assert_eq!(
            field.described_by(false, true).as_deref(),
            Some("nhs-number-error")
        );
        assert_eq!(
            field.described_by(true, true).as_deref(),
            Some("nhs-number-hint nhs-number-error")
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod form_tests {
    use super::*;

    fn check(c: &Check, value: &str) -> Option<String> {
        c(value)
    }

    #[test]
    fn checks_say_what_is_wrong_and_pass_blank_answers_unless_required() {
        let r = required("Enter the NHS number");
        assert_eq!(check(&r, "").as_deref(), Some("Enter the NHS number"));
        assert_eq!(check(&r, "   ").as_deref(), Some("Enter the NHS number"));
        assert_eq!(check(&r, " 1 "), None);

        let digits = matches(
            |v| v.chars().all(|c| c.is_ascii_digit()),
            "Enter digits only",
        );
        assert_eq!(check(&digits, ""), None);
        assert_eq!(check(&digits, "12a").as_deref(), Some("Enter digits only"));
        assert_eq!(check(&digits, " 123 "), None);

        let pulse = number_between(
            25.0,
            250.0,
            "Enter the pulse as a number",
            "Enter a pulse from 25 to 250",
        );
        assert_eq!(check(&pulse, ""), None);
        assert_eq!(check(&pulse, "25"), None);
        assert_eq!(check(&pulse, "250"), None);
        assert_eq!(
            check(&pulse, "24.9").as_deref(),
            Some("Enter a pulse from 25 to 250")
        );
        assert_eq!(
            check(&pulse, "250.1").as_deref(),
            Some("Enter a pulse from 25 to 250")
        );
        assert_eq!(
            check(&pulse, "fast").as_deref(),
            Some("Enter the pulse as a number")
        );
        assert_eq!(
            check(&pulse, "NaN").as_deref(),
            Some("Enter the pulse as a number")
        );
        assert_eq!(
            check(&pulse, "inf").as_deref(),
            Some("Enter the pulse as a number")
        );
    }

    #[test]
    fn nhs_numbers_must_be_ten_numbers_with_their_check_digit() {
        let c = nhs_number();
        assert_eq!(check(&c, ""), None);
        assert_eq!(check(&c, "943 476 5919"), None);
        assert_eq!(check(&c, "943-476-5919"), None);
        assert_eq!(
            check(&c, "943 476 5918").as_deref(),
            Some(
                "943 476 5918 is not a valid NHS number: check the digits, one may be wrong or swapped"
            )
        );
        assert_eq!(
            check(&c, "943 476 591").as_deref(),
            Some("NHS number must be 10 numbers, not 9")
        );
        assert_eq!(
            check(&c, "943 476 59190").as_deref(),
            Some("NHS number must be 10 numbers, not 11")
        );
        assert_eq!(
            check(&c, "smith").as_deref(),
            Some("NHS number must only include numbers, spaces and dashes, not 's'")
        );
    }

    #[test]
    fn a_date_field_links_to_the_first_part_to_correct() {
        let owner = Owner::new();
        owner.with(|| {
            let form = Form::new();
            let dob = form.date_field(
                "dob",
                DateRules {
                    what: "Date of birth".into(),
                    required: None,
                    latest: bedside_core::clinical::CalendarDate::new(2026, 11, 21),
                },
            );
            assert!(form.submit(), "an optional date may be left out");
            dob.value.set(DateParts::new("31", "", "1980"));
            assert!(!form.submit());
            assert_eq!(
                form.errors(),
                vec![ErrorLink::to_field(
                    "Date of birth must include a month",
                    "dob-month"
                )]
            );
            assert_eq!(dob.error_parts.get_untracked(), vec![DatePart::Month]);
            dob.value.set(DateParts::new("31", "2", "1980"));
            assert_eq!(
                dob.error.get_untracked().as_deref(),
                Some("Date of birth must be a real date")
            );
            assert_eq!(form.errors()[0].href.as_deref(), Some("#dob-day"));
            dob.value.set(DateParts::new("29", "2", "1980"));
            assert!(form.errors().is_empty());
            assert!(form.submit());
        });
    }

    #[test]
    fn errors_show_from_the_first_submission_in_page_order_and_follow_corrections() {
        let owner = Owner::new();
        owner.with(|| {
            let form = Form::new();
            let name = form.field("name", vec![required("Enter a name")]);
            let nhs = form.field(
                "nhs-number",
                vec![
                    required("Enter the NHS number"),
                    matches(|v| v.len() == 10, "Enter 10 digits"),
                ],
            );
            // Nothing shows before the first submission.
            assert_eq!(name.error.get_untracked(), None);
            assert!(form.errors().is_empty());

            assert!(!form.submit());
            assert_eq!(form.attempts(), 1);
            assert_eq!(
                form.errors(),
                vec![
                    ErrorLink::to_field("Enter a name", "name"),
                    ErrorLink::to_field("Enter the NHS number", "nhs-number"),
                ]
            );
            assert_eq!(name.error.get_untracked().as_deref(), Some("Enter a name"));

            // Corrections update the errors at once: the first failing
            // check's message, then none.
            nhs.value.set("123".into());
            assert_eq!(
                nhs.error.get_untracked().as_deref(),
                Some("Enter 10 digits")
            );
            name.value.set("Smith".into());
            assert_eq!(
                form.errors(),
                vec![ErrorLink::to_field("Enter 10 digits", "nhs-number")]
            );
            nhs.value.set("9434765919".into());
            assert!(form.errors().is_empty());
            assert!(form.submit());
            assert_eq!(form.attempts(), 2);
        });
    }
}
