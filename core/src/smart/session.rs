//! A signed-in session, what tabs tell each other about it, and when it
//! needs attention (refresh, warning, lock).
//!
//! Plain data and arithmetic, tested natively; the crate `bedside` runs it
//! in the browser (its `session` module, the sign-on broker).
//!
//! # Threat model and storage policy
//!
//! Bedside runs on shared ward PCs, in a browser, as a public client (no
//! secret can be kept from the user). What it defends against, and how:
//!
//! - **Someone later at the same PC** (the main risk on a ward). Nothing
//!   goes to `localStorage`, cookies or the HTTP cache (FHIR responses are
//!   `no-store`). The access token lives in memory only. What a reload must
//!   keep (the refresh token, the id_token for sign-out, who is signed in,
//!   the lock and when the session was last used) sits in `sessionStorage`,
//!   which the browser deletes with the tab, but restores with a tab it
//!   reopens (and copies into a duplicated tab or a pop-up): so the lock is
//!   kept there too, and a reopened tab opens locked. An idle screen locks
//!   and hides clinical data; a tab that opens locked builds no clinical
//!   page at all. Unlocking needs the password again (`prompt=login`,
//!   `max_age=0`, `auth_time` checked against the last sign-in and against
//!   the click, by the PC's measure of the interval) and proves only who is
//!   there: the tab keeps its own tokens and context. A session locked too
//!   long is signed out; sign-out clears every tab and ends the sign-in
//!   service's session without a question (`id_token_hint`). On a shared
//!   device a standalone sign-in always asks who is at the computer
//!   (`prompt=login`), and a service that answers with an earlier sign-in
//!   anyway gets "Continue as …?" first.
//! - **What the lock does not do**: it hides pages from the next person at
//!   the screen; it does not protect the tab's memory or `sessionStorage`
//!   from someone with the browser's developer tools on an unmanaged PC.
//!   Deployments lock down developer tools by policy on shared PCs.
//! - **A stolen refresh token.** The server rotates it on each use
//!   (`rotateRefreshToken`); a replayed old one is refused and, at servers
//!   that detect reuse, ends the grant. Only one tab per context (the
//!   leader, holding a Web Lock named after it) ever refreshes that
//!   context's token, and a tab that opens locked never refreshes with the
//!   token it kept (a peer may have rotated it), so Bedside itself never
//!   replays one.
//! - **A forged or replayed sign-in response** (CSRF, code injection,
//!   mix-up). `state` ties the callback to this browser's attempt, PKCE ties
//!   the code to this attempt's verifier, `nonce` and the verified id_token
//!   tie the identity to it, and `iss` from EHR launches must be a configured
//!   server. Against mix-up (RFC 9700 §4.4) each organisation's issuer is
//!   pinned, the answer's `iss` (RFC 9207) must be it, and each organisation
//!   has its own callback address, at which its answer must arrive. The
//!   addresses a FHIR server's discovery gives must be the pinned issuer's
//!   own (its OpenID Connect metadata), so a FHIR server cannot send users
//!   to a sign-in page nobody configured.
//! - **A token reaching the wrong server or session.** A FHIR client's
//!   token source is bound to the session it was made for; a refresh token,
//!   a revocation or a sign-out hint goes only to endpoints the tab itself
//!   discovered, never to those a tab message names.
//! - **One tab changing another's patient or organisation** (a clinician
//!   writing into the wrong record). A session belongs to a context
//!   ([`Session::context_key`]: organisation, launch patient and
//!   encounter); a tab never takes another context's session unasked. It
//!   says what happened in the other tab and switches only when the user
//!   chooses; if someone else signed in there, it locks.
//! - **Cross-site scripting** would defeat any browser-side storage, so it is
//!   prevented instead: a Content Security Policy without `unsafe-inline` or
//!   `unsafe-eval`, with Trusted Types required (HTML only through the
//!   narrative's policy and a default one that passes Leptos' templates and
//!   refuses markup that could run: `components/assets/trusted-types.js`), no
//!   server text as HTML (FHIR narrative is
//!   re-written in Rust to its allowed elements and attributes, escaped,
//!   before the browser sees it: `crate::clinical::narrative`), and
//!   short-lived access tokens.
//!
//! Tabs share sessions over a same-origin `BroadcastChannel`; messages
//! never leave the browser. **The origin is the trust boundary**: any page
//! served from the app's origin can read its storage and talk on its
//! channel, so Bedside needs an origin of its own (not a path on a shared
//! intranet host). Within it, messages are still checked: a session for an
//! organisation, client or FHIR server not in the configuration is ignored,
//! a tab keeps its own sign-in endpoints, and "unlocked" unlocks nothing
//! without an id_token that proves a fresh sign-in.
//!
//! Deployment requirements: HTTPS; an origin of its own; refresh-token
//! rotation and a maximum refresh-token lifetime at the sign-on server; and
//! `prompt=login` / `max_age` honoured, or unlocking is refused.

use serde::{Deserialize, Serialize};

use super::discovery::SmartConfiguration;
use super::scope::{Scope, parse_scopes};
use super::token::TokenResponse;
pub use super::token::{ContextIdentifier, FhirContextItem};

/// Who is signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// The id_token's `sub` at the issuer: same `sub`, same person.
    pub sub: String,
    /// The name from the id_token, if given.
    pub name: Option<String>,
    /// The user's FHIR resource (`fhirUser`), if given.
    pub fhir_user: Option<String>,
    /// The name for display, from the `fhirUser` record (read once at
    /// sign-in), if it could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The role they chose at sign-in, in words (NHS Care Identity Service
    /// 2's selected role), if the service said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

impl User {
    /// What to call them on screen: the name from their record, else from
    /// the id_token, else their `sub`.
    pub fn shown_name(&self) -> &str {
        self.display_name
            .as_deref()
            .or(self.name.as_deref())
            .unwrap_or(&self.sub)
    }
}

/// SMART launch context from the token response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LaunchContext {
    /// The patient in context.
    pub patient: Option<String>,
    /// The encounter in context.
    pub encounter: Option<String>,
    /// Further context resources (SMART 2.x `fhirContext`).
    pub fhir_context: Vec<FhirContextItem>,
    /// Whether the app must show a patient banner.
    pub need_patient_banner: bool,
    /// What the EHR wants the app to do.
    pub intent: Option<String>,
    /// The EHR tenant.
    pub tenant: Option<String>,
}

impl LaunchContext {
    /// `template` with `{patient}` replaced by the patient in context's id,
    /// percent-encoded (an id is data from outside: it cannot add to the
    /// address); `None` without a patient.
    pub fn page(&self, template: &str) -> Option<String> {
        let patient = self.patient.as_deref().filter(|id| !id.is_empty())?;
        Some(template.replace("{patient}", &crate::url::encode(patient, b"")))
    }
}

/// A signed-in session: everything every tool and tab needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Which configured organisation.
    pub organisation: String,
    /// The FHIR base URL the tokens are for.
    pub fhir_base_url: String,
    /// The client id used.
    pub client_id: String,
    /// The server's endpoints.
    pub server: SmartConfiguration,
    /// The bearer token (memory and the tab channel only; never stored).
    pub access_token: String,
    /// When the access token was issued, ms since the epoch.
    pub issued_at_ms: f64,
    /// When it expires, ms since the epoch.
    pub expires_at_ms: f64,
    /// For new access tokens; rotated on each use.
    pub refresh_token: Option<String>,
    /// For the provider's end-session call, and the proof of who signed in.
    pub id_token: Option<String>,
    /// When this PC received that id_token (ms since the epoch; 0 without
    /// one): another tab measures from it whether the sign-in it proves
    /// came after that tab locked ([`crate::smart::id_token::IdTokenClaims::authenticated_since`]).
    #[serde(default)]
    pub id_token_received_ms: f64,
    /// Granted scopes, space-separated.
    pub scope: String,
    /// Who.
    pub user: User,
    /// Launch context.
    pub context: LaunchContext,
}

/// Refresh this long before expiry at most…
const REFRESH_MARGIN_MS: f64 = 60_000.0;
/// …and at least this share of the lifetime before it, for short-lived tokens.
const REFRESH_SHARE: f64 = 0.2;

impl Session {
    /// The session a token response starts (or, for a refresh, continues).
    pub fn from_token(
        token: TokenResponse,
        user: User,
        organisation: &str,
        client_id: &str,
        fhir_base_url: &str,
        server: SmartConfiguration,
        received_at_ms: f64,
    ) -> Self {
        Self {
            organisation: organisation.to_string(),
            fhir_base_url: fhir_base_url.trim_end_matches('/').to_string(),
            client_id: client_id.to_string(),
            server,
            issued_at_ms: received_at_ms,
            expires_at_ms: token.expires_at_ms(received_at_ms),
            access_token: token.access_token,
            refresh_token: token.refresh_token,
            id_token_received_ms: if token.id_token.is_some() {
                received_at_ms
            } else {
                0.0
            },
            id_token: token.id_token,
            scope: token.scope,
            user,
            context: LaunchContext {
                patient: token.patient,
                encounter: token.encounter,
                fhir_context: token.fhir_context,
                need_patient_banner: token.need_patient_banner.unwrap_or(false),
                intent: token.intent,
                tenant: token.tenant,
            },
        }
    }

    /// This session after a refresh: new tokens, same user. A server that
    /// does not rotate the refresh token (or omits the id_token or scope)
    /// leaves the old ones in force, as RFC 6749 §6 allows.
    pub fn refreshed(&self, token: TokenResponse, received_at_ms: f64) -> Self {
        let mut next = self.clone();
        next.issued_at_ms = received_at_ms;
        next.expires_at_ms = token.expires_at_ms(received_at_ms);
        next.access_token = token.access_token;
        if token.refresh_token.is_some() {
            next.refresh_token = token.refresh_token;
        }
        if token.id_token.is_some() {
            next.id_token = token.id_token;
            next.id_token_received_ms = received_at_ms;
        }
        if !token.scope.is_empty() {
            next.scope = token.scope;
        }
        next
    }

    /// This session, unlocked by `proof`: a fresh id_token of the same
    /// person, received at `received_at_ms`. Only the proof is taken from
    /// the re-authentication; tokens, scopes and context stay this
    /// session's, so unlocking never changes the patient or organisation.
    pub fn proven(&self, proof: String, received_at_ms: f64) -> Self {
        Self {
            id_token: Some(proof),
            id_token_received_ms: received_at_ms,
            ..self.clone()
        }
    }

    /// When to refresh ahead of expiry: a minute before, or a fifth of the
    /// lifetime before for tokens shorter than five minutes.
    pub fn refresh_due_at_ms(&self) -> f64 {
        let lifetime = (self.expires_at_ms - self.issued_at_ms).max(0.0);
        self.expires_at_ms - REFRESH_MARGIN_MS.min(lifetime * REFRESH_SHARE)
    }

    /// Which sign-in this is, as tabs share them: the organisation, then the
    /// patient and encounter an EHR launch put in context, one per line
    /// (the organisation's id first, so [`Self::organisation_of`] reads it
    /// back). Tabs with the same key share one session and one refresh
    /// token; a tab never takes a session with another key unasked, which
    /// would change the patient or organisation under its page.
    pub fn context_key(&self) -> String {
        format!(
            "{}\n{}\n{}",
            self.organisation,
            self.context.patient.as_deref().unwrap_or_default(),
            self.context.encounter.as_deref().unwrap_or_default()
        )
    }

    /// The organisation a [`Self::context_key`] names.
    pub fn organisation_of(context_key: &str) -> &str {
        context_key.split('\n').next().unwrap_or_default()
    }

    /// What may survive a reload, in `sessionStorage`: everything but the
    /// access token.
    pub fn for_storage(&self) -> Self {
        Self {
            access_token: String::new(),
            expires_at_ms: 0.0,
            ..self.clone()
        }
    }

    /// Whether the access token is usable at `now_ms`.
    pub fn access_token_valid(&self, now_ms: f64) -> bool {
        !self.access_token.is_empty() && now_ms < self.expires_at_ms
    }

    /// The granted scopes.
    pub fn scopes(&self) -> Vec<Scope> {
        parse_scopes(&self.scope)
    }

    /// The user's FHIR resource as `(type, id)`, if it is on this session's
    /// server (a `fhirUser` elsewhere cannot be read with this token).
    pub fn fhir_user_reference(&self) -> Option<(String, String)> {
        let reference = self.user.fhir_user.as_deref()?;
        let relative = match reference.strip_prefix(&self.fhir_base_url) {
            Some(rest) => rest.strip_prefix('/')?,
            None if reference.contains("://") => return None,
            None => reference,
        };
        let (kind, id) = relative.split_once('/')?;
        let known = [
            "Practitioner",
            "PractitionerRole",
            "Patient",
            "RelatedPerson",
            "Person",
        ];
        (known.contains(&kind) && !id.is_empty() && !id.contains('/'))
            .then(|| (kind.to_string(), id.to_string()))
    }
}

/// A session for tests: `org`'s (FHIR base `https://<org>/R4`, client
/// `c`), signed in at `issuer` as `sub`, with access token `token` and, if
/// given, a launch `patient`. For the tests of code that holds sessions (the
/// `test-support` feature).
#[cfg(any(test, feature = "test-support"))]
pub fn test_session(
    org: &str,
    issuer: Option<&str>,
    sub: &str,
    token: &str,
    patient: Option<&str>,
) -> Session {
    let mut server =
        SmartConfiguration::from_oauth_uris("https://x/auth".into(), "https://x/token".into());
    server.issuer = issuer.map(str::to_string);
    let patient = patient.map_or(String::new(), |p| format!(r#","patient":"{p}""#));
    Session::from_token(
        TokenResponse::parse(
            format!(r#"{{"access_token":"{token}","token_type":"Bearer"{patient}}}"#).as_bytes(),
        )
        .expect("a token response"),
        User {
            sub: sub.into(),
            name: None,
            fhir_user: None,
            display_name: None,
            role: None,
        },
        org,
        "c",
        &format!("https://{org}/R4"),
        server,
        0.0,
    )
}

/// A sign-in under way: kept in `sessionStorage` across the redirect to the
/// sign-in service and back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingSignIn {
    /// The `state` sent.
    pub state: String,
    /// The `nonce` sent.
    pub nonce: String,
    /// The PKCE verifier.
    pub verifier: String,
    /// Which organisation.
    pub organisation: String,
    /// The redirect URI used (must be repeated when redeeming).
    pub redirect_uri: String,
    /// The server's endpoints, as discovered.
    pub server: SmartConfiguration,
    /// Where to go afterwards (the page the user was on).
    pub return_to: String,
    /// An EHR launch: it goes to the app's page for the launch instead
    /// (the broker's `BrokerOptions::ehr_launch_page` in the crate `bedside`).
    #[serde(default)]
    pub ehr_launch: bool,
    /// Re-authentication to unlock: the user who was signed in, so that a
    /// different person gets a fresh session.
    pub unlocking: Option<String>,
    /// Re-authentication to unlock: when the locked session's user last
    /// signed in (seconds, the sign-in service's clock). The new id_token's
    /// `auth_time` must be later.
    #[serde(default)]
    pub reauthenticated_after_s: Option<f64>,
    /// When the request left (ms since the epoch, this PC's clock): the
    /// sign-in must be no older ([`crate::smart::id_token::IdTokenClaims::authenticated_since`]),
    /// or, for a first sign-in on a shared device, Bedside asks whether
    /// the person it names is the one at the computer.
    #[serde(default)]
    pub asked_at_ms: f64,
    /// Unlocking needs only proof of who is at the computer: identity
    /// scopes were asked for, and nothing of the answer but its id_token is
    /// kept.
    #[serde(default)]
    pub proof_only: bool,
    /// A sign-in that follows the proof another person gave in an unlock
    /// pop-up: that person, and when they signed in (the service's clock).
    /// Their sign-in, reused, is not someone else's left behind.
    #[serde(default)]
    pub proven: Option<Proven>,
}

/// Someone who proved who they are moments ago (see
/// [`PendingSignIn::proven`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proven {
    /// Their `sub`.
    pub sub: String,
    /// Their id_token's `auth_time`, seconds.
    pub auth_time_s: f64,
}

/// What tabs of the app tell each other (JSON over a `BroadcastChannel`).
///
/// Externally tagged (serde's default) on purpose: an internally tagged enum
/// buffers its content, and buffered numbers do not survive serde_json's
/// `arbitrary_precision`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Message {
    /// A tab opening asks for a session: the one with the
    /// [`Session::context_key`] `want` (the session it kept across a
    /// reload), or, when `want` is empty, any.
    Hello {
        /// The context wanted; empty for any.
        want: String,
    },
    /// The session now (after sign-in, refresh, or in answer to `Hello`).
    Session {
        /// The session.
        session: Box<Session>,
        /// Whether the screen is locked.
        locked: bool,
        /// A sign-in just made in the sending tab (not a refresh, nor an
        /// answer to `Hello`): a tab in another context says so, and keeps
        /// its own.
        #[serde(default)]
        news: bool,
    },
    /// A follower asks the leader of its context to refresh the access token.
    RefreshRequest {
        /// The [`Session::context_key`] whose token is wanted.
        context: String,
    },
    /// The leader could not refresh: that context's session is over.
    RefreshFailed {
        /// The [`Session::context_key`] that ended.
        context: String,
    },
    /// Someone used the app: reset idle timers.
    Activity,
    /// The screen locked (idle, or "lock now").
    Locked,
    /// Signed out: forget everything, in every context.
    SignedOut {
        /// The [`Session::context_key`] of the tab that signed out (and
        /// revoked its own refresh token).
        context: String,
    },
    /// A sign-in callback that arrived in a tab (or popup) that did not
    /// start it: the tab that holds this `state` takes it.
    Callback {
        /// The callback's query string.
        query: String,
        /// Its `state`.
        state: String,
        /// The address it arrived at, without the query: it must be the
        /// redirect URI that sign-in was sent with.
        redirect: String,
    },
    /// The tab holding `state` took the callback.
    CallbackTaken {
        /// The `state`.
        state: String,
    },
}

impl Message {
    /// The message as sent.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A received message; `None` for anything else (another app's message
    /// on the channel, an older Bedside's).
    pub fn from_json(json: &str) -> Option<Self> {
        serde_json::from_str(json).ok()
    }
}

/// When the idle lock should warn and lock, given the last activity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IdlePlan {
    /// When to show "you will be locked out".
    pub warn_at_ms: f64,
    /// When to lock.
    pub lock_at_ms: f64,
}

impl IdlePlan {
    /// The plan for a lock after `idle_ms` without activity, warning
    /// `warning_ms` before (never before the activity itself).
    pub fn after(last_activity_ms: f64, idle_ms: f64, warning_ms: f64) -> Self {
        let lock_at_ms = last_activity_ms + idle_ms;
        Self {
            warn_at_ms: (lock_at_ms - warning_ms).max(last_activity_ms),
            lock_at_ms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_launch_page_names_the_patient_encoded() {
        let launched = |patient: Option<&str>| LaunchContext {
            patient: patient.map(str::to_string),
            ..LaunchContext::default()
        };
        let page = "/summary?patient={patient}";
        assert_eq!(
            launched(Some("p-1")).page(page).as_deref(),
            Some("/summary?patient=p-1")
        );
        assert_eq!(
            launched(Some("a&b=c#d/e")).page(page).as_deref(),
            Some("/summary?patient=a%26b%3Dc%23d%2Fe")
        );
        assert_eq!(launched(None).page(page), None);
        assert_eq!(launched(Some("")).page(page), None);
    }

    #[test]
    fn fhir_context_reads_smart_2_1_objects_and_2_0_strings() {
        let items: Vec<FhirContextItem> = serde_json::from_str(
            r#"["Encounter/1",
                {"canonical":"https://q.example/Questionnaire/news2","type":"Questionnaire","role":"https://r.example"},
                {"identifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}}]"#,
        )
        .expect("fhirContext");
        assert_eq!(items[0].reference.as_deref(), Some("Encounter/1"));
        assert_eq!(
            items[1],
            FhirContextItem {
                canonical: Some("https://q.example/Questionnaire/news2".into()),
                resource_type: Some("Questionnaire".into()),
                role: Some("https://r.example".into()),
                ..FhirContextItem::default()
            }
        );
        assert_eq!(
            items[2]
                .identifier
                .as_ref()
                .and_then(|i| i.value.as_deref()),
            Some("9434765919")
        );
        // Written back as objects, the 2.1 form.
        assert_eq!(
            serde_json::to_string(&items[0]).expect("json"),
            r#"{"reference":"Encounter/1"}"#
        );
    }

    fn server() -> SmartConfiguration {
        SmartConfiguration::from_oauth_uris("https://as/auth".into(), "https://as/token".into())
    }

    fn token(json: &str) -> TokenResponse {
        TokenResponse::parse(json.as_bytes()).expect("a token")
    }

    fn session() -> Session {
        Session::from_token(
            token(
                r#"{"access_token":"a1","token_type":"Bearer","expires_in":300,"refresh_token":"r1",
                    "id_token":"i1","scope":"openid patient/*.rs","patient":"p1","need_patient_banner":true}"#,
            ),
            User {
                sub: "nurse".into(),
                name: Some("Nurse".into()),
                fhir_user: Some("https://fhir.example/R4/Practitioner/nurse".into()),
                display_name: None,
                role: None,
            },
            "org",
            "bedside",
            "https://fhir.example/R4/",
            server(),
            1_000_000.0,
        )
    }

    #[test]
    fn a_token_response_becomes_a_session_with_its_context() {
        let s = session();
        assert_eq!(s.fhir_base_url, "https://fhir.example/R4");
        assert_eq!(s.expires_at_ms, 1_300_000.0);
        assert_eq!(s.context.patient.as_deref(), Some("p1"));
        assert!(s.context.need_patient_banner);
        assert!(s.access_token_valid(1_299_999.0));
        assert!(!s.access_token_valid(1_300_000.0));
        assert_eq!(s.scopes().len(), 2);
    }

    #[test]
    fn refresh_rotates_what_the_server_rotates_and_keeps_the_rest() {
        let s = session();
        let rotated = s.refreshed(
            token(r#"{"access_token":"a2","token_type":"Bearer","expires_in":60,"refresh_token":"r2"}"#),
            2_000_000.0,
        );
        assert_eq!(rotated.access_token, "a2");
        assert_eq!(rotated.refresh_token.as_deref(), Some("r2"));
        assert_eq!(rotated.id_token.as_deref(), Some("i1"));
        assert_eq!(rotated.scope, s.scope);
        assert_eq!(rotated.expires_at_ms, 2_060_000.0);
        assert_eq!(rotated.user, s.user);
        let kept = s.refreshed(
            token(r#"{"access_token":"a3","token_type":"Bearer","scope":"openid"}"#),
            0.0,
        );
        assert_eq!(kept.refresh_token.as_deref(), Some("r1"));
        assert_eq!(kept.scope, "openid");
        // The id_token's arrival is its own: a renewal without one keeps
        // the time the kept one came, which another tab measures from.
        assert_eq!(rotated.id_token_received_ms, s.id_token_received_ms);
        assert!(s.id_token_received_ms > 0.0);
        let renewed = s.refreshed(
            token(r#"{"access_token":"a4","token_type":"Bearer","id_token":"i2"}"#),
            3_000_000.0,
        );
        assert_eq!(renewed.id_token_received_ms, 3_000_000.0);
    }

    #[test]
    fn an_unlock_takes_only_the_proof_never_the_answers_tokens_or_context() {
        let ours = session();
        let unlocked = ours.proven("i9".into(), 4_000_000.0);
        assert_eq!(unlocked.id_token.as_deref(), Some("i9"));
        assert_eq!(unlocked.id_token_received_ms, 4_000_000.0);
        assert_eq!(
            Session {
                id_token: ours.id_token.clone(),
                id_token_received_ms: ours.id_token_received_ms,
                ..unlocked.clone()
            },
            ours
        );
        assert_eq!(unlocked.context_key(), ours.context_key());
    }

    #[test]
    fn refresh_is_due_a_minute_early_or_a_fifth_of_a_short_lifetime() {
        let s = session();
        assert_eq!(s.refresh_due_at_ms(), 1_300_000.0 - 60_000.0);
        let short = Session {
            expires_at_ms: 1_100_000.0,
            ..session()
        };
        assert_eq!(short.refresh_due_at_ms(), 1_100_000.0 - 20_000.0);
        let hour = Session {
            expires_at_ms: 1_000_000.0 + 3_600_000.0,
            ..session()
        };
        assert_eq!(hour.refresh_due_at_ms(), 4_600_000.0 - 60_000.0);
        let broken = Session {
            expires_at_ms: 0.0,
            ..session()
        };
        assert_eq!(broken.refresh_due_at_ms(), 0.0);
    }

    #[test]
    fn storage_never_holds_the_access_token() {
        let stored = session().for_storage();
        assert!(stored.access_token.is_empty());
        assert!(!stored.access_token_valid(0.0));
        let json = serde_json::to_string(&stored).expect("serialises");
        assert!(!json.contains("\"a1\""), "{json}");
        assert_eq!(stored.refresh_token.as_deref(), Some("r1"));
    }

    #[test]
    fn fhir_user_resolves_only_on_this_server() {
        let with = |fhir_user: &str| Session {
            user: User {
                fhir_user: Some(fhir_user.into()),
                ..session().user
            },
            ..session()
        };
        let pair = |k: &str, i: &str| Some((k.to_string(), i.to_string()));
        assert_eq!(
            session().fhir_user_reference(),
            pair("Practitioner", "nurse")
        );
        assert_eq!(
            with("Patient/p-1").fhir_user_reference(),
            pair("Patient", "p-1")
        );
        for other in [
            "https://other.example/R4/Practitioner/x",
            "https://fhir.example/R4Practitioner/x",
            "Observation/x",
            "Practitioner/",
            "Practitioner/a/_history/1",
            "Practitioner",
        ] {
            assert_eq!(with(other).fhir_user_reference(), None, "{other}");
        }
    }

    #[test]
    fn a_context_is_the_organisation_patient_and_encounter_and_nothing_else() {
        let s = session();
        assert_eq!(s.context_key(), "org\np1\n");
        assert_eq!(Session::organisation_of(&s.context_key()), "org");
        // A refresh, another person, new scopes: the same context.
        let mut same = s.refreshed(
            token(r#"{"access_token":"a2","token_type":"Bearer","expires_in":300,"refresh_token":"r2"}"#),
            2_000_000.0,
        );
        same.user.sub = "doctor".into();
        assert_eq!(same.context_key(), s.context_key());
        // Another patient, an encounter, another organisation: another context.
        let mut other = s.clone();
        other.context.patient = Some("p2".into());
        assert_ne!(other.context_key(), s.context_key());
        let mut other = s.clone();
        other.context.encounter = Some("e1".into());
        assert_eq!(other.context_key(), "org\np1\ne1");
        let mut other = s.clone();
        other.organisation = "org2".into();
        assert_ne!(other.context_key(), s.context_key());
        // No patient at all is a context of its own, not a wildcard.
        let mut none = s.clone();
        none.context.patient = None;
        assert_eq!(none.context_key(), "org\n\n");
        assert_eq!(Session::organisation_of(""), "");
    }

    #[test]
    fn messages_round_trip_and_strangers_are_ignored() {
        for m in [
            Message::Hello { want: "".into() },
            Message::Hello {
                want: session().context_key(),
            },
            Message::Session {
                session: Box::new(session()),
                locked: true,
                news: false,
            },
            Message::Session {
                session: Box::new(session()),
                locked: false,
                news: true,
            },
            Message::RefreshRequest {
                context: "o\n\n".into(),
            },
            Message::RefreshFailed {
                context: "o\np\ne".into(),
            },
            Message::Activity,
            Message::Locked,
            Message::SignedOut {
                context: "o\n\n".into(),
            },
            Message::Callback {
                query: "code=c&state=s".into(),
                state: "s".into(),
                redirect: "https://bedside.example/auth/callback/o".into(),
            },
            Message::CallbackTaken { state: "s".into() },
        ] {
            assert_eq!(Message::from_json(&m.to_json()), Some(m.clone()));
        }
        assert_eq!(Message::from_json(r#""Unknown""#), None);
        assert_eq!(Message::from_json(r#"{"Session":{}}"#), None);
        assert_eq!(Message::from_json("hello"), None);
    }

    #[test]
    fn idle_plan_warns_before_locking() {
        let plan = IdlePlan::after(1_000.0, 600_000.0, 60_000.0);
        assert_eq!(plan.lock_at_ms, 601_000.0);
        assert_eq!(plan.warn_at_ms, 541_000.0);
        let tight = IdlePlan::after(1_000.0, 30_000.0, 60_000.0);
        assert_eq!(tight.warn_at_ms, 1_000.0);
    }
}
