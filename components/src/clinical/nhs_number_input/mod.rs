#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::clinical::NhsNumber;
use crate::ui::{Input, InputWidth};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS number field: NHS.UK's text input, ten characters wide, with the
/// number pad on touch screens and digits spaced for reading back.
///
/// It accepts what people type (spaces, dashes) and, once the field is left,
/// checks the number ([`NhsNumber::parse`]: digits, length, the Modulus 11
/// check digit) and says which is wrong, in the NHS service manual's words
/// ([`crate::forms::nhs_number`]). From then on the message follows each
/// correction as it is typed. A valid number is rewritten 3-3-4 when the
/// field is left, as the CUI displays it. An `error` from the page (a form's
/// "Enter the NHS number") is shown instead of its own.
#[component]
pub fn NhsNumberInput(
    /// Extra classes on the `<input>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The `name` sent with the form, and the input's `id`.
    #[prop(optional, into, default = "nhs-number".to_string())]
    name: String,
    /// The question.
    #[prop(optional, into, default = "NHS number".to_string())]
    label: String,
    /// The number as typed, two-way.
    #[prop(optional)]
    value: Option<RwSignal<String>>,
    /// An error from the page, shown instead of the field's own.
    #[prop(optional, into)]
    error: MaybeProp<String>,
) -> impl IntoView {
    let value = value.unwrap_or_else(|| RwSignal::new(String::new()));
    let left = RwSignal::new(false);
    let check = crate::forms::nhs_number();
    let shown = Signal::derive(move || {
        error
            .get()
            .or_else(|| left.get().then(|| check(&value.get())).flatten())
    });
    let leave = move |_| {
        left.set(true);
        if let Ok(number) = NhsNumber::parse(value.get_untracked().trim()) {
            value.set(number.to_string());
        }
    };
    view! {
        <div class="bedside-nhs-number-input" on:focusout=leave>
            <Input
                class=class
                name=name
                label=label
                hint=|| "This is a 10 digit number, like 999 123 4567."
                value=value
                error=shown
                width=InputWidth::Chars10
                code=true
                inputmode="numeric"
                autocomplete="off"
                spellcheck=false
            />
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::{normalize_html, render_to_html};

    #[test]
    fn the_field_is_ten_wide_numeric_and_spaced_for_reading() {
        let html = normalize_html(&render_to_html(DOCS.example("filled").expect("filled").render));
        for expected in [
            r#"class="bedside-nhs-number-input""#,
            "nhsuk-input--width-10",
            "nhsuk-input--code",
            r#"inputmode="numeric""#,
            r#"autocomplete="off""#,
            r#"spellcheck="false""#,
            r#"value="999 000 1235""#,
            "This is a 10 digit number, like 999 123 4567.",
        ] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
        assert!(!html.contains("nhsuk-error-message"), "no error before the field is left");
    }

    #[test]
    fn an_error_from_the_page_is_shown() {
        let html = normalize_html(&render_to_html(DOCS.example("error").expect("error").render));
        assert!(html.contains("Enter the patient&#x27;s NHS number") || html.contains("Enter the patient's NHS number"), "{html}");
        assert!(html.contains("nhsuk-input--error"));
    }
}
