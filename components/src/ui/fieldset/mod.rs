#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};
use crate::ui::{CaptionPlacement, HeadingLevel, Input, LabelSize, Legend};

/// An NHS.UK fieldset: fields that answer one question together (an
/// address, a date, a choice), named by its legend, which screen readers
/// announce with each field inside.
#[component]
pub fn Fieldset(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The fieldset's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The question. For a legend with markup, leave this out and put a
    /// [`Legend`] first among the children.
    #[prop(optional, into)]
    legend: Option<String>,
    /// How large the legend is.
    #[prop(optional)]
    legend_size: LabelSize,
    /// Puts the legend's question in a heading (`H1` when it is the page's).
    #[prop(default = None, into)]
    legend_heading: Option<HeadingLevel>,
    /// The legend's caption: the section the question belongs to.
    #[prop(optional, into)]
    caption: MaybeProp<String>,
    /// Where the caption goes.
    #[prop(optional)]
    caption_placement: CaptionPlacement,
    /// The ids of the hint and error message that describe the whole group,
    /// space-separated.
    #[prop(optional, into)]
    described_by: MaybeProp<String>,
    /// An ARIA `role`, for a fieldset that is not a group of form fields.
    #[prop(optional, into)]
    role: MaybeProp<String>,
    /// The fields.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let legend = legend.map(|text| {
        view! {
            <Legend
                size=legend_size
                heading=legend_heading
                caption=caption
                caption_placement=caption_placement
            >
                {text}
            </Legend>
        }
    });
    view! {
        <fieldset
            class=move || crate::ui::class_list("nhsuk-fieldset", class.get())
            id=id
            role=move || role.get()
            aria-describedby=move || described_by.get()
        >
            {legend}
            {children.map(|c| c())}
        </fieldset>
    }
}

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

/// The gallery page and tests for [`Fieldset`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "fieldset",
    title: "Fieldset",
    summary: "Fields that answer one question together, under a legend.",
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
