//! Decision support cards (CDS Hooks 2.0) on a patient's pages.
//!
//! [`DecisionSupport`] calls each of the organisation's CDS services'
//! `patient-view` hook when a patient's page opens ([`bedside_core::cds`]
//! holds the protocol) and shows their cards as NHS.UK care cards: `info`
//! as non-urgent, `warning` as urgent, `critical` as emergency, most urgent
//! first. It never holds the page up: each service's cards appear when they
//! come; one that takes longer than the organisation's timeout (5 s unless
//! set), or fails, is a quiet line, not an error the user must deal with.
//!
//! What a card asks is only ever done by the user: a suggestion's changes
//! (each a FHIR create, update or delete through the page's
//! [`FhirClient`](crate::fhir::FhirClient), to this patient's records only) when they press its
//! button, with what happened said; a dismissal offers the card's override
//! reasons, and both outcomes go to the service's feedback endpoint. A
//! card's links open in a new tab: a page if its address is one Bedside
//! allows, an app only if the organisation registered it ([`crate::apps`]),
//! launched as the apps list launches it, with the card's `appContext`.
//!
//! Prefetch is filled from Bedside's own reads on the organisation's FHIR
//! server; the user's token goes only to services the configuration marks
//! `trusted`.

use std::cell::RefCell;
use std::collections::HashSet;

use leptos::prelude::*;

pub use bedside_core::cds::markdown::{Block, Inline};
pub use bedside_core::cds::{
    Card as CdsCard, CdsError, CdsServer, CdsSettings, Coding, Indicator, Link, Outcome,
    PatientView, Suggestion, markdown,
};

use crate::apps::{Catalogue, LaunchFor, Opening, RegisteredApp};
use crate::ui::{Button, ButtonType, ButtonVariant, Card, CardVariant, ErrorMessage, HeadingLevel};

thread_local! {
    /// Cards this tab's user dismissed (service, patient, summary): not
    /// shown again on the patient's other pages while the tab is open.
    static DISMISSED: RefCell<HashSet<(String, String, String)>> = RefCell::new(HashSet::new());
}

/// The care card for an indicator.
pub fn care_variant(indicator: Indicator) -> CardVariant {
    match indicator {
        Indicator::Critical => CardVariant::Emergency,
        Indicator::Warning => CardVariant::Urgent,
        Indicator::Info => CardVariant::NonUrgent,
    }
}

/// Where one service is.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Answer {
    Waiting,
    Cards(Vec<CdsCard>, usize),
    /// After this many milliseconds.
    TimedOut(u32),
    Failed(String),
}

/// One service's call: who it is and where it is.
#[derive(Clone)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
struct Call {
    server: CdsServer,
    service: String,
    answer: RwSignal<Answer>,
}

/// What drawing one card needs ([`draw_card`]).
#[derive(Clone)]
pub struct CardArgs {
    /// The card.
    pub card: CdsCard,
    /// Its service's provider.
    pub server: CdsServer,
    /// Its service's id.
    pub service: String,
    /// The patient on the page.
    pub patient_id: String,
    /// The organisation's apps, for `smart` links.
    pub apps: Option<Catalogue>,
    /// Whom an app is launched for.
    pub target: LaunchFor,
}

/// Draws a card: [`CardView`]. An app passes it to [`DecisionSupport`]
/// through a split point of its own, so the cards' code (markdown,
/// suggestions, dismissal) comes apart from the calls' and each file keeps
/// within its budget; the reference app fetches both at once.
pub fn draw_card(args: CardArgs) -> AnyView {
    let CardArgs {
        card,
        server,
        service,
        patient_id,
        apps,
        target,
    } = args;
    view! { <CardView card server service patient_id apps target /> }.into_any()
}

/// The organisation's decision support cards for the patient, as they
/// arrive. Reads the settings from `config.json` ([`CdsSettings`]); shows
/// nothing where there are none.
#[component]
pub fn DecisionSupport(
    /// The patient on the page.
    patient_id: String,
    /// The admission, where known.
    encounter_id: Option<String>,
    /// Draws each card: [`draw_card`], or the app's split point around it.
    draw: fn(CardArgs) -> AnyView,
) -> impl IntoView {
    let calls = RwSignal::new(Vec::<Call>::new());
    let problem = RwSignal::new(None::<String>);
    start(patient_id.clone(), encounter_id.clone(), calls, problem);
    let apps = crate::apps::use_app_catalogue().and_then(Result::ok);
    let target = LaunchFor {
        patient: Some(patient_id.clone()),
        encounter: encounter_id,
    };
    view! {
        <div data-testid="decision-support">
            {move || problem.get().map(|p| view! { <p class="nhsuk-body-s">{p}</p> })}
            <For each=move || calls.get() key=|c| (c.server.base.clone(), c.service.clone()) let:call>
                <ServiceCards call=call patient_id=patient_id.clone() apps=apps.clone() target=target.clone() draw=draw />
            </For>
        </div>
    }
}

/// One service's cards, or a line about it.
#[component]
fn ServiceCards(
    call: Call,
    patient_id: String,
    apps: Option<Catalogue>,
    target: LaunchFor,
    draw: fn(CardArgs) -> AnyView,
) -> impl IntoView {
    let label = call.server.label();
    move || {
        match call.answer.get() {
        Answer::Waiting => ().into_any(),
        Answer::TimedOut(after_ms) => view! {
            <p class="nhsuk-body-s nhsuk-u-secondary-text-colour" data-testid="cds-note">
                {format!("{label} did not answer within {} seconds, so its advice (if any) is not shown.", after_ms / 1000)}
            </p>
        }
        .into_any(),
        Answer::Failed(why) => view! {
            <p class="nhsuk-body-s nhsuk-u-secondary-text-colour" data-testid="cds-note">
                {format!("{label}'s advice could not be shown: {why}.")}
            </p>
        }
        .into_any(),
        Answer::Cards(cards, unreadable) => {
            let shown: Vec<CdsCard> = cards
                .into_iter()
                .filter(|c| !dismissed(&call.service, &patient_id, &c.summary))
                .collect();
            let note = (unreadable > 0).then(|| {
                view! {
                    <p class="nhsuk-body-s nhsuk-u-secondary-text-colour" data-testid="cds-note">
                        {format!("{unreadable} card{} from {label} could not be read.", if unreadable == 1 { "" } else { "s" })}
                    </p>
                }
            });
            view! {
                {shown
                    .into_iter()
                    .map(|card| {
                        draw(CardArgs {
                            card,
                            server: call.server.clone(),
                            service: call.service.clone(),
                            patient_id: patient_id.clone(),
                            apps: apps.clone(),
                            target: target.clone(),
                        })
                    })
                    .collect_view()}
                {note}
            }
            .into_any()
        }
    }
    }
}

fn dismissed(service: &str, patient: &str, summary: &str) -> bool {
    DISMISSED.with(|d| {
        d.borrow().contains(&(
            service.to_string(),
            patient.to_string(),
            summary.to_string(),
        ))
    })
}

/// Where a card is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Handling {
    Open,
    Applying,
    Done(String),
    Failed(String),
    Dismissed,
}

/// One card, as an NHS.UK care card.
#[component]
pub fn CardView(
    /// The card.
    card: CdsCard,
    /// Its service's provider.
    server: CdsServer,
    /// Its service's id.
    service: String,
    /// The patient on the page.
    patient_id: String,
    /// The organisation's apps, for `smart` links.
    apps: Option<Catalogue>,
    /// Whom an app is launched for.
    target: LaunchFor,
) -> impl IntoView {
    let handling = RwSignal::new(Handling::Open);
    let summary = card.summary_shown();
    let detail = card
        .detail
        .as_deref()
        .map(|d| blocks_view(markdown::parse(d)));
    let source = view! { <p class="nhsuk-body-s">"Source: " {card.source.label.clone()}</p> };
    let suggestions = card
        .suggestions
        .iter()
        .map(|s| suggestion_view(s.clone(), &card, &server, &service, &patient_id, handling))
        .collect_view();
    let links = (!card.links.is_empty()).then(|| {
        view! {
            <ul class="nhsuk-list">
                {card
                    .links
                    .iter()
                    .map(|l| view! { <li>{link_view(l.clone(), apps.as_ref(), &target)}</li> })
                    .collect_view()}
            </ul>
        }
    });
    let dismiss = dismiss_view(&card, &server, &service, &patient_id, handling);
    let said = move || match handling.get() {
        Handling::Open | Handling::Dismissed => ().into_any(),
        Handling::Applying => view! { <p class="nhsuk-body-s">"Saving…"</p> }.into_any(),
        Handling::Done(what) => view! { <p class="nhsuk-body-s">{what}</p> }.into_any(),
        Handling::Failed(why) => view! { <ErrorMessage>{why}</ErrorMessage> }.into_any(),
    };
    let gone = summary.clone();
    let is_dismissed = move || handling.get() == Handling::Dismissed;
    view! {
        // What the card says is the care card; what the user can do about
        // it follows it, on the page's own background (an emergency card's
        // is black, where the page's controls would not be seen).
        <div data-testid="cds-card" hidden=is_dismissed>
            <Card variant=care_variant(card.indicator) heading=summary heading_level=HeadingLevel::H2>
                {detail}
                {source}
            </Card>
            <div class="nhsuk-u-margin-bottom-6">
                {suggestions}
                {links}
                <div role="status">{said}</div>
                {dismiss}
            </div>
        </div>
        <p class="nhsuk-body-s" role="status">
            {move || is_dismissed().then(|| format!("Dismissed: {gone}"))}
        </p>
    }
}

/// A card's markdown, as elements and text.
pub fn blocks_view(blocks: Vec<Block>) -> AnyView {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(runs) => {
                view! { <p class="nhsuk-body">{inline_view(runs)}</p> }.into_any()
            }
            Block::Heading(runs) => {
                view! { <p class="nhsuk-body"><strong>{inline_view(runs)}</strong></p> }.into_any()
            }
            Block::List { ordered, items } => {
                let items = items
                    .into_iter()
                    .map(|runs| view! { <li>{inline_view(runs)}</li> })
                    .collect_view();
                if ordered {
                    view! { <ol class="nhsuk-list nhsuk-list--number">{items}</ol> }.into_any()
                } else {
                    view! { <ul class="nhsuk-list nhsuk-list--bullet">{items}</ul> }.into_any()
                }
            }
        })
        .collect_view()
        .into_any()
}

fn inline_view(runs: Vec<Inline>) -> AnyView {
    runs.into_iter()
        .map(|run| match run {
            Inline::Text(text) => text.into_any(),
            Inline::Strong(text) => view! { <strong>{text}</strong> }.into_any(),
            Inline::Emphasis(text) => view! { <em>{text}</em> }.into_any(),
            Inline::Code(text) => view! { <code>{text}</code> }.into_any(),
            Inline::Link { text, href } => new_tab_link(text, href),
        })
        .collect_view()
        .into_any()
}

/// A link to another site, in a new tab that gets no handle on this one.
fn new_tab_link(text: String, href: String) -> AnyView {
    view! {
        <a href=href target="_blank" rel="noopener noreferrer">
            {text}
            " (opens in a new tab)"
        </a>
    }
    .into_any()
}

/// A `smart` link opens a registered app; an `absolute` one a page Bedside
/// allows; anything else is its words.
fn link_view(link: Link, apps: Option<&Catalogue>, target: &LaunchFor) -> AnyView {
    if link.kind == "absolute" && markdown::allowed(&link.url) {
        return new_tab_link(link.label, link.url);
    }
    let app = (link.kind == "smart")
        .then(|| {
            apps.and_then(|c| {
                registered(c, &link.url).map(|a| (a.clone(), c.launch_context_endpoint.clone()))
            })
        })
        .flatten();
    let Some((app, endpoint)) = app else {
        let why = if link.kind == "smart" {
            " (an app your organisation has not registered, so Bedside does not open it)"
        } else {
            " (an address Bedside does not open)"
        };
        return view! { <span>{link.label}{why}</span> }.into_any();
    };
    let opening = RwSignal::new(Opening::Idle);
    let target = target.clone();
    let context = link.app_context.clone();
    let said = crate::apps::said(app.name.clone(), opening);
    let open = Callback::new(move |_| {
        if opening.get_untracked() != Opening::Asking {
            crate::apps::open(&app, endpoint.as_deref(), &target, context.clone(), opening);
        }
    });
    view! {
        <Button variant=ButtonVariant::Secondary button_type=ButtonType::Button small=true on_click=open>
            {link.label}
        </Button>
        <div role="status">{said}</div>
    }
    .into_any()
}

/// The registered app a card's link names: the same launch address, the
/// query aside.
fn registered<'a>(catalogue: &'a Catalogue, url: &str) -> Option<&'a RegisteredApp> {
    let bare = |u: &str| {
        u.split(['?', '#'])
            .next()
            .unwrap_or(u)
            .trim_end_matches('/')
            .to_string()
    };
    catalogue
        .apps
        .iter()
        .find(|a| bare(&a.launch_url) == bare(url))
}

/// A suggestion's button, or why Bedside will not do it.
fn suggestion_view(
    suggestion: Suggestion,
    card: &CdsCard,
    server: &CdsServer,
    service: &str,
    patient_id: &str,
    handling: RwSignal<Handling>,
) -> AnyView {
    if let Some(problem) = suggestion.problem(patient_id) {
        return view! {
            <p class="nhsuk-body-s">
                {format!("Suggested: {}. Bedside does not do this for you: {problem}.", suggestion.label)}
            </p>
        }
        .into_any();
    }
    let label = suggestion.label.clone();
    let feedback = (card.uuid.clone(), server.clone(), service.to_string());
    let patient = patient_id.to_string();
    let accept = Callback::new(move |_| {
        if handling.get_untracked() == Handling::Applying {
            return;
        }
        apply(
            suggestion.clone(),
            feedback.clone(),
            patient.clone(),
            handling,
        );
    });
    view! {
        <Button
            variant=ButtonVariant::Primary
            button_type=ButtonType::Button
            disabled=Signal::derive(move || matches!(handling.get(), Handling::Applying | Handling::Done(_)))
            on_click=accept
        >
            {label}
        </Button>
    }
    .into_any()
}

/// "Dismiss", with the card's override reasons to choose from.
fn dismiss_view(
    card: &CdsCard,
    server: &CdsServer,
    service: &str,
    patient_id: &str,
    handling: RwSignal<Handling>,
) -> AnyView {
    let chosen = RwSignal::new(None::<usize>);
    let reasons = card.override_reasons.clone();
    let group = format!(
        "cds-reason-{}",
        card.uuid
            .clone()
            .unwrap_or_else(|| card.summary.len().to_string())
    );
    let choices = (!reasons.is_empty()).then(|| {
        let items = reasons
            .iter()
            .enumerate()
            .map(|(i, reason)| {
                let id = format!("{group}-{i}");
                let text = reason.display.clone().unwrap_or_else(|| reason.code.clone());
                view! {
                    <div class="nhsuk-radios__item">
                        <input
                            class="nhsuk-radios__input"
                            id=id.clone()
                            name=group.clone()
                            type="radio"
                            value=reason.code.clone()
                            on:change=move |_| chosen.set(Some(i))
                        />
                        <label class="nhsuk-label nhsuk-radios__label" for=id>{text}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <div class="nhsuk-form-group">
                <fieldset class="nhsuk-fieldset">
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"If you dismiss this, why?"</legend>
                    <div class="nhsuk-radios nhsuk-radios--small">{items}</div>
                </fieldset>
            </div>
        }
    });
    let key = (
        service.to_string(),
        patient_id.to_string(),
        card.summary.clone(),
    );
    let feedback = (card.uuid.clone(), server.clone(), service.to_string());
    let dismiss = Callback::new(move |_| {
        let reason = chosen.get_untracked().and_then(|i| reasons.get(i).cloned());
        DISMISSED.with(|d| d.borrow_mut().insert(key.clone()));
        send_feedback(&feedback, Outcome::Overridden(reason));
        handling.set(Handling::Dismissed);
    });
    view! {
        {choices}
        <Button variant=ButtonVariant::Secondary button_type=ButtonType::Button on_click=dismiss>
            "Dismiss"
        </Button>
    }
    .into_any()
}

type FeedbackTo = (Option<String>, CdsServer, String);

#[cfg(target_arch = "wasm32")]
fn start(
    patient_id: String,
    encounter_id: Option<String>,
    calls: RwSignal<Vec<Call>>,
    problem: RwSignal<Option<String>>,
) {
    browser::start(patient_id, encounter_id, calls, problem);
}

#[cfg(not(target_arch = "wasm32"))]
fn start(_: String, _: Option<String>, _: RwSignal<Vec<Call>>, _: RwSignal<Option<String>>) {}

#[cfg(target_arch = "wasm32")]
fn apply(s: Suggestion, f: FeedbackTo, patient: String, h: RwSignal<Handling>) {
    browser::apply(s, f, patient, h);
}

#[cfg(not(target_arch = "wasm32"))]
fn apply(_: Suggestion, _: FeedbackTo, _: String, _: RwSignal<Handling>) {}

#[cfg(target_arch = "wasm32")]
fn send_feedback(to: &FeedbackTo, outcome: Outcome) {
    browser::send_feedback(to, outcome);
}

#[cfg(not(target_arch = "wasm32"))]
fn send_feedback(_: &FeedbackTo, _: Outcome) {}

#[cfg(target_arch = "wasm32")]
mod browser {
    //! The calls: discovery, prefetch, the hook, the suggestions' changes
    //! and feedback.

    use std::collections::BTreeMap;

    use leptos::prelude::*;
    use serde_json::Value;

    use super::{Answer, Call, FeedbackTo, Handling, Outcome, PatientView, Suggestion};
    use crate::fhir::{FhirClient, FhirClientContext, HttpRequest, Method};
    use crate::session::SessionBroker;
    use bedside_core::cds::{
        CdsServer, CdsSettings, FhirAuthorization, HookRequest, ServiceDescription, feedback,
        patient_view_services, read_cards,
    };

    async fn json(
        method: Method,
        url: String,
        body: Option<Vec<u8>>,
        timeout_ms: u32,
    ) -> Result<Vec<u8>, Answer> {
        let mut headers = vec![("Accept", "application/json".to_string())];
        if body.is_some() {
            headers.push(("Content-Type", "application/json".into()));
        }
        let response = crate::fhir::fetch::send(
            HttpRequest {
                method,
                url,
                headers,
                body,
            },
            timeout_ms,
        )
        .await
        .map_err(|failure| match failure {
            crate::fhir::fetch::NoAnswer::Timeout(after_ms) => Answer::TimedOut(after_ms),
            other => Answer::Failed(other.detail()),
        })?;
        if !(200..300).contains(&response.status) {
            return Err(Answer::Failed(format!("it answered {}", response.status)));
        }
        Ok(response.body)
    }

    pub(super) fn start(
        patient_id: String,
        encounter_id: Option<String>,
        calls: RwSignal<Vec<Call>>,
        problem: RwSignal<Option<String>>,
    ) {
        let Some(broker) = SessionBroker::use_context() else {
            return;
        };
        let Some(session) = untrack(|| broker.session()) else {
            return;
        };
        let settings = match broker
            .config_text()
            .map(|t| CdsSettings::read(&t, &session.organisation))
        {
            None => return,
            Some(Err(e)) => {
                problem.set(Some(e.to_string()));
                return;
            }
            Some(Ok(s)) if s.services.is_empty() => return,
            Some(Ok(s)) => s,
        };
        // CDS Hooks names the user by their FHIR resource, relative.
        let Some((kind, id)) = session.fhir_user_reference() else {
            problem.set(Some("Decision support is not shown: your sign-in does not say which staff record is yours.".into()));
            return;
        };
        let view = PatientView {
            user_id: format!("{kind}/{id}"),
            patient_id,
            encounter_id,
        };
        let client = FhirClient::expect();
        let tokens = broker.token_source();
        for server in settings.services {
            let view = view.clone();
            let client = client.clone();
            let tokens = tokens.clone();
            let session = session.clone();
            let timeout = settings.timeout_ms;
            leptos::task::spawn_local(async move {
                let discovered = discover(&server, timeout).await;
                let services = match discovered {
                    Ok(services) => services,
                    Err(answer) => {
                        let call = Call {
                            server: server.clone(),
                            service: String::new(),
                            answer: RwSignal::new(answer),
                        };
                        let _ = calls.try_update(|c| c.push(call));
                        return;
                    }
                };
                for service in services {
                    let answer = RwSignal::new(Answer::Waiting);
                    let call = Call {
                        server: server.clone(),
                        service: service.id.clone(),
                        answer,
                    };
                    if calls.try_update(|c| c.push(call)).is_none() {
                        return;
                    }
                    // Prefetch: Bedside's own reads, on its own FHIR server.
                    let mut prefetch = BTreeMap::new();
                    for (key, template) in &service.prefetch {
                        let Some(query) = view.prefetch_query(template) else {
                            continue;
                        };
                        let url = format!("{}/{query}", client.base_url().trim_end_matches('/'));
                        if let Ok(found) = client.page_as::<Value>(&url).await {
                            prefetch.insert(key.clone(), found);
                        }
                    }
                    let authorization = if server.trusted {
                        tokens.token().await.map(|access_token| FhirAuthorization {
                            access_token,
                            token_type: "Bearer",
                            expires_in: ((session.expires_at_ms - js_sys::Date::now()) / 1000.0)
                                .max(0.0) as u64,
                            scope: session.scope.clone(),
                            subject: server
                                .client_id
                                .clone()
                                .unwrap_or_else(|| session.client_id.clone()),
                            patient: session.context.patient.clone(),
                        })
                    } else {
                        None
                    };
                    let request = HookRequest::patient_view(
                        &view,
                        uuid(),
                        &session.fhir_base_url,
                        authorization,
                        prefetch,
                    );
                    let Ok(body) = serde_json::to_vec(&request) else {
                        continue;
                    };
                    let result = match json(
                        Method::Post,
                        server.service_url(&service.id),
                        Some(body),
                        timeout,
                    )
                    .await
                    {
                        Ok(body) => match read_cards(&body, &server.label()) {
                            Ok((cards, unreadable)) => Answer::Cards(cards, unreadable),
                            Err(e) => Answer::Failed(e.to_string()),
                        },
                        Err(answer) => answer,
                    };
                    let _ = answer.try_set(result);
                }
            });
        }
    }

    thread_local! {
        /// Each provider's `patient-view` services, once found: a page of
        /// the patient's after the first asks the services, not discovery.
        static DISCOVERED: std::cell::RefCell<std::collections::HashMap<String, Vec<ServiceDescription>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }

    /// `server`'s `patient-view` services: remembered for this tab once
    /// found (a failure is asked again next time).
    async fn discover(server: &CdsServer, timeout: u32) -> Result<Vec<ServiceDescription>, Answer> {
        let url = server.discovery_url();
        if let Some(known) = DISCOVERED.with(|d| d.borrow().get(&url).cloned()) {
            return Ok(known);
        }
        let body = json(Method::Get, url.clone(), None, timeout).await?;
        let services =
            patient_view_services(&body, server).map_err(|e| Answer::Failed(e.to_string()))?;
        DISCOVERED.with(|d| d.borrow_mut().insert(url, services.clone()));
        Ok(services)
    }

    fn uuid() -> String {
        web_sys::window()
            .and_then(|w| w.crypto().ok())
            .map(|c| c.random_uuid())
            .unwrap_or_else(|| format!("{}", js_sys::Date::now()))
    }

    pub(super) fn apply(
        suggestion: Suggestion,
        to: FeedbackTo,
        patient: String,
        handling: RwSignal<Handling>,
    ) {
        // Checked again where it is done, not only where it was offered.
        if let Some(problem) = suggestion.problem(&patient) {
            handling.set(Handling::Failed(format!(
                "{} was not done: {problem}.",
                suggestion.label
            )));
            return;
        }
        let client = FhirClient::expect();
        handling.set(Handling::Applying);
        leptos::task::spawn_local(async move {
            let mut done = Vec::new();
            for action in &suggestion.actions {
                let result = match action.kind.as_str() {
                    "create" | "update" => {
                        let Some(resource) = action.resource.clone() else {
                            continue;
                        };
                        let kind = resource
                            .get("resourceType")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_string();
                        let saved = if action.kind == "create" {
                            client.create::<Value>(&kind, &resource).await
                        } else {
                            let id = resource
                                .get("id")
                                .and_then(Value::as_str)
                                .unwrap_or_default()
                                .to_string();
                            client.update::<Value>(&kind, &id, &resource, None).await
                        };
                        saved.map(|r| {
                            let id = r.get("id").and_then(Value::as_str).unwrap_or_default();
                            format!(
                                "{kind} {}",
                                if action.kind == "create" {
                                    format!("{id} created")
                                } else {
                                    format!("{id} updated")
                                }
                            )
                        })
                    }
                    _ => {
                        let mut result = Ok(String::new());
                        for reference in &action.resource_id {
                            let Some((kind, id)) = reference.split_once('/') else {
                                continue;
                            };
                            if let Err(e) = client.delete(kind, id).await {
                                result = Err(e);
                                break;
                            }
                        }
                        result.map(|_| format!("{} deleted", action.resource_id.join(", ")))
                    }
                };
                match result {
                    Ok(what) => done.push(what),
                    Err(e) => {
                        let so_far = if done.is_empty() {
                            String::new()
                        } else {
                            format!(" Done before it failed: {}.", done.join("; "))
                        };
                        let _ = handling.try_set(Handling::Failed(format!(
                            "{} was not completed: {e}.{so_far}",
                            suggestion.label
                        )));
                        return;
                    }
                }
            }
            send_feedback(
                &to,
                Outcome::Accepted(suggestion.uuid.clone().into_iter().collect()),
            );
            let _ = handling.try_set(Handling::Done(format!("Done: {}.", done.join("; "))));
        });
    }

    pub(super) fn send_feedback((card, server, service): &FeedbackTo, outcome: Outcome) {
        // Feedback is for cards that name themselves.
        let Some(card) = card.clone() else { return };
        let url = server.feedback_url(service);
        let now = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default();
        let Ok(body) = serde_json::to_vec(&feedback(&card, &outcome, &now)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            // Quietly: the user's choice stands whether or not the service hears of it.
            let _ = json(Method::Post, url, Some(body), 10_000).await;
        });
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::{normalize_html, render_to_html};

    fn card(json: &str) -> CdsCard {
        serde_json::from_str(json).expect("a card")
    }

    fn render(card: CdsCard, apps: Option<Catalogue>) -> String {
        normalize_html(&render_to_html(move || {
            let server = CdsServer {
                base: "https://cds.example".into(),
                name: None,
                trusted: false,
                client_id: None,
            };
            view! {
                <CardView
                    card=card.clone()
                    server=server
                    service="s".to_string()
                    patient_id="p-1".to_string()
                    apps=apps.clone()
                    target=LaunchFor { patient: Some("p-1".into()), encounter: None }
                />
            }
        }))
        .replace('\n', "")
    }

    #[test]
    fn indicators_are_care_cards() {
        assert_eq!(care_variant(Indicator::Critical), CardVariant::Emergency);
        assert_eq!(care_variant(Indicator::Warning), CardVariant::Urgent);
        assert_eq!(care_variant(Indicator::Info), CardVariant::NonUrgent);
        let html = render(
            card(
                r#"{"summary":"NEWS2 7","indicator":"critical","source":{"label":"Deterioration"},"detail":"**Act** now:\n\n- one\n- two"}"#,
            ),
            None,
        );
        for part in [
            "nhsuk-card--care nhsuk-card--care--emergency",
            "NEWS2 7",
            "<strong>Act</strong> now:",
            r#"<ul class="nhsuk-list nhsuk-list--bullet"><li>one</li><li>two</li></ul>"#,
            "Source: Deterioration",
            ">Dismiss</button>",
        ] {
            assert!(html.contains(part), "{part} in {html}");
        }
    }

    #[test]
    fn a_hostile_card_is_text_only() {
        let html = render(
            card(
                r#"{"summary":"<b>Hostile</b><script>x()</script>","indicator":"warning",
                "source":{"label":"Evil <i>vendor</i>","url":"javascript:x()","icon":"https://evil.example/i.png"},
                "detail":"<script>x()</script><img src=\"https://evil.example/p.png\" onerror=\"x()\">\n\n![pixel](https://evil.example/p.png) [go](javascript:x()) [site](https://nice.example/a)",
                "links":[{"label":"Run","url":"javascript:x()","type":"absolute"},{"label":"Unknown app","url":"https://evil.example/launch","type":"smart"}]}"#,
            ),
            None,
        );
        // Markup a service sent is text: escaped, never an element.
        for absent in ["<script", "<img", "<b>", "<i>", "javascript:", "<iframe"] {
            assert!(!html.contains(absent), "{absent} in {html}");
        }
        for present in [
            "&lt;b&gt;Hostile&lt;/b&gt;&lt;script&gt;x()&lt;/script&gt;",
            "Image: pixel",
            r#"<a href="https://nice.example/a" rel="noopener noreferrer" target="_blank">site (opens in a new tab)</a>"#,
            "Run (an address Bedside does not open)",
            "Unknown app (an app your organisation has not registered, so Bedside does not open it)",
        ] {
            assert!(html.contains(present), "{present} in {html}");
        }
    }

    #[test]
    fn a_suggestion_for_another_patient_is_said_not_offered() {
        let html = render(
            card(
                r#"{"summary":"s","indicator":"info","source":{"label":"S"},
                "suggestions":[{"label":"Move this record","actions":[{"type":"create","resource":{"resourceType":"Task","for":{"reference":"Patient/p-2"}}}]},
                               {"label":"Request a medical review","actions":[{"type":"create","resource":{"resourceType":"Task","for":{"reference":"Patient/p-1"}}}]}],
                "overrideReasons":[{"code":"a","display":"Already escalated"}]}"#,
            ),
            None,
        );
        assert!(html.contains("Suggested: Move this record. Bedside does not do this for you: a Task that is not about this patient."), "{html}");
        assert!(
            html.contains(">Request a medical review</button>"),
            "{html}"
        );
        assert!(html.contains(r#"<legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">If you dismiss this, why?</legend>"#), "{html}");
        assert!(html.contains(">Already escalated</label>"), "{html}");
    }
}
