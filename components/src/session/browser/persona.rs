//! Signing in in prototype mode (feature `prototype`): a persona chosen from
//! the scenario stands in for the sign-in service, and everything after it
//! (the session shared with other tabs, the idle warning, the lock screen,
//! signing out) is the broker's own, as in the real app.
//!
//! It takes the place of the sign-in code (`super::sign_in`) in the
//! prototype build: the same jobs, answered without a server. There is no
//! password, so unlocking asks for none: the lock screen's button unlocks.

use std::rc::Rc;

use futures::FutureExt;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;

use super::{Job, Runtime, now_ms, publish, take_session};
use crate::session::{Chosen, SessionBroker, Status};
use crate::smart::{LaunchContext, Session, SmartConfiguration, User};

/// What a prototype's access token is: the in-browser server reads none.
const TOKEN: &str = "prototype";
/// A persona's session does not expire while a usability session lasts.
const LIFETIME_MS: f64 = 24.0 * 3_600_000.0;

/// The one organisation in a prototype's `config.json`.
const ORGANISATION: &str = "prototype";

pub(super) fn run(broker: SessionBroker, rt: Rc<Runtime>, job: Job) -> LocalBoxFuture<'static, ()> {
    async move {
        match job {
            Job::Persona(chosen) => {
                let session = session_for(&rt, &chosen);
                publish(broker, &rt, session, None, true);
                rt.last_activity.set(now_ms());
                super::after_sign_in(broker, &rt);
                if let Some(nav) = rt.navigator {
                    nav.replace(&chosen.target);
                }
            }
            Job::Refresh { done } => {
                let renewed = broker.session.get_untracked().map(|s| Session {
                    access_token: TOKEN.into(),
                    issued_at_ms: now_ms(),
                    expires_at_ms: now_ms() + LIFETIME_MS,
                    ..(*s).clone()
                });
                let token = renewed.map(|session| {
                    publish(broker, &rt, session, broker.lock.get_untracked(), false);
                    TOKEN.to_string()
                });
                let _ = done.send(token);
            }
            // No sign-in service: each tab renews its own (never-expiring)
            // pretend token.
            Job::Lead => rt.leader.set(true),
            Job::Unlocked { session } => {
                take_session(broker, &rt, *session, None);
                super::after_sign_in(broker, &rt);
            }
            // Nothing to end at a service: the broker has forgotten the
            // session already.
            Job::SignOut { notice, .. } => broker.status.set(Status::SignedOut {
                notice: Some(notice.into()),
            }),
            Job::Revoke { .. } | Job::Confirmed { .. } | Job::Offered { .. } => {}
            Job::Unlock { popup, .. } => {
                let _ = popup.close();
            }
            Job::Redirect { .. } | Job::Callback { .. } | Job::Launch { .. } => {
                broker.status.set(Status::Failed(NOT_IN_A_PROTOTYPE.into()))
            }
        }
    }
    .boxed_local()
}

const NOT_IN_A_PROTOTYPE: &str = "This is a prototype: it has no sign-in service and cannot be opened from a clinical record system. Choose a scenario and a person on the start page.";

/// Unlocking a prototype's lock screen: the same persona, at once.
pub(super) fn unlock(broker: SessionBroker, rt: &Rc<Runtime>, session: &Session) {
    rt.last_activity.set(now_ms());
    publish(broker, rt, session.clone(), None, false);
    super::after_sign_in(broker, rt);
}

fn session_for(rt: &Runtime, chosen: &Chosen) -> Session {
    let organisation = rt
        .config
        .organisation(ORGANISATION)
        .or_else(|| rt.config.organisations.first());
    let origin = super::origin();
    let persona = &chosen.persona;
    Session {
        organisation: organisation.map_or(ORGANISATION.into(), |o| o.id.clone()),
        fhir_base_url: bedside_core::prototype::scenario_base(
            &origin,
            bedside_core::prototype::FHIR_BASE,
            &chosen.scenario,
        ),
        client_id: ORGANISATION.into(),
        server: SmartConfiguration {
            issuer: Some(format!("{origin}/prototype")),
            jwks_uri: None,
            authorization_endpoint: format!("{origin}/prototype/authorize"),
            token_endpoint: format!("{origin}/prototype/token"),
            revocation_endpoint: None,
            end_session_endpoint: None,
            userinfo_endpoint: None,
            authorization_response_iss_parameter_supported: false,
            code_challenge_methods_supported: vec!["S256".into()],
            capabilities: Vec::new(),
            scopes_supported: Vec::new(),
        },
        access_token: TOKEN.into(),
        issued_at_ms: now_ms(),
        expires_at_ms: now_ms() + LIFETIME_MS,
        refresh_token: Some(TOKEN.into()),
        id_token: None,
        id_token_received_ms: 0.0,
        scope: "openid fhirUser offline_access user/*.cruds".into(),
        user: User {
            // The scenario's persona: another scenario's "nurse" is someone else.
            sub: format!("{}/{}", chosen.scenario, persona.id),
            name: Some(persona.name.clone()),
            fhir_user: persona.practitioner.clone(),
            display_name: Some(persona.name.clone()),
            role: persona.role.clone(),
        },
        context: LaunchContext::default(),
    }
}
