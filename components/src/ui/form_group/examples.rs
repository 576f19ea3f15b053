//! Form group's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::forms::Field;

/// The gallery page and tests for [`FormGroup`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "form-group",
    title: "Form group",
    summary: "One question's label, hint, error and controls, wired together.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A control of your own, labelled and described by the group.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <FormGroup
                        id="reference"
                        label="Reference number"
                        hint=|| "The number on the referral letter"
                    >
                        {own_control()}
                    </FormGroup>
                }
                .into_any()
            },
        },
        Example {
            name: "error",
            title: "With error message",
            description: "The group marked in error, its message read with the control.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <FormGroup
                        id="reference"
                        label="Reference number"
                        hint=|| "The number on the referral letter"
                        error="Enter the reference number"
                    >
                        {own_control()}
                    </FormGroup>
                }
                .into_any()
            },
        },
        Example {
            name: "fieldset",
            title: "A group of controls",
            description: "The question as a fieldset's legend; the fieldset is described by the hint and error.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <FormGroup
                        id="contact"
                        label="How should we contact you?"
                        fieldset=true
                        hint=|| "Choose one"
                        error="Choose how we should contact you"
                    >
                        <div class="nhsuk-body">"The controls go here."</div>
                    </FormGroup>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the group.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <FormGroup id="reference" label="Reference" class="app-form-group" attr:data-test="form-group">
                        {own_control()}
                    </FormGroup>
                }
                .into_any()
            },
        },
    ],
};

/// A control of the caller's own inside a form group: a plain `<input>`
/// wired to the group's field.
fn own_control() -> impl IntoView {
    let field = Field::use_context().unwrap_or_else(|| Field::new("own"));
    view! {
        <input
            class="nhsuk-input"
            id=field.id.clone()
            name="reference"
            type="text"
            aria-describedby=move || field.describes(false)
        />
    }
}
