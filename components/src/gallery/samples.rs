//! Example content that several components' examples share, as
//! nhsuk-frontend's fixtures share it: the same hints and questions, so
//! each example reproduces its fixture.

use leptos::prelude::*;

use crate::ui::{Choice, ChoiceItem, Input, InputType};

/// The NHS number hint, with the number kept on one line.
pub(crate) fn nhs_number_hint() -> impl IntoView {
    view! {
        "This is a 10 digit number (like "
        <span class="nhsuk-u-nowrap">"999 123 4567"</span>
        ") that you can find on an NHS letter, prescription or in the NHS App"
    }
}

/// The hint of nhsuk-frontend's free-text examples.
pub(crate) const NO_PERSONAL: &str =
    "Do not include personal information like your name, date of birth or NHS number";

/// The question of nhsuk-frontend's radios and checkboxes examples.
pub(crate) const CONTACT: &str = "How do you want to be contacted about this?";

/// The ways to be contacted.
pub(crate) fn contact_ways() -> Vec<ChoiceItem> {
    vec![
        Choice::new("email", "Email").into(),
        Choice::new("phone", "Phone").into(),
        Choice::new("text", "Text message").into(),
    ]
}

/// The ways to be contacted, each revealing its address or number.
pub(crate) fn contact_ways_revealing() -> Vec<ChoiceItem> {
    vec![
        Choice::new("email", "Email")
            .conditional(|| contact_by("contact-by-email", "Email address", InputType::Text))
            .into(),
        Choice::new("phone", "Phone")
            .conditional(|| contact_by("contact-by-phone", "Phone number", InputType::Tel))
            .into(),
        Choice::new("text", "Text message")
            .conditional(|| contact_by("contact-by-text", "Mobile phone number", InputType::Tel))
            .into(),
    ]
}

/// A follow-up question for a way to be contacted: an email address
/// (not spell-checked) or a phone number.
fn contact_by(id: &'static str, label: &'static str, input_type: InputType) -> AnyView {
    if input_type == InputType::Text {
        view! { <Input name=id label=label class="nhsuk-u-width-two-thirds" spellcheck=false /> }
            .into_any()
    } else {
        view! {
            <Input name=id label=label input_type=input_type class="nhsuk-u-width-two-thirds" />
        }
        .into_any()
    }
}
