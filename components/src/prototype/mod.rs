//! Prototype mode (feature `prototype`): the app and its tools over a
//! scenario's records in the browser, signing in as one of its personas.
//!
//! - [`fhir_client`]: a [`FhirClient`] whose transport answers from the
//!   scenario (`bedside_core::prototype::MemoryServer`) after the latency
//!   the scenario sets, failing where it says: the tools are the ward's own
//!   and cannot tell.
//! - [`PersonaChooser`]: the sign-in page, choosing a scenario (listed in
//!   `/scenarios/index.json`, which the assets step writes from
//!   `prototypes/scenarios/`) and a persona; a link can name both
//!   (`?scenario=deteriorating&persona=nurse`).
//! - [`PrototypeBanner`]: on every page, so no one mistakes it for a live
//!   system: [`SkipLink`] is the NHS.UK skip link followed by it, for the
//!   top of every page.
//! - [`SessionGate`]: the session's gate, with the chooser for a sign-in
//!   page.
//!
//! It is the crate's top layer: nothing else here depends on it, so an app
//! in prototype mode takes these in place of `ui::SkipLink` and
//! `session::SessionGate` (the reference app swaps the names under its
//! `prototype` feature), and the ward's own are untouched.
//!
//! The prototype build (`bedside-app`'s `prototype` feature, its binary
//! `bedside-prototype`) alone turns the feature on; docs/prototypes.md is
//! the designer's guide.

use leptos::prelude::*;
use serde::Deserialize;

use crate::fhir::FhirClient;
use crate::nav::Path;
use crate::session::{SessionBroker, Status};
use crate::ui::SkipLink as NhsSkipLink;
use crate::ui::{
    Button, ButtonType, Choice, ChoiceItem, ErrorLink, ErrorSummary, InsetText, Radios,
};
pub use bedside_core::prototype::{
    Behaviour, FHIR_BASE, MemoryServer, Persona, Scenario, ScenarioError, is_scenario_name,
    scenario_base, scenario_of, without_choice,
};

stylance::import_crate_style!(style, "src/prototype/prototype.module.css");

/// Where the scenarios are served: `<name>.json` and `index.json`.
pub const SCENARIOS: &str = "/scenarios";

pub use crate::session::Chosen;

/// The scenarios the assets step found (`/scenarios/index.json`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct ScenarioIndex {
    /// The usable scenarios, in title order.
    #[serde(default)]
    pub scenarios: Vec<ScenarioEntry>,
    /// Files that are not usable, and why, for the designer who wrote them.
    #[serde(default)]
    pub problems: Vec<IndexProblem>,
}

/// A scenario in the index.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ScenarioEntry {
    /// Its file's name without `.json`: what a link names.
    pub name: String,
    /// Its title.
    pub title: String,
    /// What it is for.
    #[serde(default)]
    pub description: String,
    /// Who can sign in.
    pub personas: Vec<Persona>,
    /// Where signing in at the start page goes.
    #[serde(default)]
    pub start: Option<String>,
}

/// A scenario file the assets step could not use.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct IndexProblem {
    /// The file's name.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

/// A FHIR client for a scenario's base ([`scenario_base`]), answered in
/// the browser (only there: natively nothing signs in to call it).
#[cfg(target_arch = "wasm32")]
pub fn fhir_client(base: &str) -> FhirClient {
    FhirClient::new(
        base,
        std::rc::Rc::new(browser::ScenarioTransport {
            base: base.to_string(),
        }),
    )
}

#[cfg(target_arch = "wasm32")]
mod browser;

/// The scenario index, read once.
fn read_index() -> LocalResource<Result<ScenarioIndex, String>> {
    LocalResource::new(|| async {
        #[cfg(target_arch = "wasm32")]
        {
            browser::index().await
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Ok::<_, String>(ScenarioIndex::default())
        }
    })
}

/// Prototype mode's sign-in page: a scenario, then who to be.
///
/// The address may choose for the user: `?scenario=<name>` chooses the
/// scenario, `&persona=<id>` signs in at once (a shared link to a screen).
#[component]
pub fn PersonaChooser(
    /// Shown above, such as "You have signed out".
    #[prop(optional, into)]
    notice: String,
) -> impl IntoView {
    let broker = SessionBroker::expect();
    let here = Path::from_href(&crate::nav::current_href());
    let scenario = RwSignal::new(here.query_param("scenario").unwrap_or_default());
    let persona = RwSignal::new(here.query_param("persona").unwrap_or_default());
    // What is wrong, and the field to fix (its first radio's id).
    let problem = RwSignal::new(None::<(String, &'static str)>);
    let problem_at = move |field: &'static str| {
        Signal::derive(move || problem.get().filter(|(_, at)| *at == field).map(|(m, _)| m))
    };
    // The chooser's radios are styled by the later stylesheet, which the
    // ward's first page never needs: fetched with the scenario index.
    leptos::task::spawn_local(crate::on_demand::later_styles());
    let index = read_index();
    let entries = move || {
        index
            .get()
            .and_then(Result::ok)
            .map(|i| i.scenarios)
            .unwrap_or_default()
    };
    let chosen_entry = move || entries().into_iter().find(|e| e.name == scenario.get());
    let sign_in = move || {
        let Some(entry) = chosen_entry() else {
            problem.set(Some(("Choose a scenario".into(), "scenario")));
            return;
        };
        let Some(who) = entry
            .personas
            .iter()
            .find(|p| p.id == persona.get())
            .cloned()
        else {
            problem.set(Some(("Choose who to sign in as".into(), "persona")));
            return;
        };
        problem.set(None);
        // Signing in at the start page goes to the scenario's own start; on
        // any other page (a shared link), stays there, without the choice
        // (which would sign straight in again after signing out).
        let href = without_choice(&crate::nav::current_href());
        let target = match (&entry.start, Path::from_href(&href).segments().is_empty()) {
            (Some(start), true) if crate::url::local_path(start).is_some() => start.clone(),
            _ => href,
        };
        let name = entry.name.clone();
        leptos::task::spawn_local(async move {
            // The scenario is read (and checked) before signing in, so a
            // mistake in it is said here, not as a failing tool later.
            #[cfg(target_arch = "wasm32")]
            if let Err(message) = browser::prepare(&name).await {
                problem.set(Some((message, "scenario")));
                return;
            }
            broker.sign_in_as(Chosen {
                scenario: name,
                persona: who,
                target,
            });
        });
    };
    // A link naming both signs in without a click, once the index is
    // read: once, not again when the user then chooses for themselves.
    let linked = here.query_param("persona").is_some();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !linked || index.get().is_none() {
            return done.unwrap_or(false);
        }
        if matches!(untrack(|| broker.status()), Status::SignedOut { .. }) {
            untrack(sign_in);
        }
        true
    });
    let scenario_items = move || {
        entries()
            .into_iter()
            .map(|e| {
                ChoiceItem::from(
                    Choice::new(e.name.clone(), e.title.clone()).hint(e.description.clone()),
                )
            })
            .collect::<Vec<_>>()
    };
    let persona_items = move || {
        chosen_entry()
            .map(|e| {
                e.personas
                    .into_iter()
                    .map(|p| {
                        let choice = Choice::new(p.id.clone(), p.name.clone());
                        ChoiceItem::from(match p.role {
                            Some(role) => choice.hint(role),
                            None => choice,
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    view! {
        <h1>"Sign in to the prototype"</h1>
        {(!notice.is_empty()).then(|| view! { <InsetText><p role="status">{notice}</p></InsetText> })}
        {move || problem.get().map(|(message, field)| view! {
            <ErrorSummary errors=vec![ErrorLink::to_field(message, field)] />
        })}
        <p class="nhsuk-lede-text">
            "This is a prototype for trying out screens. The patients are made up and nothing you do here reaches a real record."
        </p>
        {move || match index.get() {
            None => view! { <p class="nhsuk-body">"Finding the scenarios…"</p> }.into_any(),
            Some(Err(message)) => view! {
                <p class="nhsuk-body" data-testid="no-scenarios">{format!("The scenarios could not be read: {message}")}</p>
            }.into_any(),
            Some(Ok(found)) => view! {
                <form class=style::chooser on:submit=move |ev| { ev.prevent_default(); sign_in(); }>
                    {move || view! {
                        <Radios name="scenario" legend="Scenario" items=scenario_items() value=scenario error=problem_at("scenario") />
                    }}
                    {move || (!persona_items().is_empty()).then(|| view! {
                        <Radios name="persona" legend="Sign in as" items=persona_items() value=persona error=problem_at("persona") />
                    })}
                    <Button button_type=ButtonType::Submit>"Sign in"</Button>
                </form>
                {(!found.problems.is_empty()).then(|| view! {
                    <h2 class="nhsuk-heading-s">"Scenario files left out"</h2>
                    <ul class="nhsuk-list nhsuk-list--bullet" data-testid="scenario-problems">
                        {found.problems.into_iter().map(|p| view! { <li>{format!("{}: {}", p.file, p.message)}</li> }).collect_view()}
                    </ul>
                })}
            }.into_any(),
        }}
    }
}

/// Says, on every page, that this is a prototype with made-up records, and
/// which scenario; "Change scenario" signs out to the chooser.
///
/// Every page has it: [`crate::ui::SkipLink`], which every page starts
/// with, is followed by it in a build with the `prototype` feature.
#[component]
pub fn PrototypeBanner() -> impl IntoView {
    let broker = SessionBroker::use_context();
    let scenario = move || {
        broker?
            .session()
            .and_then(|s| scenario_of(&s.fhir_base_url).map(str::to_string))
    };
    view! {
        <div class=style::banner role="region" aria-label="Prototype" data-testid="prototype-banner">
            <div class="nhsuk-width-container">
                <p class=style::text>
                    <strong class=style::tag>"Prototype"</strong>
                    " Not a real service: made-up patients, nothing is saved to a record."
                    {move || scenario().map(|name| view! {
                        " Scenario: " <span data-testid="prototype-scenario">{name}</span> "."
                    })}
                </p>
                {move || scenario().is_some().then(|| view! {
                    <button
                        type="button"
                        class=style::change
                        on:click=move |_| {
                            if let Some(broker) = broker {
                                broker.sign_out();
                            }
                        }
                    >
                        "Change scenario or person"
                    </button>
                })}
            </div>
        </div>
    }
}

/// The NHS.UK skip link, then the [`PrototypeBanner`]: the top of every
/// page in prototype mode.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <NhsSkipLink />
        <PrototypeBanner />
    }
}

/// The session's gate ([`crate::session::SessionGate`]), with the
/// [`PersonaChooser`] where the ward's shows its sign-in page.
#[component]
pub fn SessionGate(
    /// The pages that need a signed-in user.
    children: ChildrenFn,
) -> impl IntoView {
    let broker = SessionBroker::expect();
    let signed_out = Memo::new(move |_| match broker.status() {
        Status::SignedOut { notice } => Some(notice.unwrap_or_default()),
        _ => None,
    });
    move || match signed_out.get() {
        Some(notice) => view! { <PersonaChooser notice=notice /> }.into_any(),
        None => {
            let children = children.clone();
            view! { <crate::session::SessionGate>{children()}</crate::session::SessionGate> }
                .into_any()
        }
    }
}
