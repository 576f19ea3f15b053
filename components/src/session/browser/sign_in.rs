//! Signing in: discovery, PKCE, the authorization request, the callback, the
//! code exchange and the id_token check; and the refresh-token grant.
//!
//! Only needed while somebody signs in (a click, a callback, an EHR launch,
//! unlocking) or a token is renewed, so with the `split` feature it sits
//! behind a split point and arrives then, not with the first page (see
//! `super::sign_in_code` and [`crate::on_demand`]); a signed-in tab fetches
//! it ahead of the first refresh. It reaches into the rest of the broker only
//! through `super`.

use std::rc::Rc;

use futures::FutureExt;
use futures::channel::oneshot;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;

use super::{
    CALLBACK_WAIT_MS, Job, PENDING, RETRY_REFRESH_MS, Runtime, end_of_session, get_json, now_ms,
    origin, post, post_form, publish, remove, retry_refresh_in, schedule_refresh, storage, within,
};
use crate::fhir::{FhirClient, StaticToken};
use crate::nav::{Path, current_href};
use crate::session::{LockReason, SessionBroker, SignInError, Status};
use crate::smart::id_token::{self, Expected, Jwks};
use crate::smart::pkce::CodeVerifier;
use crate::smart::session::{Message, PendingSignIn, Proven, User};
use crate::smart::{
    AuthorizationRequest, LaunchMode, Organisation, Session, SmartConfiguration,
    check_callback_address, check_response_issuer, parse_callback,
};

/// Runs one sign-in job to its end.
pub(super) fn run(broker: SessionBroker, rt: Rc<Runtime>, job: Job) -> LocalBoxFuture<'static, ()> {
    async move {
        match job {
            Job::Redirect {
                organisation,
                return_to,
            } => {
                let org = match organisation_settings(&rt, &organisation) {
                    Ok(org) => org,
                    Err(e) => return broker.status.set(Status::Failed(e.to_string())),
                };
                let begin = Begin::Redirect {
                    return_to,
                    launch: None,
                    proven: None,
                };
                if let Err(e) =
                    begin_sign_in(&rt, &org, begin, &org.with_extra_scopes(&org.scope)).await
                {
                    broker.status.set(Status::Failed(e.to_string()));
                }
            }
            Job::Unlock {
                popup,
                session,
                reason,
            } => {
                let org = match organisation_settings(&rt, &session.organisation) {
                    Ok(org) => org,
                    Err(e) => return broker.problem.set(Some(e.to_string())),
                };
                // An idle lock needs only to know who is at the computer:
                // the session's own tokens carry on. An expired one needs
                // new tokens too.
                let proof_only = reason == LockReason::Idle;
                let scope = if proof_only {
                    identity_scope(&session)
                } else {
                    session_scope(&org, &session)
                };
                let begin = Begin::Popup {
                    popup,
                    sub: session.user.sub.clone(),
                    after_s: last_sign_in_at(&session),
                    proof_only,
                };
                if let Err(e) = begin_sign_in(&rt, &org, begin, &scope).await {
                    broker.problem.set(Some(e.to_string()));
                }
            }
            Job::Launch { path } => ehr_launch(broker, &rt, &path).await,
            Job::Callback { href } => callback_arrived(broker, &rt, &href).await,
            Job::Offered {
                query,
                state,
                redirect,
            } => {
                if load::<PendingSignIn>(PENDING).is_some_and(|p| p.state == state) {
                    post(&rt, &Message::CallbackTaken { state });
                    complete(broker, &rt, &query, &redirect, true).await;
                }
            }
            Job::SignOut { session, notice } => sign_out(broker, &rt, &session, notice).await,
            Job::Confirmed { same_person } => confirmed(broker, &rt, same_person).await,
            Job::Lead => lead(broker, &rt),
            Job::Revoke { session, context } => {
                revoke_refresh_token(&rt, &session).await;
                signed_out_of_another_organisation(broker, &rt, &session, &context);
            }
            Job::Unlocked { session } => unlocked_elsewhere(broker, &rt, *session).await,
            Job::Refresh { done } => {
                let _ = done.send(refresh(broker, &rt).await);
            }
            #[cfg(feature = "prototype")]
            Job::Persona(_) => {}
        }
    }
    .boxed_local()
}

/// The deployment's settings, all of them: the first page reads only what
/// it needs ([`crate::smart::browser_json::read_config`]); what only
/// signing in needs (a shared device, CIS2's settings) is read here. Settings
/// that cannot be read stop signing in (a minimum assurance level mistyped
/// must not become none).
fn settings(rt: &Runtime) -> Result<crate::smart::SignOnConfig, SignInError> {
    if let Some(settings) = rt.settings.borrow().as_ref() {
        return Ok(settings.clone());
    }
    let mut settings = rt.config.clone();
    crate::smart::browser_json::read_sign_in_settings(&rt.config_text, &mut settings)?;
    rt.settings.replace(Some(settings.clone()));
    Ok(settings)
}

/// The organisation `id`, with all its settings.
fn organisation_settings(rt: &Runtime, id: &str) -> Result<Organisation, SignInError> {
    settings(rt)?
        .organisation(id)
        .cloned()
        .ok_or_else(|| SignInError::Refused("unknown organisation".into()))
}

/// Takes the lead of this tab's context ([`super::follow_context`]): lets
/// go of the context it led before, and queues for a Web Lock named after
/// the new one, held until the tab closes or moves on; the next tab in line
/// then takes over. Without Web Locks (old browsers) every tab leads.
fn lead(broker: SessionBroker, rt: &Rc<Runtime>) {
    if let Some(release) = rt.release.borrow_mut().take() {
        let _ = release.call0(&wasm_bindgen::JsValue::NULL);
    }
    let Some(locks) = super::lock_manager() else {
        rt.leader.set(true);
        return;
    };
    let key = rt.leading.borrow().clone();
    if key.is_empty() {
        return;
    }
    let name = format!("{}:{key}", super::LEADER_LOCK);
    let weak = Rc::downgrade(rt);
    let granted = super::JsCallback::new(move |_lock| {
        // A tab that has moved on meanwhile lets go at once.
        let Some(rt) = weak.upgrade().filter(|rt| *rt.leading.borrow() == key) else {
            return wasm_bindgen::JsValue::UNDEFINED;
        };
        rt.leader.set(true);
        schedule_refresh(broker, &rt);
        // Held until released above, or the tab closes.
        js_sys::Promise::new(&mut |resolve, _| {
            rt.release.replace(Some(resolve));
        })
        .into()
    });
    let _ = locks.request(&name, wasm_bindgen::JsCast::unchecked_ref(granted.as_ref()));
    rt.closures.borrow_mut().push(granted);
}

/// The refresh-token grant (RFC 6749 §6). On success every tab gets the new
/// tokens; when the server refuses, the session is over everywhere and the
/// screen locks for re-authentication (keeping the page).
async fn refresh(broker: SessionBroker, rt: &Rc<Runtime>) -> Option<String> {
    let session = broker.session.get_untracked()?;
    let Some(refresh_token) = session.refresh_token.clone() else {
        end_of_session(broker, rt);
        return None;
    };
    // The token endpoint this tab discovered, not one a message named.
    let session = match trusted_server(rt, &session).await {
        Ok(server) => Session {
            server,
            ..(*session).clone()
        },
        Err(SignInError::Network(_)) => {
            retry_refresh_in(broker, rt, RETRY_REFRESH_MS);
            return None;
        }
        Err(_) => {
            end_of_session(broker, rt);
            return None;
        }
    };
    let response = post_form(
        &session.server.token_endpoint,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh_token),
            ("client_id", &session.client_id),
        ],
    )
    .await;
    let response = match response {
        Ok(r) => r,
        Err(_) => {
            // Network trouble is not the end of the session: try again soon.
            retry_refresh_in(broker, rt, RETRY_REFRESH_MS);
            return None;
        }
    };
    if !(200..300).contains(&response.status) {
        if matches!(response.status, 400 | 401) {
            end_of_session(broker, rt);
        } else {
            retry_refresh_in(broker, rt, RETRY_REFRESH_MS);
        }
        return None;
    }
    let token = crate::smart::browser_json::read_token(&response.body).ok()?;
    // The session may have ended (signed out elsewhere) while waiting.
    let current = broker.session.get_untracked()?;
    // A new id_token must be the same person's, from the same issuer, for
    // this app (OIDC Core §12.2) before it is kept or sent as a sign-out
    // hint. One that is not ends the session here: someone must sign in.
    let mut token = token;
    if let Some(id_token) = &token.id_token {
        match names_user(rt, &session, id_token, None, None, &current.user.sub).await {
            Checked::Yes => {}
            Checked::No => {
                end_of_session(broker, rt);
                return None;
            }
            // The keys could not be fetched: the renewed tokens are kept
            // (the old refresh token is spent), the unchecked id_token is
            // not; the session's own stays the hint until a later renewal
            // brings one that can be checked.
            Checked::Unreachable => token.id_token = None,
        }
    }
    let mut next = current.refreshed(token, now_ms());
    next.server = session.server;
    let access = next.access_token.clone();
    publish(broker, rt, next, broker.lock.get_untracked(), false);
    schedule_refresh(broker, rt);
    Some(access)
}

/// Another tab's word that the session is unlocked, checked against this
/// tab's own session: the id_token must verify with this organisation's
/// issuer and keys (as this tab discovered them, never as the message says),
/// and its `auth_time` must be later than this tab's own last id_token and
/// than the moment this tab locked (measured from when the other tab
/// received it, see [`fresh_sign_in`]). Then this tab
/// unlocks too (as whoever signed in: another person gets fresh pages).
/// Otherwise (a leader's refresh that crossed the lock, or a forgery) it
/// stays locked; the same person's renewed tokens are still taken.
///
/// A session for another patient or organisation is never taken (it is
/// offered instead): the same person proving themselves there unlocks this
/// tab with its own session; anyone else leaves it locked.
async fn unlocked_elsewhere(broker: SessionBroker, rt: &Rc<Runtime>, session: Session) {
    let Some(ours) = broker.session.get_untracked() else {
        return;
    };
    let proven = fresh_sign_in(rt, &ours, &session).await;
    if broker.lock.get_untracked().is_none() {
        return; // unlocked here meanwhile
    }
    let same_person =
        ours.server.issuer == session.server.issuer && ours.user.sub == session.user.sub;
    if ours.context_key() != session.context_key() {
        if proven && same_person {
            rt.last_activity.set(now_ms());
            broker.warning.set(None);
            broker.lock.set(None);
            super::hold_lock(broker, rt);
            super::after_sign_in(broker, rt);
        }
        return;
    }
    if !proven && !same_person {
        return;
    }
    let token = session.access_token.clone();
    let still_locked = if proven {
        rt.last_activity.set(now_ms());
        None
    } else {
        broker.lock.get_untracked()
    };
    super::take_session(broker, rt, session, still_locked);
    if let Some(tx) = rt.hello_waiter.borrow_mut().take() {
        let _ = tx.send(());
    }
    for tx in rt.refresh_waiters.borrow_mut().drain(..) {
        let _ = tx.send(Some(token.clone()));
    }
    if proven {
        super::after_sign_in(broker, rt);
    }
}

/// Whether `session`'s id_token proves a sign-in at `ours`'s organisation's
/// issuer, for this app, later than `ours`'s own last id_token and than
/// this tab's lock began (by this PC's clock). The sending tab
/// received the token at `id_token_received_ms` by the same clock, so the
/// lock began that long before the token's `iat` on the service's clock
/// (see [`id_token::IdTokenClaims::authenticated_since`]): an older sign-in
/// (a renewal that crossed the lock, carrying the last unlock's token) does
/// not unlock.
async fn fresh_sign_in(rt: &Runtime, ours: &Session, session: &Session) -> bool {
    let Some(id_token) = session.id_token.as_deref() else {
        return false;
    };
    session.organisation == ours.organisation
        && session.server == ours.server
        && names_user(
            rt,
            ours,
            id_token,
            Some(last_sign_in_at(ours)),
            Some(session.id_token_received_ms - rt.lock_since.get()),
            &session.user.sub,
        )
        .await
            == Checked::Yes
}

/// Whether `id_token` verifies with `session`'s issuer and keys, for this
/// What checking an id_token came to.
#[derive(PartialEq)]
enum Checked {
    Yes,
    No,
    /// The service's keys could not be fetched: neither yes nor no.
    Unreachable,
}

/// Whether `id_token` verifies against `trusted`'s issuer and keys (as this
/// tab discovered them), for this app, with `auth_time` after `after_s` and
/// within `within_ms` of its arrival when given, and names `sub`. No
/// nonce: this tab made no attempt of its own that the token answers.
async fn names_user(
    rt: &Runtime,
    trusted: &Session,
    id_token: &str,
    after_s: Option<f64>,
    within_ms: Option<f64>,
    sub: &str,
) -> Checked {
    let (Some(issuer), Some(jwks_uri)) = (
        trusted.server.issuer.as_deref(),
        trusted.server.jwks_uri.as_deref(),
    ) else {
        return Checked::No;
    };
    let expected = Expected {
        issuer,
        client_id: &trusted.client_id,
        nonce: None,
        authenticated_after_s: after_s,
        authenticated_within_ms: within_ms,
    };
    match verify_id_token(rt, jwks_uri, id_token, &expected, now_ms() / 1000.0).await {
        Ok(claims) if claims.sub == sub => Checked::Yes,
        Err(SignInError::Network(_)) => Checked::Unreachable,
        _ => Checked::No,
    }
}

/// Twelve hours, a long shift: the oldest sign-in a new session may reuse.
const SHIFT_S: u32 = 12 * 60 * 60;

/// Verifies `id_token` with the service's keys at `jwks_uri`: the set this
/// tab fetched last, fetched again only for a key it does not hold (the
/// service rotated its keys), so a brief network failure at a renewal does
/// not end the session.
async fn verify_id_token(
    rt: &Runtime,
    jwks_uri: &str,
    id_token: &str,
    expected: &Expected<'_>,
    now_s: f64,
) -> Result<id_token::IdTokenClaims, SignInError> {
    let held = rt
        .keys
        .borrow()
        .as_ref()
        .filter(|(uri, _)| uri == jwks_uri)
        .map(|(_, keys)| keys.clone());
    if let Some(keys) = held {
        match id_token::verify(id_token, &keys, expected, now_s).await {
            Err(id_token::IdTokenError::UnknownKey) => {}
            checked => return checked.map_err(SignInError::from),
        }
    }
    let fetched = get_json(jwks_uri, None)
        .await
        .map_err(SignInError::Network)?;
    let keys = Jwks::parse(&fetched.body)?;
    rt.keys.replace(Some((jwks_uri.to_string(), keys.clone())));
    Ok(id_token::verify(id_token, &keys, expected, now_s).await?)
}

/// When the person behind `session` last entered their password, by the
/// sign-in service's own clock: its id_token's `auth_time` (or, without one,
/// its `iat`, which is no earlier; 0 if there is no id_token that reads). A
/// re-authentication must be a later sign-in than this one; the sign-in it
/// came from, waved through again, has exactly this `auth_time`.
fn last_sign_in_at(session: &Session) -> f64 {
    session
        .id_token
        .as_deref()
        .and_then(|t| id_token::UnverifiedIdToken::parse(t).ok())
        .map_or(0.0, |t| t.claims.auth_time.unwrap_or(t.claims.iat))
}

/// Revokes `session`'s refresh token (RFC 7009), so it is useless even if
/// copied. Best effort: the session is already forgotten here.
async fn revoke_refresh_token(rt: &Runtime, session: &Session) {
    if session.refresh_token.is_none() {
        return;
    }
    let Some(session) = with_trusted_server(rt, session).await else {
        return;
    };
    if let (Some(endpoint), Some(refresh)) =
        (&session.server.revocation_endpoint, &session.refresh_token)
    {
        let _ = post_form(
            endpoint,
            &[
                ("token", refresh),
                ("token_type_hint", "refresh_token"),
                ("client_id", &session.client_id),
            ],
        )
        .await;
    }
}

/// Another tab signed out of `context`; this tab's `session`, forgotten and
/// its refresh token revoked, was at another organisation, whose sign-in
/// service still knows the user: the sign-in page says to close the browser.
fn signed_out_of_another_organisation(
    broker: SessionBroker,
    rt: &Runtime,
    session: &Session,
    context: &str,
) {
    let Some(org) = rt
        .config
        .organisation(&session.organisation)
        .filter(|o| o.id != Session::organisation_of(context))
    else {
        return;
    };
    if matches!(broker.status.get_untracked(), Status::SignedOut { .. }) {
        broker.status.set(Status::SignedOut {
            notice: Some(format!(
                "{} This window was also signed in to {}: close every browser window before you leave this computer, so that its sign-in service forgets you too.",
                super::SIGNED_OUT_ELSEWHERE,
                org.name
            )),
        });
    }
}

/// Ends `session` at the sign-in service, once this computer has forgotten
/// it; `notice` is what the user is told when they are back.
async fn sign_out(broker: SessionBroker, rt: &Runtime, session: &Session, notice: &'static str) {
    // Only to endpoints this tab trusts: without them the service cannot
    // be told, and the sign-in page says so.
    let Some(session) = with_trusted_server(rt, session).await else {
        broker.status.set(Status::SignedOut {
            notice: Some(super::SIGNED_OUT_HERE_ONLY.into()),
        });
        return;
    };
    let session = &session;
    revoke_refresh_token(rt, session).await;
    // Then end the sign-on session itself (OpenID Connect RP-Initiated
    // Logout), or the next person at this PC would be signed straight in.
    // The id_token as hint lets the service end it without asking "Sign
    // out?" (OpenID Connect RP-Initiated Logout §2): an automatic sign-out
    // has nobody at the computer to answer, and a question left on the
    // screen leaves the session alive.
    match &session.server.end_session_endpoint {
        Some(endpoint) => {
            super::leave_notice(notice);
            let redirect = format!("{}/", origin());
            let mut pairs = vec![
                ("client_id", session.client_id.as_str()),
                ("post_logout_redirect_uri", redirect.as_str()),
            ];
            if let Some(hint) = &session.id_token {
                pairs.push(("id_token_hint", hint));
            }
            let separator = if endpoint.contains('?') { '&' } else { '?' };
            let target = format!("{endpoint}{separator}{}", crate::url::form(&pairs));
            let _ = window().location().assign(&target);
        }
        None => broker.status.set(Status::SignedOut {
            notice: Some(notice.into()),
        }),
    }
}

/// The sign-in step's own documents (the pending sign-in) in
/// `sessionStorage`, with serde_json, which discovery and the id_token need
/// anyway; the first page's documents go through
/// [`crate::smart::browser_json`] instead.
fn store<T: serde::Serialize>(key: &str, value: &T) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(value)) {
        let _ = s.set_item(key, &json);
    }
}

fn load<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let json = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&json).ok()
}

/// The OAuth error of a refused token request, in words.
fn oauth_error(response: &crate::fhir::HttpResponse) -> String {
    #[derive(serde::Deserialize)]
    struct OAuthError {
        error: String,
        error_description: Option<String>,
    }
    match serde_json::from_slice::<OAuthError>(&response.body) {
        Ok(OAuthError {
            error,
            error_description: Some(d),
        }) => format!("{error}: {d}"),
        Ok(OAuthError { error, .. }) => error,
        Err(_) => format!("HTTP {}", response.status),
    }
}

/// Unlocking an idle screen asks only who is at the computer: the OpenID
/// scopes of the session. Without `offline_access` no refresh token comes
/// back, and nothing else of the answer is used.
fn identity_scope(session: &Session) -> String {
    let identity: Vec<&str> = session
        .scope
        .split(' ')
        .filter(|s| matches!(*s, "openid" | "profile" | "fhirUser"))
        .collect();
    if identity.contains(&"openid") {
        identity.join(" ")
    } else {
        "openid fhirUser".to_string()
    }
}

/// Re-authentication after the session expired asks for what the session
/// had (an EHR launch's patient scopes included), less the one-time `launch`.
fn session_scope(org: &Organisation, session: &Session) -> String {
    let granted: Vec<&str> = session
        .scope
        .split(' ')
        .filter(|s| !s.is_empty() && *s != "launch")
        .collect();
    if granted.is_empty() {
        org.scope.clone()
    } else {
        granted.join(" ")
    }
}

enum Begin {
    Redirect {
        return_to: String,
        launch: Option<String>,
        /// See [`PendingSignIn::proven`].
        proven: Option<Proven>,
    },
    Popup {
        popup: web_sys::Window,
        sub: String,
        /// See [`last_sign_in_at`].
        after_s: f64,
        /// See [`PendingSignIn::proof_only`].
        proof_only: bool,
    },
}

async fn discover(org: &Organisation, mode: LaunchMode) -> Result<SmartConfiguration, SignInError> {
    let base = org.fhir_base_url.trim_end_matches('/');
    let well_known = get_json(&format!("{base}/.well-known/smart-configuration"), None)
        .await
        .map_err(SignInError::Network)?;
    let server = if well_known.status == 200 {
        SmartConfiguration::parse(&well_known.body)?
    } else {
        let metadata = get_json(&format!("{base}/metadata"), None)
            .await
            .map_err(SignInError::Network)?;
        SmartConfiguration::from_capability_statement(&metadata.body)?
    };
    server.check_issuer(&org.issuer)?;
    // The sign-in service speaks for itself: its own metadata, at the
    // pinned issuer (OpenID Connect Discovery), confirms the addresses the
    // FHIR server gave and supplies the rest.
    let issuer = org.issuer.trim_end_matches('/');
    let metadata = get_json(&format!("{issuer}/.well-known/openid-configuration"), None)
        .await
        .map_err(SignInError::Network)?;
    if metadata.status != 200 {
        return Err(SignInError::Discovery(
            crate::smart::DiscoveryError::Missing {
                missing: "OpenID Connect discovery at its own address".into(),
            },
        ));
    }
    let server = server.confirmed_by(&SmartConfiguration::parse(&metadata.body)?, &org.issuer)?;
    server.check(mode)?;
    if server.issuer.is_none() || server.jwks_uri.is_none() {
        return Err(SignInError::Discovery(
            crate::smart::DiscoveryError::Missing {
                missing: "an issuer and key set for checking who signed in".into(),
            },
        ));
    }
    Ok(server)
}

/// The endpoints this tab trusts for `session`'s organisation: as this
/// tab discovered them (at its own sign-in, or now), never as a message
/// from another tab says. A refresh token, a revocation or a sign-out hint
/// goes only there.
async fn trusted_server(
    rt: &Runtime,
    session: &Session,
) -> Result<SmartConfiguration, SignInError> {
    let known = rt
        .servers
        .borrow()
        .iter()
        .find(|(org, _)| *org == session.organisation)
        .map(|(_, server)| server.clone());
    if let Some(server) = known {
        return Ok(server);
    }
    let org = organisation_settings(rt, &session.organisation)?;
    let mode = if session.scope.split(' ').any(|s| s == "launch") {
        LaunchMode::Ehr
    } else {
        LaunchMode::Standalone
    };
    let server = discover(&org, mode).await?;
    trust_server(rt, &org.id, &server);
    Ok(server)
}

/// Keeps `server` as the endpoints this tab discovered for `organisation`.
fn trust_server(rt: &Runtime, organisation: &str, server: &SmartConfiguration) {
    let mut servers = rt.servers.borrow_mut();
    servers.retain(|(org, _)| org != organisation);
    servers.push((organisation.to_string(), server.clone()));
}

/// `session` with the endpoints this tab trusts (see [`trusted_server`]);
/// `None` if they cannot be had (then nothing is sent anywhere).
async fn with_trusted_server(rt: &Runtime, session: &Session) -> Option<Session> {
    let server = trusted_server(rt, session).await.ok()?;
    Some(Session {
        server,
        ..session.clone()
    })
}

async fn begin_sign_in(
    rt: &Runtime,
    org: &Organisation,
    begin: Begin,
    scope: &str,
) -> Result<(), SignInError> {
    let mode = match &begin {
        Begin::Redirect {
            launch: Some(_), ..
        } => LaunchMode::Ehr,
        _ => LaunchMode::Standalone,
    };
    let server = discover(org, mode).await?;
    let verifier = CodeVerifier::generate()?;
    let challenge = verifier.challenge().await?;
    let state = CodeVerifier::generate()?.as_str().to_string();
    let nonce = CodeVerifier::generate()?.as_str().to_string();
    let redirect_uri = crate::smart::redirect_uri(&origin(), rt.options.callback_path, &org.id);
    let (launch, return_to, unlocking, reauthenticated_after_s, proven, proof_only) = match &begin {
        Begin::Redirect {
            return_to,
            launch,
            proven,
        } => (
            launch.clone(),
            return_to.clone(),
            None,
            None,
            proven.clone(),
            false,
        ),
        Begin::Popup {
            sub,
            after_s,
            proof_only,
            ..
        } => (
            None,
            current_href(),
            Some(sub.clone()),
            Some(*after_s),
            None,
            *proof_only,
        ),
    };
    // Who is at a shared computer is asked, not assumed: the sign-in
    // service may still hold the last person's session. Not after an
    // unlock's proof moments ago (that person is `proven`), nor for an EHR
    // launch, whose user the EHR vouches for with `launch`.
    let ask_who = org.shared_device && launch.is_none() && proven.is_none();
    let request = AuthorizationRequest {
        client_id: org.client_id.clone(),
        redirect_uri: redirect_uri.clone(),
        scope: scope.to_string(),
        aud: org.fhir_base_url.trim_end_matches('/').to_string(),
        launch,
    };
    let mut target = request.url(&server.authorization_endpoint, &state, &nonce, &challenge);
    // The authentication the organisation requires (CIS2: `AAL3_ANY`).
    if let Some(acr) = org.acr_values.as_deref().filter(|a| !a.is_empty()) {
        target.push_str("&acr_values=");
        target.push_str(&crate::url::encode(acr, b"-._~"));
    }
    store(
        PENDING,
        &PendingSignIn {
            state,
            nonce,
            verifier: verifier.as_str().to_string(),
            organisation: org.id.clone(),
            redirect_uri,
            server,
            return_to,
            ehr_launch: mode == LaunchMode::Ehr,
            unlocking,
            reauthenticated_after_s,
            asked_at_ms: now_ms(),
            proof_only,
            proven,
        },
    );
    match begin {
        Begin::Redirect { .. } => {
            // `max_age` makes the id_token carry `auth_time` (OIDC Core
            // §3.1.2.1), which unlocking and "Continue as" compare with, and
            // a sign-in older than a shift is not reused.
            if ask_who {
                target.push_str("&prompt=login");
            }
            target.push_str(&format!("&max_age={SHIFT_S}"));
            let _ = window().location().assign(&target);
        }
        Begin::Popup { popup, .. } => {
            // Re-authentication: the person at the PC must prove who they
            // are, now (OIDC Core §3.1.2.1); `auth_time` is checked on return.
            target.push_str("&prompt=login&max_age=0");
            let _ = popup.location().set_href(&target);
        }
    }
    Ok(())
}

async fn ehr_launch(broker: SessionBroker, rt: &Rc<Runtime>, path: &Path) {
    let (Some(iss), Some(launch)) = (path.query_param("iss"), path.query_param("launch")) else {
        broker
            .status
            .set(Status::Failed(SignInError::IncompleteLaunch.to_string()));
        return;
    };
    let found = match settings(rt) {
        Ok(settings) => settings.organisation_for_issuer(&iss).cloned(),
        Err(e) => return broker.status.set(Status::Failed(e.to_string())),
    };
    let Some(org) = found else {
        broker
            .status
            .set(Status::Failed(SignInError::UnknownIssuer(iss).to_string()));
        return;
    };
    broker.status.set(Status::Working(
        "Opening from your clinical record system".into(),
    ));
    // "/" unless the app names a page for the launch's context, which is
    // known only once the token response arrives.
    let begin = Begin::Redirect {
        return_to: "/".into(),
        launch: Some(launch),
        proven: None,
    };
    if let Err(e) = begin_sign_in(rt, &org, begin, &org.with_extra_scopes(&org.ehr_scope)).await {
        broker.status.set(Status::Failed(e.to_string()));
    }
}

/// `/auth/callback` loaded: ours to finish, another tab's (a re-authentication
/// pop-up), or nobody's (a forged or stale link).
async fn callback_arrived(broker: SessionBroker, rt: &Rc<Runtime>, href: &str) {
    let (address, query) = href.split_once('?').unwrap_or((href, ""));
    let (redirect, query) = (format!("{}{address}", origin()), query.to_string());
    let state = Path::from_href(href)
        .query_param("state")
        .unwrap_or_default();
    // A re-authentication pop-up may hold a copy of its opener's storage
    // (browsers copy it into windows a page opens), so "mine" is only a
    // sign-in this tab started for itself; anything else goes to its owner.
    let mine =
        load::<PendingSignIn>(PENDING).is_some_and(|p| p.state == state && p.unlocking.is_none());
    if mine {
        complete(broker, rt, &query, &redirect, false).await;
        return;
    }
    let (tx, rx) = oneshot::channel();
    rt.callback_waiters.borrow_mut().push((state.clone(), tx));
    post(
        rt,
        &Message::Callback {
            query,
            state: state.clone(),
            redirect,
        },
    );
    if within(CALLBACK_WAIT_MS, rx).await.is_some() {
        broker.status.set(Status::PopupDone);
        let _ = window().close();
        return;
    }
    rt.callback_waiters
        .borrow_mut()
        .retain(|(s, _)| *s != state);
    broker.status.set(Status::Failed(
        SignInError::Callback(crate::smart::CallbackError::StateMismatch).to_string(),
    ));
}

/// Redeems the code that arrived at `redirect` and verifies who signed in.
/// `in_place`: this tab asked for re-authentication in a pop-up and stays on
/// its page.
async fn complete(
    broker: SessionBroker,
    rt: &Rc<Runtime>,
    query: &str,
    redirect: &str,
    in_place: bool,
) {
    let Some(pending) = load::<PendingSignIn>(PENDING) else {
        return;
    };
    remove(PENDING);
    if !in_place {
        broker.status.set(Status::Working("Signing you in".into()));
    }
    let (session, claims) = match redeem(rt, query, redirect, &pending).await {
        Ok(answer) => answer,
        Err(e) if in_place => return broker.problem.set(Some(e.to_string())),
        Err(e) => return broker.status.set(Status::Failed(e.to_string())),
    };
    if pending.unlocking.is_some() {
        return unlocked_here(broker, rt, &pending, session, &claims).await;
    }
    let target = pending
        .ehr_launch
        .then(|| session.context.page(rt.options.ehr_launch_page?))
        .flatten()
        .unwrap_or_else(|| pending.return_to.clone());
    // Unknown or unreadable: shared, the safe assumption.
    let shared = organisation_settings(rt, &pending.organisation).map_or(true, |o| o.shared_device);
    if shared && !pending.ehr_launch && !signed_in_for_this(&pending, &session, &claims) {
        // The service answered with a sign-in from before the click: on a
        // shared computer that may be the last person's. The person here
        // says whether it is theirs before anything is used.
        let name = session.user.shown_name().to_string();
        rt.unconfirmed.replace(Some((session, target)));
        broker.status.set(Status::Confirm(name));
        return;
    }
    start_session(broker, rt, session, &target, true);
}

/// Whether the sign-in behind `claims` happened for this request: after it
/// left (by the PC's measure, see
/// [`id_token::IdTokenClaims::authenticated_since`]), or is the sign-in the
/// same person proved moments ago in an unlock pop-up.
fn signed_in_for_this(
    pending: &PendingSignIn,
    session: &Session,
    claims: &id_token::IdTokenClaims,
) -> bool {
    claims.authenticated_since(session.id_token_received_ms - pending.asked_at_ms)
        || pending.proven.as_ref().is_some_and(|p| {
            p.sub == claims.sub && claims.auth_time.is_some_and(|t| t >= p.auth_time_s)
        })
}

/// `session` is this tab's (and the other tabs' news, if `news`), and the
/// page goes to `target`.
fn start_session(
    broker: SessionBroker,
    rt: &Rc<Runtime>,
    session: Session,
    target: &str,
    news: bool,
) {
    publish(broker, rt, session, None, news);
    rt.last_activity.set(now_ms());
    super::after_sign_in(broker, rt);
    if let Some(nav) = rt.navigator {
        nav.replace(target);
    }
}

/// "Continue as …?" answered: the held sign-in is used, or (not them) its
/// refresh token is revoked and the sign-in service's session ended, so the
/// person at the computer can sign in as themselves.
async fn confirmed(broker: SessionBroker, rt: &Rc<Runtime>, same_person: bool) {
    let Some((session, target)) = rt.unconfirmed.borrow_mut().take() else {
        return;
    };
    if same_person {
        start_session(broker, rt, session, &target, true);
    } else {
        broker
            .status
            .set(Status::Working("Signing them out".into()));
        sign_out(broker, rt, &session, super::NOT_YOU).await;
    }
}

/// A re-authentication in a pop-up, redeemed. The same person: proof that
/// they are here, and the screen unlocks with the tab's own session, never
/// the answer's context (an idle lock keeps its tokens too; an expired one
/// takes the new tokens only for the same patient and organisation).
/// Someone else: nothing of the previous user's survives, and their own
/// session starts.
async fn unlocked_here(
    broker: SessionBroker,
    rt: &Rc<Runtime>,
    pending: &PendingSignIn,
    session: Session,
    claims: &id_token::IdTokenClaims,
) {
    let previous = broker.session.get_untracked();
    if pending.unlocking.as_deref() != Some(session.user.sub.as_str()) {
        // Pages, drafts, data, and the previous user's refresh token,
        // revoked at the server.
        super::forget_here(broker, rt, None);
        if let Some(previous) = previous {
            revoke_refresh_token(rt, &previous).await;
        }
        if !pending.proof_only {
            return start_session(broker, rt, session, "/", false);
        }
        // They proved who they are, no more: their own session comes from
        // a sign-in of their own, which reuses the proof just given.
        revoke_refresh_token(rt, &session).await;
        let org = match organisation_settings(rt, &pending.organisation) {
            Ok(org) => org,
            Err(e) => return broker.status.set(Status::Failed(e.to_string())),
        };
        broker.status.set(Status::Working("Signing you in".into()));
        let begin = Begin::Redirect {
            return_to: "/".into(),
            launch: None,
            proven: claims.auth_time.map(|auth_time_s| Proven {
                sub: claims.sub.clone(),
                auth_time_s,
            }),
        };
        if let Err(e) = begin_sign_in(rt, &org, begin, &org.with_extra_scopes(&org.scope)).await {
            broker.status.set(Status::Failed(e.to_string()));
        }
        return;
    }
    let Some(ours) = previous else {
        return;
    };
    let unlocked = if pending.proof_only {
        // Asked without offline_access, so no refresh token is expected;
        // one sent anyway is never used, and revoked.
        if session.refresh_token.is_some() && session.refresh_token != ours.refresh_token {
            revoke_refresh_token(rt, &session).await;
        }
        let Some(proof) = session.id_token.clone() else {
            return;
        };
        ours.proven(proof, session.id_token_received_ms)
    } else if session.context_key() == ours.context_key() {
        session
    } else {
        // Not revoked: the service may have handed back another tab's
        // grant, whose refresh token this one would take with it.
        return broker
            .problem
            .set(Some(SignInError::OtherContext.to_string()));
    };
    rt.last_activity.set(now_ms());
    // Not news: an unlock changes no context.
    publish(broker, rt, unlocked, None, false);
    super::after_sign_in(broker, rt);
}

/// The code exchanged for tokens, and the verified id_token's claims.
async fn redeem(
    rt: &Runtime,
    query: &str,
    redirect: &str,
    pending: &PendingSignIn,
) -> Result<(Session, id_token::IdTokenClaims), SignInError> {
    let code = parse_callback(query, &pending.state)?;
    check_callback_address(redirect, &pending.redirect_uri)?;
    let org = &organisation_settings(rt, &pending.organisation)?;
    // Before the code goes anywhere: the answer must come from the sign-in
    // service this sign-in went to.
    check_response_issuer(
        query,
        pending.server.issuer.as_deref().unwrap_or(&org.issuer),
        pending
            .server
            .authorization_response_iss_parameter_supported,
    )?;
    let response = post_form(
        &pending.server.token_endpoint,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", &pending.redirect_uri),
            ("client_id", &org.client_id),
            ("code_verifier", &pending.verifier),
        ],
    )
    .await
    .map_err(SignInError::Network)?;
    if response.status != 200 {
        return Err(SignInError::Refused(oauth_error(&response)));
    }
    let token = crate::smart::browser_json::read_token(&response.body)?;
    let received = now_ms();
    let id_token = token.id_token.clone().ok_or(SignInError::NoIdentity)?;
    let (Some(issuer), Some(jwks_uri)) = (&pending.server.issuer, &pending.server.jwks_uri) else {
        return Err(SignInError::NoIdentity);
    };
    let expected = Expected {
        issuer,
        client_id: &org.client_id,
        nonce: Some(&pending.nonce),
        authenticated_after_s: pending.reauthenticated_after_s,
        // An unlock's sign-in must also follow the click on "Sign in to
        // unlock", by this PC's measure of the time since.
        authenticated_within_ms: pending
            .unlocking
            .is_some()
            .then_some(received - pending.asked_at_ms),
    };
    let claims = verify_id_token(rt, jwks_uri, &id_token, &expected, received / 1000.0)
        .await
        .map_err(|e| match e {
            SignInError::IdToken(id_token::IdTokenError::NotReauthenticated) => {
                SignInError::NotReauthenticated
            }
            other => other,
        })?;
    // The strength of the sign-in the organisation requires (CIS2's
    // identity and authentication assurance levels).
    if !claims.assured(
        org.minimum_id_assurance_level,
        org.minimum_authentication_assurance_level,
    ) {
        return Err(SignInError::Assurance);
    }
    let user = User {
        sub: claims.sub.clone(),
        name: claims.name.clone(),
        fhir_user: claims.fhir_user.clone(),
        display_name: None,
        role: None,
    };
    // What this browser discovered before it left for the sign-in page.
    trust_server(rt, &org.id, &pending.server);
    let mut session = Session::from_token(
        token,
        user,
        &org.id,
        &org.client_id,
        &org.fhir_base_url,
        pending.server.clone(),
        received,
    );
    // A proof carries no FHIR access to read the name with.
    if !pending.proof_only {
        session.user.display_name = display_name(&session).await;
        session.user.role = selected_role(&session, &claims).await;
    }
    Ok((session, claims))
}

/// The role the user selected at sign-in (CIS2's `selected_roleid`), in
/// words, from the user's roles (`nhsid_nrbac_roles`) at the userinfo
/// endpoint, where NHS CIS2 gives them. Nothing to show when they cannot be
/// read: the sign-in stands, and the header shows the name alone.
async fn selected_role(session: &Session, claims: &id_token::IdTokenClaims) -> Option<String> {
    let selected = claims.selected_roleid.as_ref()?;
    let endpoint = session.server.userinfo_endpoint.as_deref()?;
    let answer = get_json(endpoint, Some(&session.access_token))
        .await
        .ok()
        .filter(|a| a.status == 200)?;
    id_token::userinfo_role(&answer.body, &claims.sub, selected)
}

/// How long signing in waits for the user's own FHIR record (for the name
/// in the header) before going on with the id_token's name.
const NAME_LOOKUP_TIMEOUT_MS: u32 = 5_000;

/// The user's name from their FHIR record (`fhirUser`), read once at sign-in
/// and kept with the session, so a reload or a new tab shows it at once.
async fn display_name(session: &Session) -> Option<String> {
    let (kind, id) = session.fhir_user_reference()?;
    let client = FhirClient::browser(&session.fhir_base_url)
        .with_timeout_ms(NAME_LOOKUP_TIMEOUT_MS)
        .with_token_source(Rc::new(StaticToken(session.access_token.clone())));
    let record = client
        .read::<crate::fhir::summary::PersonView>(&kind, &id)
        .await
        .ok()?;
    crate::session::display_name(&record.name)
}
