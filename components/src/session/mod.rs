//! The sign-on broker: the session, in Leptos context, shared by every tool
//! of the app and every tab in the same context.
//!
//! A session belongs to a context (the organisation, and the patient and
//! encounter an EHR launch put in context: [`Session::context_key`]). A tab
//! keeps its own: another tab's sign-in for another patient or organisation
//! is offered ([`SessionBroker::elsewhere`], shown by [`ContextNotice`]),
//! never taken unasked, so the patient, FHIR server and token under a page
//! never change behind the user's back.
//!
//! [`SessionBroker::provide`] reads the deployment's sign-on configuration
//! and then, in the browser:
//!
//! - asks the other tabs for a session (a `BroadcastChannel`): its own
//!   context's, if it kept one across a reload, falling back to the refresh
//!   token it kept in `sessionStorage`; failing both, the user is signed
//!   out;
//! - runs standalone and EHR launches ([`SessionBroker::sign_in`],
//!   `/launch?iss=…&launch=…`) and their callback at
//!   `/auth/callback/<organisation>`, with PKCE, `state`, `nonce` and a
//!   verified id_token ([`crate::smart::id_token`]); the callback address is
//!   replaced in history once used;
//! - hands FHIR clients their bearer tokens ([`SessionBroker::token_source`]):
//!   in each context one tab, the leader (a Web Lock), refreshes ahead of
//!   expiry and on a 401, all at once requests share one refresh, and the
//!   rotated tokens go to every tab in the context;
//! - locks the screen after the configured idle time, warning first, and
//!   unlocks after re-authentication with a fresh password in a pop-up
//!   window, so the page, and what was typed on it, stays as it was. The
//!   re-authentication proves who is there, no more: the tab keeps its own
//!   tokens, patient and organisation. The lock is kept in the tab's
//!   storage, so a reload or a reopened tab opens locked (and never renews
//!   its kept refresh token on its own), and a session locked too long is
//!   signed out. Someone else unlocking starts a fresh session:
//!   [`SessionBroker::generation`] changes, the app drops the previous
//!   user's pages and drafts, their refresh token is revoked, and the new
//!   person's own sign-in follows;
//! - on a shared device asks who is at the computer at every standalone
//!   sign-in (`prompt=login`), and "Continue as …?" ([`Status::Confirm`])
//!   when a service answers with an earlier sign-in anyway;
//! - signs out everywhere: every tab forgets the session and its data, each
//!   context's refresh token is revoked, and the provider's end-session
//!   endpoint ends the sign-on session of the organisation signed out of,
//!   with the id_token as hint so that it asks no question, back on a page
//!   that says why.
//!
//! What is kept where, and why, is the threat model in
//! [`crate::smart::session`].
//!
//! The accessors ([`SessionBroker::status`], [`SessionBroker::session`],
//! [`SessionBroker::lock_reason`], …) read the broker's signals: inside an
//! effect or a view they track, elsewhere wrap them in `untrack`. (Plain
//! reads, not a `Signal` per accessor: each `Signal` type costs the first
//! load code.)

#[cfg(target_arch = "wasm32")]
mod browser;
mod views;

use std::sync::Arc;

use leptos::prelude::*;

use crate::fhir::summary::{NameView, pick_name};
use crate::smart::{
    CallbackError, ConfigError, DiscoveryError, IdTokenError, PkceError, Session, SignOnConfig,
    TokenError,
};

pub use views::{AccountArea, ContextNotice, LockScreen, SessionGate, SessionWarning, SignInPage};

/// Why signing in (or staying signed in) failed. Each message says what
/// happened and what to do, in words a clinician can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignInError {
    /// The deployment's settings are unusable.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The server cannot do what Bedside needs.
    #[error(transparent)]
    Discovery(#[from] DiscoveryError),
    /// The callback was refused (denied consent, state mismatch, …).
    #[error(transparent)]
    Callback(#[from] CallbackError),
    /// The token response was unusable.
    #[error(transparent)]
    Token(#[from] TokenError),
    /// The id_token did not verify.
    #[error("Who signed in could not be confirmed: {0}. Start signing in again.")]
    IdToken(#[from] IdTokenError),
    /// The browser's cryptography failed.
    #[error(transparent)]
    Pkce(#[from] PkceError),
    /// An EHR launch from a server this site is not set up for. The `iss`
    /// it named is kept for developers, never shown: it is text anyone can
    /// put in a link, and Bedside's page would be saying it.
    #[error(
        "This app was opened from a clinical record system this site is not set up to use, so it did not sign in. Open it from your clinical record system again, or contact your IT service desk."
    )]
    UnknownIssuer(String),
    /// An EHR launch link without its `launch` or `iss`.
    #[error(
        "The link that opened this app is incomplete. Open it from your clinical record system again."
    )]
    IncompleteLaunch,
    /// The sign-in or FHIR server could not be reached.
    #[error("{}", network_message(.0))]
    Network(String),
    /// The sign-in service answered with an error.
    #[error("The sign-in service refused the request ({0}). Start signing in again.")]
    Refused(String),
    /// No id_token although `openid` was asked for.
    #[error(
        "The sign-in service did not say who signed in, which is needed on shared computers. Contact your IT service desk."
    )]
    NoIdentity,
    /// Unlocking: the sign-in service handed back the session it already
    /// had instead of asking for the password (it ignored `prompt=login`
    /// and `max_age=0`).
    #[error(
        "The sign-in service did not ask for your password again, so this screen cannot be unlocked. Try again; if this keeps happening, contact your IT service desk."
    )]
    NotReauthenticated,
    /// The id_token's assurance levels are below the organisation's
    /// minimum (CIS2: a smartcard or an equivalent is needed).
    #[error(
        "This organisation needs a stronger sign-in than the one you used (a smartcard, or another way your organisation allows, at the level it requires). Sign in again that way, or contact your IT service desk."
    )]
    Assurance,
    /// Unlocking after the session expired: the sign-in service's new
    /// tokens were for another patient or organisation than the tab's.
    #[error(
        "The sign-in service gave access for a different patient or organisation, so this screen stays locked rather than change the patient under it. Try again; if this keeps happening, open the patient again from your clinical record system."
    )]
    OtherContext,
    /// The sign-in code could not be fetched (the network dropped).
    #[error("{CODE_UNAVAILABLE}")]
    CodeUnavailable,
    /// The pop-up for signing in again was blocked.
    #[error("{POPUP_BLOCKED}")]
    PopupBlocked,
}

// The messages the broker's first-page code shows itself. They stand apart
// from `SignInError`'s `Display`, which covers every way signing in can fail
// and comes with the sign-in step: the first page formats only these.

/// [`SignInError::Network`]'s message.
pub(crate) fn network_message(detail: &str) -> String {
    format!(
        "The sign-in service could not be reached ({detail}). Check your connection and try again."
    )
}

/// [`SignInError::CodeUnavailable`]'s message.
pub(crate) const CODE_UNAVAILABLE: &str =
    "The part that signs you in could not be loaded. Check your connection, then try again.";

/// [`SignInError::PopupBlocked`]'s message.
pub(crate) const POPUP_BLOCKED: &str = "Your browser blocked the sign-in window. Allow pop-ups for this site, then select \"Sign in to unlock\" again.";

/// Where the broker is.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Reading settings and asking the other tabs.
    Starting,
    /// Nobody is signed in.
    SignedOut {
        /// Why, if the user should be told (signed out in another tab, say).
        notice: Option<String>,
    },
    /// On the way to or back from the sign-in service.
    Working(String),
    /// Signed in; see [`SessionBroker::session`].
    SignedIn,
    /// Signing in failed: what happened and what to do (a [`SignInError`]'s
    /// message), shown as an NHS error summary.
    Failed(String),
    /// This window was the pop-up of a re-authentication, now finished.
    PopupDone,
    /// On a shared computer, the sign-in service answered with a sign-in
    /// from before the user's click, naming this person: Bedside asks
    /// whether that is who is at the computer ([`SessionBroker::confirm_person`])
    /// before using it.
    Confirm(String),
}

/// Why the screen is locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockReason {
    /// Nobody used the app for the configured time (or "lock now").
    Idle,
    /// The session could not be renewed (the sign-in service ended it).
    Expired,
}

impl LockReason {
    /// As stored: `idle` or `expired`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Expired => "expired",
        }
    }
}

/// A lock as a tab keeps it in `sessionStorage`: why, and since when (ms
/// since the epoch). Stored, the lock outlives the page: a reload, or a tab
/// the browser restores (with its `sessionStorage`), opens locked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct HeldLock {
    pub reason: LockReason,
    pub since_ms: f64,
}

impl HeldLock {
    /// A stored lock: its reason's text and its start. Anything else is no
    /// lock record.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub fn from_stored(reason: &str, since_ms: f64) -> Option<Self> {
        let reason = [LockReason::Idle, LockReason::Expired]
            .into_iter()
            .find(|r| r.as_str() == reason)?;
        (since_ms.is_finite() && since_ms >= 0.0).then_some(Self { reason, since_ms })
    }

    /// The lock a tab opening at `now_ms` must show: the one it held, or,
    /// if its session was last used longer ago than the idle limit, an idle
    /// lock from the moment the limit passed.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub fn on_opening(
        held: Option<Self>,
        last_activity_ms: Option<f64>,
        idle_ms: Option<f64>,
        now_ms: f64,
    ) -> Option<Self> {
        held.or_else(|| {
            let limit = last_activity_ms? + idle_ms?;
            (now_ms >= limit).then_some(Self {
                reason: LockReason::Idle,
                since_ms: limit,
            })
        })
    }
}

/// What an app tells the broker about itself
/// ([`SessionBroker::provide_with_options`]).
#[derive(Clone, Copy)]
pub struct BrokerOptions {
    /// The page an EHR launch with a patient opens, `{patient}` standing
    /// for the patient's id: the patient's summary, say
    /// (`"/summary?patient={patient}"`), since the clinician launched the
    /// app from that patient's record ([`LaunchContext::page`](crate::smart::LaunchContext::page)). Without
    /// one, or for a launch without a patient, the start page. A
    /// standalone sign-in always returns to the page the user was on.
    pub ehr_launch_page: Option<&'static str>,
    /// Where each sign-in service sends the browser back:
    /// `<callback_path>/<organisation id>`, registered at that service
    /// (`/auth/callback` unless given). The app must render its start page
    /// there: the broker finishes the sign-in and moves on.
    pub callback_path: &'static str,
    /// Where an EHR launches the app with `iss` and `launch` (`/launch`
    /// unless given), registered with the EHR.
    pub launch_path: &'static str,
    /// Starts fetching the code the app shows once signed in (its launcher's
    /// split point `preload`, through [`crate::on_demand::prefetch`]): the
    /// sign-in page calls it, with the sign-in code, once painted, so the
    /// page the sign-in service returns to finds that code in the browser's
    /// cache. Only the sign-in page calls it: not a sign-in pop-up, which
    /// closes, nor a callback page, which loads it anyway.
    pub prefetch_on_sign_in_page: Option<fn()>,
}

impl Default for BrokerOptions {
    fn default() -> Self {
        Self {
            ehr_launch_page: None,
            callback_path: "/auth/callback",
            launch_path: "/launch",
            prefetch_on_sign_in_page: None,
        }
    }
}

/// The sign-on broker in context. Cheap to copy.
///
/// An app provides it once, inside its router, and puts the pages that
/// need a signed-in user inside a [`SessionGate`], which shows the sign-in
/// page (one button for each organisation in `config.json`) until then:
///
/// ```
/// use bedside::nav::Router;
/// use bedside::session::{AccountArea, LockScreen, SessionBroker, SessionGate};
/// use leptos::prelude::*;
///
/// #[component]
/// fn App() -> impl IntoView {
///     view! { <Router><Shell /></Router> }
/// }
///
/// #[component]
/// fn Shell() -> impl IntoView {
///     // Reads the deployment's /config.json and, in the browser, signs in,
///     // refreshes, locks when idle and shares the session between tabs.
///     let broker = SessionBroker::provide("/config.json");
///     let locked = move || broker.lock_reason().is_some();
///     view! {
///         <AccountArea />
///         <LockScreen />
///         <div hidden=locked inert=locked>
///             <SessionGate>
///                 <p>{move || broker.user_name()}</p>
///             </SessionGate>
///         </div>
///     }
/// }
/// # let _ = App;
/// ```
#[derive(Clone, Copy)]
pub struct SessionBroker {
    status: RwSignal<Status>,
    session: RwSignal<Option<Arc<Session>>>,
    lock: RwSignal<Option<LockReason>>,
    warning: RwSignal<Option<f64>>,
    generation: RwSignal<u64>,
    config: RwSignal<Option<SignOnConfig>>,
    problem: RwSignal<Option<String>>,
    /// A session another tab signed in to, for another patient or
    /// organisation: offered to this tab, never taken unasked.
    elsewhere: RwSignal<Option<Arc<Session>>>,
    #[cfg(target_arch = "wasm32")]
    runtime: StoredValue<Option<std::rc::Rc<browser::Runtime>>, LocalStorage>,
}

impl SessionBroker {
    fn new(status: Status) -> Self {
        Self {
            status: RwSignal::new(status),
            session: RwSignal::new(None),
            lock: RwSignal::new(None),
            warning: RwSignal::new(None),
            generation: RwSignal::new(0),
            config: RwSignal::new(None),
            problem: RwSignal::new(None),
            elsewhere: RwSignal::new(None),
            #[cfg(target_arch = "wasm32")]
            runtime: StoredValue::new_local(None),
        }
    }

    /// Creates the broker, puts it in context and (in the browser) starts it
    /// with the sign-on settings at `config_url` (the deployment's
    /// `config.json`). Call once, inside the app's router.
    pub fn provide(config_url: &str) -> Self {
        Self::provide_with_options(config_url, BrokerOptions::default())
    }

    /// [`Self::provide`], with how the broker fits this app.
    pub fn provide_with_options(config_url: &str, options: BrokerOptions) -> Self {
        let broker = Self::new(Status::Starting);
        provide_context(broker);
        #[cfg(target_arch = "wasm32")]
        browser::start(broker, config_url.to_string(), options);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (config_url, options);
        broker
    }

    /// A broker in a fixed state, for rendering views without a browser
    /// (tests, gallery previews).
    pub fn provide_fixed(status: Status, session: Option<Session>, config: Option<SignOnConfig>) {
        let broker = Self::new(status);
        broker.session.set(session.map(Arc::new));
        broker.config.set(config);
        provide_context(broker);
    }

    /// The broker provided above, if any.
    pub fn use_context() -> Option<Self> {
        use_context::<Self>()
    }

    /// The broker provided above.
    ///
    /// # Panics
    /// When none was provided: a programming error in the app's setup.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// Where the broker is. Reactive, as [`Self::lock_reason`].
    pub fn status(&self) -> Status {
        self.status.get()
    }

    /// `config.json` as served, for settings a module reads for itself
    /// (the app catalogue, [`crate::apps`]); `None` before it is read, and
    /// outside a browser.
    pub fn config_text(&self) -> Option<Vec<u8>> {
        #[cfg(target_arch = "wasm32")]
        {
            browser::config_text(*self)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            None
        }
    }

    /// The session, when signed in. Reactive, as [`Self::lock_reason`].
    pub fn session(&self) -> Option<Arc<Session>> {
        self.session.get()
    }

    /// Why the screen is locked, if it is. Reactive: a read inside an
    /// effect or view tracks it (like [`crate::nav::Navigator::path`]; a
    /// plain read costs the first load less than a `Signal` per accessor).
    pub fn lock_reason(&self) -> Option<LockReason> {
        self.lock.get()
    }

    /// When the screen will lock, while the warning is up (ms since the
    /// epoch). Reactive, as [`Self::lock_reason`].
    pub fn warning(&self) -> Option<f64> {
        self.warning.get()
    }

    /// Changes whenever the person (or the absence of one) changes: sign-in,
    /// sign-out, someone else unlocking. Key clinical pages on it so that one
    /// user's data and drafts are never shown to the next.
    pub fn generation(&self) -> u64 {
        self.generation.get()
    }

    /// The signed-in user's name for display: from their FHIR record
    /// (`fhirUser`) when it could be read at sign-in, else from the id_token.
    /// Reactive, as [`Self::lock_reason`].
    pub fn user_name(&self) -> Option<String> {
        self.session
            .with(|s| s.as_ref().map(|s| s.user.shown_name().to_string()))
    }

    /// The role the signed-in user chose at sign-in, in words (NHS Care
    /// Identity Service 2), if the sign-in service said. Reactive, as
    /// [`Self::lock_reason`].
    pub fn user_role(&self) -> Option<String> {
        self.session
            .with(|s| s.as_ref().and_then(|s| s.user.role.clone()))
    }

    /// The sign-on settings, once read. Reactive, as [`Self::lock_reason`].
    pub fn config(&self) -> Option<SignOnConfig> {
        self.config.get()
    }

    /// A problem with an action on this page (a blocked pop-up, say), shown
    /// beside it rather than replacing the page.
    pub fn problem(&self) -> Option<String> {
        self.problem.get()
    }

    /// The session another tab signed in to for another patient or
    /// organisation, while this tab keeps its own (see [`ContextNotice`]).
    /// Reactive, as [`Self::lock_reason`].
    pub fn elsewhere(&self) -> Option<Arc<Session>> {
        self.elsewhere.get()
    }

    /// Moves this tab to the session of [`Self::elsewhere`]: its patient and
    /// organisation, with fresh pages.
    pub fn switch_context(&self) {
        #[cfg(target_arch = "wasm32")]
        browser::switch_context(*self);
    }

    /// Keeps this tab as it is and puts [`Self::elsewhere`] away.
    pub fn keep_context(&self) {
        self.elsewhere.set(None);
    }

    /// Starts fetching the sign-in code, ahead of [`Self::sign_in`] (the
    /// pointer is on a sign-in button).
    pub fn prepare_sign_in(&self) {
        #[cfg(target_arch = "wasm32")]
        browser::prepare_sign_in();
    }

    /// What the sign-in page fetches while it is read: the sign-in code and
    /// the app's [`BrokerOptions::prefetch_on_sign_in_page`].
    fn prepare_from_sign_in_page(&self) {
        #[cfg(target_arch = "wasm32")]
        browser::prepare_from_sign_in_page(*self);
    }

    /// Starts a standalone sign-in to a configured organisation; the browser
    /// leaves for its sign-in service and comes back to where it was.
    pub fn sign_in(&self, organisation: &str) {
        #[cfg(target_arch = "wasm32")]
        browser::sign_in(*self, organisation.to_string());
        #[cfg(not(target_arch = "wasm32"))]
        let _ = organisation;
    }

    /// Prototype mode: signs in as a scenario's persona, no sign-in service
    /// involved; the session then behaves as a real one (tabs, idle lock,
    /// sign-out).
    #[cfg(feature = "prototype")]
    pub fn sign_in_as(&self, chosen: Chosen) {
        #[cfg(target_arch = "wasm32")]
        browser::sign_in_as(*self, chosen);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = chosen;
    }

    /// Answers "Continue as …?" ([`Status::Confirm`]): `true` uses the
    /// sign-in; `false` (not them) ends it at the sign-in service, so the
    /// person at the computer can sign in as themselves.
    pub fn confirm_person(&self, same_person: bool) {
        #[cfg(target_arch = "wasm32")]
        browser::confirm_person(*self, same_person);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = same_person;
    }

    /// Re-authentication to unlock the screen, in a pop-up window so this
    /// page keeps what was typed on it.
    pub fn unlock(&self) {
        #[cfg(target_arch = "wasm32")]
        browser::unlock(*self);
    }

    /// Locks the screen now (in every tab).
    pub fn lock_now(&self) {
        #[cfg(target_arch = "wasm32")]
        browser::lock(*self, LockReason::Idle, true);
    }

    /// "Stay signed in": the user is here; the idle countdown starts again.
    pub fn stay_signed_in(&self) {
        #[cfg(target_arch = "wasm32")]
        browser::activity(*self, true);
    }

    /// Signs out of every tab and of the sign-in service.
    pub fn sign_out(&self) {
        #[cfg(target_arch = "wasm32")]
        browser::sign_out(*self);
    }

    /// Bearer tokens for a [`crate::fhir::FhirClient`] of this session's
    /// FHIR server. Bound to the session as it is now (its person, context
    /// and FHIR base): once the tab has switched to another organisation or
    /// patient, or someone else has signed in, a request still in flight
    /// from the old pages gets no token at all, never the new session's.
    pub fn token_source(&self) -> std::rc::Rc<dyn crate::fhir::TokenSource> {
        std::rc::Rc::new(Tokens {
            broker: *self,
            // The generation changes with the person and the context (see
            // `adopt`), and so with the FHIR base.
            generation: self.generation.get_untracked(),
        })
    }

    /// Ends the session in this tab only: memory, storage and pages.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    fn forget(&self, status: Status) {
        self.session.set(None);
        self.lock.set(None);
        self.warning.set(None);
        self.elsewhere.set(None);
        self.generation.update(|g| *g += 1);
        self.status.set(status);
    }

    /// Starts (or replaces) the session in this tab; a different person, or
    /// another patient or organisation, means a new generation.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    fn adopt(&self, session: Session, locked: Option<LockReason>) {
        // A person is (issuer, sub): the same `sub` at another organisation's
        // sign-in service is somebody else.
        let same_person_and_context = self.session.with_untracked(|s| {
            s.as_ref().is_some_and(|s| {
                s.user.sub == session.user.sub
                    && s.server.issuer == session.server.issuer
                    && s.context_key() == session.context_key()
            })
        });
        if !same_person_and_context {
            self.warning.set(None);
            self.generation.update(|g| *g += 1);
        }
        // A refresh must not hide the idle warning: only use of the app does.
        let unlocking = locked.is_none() && self.lock.get_untracked().is_some();
        self.session.set(Some(Arc::new(session)));
        self.lock.set(locked);
        if unlocking {
            self.warning.set(None);
        }
        self.problem.set(None);
        self.status.set(Status::SignedIn);
    }
}

/// Prototype mode: a persona chosen in a scenario, for
/// [`SessionBroker::sign_in_as`] (`crate::prototype`'s chooser).
#[cfg(feature = "prototype")]
#[derive(Debug, Clone)]
pub struct Chosen {
    /// The scenario's name (its file's, without `.json`).
    pub scenario: String,
    /// Who signs in.
    pub persona: bedside_core::prototype::Persona,
    /// The page to show once signed in.
    pub target: String,
}

/// The broker as a FHIR client's [`crate::fhir::TokenSource`], bound to
/// one session: one generation (see [`SessionBroker::token_source`]).
struct Tokens {
    broker: SessionBroker,
    generation: u64,
}

impl crate::fhir::TokenSource for Tokens {
    fn token(&self) -> futures::future::LocalBoxFuture<'static, Option<String>> {
        #[cfg(target_arch = "wasm32")]
        {
            browser::token(self.broker, self.generation)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let token = self.broker.session.with_untracked(|s| {
                s.as_ref()
                    .filter(|_| self.broker.generation.get_untracked() == self.generation)
                    .map(|s| s.access_token.clone())
            });
            Box::pin(async move { token })
        }
    }

    fn refresh(&self) -> futures::future::LocalBoxFuture<'static, Option<String>> {
        #[cfg(target_arch = "wasm32")]
        {
            browser::refresh(self.broker, self.generation)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Box::pin(async { None })
        }
    }
}

/// A staff member's display name: their `usual` name if they have one
/// (how colleagues address them), as written (`text`) or as "Title Given
/// Family".
pub fn display_name(names: &[NameView]) -> Option<String> {
    let name = pick_name(names, true)?;
    if let Some(text) = name.text.as_deref().filter(|t| !t.trim().is_empty()) {
        return Some(text.trim().to_string());
    }
    let parts: Vec<&str> = name
        .title()
        .into_iter()
        .chain(name.given_names())
        .chain(name.family.as_deref())
        .filter(|p| !p.trim().is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    fn name(json: &str) -> NameView {
        serde_json::from_str(json).expect("a name")
    }

    #[test]
    fn display_names_prefer_usual_then_official_then_text() {
        let official = name(
            r#"{"use":"official","family":"Nightingale","given":["Florence"],"prefix":["Miss"]}"#,
        );
        let usual = name(r#"{"use":"usual","text":"Flo Nightingale"}"#);
        assert_eq!(
            display_name(std::slice::from_ref(&official)).as_deref(),
            Some("Miss Florence Nightingale")
        );
        assert_eq!(
            display_name(&[official.clone(), usual]).as_deref(),
            Some("Flo Nightingale")
        );
        let nameless = name(r#"{"given":[null]}"#);
        assert_eq!(display_name(&[nameless]), None);
        assert_eq!(display_name(&[]), None);
        let old = name(r#"{"use":"old","family":"Old"}"#);
        assert_eq!(
            display_name(&[old, official]).as_deref(),
            Some("Miss Florence Nightingale")
        );
    }

    #[test]
    fn a_token_source_gives_tokens_only_for_the_session_it_was_made_for() {
        use futures::executor::block_on;
        let session = |org: &str, patient: &str, sub: &str, token: &str| {
            crate::smart::session::test_session(
                org,
                Some("https://login.a"),
                sub,
                token,
                Some(patient),
            )
        };
        let owner = Owner::new();
        owner.set();
        SessionBroker::provide_fixed(
            Status::SignedIn,
            Some(session("a", "p1", "nurse", "t1")),
            None,
        );
        let broker = SessionBroker::expect();
        let tokens = broker.token_source();
        assert_eq!(block_on(tokens.token()).as_deref(), Some("t1"));
        // Renewed, same session: the new token.
        broker
            .session
            .set(Some(Arc::new(session("a", "p1", "nurse", "t2"))));
        assert_eq!(block_on(tokens.token()).as_deref(), Some("t2"));
        // Another organisation, patient or person: nothing for the old pages.
        for other in [
            session("b", "p1", "nurse", "t3"),
            session("a", "p2", "nurse", "t3"),
            session("a", "p1", "doctor", "t3"),
        ] {
            broker.adopt(other, None);
            assert_eq!(block_on(tokens.token()), None);
            // A source made for the new session has its tokens.
            assert_eq!(
                block_on(broker.token_source().token()).as_deref(),
                Some("t3")
            );
        }
        broker.forget(Status::SignedOut { notice: None });
        assert_eq!(block_on(tokens.token()), None);
        assert_eq!(block_on(broker.token_source().token()), None);
    }

    #[test]
    fn held_locks_survive_storage_and_nothing_else_passes() {
        for lock in [
            HeldLock {
                reason: LockReason::Idle,
                since_ms: 1_795_000_000_123.0,
            },
            HeldLock {
                reason: LockReason::Expired,
                since_ms: 0.0,
            },
        ] {
            assert_eq!(
                HeldLock::from_stored(lock.reason.as_str(), lock.since_ms),
                Some(lock)
            );
        }
        for (reason, since) in [
            ("", 1.0),
            ("asleep", 1.0),
            ("Idle", 1.0),
            ("idle", -1.0),
            ("idle", f64::NAN),
            ("idle", f64::INFINITY),
        ] {
            assert_eq!(
                HeldLock::from_stored(reason, since),
                None,
                "{reason} {since}"
            );
        }
    }

    #[test]
    fn a_tab_opens_locked_if_it_was_or_if_its_idle_limit_has_passed() {
        let held = HeldLock {
            reason: LockReason::Expired,
            since_ms: 5.0,
        };
        let idle = Some(600_000.0);
        // A held lock wins, however recent the activity.
        assert_eq!(
            HeldLock::on_opening(Some(held), Some(1_000.0), idle, 1_001.0),
            Some(held)
        );
        // Used 10 minutes ago to the millisecond: locked from then; a
        // millisecond less: not locked.
        assert_eq!(
            HeldLock::on_opening(None, Some(1_000.0), idle, 601_000.0),
            Some(HeldLock {
                reason: LockReason::Idle,
                since_ms: 601_000.0
            })
        );
        assert_eq!(
            HeldLock::on_opening(None, Some(1_000.0), idle, 600_999.0),
            None
        );
        // No idle lock configured, or no activity recorded: nothing to go on.
        assert_eq!(HeldLock::on_opening(None, Some(1_000.0), None, 1e12), None);
        assert_eq!(HeldLock::on_opening(None, None, idle, 1e12), None);
    }
}
