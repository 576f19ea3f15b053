#![doc = include_str!("docs.md")]

mod types;

use leptos::prelude::*;

use types::ActionKind;
pub use types::{CardAction, CardVariant};

use crate::docs::{ComponentDocs, Example};
use crate::ui::heading::element;
use crate::ui::{HeadingLevel, HeadingSize, SummaryList, SummaryRow};

/// nhsuk-frontend's `chevron-right-circle` icon, on primary cards.
const CHEVRON_RIGHT_CIRCLE: &str = "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm-.3 5.8a1 1 0 1 0-1.5 1.4l2.9 2.8-2.9 2.8a1 1 0 0 0 1.5 1.4l3.5-3.5c.4-.4.4-1 0-1.4Z";

/// The card's heading: what it is and how it reads.
pub(crate) struct CardHeading {
    pub text: String,
    pub level: HeadingLevel,
    pub size: HeadingSize,
    pub id: Option<String>,
    /// Said first to screen readers ("Important", "Urgent advice").
    pub prefix: Option<String>,
    /// The heading is a link to this.
    pub href: Option<String>,
}

impl CardHeading {
    fn render(self) -> AnyView {
        let class = match self.size.as_str() {
            Some(size) => format!("nhsuk-card__heading {size}"),
            None => "nhsuk-card__heading".to_string(),
        };
        let inner = match (self.href, self.prefix) {
            (Some(href), _) => {
                view! { <a class="nhsuk-card__link" href=href>{self.text}</a> }.into_any()
            }
            (None, Some(prefix)) => view! {
                <span role="text">
                    <span class="nhsuk-u-visually-hidden">{format!("{prefix}: ")}</span>
                    {self.text}
                </span>
            }
            .into_any(),
            (None, None) => self.text.into_any(),
        };
        element(self.level, Some(class), self.id, inner)
    }
}

/// The parts of a card, as [`Card`] and
/// [`WarningCallout`](crate::ui::WarningCallout) give them.
pub(crate) struct CardParts {
    pub class: MaybeProp<String>,
    pub id: Option<String>,
    pub variant: CardVariant,
    pub clickable: bool,
    pub heading: Option<CardHeading>,
    pub description: Option<String>,
    pub image: Option<(String, String)>,
    pub content: Option<Children>,
    pub actions: Vec<CardAction>,
}

/// The actions beside the heading: one alone, or a list of several.
fn actions_view(actions: Vec<CardAction>, heading: Option<&str>) -> Option<AnyView> {
    let suffix = heading.map(|h| format!(" ({h})"));
    let mut rendered: Vec<AnyView> = actions
        .into_iter()
        .map(|action| {
            let hidden = match (action.hidden, &suffix) {
                (None, None) => None,
                (hidden, suffix) => Some(format!(
                    "{}{}",
                    hidden.map(|h| format!(" {h}")).unwrap_or_default(),
                    suffix.as_deref().unwrap_or_default()
                )),
            };
            let hidden =
                hidden.map(|h| view! { <span class="nhsuk-u-visually-hidden">{h}</span> });
            match action.kind {
                ActionKind::Link(href) => view! {
                    <a class="nhsuk-link" href=href>{action.text}{hidden}</a>
                }
                .into_any(),
                ActionKind::Button(on_click) => {
                    let kind = if on_click.is_some() { "button" } else { "submit" };
                    view! {
                        <button
                            class="nhsuk-link"
                            type=kind
                            on:click=move |ev| {
                                if let Some(on_click) = on_click {
                                    on_click.run(ev);
                                }
                            }
                        >
                            {action.text}
                            {hidden}
                        </button>
                    }
                    .into_any()
                }
            }
        })
        .collect();
    match rendered.len() {
        0 => None,
        1 => rendered
            .pop()
            .map(|one| view! { <div class="nhsuk-card__actions">{one}</div> }.into_any()),
        _ => Some(
            view! {
                <ul class="nhsuk-card__actions">
                    {rendered
                        .into_iter()
                        .map(|one| view! { <li class="nhsuk-card__action">{one}</li> })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        ),
    }
}

/// nhsuk-frontend's card markup: care cards and cards with actions put
/// their heading in a container of its own, above the content (with the
/// arrow that points into a care card's); the others put it in the content.
pub(crate) fn card(parts: CardParts) -> AnyView {
    let CardParts {
        class,
        id,
        variant,
        clickable,
        heading,
        description,
        image,
        content,
        actions,
    } = parts;
    let care = variant.care_prefix().filter(|_| heading.is_some());
    let actions = actions_view(actions, heading.as_ref().map(|h| h.text.as_str()));
    let classes = move || {
        let base = crate::ui::join_classes([
            Some("nhsuk-card"),
            clickable.then_some("nhsuk-card--clickable"),
            variant.as_str(),
        ]);
        crate::ui::class_list(&base, class.get())
    };
    let (above, within) = match heading {
        Some(mut heading) if care.is_some() || actions.is_some() => {
            heading.prefix = heading.prefix.or(care.map(str::to_string));
            let above = view! {
                <div class="nhsuk-card__heading-container">
                    {heading.render()}
                    {care
                        .map(|_| {
                            view! { <span class="nhsuk-card--care__arrow" aria-hidden="true"></span> }
                        })}
                    {actions}
                </div>
            };
            (Some(above.into_any()), None)
        }
        None if actions.is_some() => {
            let above = view! { <div class="nhsuk-card__heading-container">{actions}</div> };
            (Some(above.into_any()), None)
        }
        heading => (None, heading.map(CardHeading::render)),
    };
    let body = match content {
        Some(content) => Some(content().into_any()),
        None => description
            .map(|text| view! { <p class="nhsuk-card__description">{text}</p> }.into_any()),
    };
    let chevron = (variant == CardVariant::Primary).then(|| {
        crate::ui::icon("nhsuk-icon nhsuk-icon--chevron-right-circle", CHEVRON_RIGHT_CIRCLE)
    });
    view! {
        <div class=classes id=id>
            {image.map(|(src, alt)| view! { <img class="nhsuk-card__img" src=src alt=alt /> })}
            {above}
            <div class="nhsuk-card__content">{within} {body} {chevron}</div>
        </div>
    }
    .into_any()
}

/// An NHS.UK card: a heading and a short description, often a link to
/// more. Variants make it a feature, a primary or secondary way on, a
/// warning, or a care card (non-urgent, urgent, emergency) whose urgency
/// screen readers hear before its heading.
#[component]
pub fn Card(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The card's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// What kind of card.
    #[prop(optional)]
    variant: CardVariant,
    /// The whole card follows the heading's link when clicked (nhsuk-frontend
    /// stretches the link over it); needs `href`.
    #[prop(optional)]
    clickable: bool,
    /// The heading. A care card needs one.
    #[prop(optional, into)]
    heading: Option<String>,
    /// The heading's level.
    #[prop(default = HeadingLevel::H2)]
    heading_level: HeadingLevel,
    /// The heading's size.
    #[prop(optional)]
    heading_size: HeadingSize,
    /// The heading's `id`.
    #[prop(optional, into)]
    heading_id: Option<String>,
    /// Said to screen readers before the heading; care cards say their
    /// urgency unless set.
    #[prop(optional, into)]
    heading_prefix: Option<String>,
    /// Makes the heading a link to this (not on feature cards).
    #[prop(optional, into)]
    href: Option<String>,
    /// A short description under the heading, when there are no children.
    #[prop(optional, into)]
    description: Option<String>,
    /// An image above the content: its URL.
    #[prop(optional, into)]
    image_src: Option<String>,
    /// The image's text alternative; empty (the default) when it only
    /// decorates.
    #[prop(optional, into)]
    image_alt: String,
    /// Links or buttons beside the heading ("Change", "Remove").
    #[prop(optional)]
    actions: Vec<CardAction>,
    /// The content under the heading, instead of `description`.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let href = href.filter(|_| variant != CardVariant::Feature);
    card(CardParts {
        class,
        id,
        variant,
        clickable,
        heading: heading.map(|text| CardHeading {
            text,
            level: heading_level,
            size: heading_size,
            id: heading_id,
            prefix: heading_prefix,
            href,
        }),
        description,
        image: image_src.map(|src| (src, image_alt)),
        content: children,
        actions,
    })
}

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

/// The gallery page and tests for [`Card`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "card",
    title: "Card",
    summary: "A heading and a short description, often leading somewhere else.",
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::{normalize_html, render_to_html};

    #[test]
    fn an_action_is_heard_with_its_own_words_then_the_cards_heading() {
        let html = normalize_html(&render_to_html(|| {
            view! {
                <Card
                    heading="Penicillin"
                    actions=vec![CardAction::link("Change", "#change").hidden_text("allergy")]
                    description="Anaphylaxis"
                />
            }
        }));
        assert!(
            html.contains(
                "<a class=\"nhsuk-link\" href=\"#change\">\nChange\n<span class=\"nhsuk-u-visually-hidden\">\n allergy (Penicillin)\n</span>"
            ),
            "{html}"
        );
        let container = html.find("nhsuk-card__heading-container").expect(&html);
        let content = html.find("nhsuk-card__content").expect(&html);
        assert!(container < content, "heading and action above the content: {html}");
    }

    #[test]
    fn a_button_action_runs_in_the_app_and_a_submit_action_sends_its_form() {
        let html = normalize_html(&render_to_html(|| {
            view! {
                <Card
                    heading="Ward 12"
                    actions=vec![CardAction::button("Refresh", |_| ()), CardAction::submit("Save")]
                />
            }
        }));
        assert!(html.contains(r#"<button class="nhsuk-link" type="button">"#), "{html}");
        assert!(html.contains(r#"<button class="nhsuk-link" type="submit">"#), "{html}");
        assert_eq!(html.matches(r#"<li class="nhsuk-card__action">"#).count(), 2, "{html}");
    }

    /// nhsuk-frontend's "with image" fixture's order: the image first, then
    /// the content (the fixture's image is not served, so no example
    /// reproduces it whole).
    #[test]
    fn the_image_comes_before_the_content() {
        let html = normalize_html(&render_to_html(|| {
            view! { <Card clickable=true image_src="/exercise.jpg" heading="Exercise" href="#" /> }
        }));
        assert!(
            html.starts_with(
                "<div class=\"nhsuk-card nhsuk-card--clickable\">\n<img alt class=\"nhsuk-card__img\" src=\"/exercise.jpg\">\n<div class=\"nhsuk-card__content\">"
            ),
            "{html}"
        );
    }

    #[test]
    fn a_feature_cards_heading_is_not_a_link() {
        let html = normalize_html(&render_to_html(|| {
            view! { <Card variant=CardVariant::Feature heading="Ward 7B" href="/ward" /> }
        }));
        assert!(!html.contains("nhsuk-card__link"), "{html}");
    }
}
