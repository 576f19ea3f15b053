//! Fieldset's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{HeadingLevel, Input, LabelSize, Legend};

/// The gallery page and tests for [`Fieldset`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "fieldset",
    title: "Fieldset",
    summary: "Fields that answer one question together, under a legend.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "The question is the page's heading.",
            hidden: true,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Fieldset
                        legend="What is your address?"
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "address",
            title: "An address",
            description: "An address's fields under one question, with a caption naming the section.",
            hidden: false,
            nhsuk_fixture: Some("with HTML"),
            render: || {
                view! {
                    <Fieldset
                        legend="What is your address?"
                        legend_size=LabelSize::L
                        legend_heading=HeadingLevel::H1
                        caption="About you"
                    >
                        {address_fields()}
                    </Fieldset>
                }
                .into_any()
            },
        },
        Example {
            name: "without-legend-heading",
            title: "Without legend heading",
            description: "A group among other questions on the page.",
            hidden: true,
            nhsuk_fixture: Some("without legend heading"),
            render: || view! { <Fieldset legend="What is your address?" /> }.into_any(),
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id, a description and other attributes land on the fieldset.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Fieldset
                        class="app-fieldset"
                        id="contact"
                        described_by="contact-hint"
                        attr:data-test="fieldset"
                    >
                        <Legend>"How should we contact you?"</Legend>
                        <div class="nhsuk-hint" id="contact-hint">"Choose one"</div>
                    </Fieldset>
                }
                .into_any()
            },
        },
    ],
};

/// An address's fields, as nhsuk-frontend's fieldset examples have them.
fn address_fields() -> impl IntoView {
    view! {
        <Input name="address-line1" label="Address line 1" autocomplete="address-line1" />
        <Input
            name="address-line2"
            label="Address line 2 (optional)"
            autocomplete="address-line2"
        />
        <Input
            name="address-town"
            label="Town or city"
            autocomplete="address-level2"
            class="nhsuk-u-width-two-thirds"
        />
        <Input
            name="address-postcode"
            label="Postcode"
            autocomplete="postal-code"
            width=crate::ui::InputWidth::Chars10
        />
    }
}
