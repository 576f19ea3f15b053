#![doc = include_str!("docs.md")]

mod types;

use leptos::prelude::*;

use types::ActionKind;
pub use types::{CardAction, CardVariant};

use crate::ui::heading::element;
use crate::ui::{HeadingLevel, HeadingSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

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
