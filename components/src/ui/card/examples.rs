//! Card's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{HeadingLevel, HeadingSize, SummaryList, SummaryRow};

/// The gallery page and tests for [`Card`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "card",
    title: "Card",
    summary: "A heading and a short description, often leading somewhere else.",
    workbench: None,
    examples: &[
        Example {
            name: "basic-heading-link",
            title: "Basic with heading link",
            description: "The heading is a link to more.",
            hidden: false,
            nhsuk_fixture: Some("basic with heading link"),
            render: || {
                view! {
                    <Card
                        heading="Introduction to care and support"
                        heading_level=HeadingLevel::H3
                        heading_size=HeadingSize::M
                        href="#"
                        description="A quick guide for people who have care and support needs and their carers"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "clickable",
            title: "Clickable",
            description: "The whole card is the link's target.",
            hidden: false,
            nhsuk_fixture: Some("clickable"),
            render: || {
                view! {
                    <Card
                        clickable=true
                        heading="Introduction to care and support"
                        heading_size=HeadingSize::M
                        href="#"
                        description="A quick guide for people who have care and support needs and their carers"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "feature",
            title: "Feature",
            description: "Stands out from the page.",
            hidden: false,
            nhsuk_fixture: Some("feature"),
            render: || {
                view! {
                    <Card
                        variant=CardVariant::Feature
                        heading="Feature card heading"
                        description="Feature card description."
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "primary",
            title: "Primary (with chevron and description)",
            description: "A main way on from the page.",
            hidden: false,
            nhsuk_fixture: Some("primary (with chevron and description)"),
            render: || {
                view! {
                    <Card
                        variant=CardVariant::Primary
                        clickable=true
                        heading="Introduction to care and support"
                        heading_size=HeadingSize::M
                        href="#"
                        description="A quick guide for people who have care and support needs and their carers"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "secondary",
            title: "Secondary",
            description: "A way on with less weight.",
            hidden: false,
            nhsuk_fixture: Some("secondary"),
            render: || {
                view! {
                    <Card
                        variant=CardVariant::Secondary
                        clickable=true
                        heading="Urgent and emergency care services"
                        heading_size=HeadingSize::M
                        href="#"
                        description="Services the NHS provides if you need urgent or emergency medical help"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "non-urgent",
            title: "Non-urgent (blue)",
            description: "Care card: when to see a GP. Screen readers hear \"Non-urgent advice\" first.",
            hidden: false,
            nhsuk_fixture: Some("non-urgent (blue)"),
            render: || {
                view! {
                    <Card
                        variant=CardVariant::NonUrgent
                        heading="Speak to a GP if:"
                        heading_level=HeadingLevel::H3
                    >
                        {care_non_urgent()}
                    </Card>
                }
                .into_any()
            },
        },
        Example {
            name: "urgent",
            title: "Urgent (red)",
            description: "Care card: urgent advice.",
            hidden: false,
            nhsuk_fixture: Some("urgent (red)"),
            render: || {
                view! {
                    <Card variant=CardVariant::Urgent heading="Ask for an urgent GP appointment if:">
                        {care_urgent()}
                    </Card>
                }
                .into_any()
            },
        },
        Example {
            name: "emergency",
            title: "Emergency (red and black)",
            description: "Care card: immediate action required.",
            hidden: false,
            nhsuk_fixture: Some("emergency (red and black)"),
            render: || {
                view! {
                    <Card
                        variant=CardVariant::Emergency
                        heading="Call 999 if you have sudden chest pain that:"
                    >
                        {care_emergency()}
                    </Card>
                }
                .into_any()
            },
        },
        Example {
            name: "with-image",
            title: "With an image",
            description: "An image above the content; empty alternative text, as it only decorates.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Card
                        clickable=true
                        image_src=WARD_IMAGE
                        heading="Ward 7B"
                        heading_size=HeadingSize::M
                        href="#"
                        description="24 patients, 3 with a NEWS2 score of 5 or more"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "actions",
            title: "With actions",
            description: "Links and buttons beside the heading; screen readers hear the heading after each (\"Remove (Penicillin)\"), so cards of the same kind can be told apart.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let removed = RwSignal::new(false);
                view! {
                    <Card
                        heading="Penicillin"
                        heading_level=HeadingLevel::H3
                        actions=vec![
                            CardAction::link("Change", "#").hidden_text("allergy"),
                            CardAction::button("Remove", move |_| removed.set(true)),
                        ]
                    >
                        <SummaryList
                            no_last_row_border=true
                            rows=vec![
                                SummaryRow::new("Reaction", "Anaphylaxis"),
                                SummaryRow::new("Criticality", "High"),
                                SummaryRow::new("Recorded", "03-Mar-2019"),
                            ]
                        />
                    </Card>
                    <p aria-live="polite">
                        {move || removed.get().then_some("Penicillin allergy removed")}
                    </p>
                }
                .into_any()
            },
        },
        Example {
            name: "nhsuk-action",
            title: "Basic with summary list and action",
            description: "nhsuk-frontend's card with one action, to compare markup with.",
            hidden: true,
            nhsuk_fixture: Some("basic with summary list and action"),
            render: || nhsuk_manager_card(vec![CardAction::link("Delete", "#/delete")]),
        },
        Example {
            name: "nhsuk-actions",
            title: "Basic with summary list and actions",
            description: "nhsuk-frontend's card with two actions, to compare markup with.",
            hidden: true,
            nhsuk_fixture: Some("basic with summary list and actions"),
            render: || {
                nhsuk_manager_card(vec![
                    CardAction::link("Delete", "#/delete"),
                    CardAction::link("Withdraw", "#/withdraw"),
                ])
            },
        },
        Example {
            name: "nhsuk-action-button",
            title: "Basic with summary list and action as a button",
            description: "nhsuk-frontend's card whose action submits a form, to compare markup with.",
            hidden: true,
            nhsuk_fixture: Some("basic with summary list and action as a button"),
            render: || nhsuk_manager_card(vec![CardAction::submit("Delete")]),
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the card.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Card
                        class="app-card"
                        id="next-steps"
                        attr:data-test="card"
                        heading="Next steps"
                        heading_id="next-steps-heading"
                        description="Review the observations."
                    />
                }
                .into_any()
            },
        },
    ],
};

/// A decorative picture for the image example, inline (the page's CSP
/// allows `data:` images; nhsuk-frontend's own example image is not served).
const WARD_IMAGE: &str = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 320 120'%3E%3Crect width='320' height='120' fill='%23005eb8'/%3E%3Crect x='40' y='60' width='240' height='30' rx='6' fill='%23ffffff'/%3E%3Crect x='40' y='40' width='60' height='28' rx='6' fill='%23ffffff'/%3E%3C/svg%3E";

/// nhsuk-frontend's care card examples' advice (NHS.UK's chickenpox and
/// heart attack pages), so the examples reproduce its fixtures.
fn care_non_urgent() -> impl IntoView {
    view! {
        <ul>
            <li>"you're not sure it's chickenpox"</li>
            <li>"the skin around the blisters is red, hot or painful (signs of infection)"</li>
            <li>
                "your child is "
                <a href="https://www.nhs.uk/conditions/dehydration">"dehydrated"</a>
            </li>
            <li>"you're concerned about your child or they get worse"</li>
        </ul>
        <p>
            "Tell the receptionist you think it's chickenpox before going in. They may recommend a special appointment time if other patients are at risk."
        </p>
    }
}

fn care_urgent() -> impl IntoView {
    view! {
        <ul>
            <li>"you're an adult and have chickenpox"</li>
            <li>
                "you're pregnant and haven't had chickenpox before and you've been near someone with it"
            </li>
            <li>"you have a weakened immune system and you've been near someone with chickenpox"</li>
            <li>"you think your newborn baby has chickenpox"</li>
        </ul>
        <p>
            "In these situations, your GP can prescribe medicine to prevent complications. You need to take it within 24 hours of the spots coming out."
        </p>
    }
}

fn care_emergency() -> impl IntoView {
    view! {
        <ul>
            <li>"spreads to your arms, back, neck or jaw"</li>
            <li>"makes your chest feel tight or heavy"</li>
            <li>"also started with shortness of breath, sweating and feeling or being sick"</li>
        </ul>
        <p>
            "You could be having a heart attack. Call 999 immediately as you need immediate treatment in hospital."
        </p>
    }
}

/// nhsuk-frontend's card-with-actions fixtures: a manager's details.
fn nhsuk_manager_card(actions: Vec<CardAction>) -> AnyView {
    view! {
        <Card heading="Regional Manager" heading_level=HeadingLevel::H3 actions=actions>
            <SummaryList
                no_last_row_border=true
                rows=vec![
                    SummaryRow::new("Name", "Karen Francis"),
                    SummaryRow::new("Date of birth", "15 March 1984"),
                ]
            />
        </Card>
    }
    .into_any()
}
