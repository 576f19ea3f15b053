//! The broker's browser half: storage, the tab channel, the leader lock,
//! timers, redirects and HTTP.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use futures::FutureExt;
use futures::channel::oneshot;
use futures::future::{LocalBoxFuture, Shared};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::{LockReason, SessionBroker, Status};
use crate::fhir::{FetchTransport, HttpRequest, Method, Transport};
use crate::nav::{Navigator, Path, current_href};
use crate::smart::session::{IdlePlan, Message};
use crate::smart::{Session, SignOnConfig, browser_json};

const CHANNEL: &str = "bedside-session";
pub(super) const LEADER_LOCK: &str = "bedside-session-leader";
const STORED_SESSION: &str = "bedside.session";
/// This tab's lock ([`super::HeldLock`]): why, and since when, kept so the
/// lock outlives the page.
const STORED_LOCK: &str = "bedside.lock";
const STORED_LOCK_SINCE: &str = "bedside.lock-since";
/// When the session was last used (ms since the epoch), so a tab that comes
/// back after the idle limit opens locked.
const STORED_ACTIVITY: &str = "bedside.activity";
pub(super) const PENDING: &str = "bedside.pending";
/// How long a new tab waits for another tab's session.
const HELLO_WAIT_MS: u32 = 300;
/// How long a callback waits for the tab that started it.
pub(super) const CALLBACK_WAIT_MS: u32 = 1_500;
/// How long a follower waits for the leader's refresh.
const REFRESH_WAIT_MS: u32 = 15_000;
/// Activity is told to other tabs at most this often.
const ACTIVITY_EVERY_MS: f64 = 15_000.0;
const HTTP_TIMEOUT_MS: u32 = 20_000;
/// Shown on the sign-in page after signing out.
pub(super) const SIGNED_OUT: &str = "You have signed out.";
/// Shown instead when the sign-in service could not be told: on a shared
/// computer the next person could otherwise be signed in as this one.
pub(super) const SIGNED_OUT_HERE_ONLY: &str = "You have signed out on this computer, but the sign-in service could not be reached to end your sign-in there. Close every browser window before you leave this computer.";
/// Shown after "Not you?": the sign-in service held someone else's sign-in.
pub(super) const NOT_YOU: &str = "You were not signed in: the sign-in service was still signed in as someone else, and it has now signed them out. Sign in with your own account.";
/// What the sign-in page says when the browser is back from the sign-in
/// service's sign-out (`sessionStorage`, which outlives the trip).
const STORED_NOTICE: &str = "bedside.signed-out";
/// Shown after another tab signed out.
pub(super) const SIGNED_OUT_ELSEWHERE: &str = "You have been signed out in another window.";
/// Shown after a screen stayed locked longer than the deployment allows.
pub(super) const LOCKED_TOO_LONG: &str =
    "You were signed out because the screen stayed locked for too long. Sign in again to carry on.";
/// How soon a refresh that met network trouble is tried again.
pub(super) const RETRY_REFRESH_MS: u64 = 15_000;

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks` (Web Locks); web-sys has it only as unstable API.
    pub(super) type LockManager;
    #[wasm_bindgen(method, js_name = request)]
    pub(super) fn request(
        this: &LockManager,
        name: &str,
        callback: &js_sys::Function,
    ) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn query(this: &LockManager) -> js_sys::Promise;
}

/// `navigator.locks`, where the browser has Web Locks.
pub(super) fn lock_manager() -> Option<LockManager> {
    let navigator = js_sys::Reflect::get(&window(), &"navigator".into()).ok()?;
    js_sys::Reflect::get(&navigator, &"locks".into())
        .ok()
        .filter(|l| !l.is_undefined() && !l.is_null())
        .map(JsCast::unchecked_into)
}

/// Whether another tab of the app may be open: one holds, or waits for, the
/// leader's lock. Asked before this tab asks for the lock itself. Without
/// Web Locks the answer is "maybe".
fn other_tabs_open() -> LocalBoxFuture<'static, bool> {
    let Some(query) = lock_manager().map(|locks| locks.query()) else {
        return async { true }.boxed_local();
    };
    async move {
        let Ok(snapshot) = wasm_bindgen_futures::JsFuture::from(query).await else {
            return true;
        };
        ["held", "pending"].iter().any(|list| {
            js_sys::Reflect::get(&snapshot, &(*list).into())
                .ok()
                .map(|l| js_sys::Array::from(&l))
                .is_some_and(|locks| {
                    locks.iter().any(|lock| {
                        js_sys::Reflect::get(&lock, &"name".into())
                            .ok()
                            .and_then(|n| n.as_string())
                            .is_some_and(|n| n.starts_with(LEADER_LOCK))
                    })
                })
        })
    }
    .boxed_local()
}

/// `config.json` as this tab read it ([`SessionBroker::config_text`]).
pub(super) fn config_text(broker: SessionBroker) -> Option<Vec<u8>> {
    runtime(broker).map(|rt| rt.config_text.clone())
}

type RefreshFuture = Shared<LocalBoxFuture<'static, Option<String>>>;
pub(super) type JsCallback = Closure<dyn FnMut(JsValue) -> JsValue>;

/// The state only the browser has.
pub(crate) struct Runtime {
    /// The settings the first page needs ([`browser_json::read_config`]).
    config: SignOnConfig,
    /// `config.json` as served, for the sign-in code, which reads all of it
    /// (`sign_in::settings`): a shared device, CIS2's settings.
    config_text: Vec<u8>,
    settings: RefCell<Option<SignOnConfig>>,
    pub(super) options: super::BrokerOptions,
    channel: Option<web_sys::BroadcastChannel>,
    navigator: Option<Navigator>,
    /// Whether this tab refreshes its context's tokens for every tab in it.
    pub(super) leader: Cell<bool>,
    /// The context ([`Session::context_key`]) of this tab's session, which
    /// it leads or queues to lead; empty for none.
    pub(super) leading: RefCell<String>,
    /// Ends this tab's leadership (resolves the held Web Lock's promise).
    pub(super) release: RefCell<Option<js_sys::Function>>,
    /// The context this tab kept across a reload, while it asks the other
    /// tabs for it: another context's session must not be taken meanwhile.
    wanted: RefCell<String>,
    refreshing: RefCell<Option<RefreshFuture>>,
    refresh_waiters: RefCell<Vec<oneshot::Sender<Option<String>>>>,
    /// Callbacks this tab offered to the others, by `state` (one at a time
    /// in practice: a list, not a hash map, whose hashing the first page
    /// would otherwise carry).
    callback_waiters: RefCell<Vec<(String, oneshot::Sender<()>)>>,
    hello_waiter: RefCell<Option<oneshot::Sender<()>>>,
    refresh_timer: RefCell<Option<TimeoutHandle>>,
    idle_timer: RefCell<Option<TimeoutHandle>>,
    /// Ends a session left locked for too long.
    lock_timer: RefCell<Option<TimeoutHandle>>,
    /// When this tab's lock began (ms since the epoch; 0 when unlocked).
    lock_since: Cell<f64>,
    last_activity: Cell<f64>,
    activity_told: Cell<f64>,
    /// A sign-in held until the person at the computer says it is theirs
    /// ([`Status::Confirm`]), and the page it returns to.
    unconfirmed: RefCell<Option<(Session, String)>>,
    /// The sign-in service's keys as last fetched, by their address.
    keys: RefCell<Option<(String, crate::smart::id_token::Jwks)>>,
    /// Each organisation's endpoints as this tab discovered them.
    servers: RefCell<Vec<(String, crate::smart::SmartConfiguration)>>,
    /// Kept alive with the runtime (the channel's and the lock's callbacks).
    pub(super) closures: RefCell<Vec<JsCallback>>,
}

pub(super) fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn runtime(broker: SessionBroker) -> Option<Rc<Runtime>> {
    broker.runtime.try_get_value().flatten()
}

pub(super) fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// The session kept for a reload (see [`Session::for_storage`]).
fn store_session(session: &Session) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORED_SESSION, &browser_json::session_to_json(session));
    }
}

/// The session this tab kept for a reload, if it is one.
fn load_session() -> Option<Session> {
    browser_json::session_from_json(stored_text(STORED_SESSION)?.as_bytes())
}

pub(super) fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

pub(super) fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

fn sleep(ms: u32) -> LocalBoxFuture<'static, ()> {
    FetchTransport.sleep(ms)
}

/// Resolves with `receiver`'s value, or `None` after `ms`.
pub(super) async fn within<T>(ms: u32, receiver: oneshot::Receiver<T>) -> Option<T> {
    match futures::future::select(receiver, sleep(ms)).await {
        futures::future::Either::Left((value, _)) => value.ok(),
        futures::future::Either::Right(_) => None,
    }
}

/// One request to a sign-in or settings server; the error is the network's
/// words (for [`SignInError::Network`]).
async fn http(request: HttpRequest) -> Result<crate::fhir::HttpResponse, String> {
    crate::fhir::fetch::send(request, HTTP_TIMEOUT_MS)
        .await
        .map_err(|failure| failure.detail())
}

/// `GET` a JSON document, with the access token for one that needs it (the
/// userinfo endpoint). One function for every such read: each `await` of
/// the transport is a copy of its code in the wasm.
pub(super) async fn get_json(
    url_: &str,
    bearer: Option<&str>,
) -> Result<crate::fhir::HttpResponse, String> {
    let mut headers = vec![("Accept", "application/json".to_string())];
    if let Some(token) = bearer {
        headers.push(("Authorization", format!("Bearer {token}")));
    }
    http(HttpRequest {
        method: Method::Get,
        url: url_.to_string(),
        headers,
        body: None,
    })
    .await
}

pub(super) async fn post_form(
    url_: &str,
    pairs: &[(&str, &str)],
) -> Result<crate::fhir::HttpResponse, String> {
    http(HttpRequest {
        method: Method::Post,
        url: url_.to_string(),
        headers: vec![
            ("Accept", "application/json".into()),
            ("Content-Type", "application/x-www-form-urlencoded".into()),
        ],
        body: Some(crate::url::form(pairs).into_bytes()),
    })
    .await
}

// ---------------------------------------------------------------- start-up

pub(super) fn start(broker: SessionBroker, config_url: String, options: super::BrokerOptions) {
    let navigator = use_context::<Navigator>();
    let href = current_href();
    let path = Path::from_href(&href);
    // The callback has the organisation after it; the launch address is
    // exactly itself.
    let callback = path.is_under(options.callback_path);
    let launch = path.segments() == Path::from_href(options.launch_path).segments();
    let signing_in = callback || launch;
    // A reload with a kept session refreshes it at once: the refresh is
    // sign-in code too.
    let restoring = stored_text(STORED_SESSION).is_some();
    if signing_in || restoring {
        // Fetched alongside the settings, not after them.
        prepare_sign_in();
    }
    // Asked now, alongside the settings, and before this tab joins the queue
    // for the leader's lock.
    let others = other_tabs_open().shared();
    // Back from the sign-in service's sign-out: what to say.
    let notice = stored_text(STORED_NOTICE);
    remove(STORED_NOTICE);
    spawn_local(async move {
        let mut text = Vec::new();
        let config = match get_json(&config_url, None).await {
            Ok(r) if r.status == 200 => {
                let read = browser_json::read_config(&r.body).map_err(|e| e.to_string());
                text = r.body;
                read
            }
            Ok(r) => Err(super::network_message(&format!(
                "settings: HTTP {}",
                r.status
            ))),
            Err(detail) => Err(super::network_message(&detail)),
        };
        let config = match config {
            Ok(c) => c,
            Err(e) => {
                broker.status.set(Status::Failed(e));
                return;
            }
        };
        broker.config.set(Some(config.clone()));
        let rt = Rc::new(Runtime {
            config,
            config_text: text,
            settings: RefCell::new(None),
            options,
            channel: web_sys::BroadcastChannel::new(CHANNEL).ok(),
            navigator,
            leader: Cell::new(false),
            leading: RefCell::new(String::new()),
            release: RefCell::new(None),
            wanted: RefCell::new(String::new()),
            refreshing: RefCell::new(None),
            refresh_waiters: RefCell::new(Vec::new()),
            callback_waiters: RefCell::new(Vec::new()),
            hello_waiter: RefCell::new(None),
            refresh_timer: RefCell::new(None),
            idle_timer: RefCell::new(None),
            lock_timer: RefCell::new(None),
            lock_since: Cell::new(0.0),
            last_activity: Cell::new(now_ms()),
            activity_told: Cell::new(0.0),
            unconfirmed: RefCell::new(None),
            keys: RefCell::new(None),
            servers: RefCell::new(Vec::new()),
            closures: RefCell::new(Vec::new()),
        });
        broker.runtime.set_value(Some(rt.clone()));
        listen(broker, &rt);
        watch_activity(broker);

        if callback {
            // The code must not stay in the address bar or history.
            clean_address(&rt, rt.options.callback_path);
            broker.status.set(Status::Working("Signing you in".into()));
            run_sign_in(broker, rt, Job::Callback { href });
        } else if launch {
            run_sign_in(broker, rt, Job::Launch { path });
        } else {
            resume(broker, &rt, others.await, notice).await;
        }
    });
}

/// A tab opening (or reloading): another tab's session, else the one this
/// tab kept across a reload, else signed out (saying `notice`, if any).
/// `others`: another tab may be open; when none is, nobody can answer, so
/// the sign-in page is not held back waiting for an answer.
///
/// A tab that opens locked never renews its kept refresh token on its own:
/// while it was closed another tab of its context may have used (and so
/// rotated) that token, and a replayed one ends the grant at servers that
/// detect reuse. It takes a peer's session, still locked, or waits locked
/// with its own until unlocked; only then, and only as its context's
/// leader, does it refresh.
async fn resume(broker: SessionBroker, rt: &Rc<Runtime>, others: bool, notice: Option<String>) {
    // Locked before the reload (or before the browser closed and restored
    // the tab), or unused for longer than the idle limit: locked now, before
    // anything else can show a page.
    let held = stored_text(STORED_LOCK).and_then(|reason| {
        super::HeldLock::from_stored(&reason, stored_number(STORED_LOCK_SINCE)?)
    });
    let last_used = stored_number(STORED_ACTIVITY);
    if let Some(lock) =
        super::HeldLock::on_opening(held, last_used, rt.config.idle_lock_ms(), now_ms())
    {
        rt.lock_since.set(lock.since_ms);
        broker.lock.set(Some(lock.reason));
    }
    // The idle time counts from the session's last use, not from this
    // opening: a tab reopened after nine idle minutes warns at once.
    if let Some(used) = last_used {
        rt.last_activity.set(used.min(now_ms()));
    }
    let stored = load_session().filter(|s| s.refresh_token.is_some());
    // The tab's own context, if it kept one: another tab's session for
    // another patient or organisation is not this tab's.
    let want = stored
        .as_ref()
        .map(Session::context_key)
        .unwrap_or_default();
    rt.wanted.replace(want.clone());
    let locked = broker.lock.get_untracked().is_some();
    if let Some(stored) = stored.clone().filter(|_| locked) {
        // The lock screen, over no page, with the kept session: a peer's
        // "unlocked" is checked against it ([`Job::Unlocked`]).
        if locked_too_long(rt) {
            sign_out_with(broker, LOCKED_TOO_LONG);
            return;
        }
        take_session(broker, rt, stored, broker.lock.get_untracked());
    }
    if others {
        let (tx, rx) = oneshot::channel();
        *rt.hello_waiter.borrow_mut() = Some(tx);
        post(rt, &Message::Hello { want });
        if within(HELLO_WAIT_MS, rx).await.is_some() {
            return;
        }
        rt.hello_waiter.borrow_mut().take();
    }
    let Some(stored) = stored else {
        forget_here(broker, rt, notice);
        return;
    };
    if locked {
        return;
    }
    // The stored session has no access token: pages stay away (status
    // Working) until the refresh, which nothing may race with a second use
    // of the same refresh token.
    broker
        .status
        .set(Status::Working("Restoring your session".into()));
    broker.session.set(Some(std::sync::Arc::new(stored)));
    follow_context(broker, rt);
    if locked_too_long(rt) {
        sign_out_with(broker, LOCKED_TOO_LONG);
        return;
    }
    if merged_refresh(broker, rt).await.is_none() {
        forget_here(broker, rt, None);
    } else {
        after_sign_in(broker, rt);
    }
}

// ---------------------------------------------------------------- the tab channel

pub(super) fn post(rt: &Runtime, message: &Message) {
    if let Some(channel) = &rt.channel {
        let _ = channel.post_message(&JsValue::from_str(&browser_json::message_to_json(message)));
    }
}

fn listen(broker: SessionBroker, rt: &Rc<Runtime>) {
    let Some(channel) = &rt.channel else { return };
    let weak = Rc::downgrade(rt);
    let on_message = JsCallback::new(move |event: JsValue| {
        let text = js_sys::Reflect::get(&event, &"data".into())
            .ok()
            .and_then(|d| d.as_string());
        if let (Some(rt), Some(message)) = (
            weak.upgrade(),
            text.as_deref().and_then(browser_json::message_from_json),
        ) {
            receive(broker, &rt, message);
        }
        JsValue::UNDEFINED
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    rt.closures.borrow_mut().push(on_message);
}

fn receive(broker: SessionBroker, rt: &Rc<Runtime>, message: Message) {
    match message {
        Message::Hello { want } => {
            if let Some(session) = broker
                .session
                .get_untracked()
                .filter(|s| want.is_empty() || s.context_key() == want)
            {
                post(
                    rt,
                    &Message::Session {
                        session: Box::new((*session).clone()),
                        locked: broker.lock.get_untracked().is_some(),
                        news: false,
                    },
                );
            }
        }
        // A finished re-authentication pop-up stays as it is, about to close.
        Message::Session { .. } if broker.status.get_untracked() == Status::PopupDone => {}
        // A session for an organisation or server this deployment does not
        // have is not from a tab of this app: ignored.
        Message::Session { session, .. } if !rt.config.knows(&session) => {}
        // Unlocked elsewhere while locked here: a message alone cannot
        // unlock (any page of this origin could send it), only a fresh
        // sign-in, proven by the id_token.
        Message::Session {
            session,
            locked: false,
            news,
        } if broker.lock.get_untracked().is_some() => {
            if !in_context(rt, &session) {
                offer(broker, &session, news);
            }
            run_sign_in(broker, rt.clone(), Job::Unlocked { session });
        }
        // Another patient or organisation: this tab keeps its own, and says
        // what changed if it is a new sign-in.
        Message::Session { session, news, .. } if !in_context(rt, &session) => {
            offer(broker, &session, news);
        }
        Message::Session {
            mut session,
            locked,
            ..
        } => {
            ours_endpoints(broker, &mut session);
            let token = session.access_token.clone();
            let reason = broker.lock.get_untracked().unwrap_or(LockReason::Idle);
            take_session(broker, rt, *session, locked.then_some(reason));
            if let Some(tx) = rt.hello_waiter.borrow_mut().take() {
                let _ = tx.send(());
            }
            for tx in rt.refresh_waiters.borrow_mut().drain(..) {
                let _ = tx.send(Some(token.clone()));
            }
            after_sign_in(broker, rt);
        }
        Message::RefreshRequest { context } => {
            if rt.leader.get() && context == our_context(rt) {
                let rt = rt.clone();
                spawn_local(async move {
                    let _ = refresh_now(broker, &rt).await;
                });
            }
        }
        Message::RefreshFailed { context } => {
            if context == our_context(rt) {
                for tx in rt.refresh_waiters.borrow_mut().drain(..) {
                    let _ = tx.send(None);
                }
                lock(broker, LockReason::Expired, false);
            }
        }
        Message::Activity => {
            let now = now_ms();
            rt.last_activity.set(now);
            remember_activity(now);
            broker.warning.set(None);
            schedule_idle(broker, rt);
        }
        // An idle lock elsewhere does not replace an expired one here.
        Message::Locked if broker.lock.get_untracked().is_none() => {
            lock(broker, LockReason::Idle, false);
        }
        Message::Locked => {}
        Message::SignedOut { context } => signed_out_elsewhere(broker, rt, context),
        // A pop-up's callback: the sign-in step takes it if this tab
        // started that sign-in (and only a tab that has started one has
        // anything pending).
        Message::Callback {
            query,
            state,
            redirect,
        } => {
            if storage().is_some_and(|s| s.get_item(PENDING).ok().flatten().is_some()) {
                run_sign_in(
                    broker,
                    rt.clone(),
                    Job::Offered {
                        query,
                        state,
                        redirect,
                    },
                );
            }
        }
        Message::CallbackTaken { state } => {
            let mut waiters = rt.callback_waiters.borrow_mut();
            if let Some(at) = waiters.iter().position(|(s, _)| *s == state) {
                let _ = waiters.swap_remove(at).1.send(());
            }
        }
    }
}

/// The context ([`Session::context_key`]) this tab is in: its session's, or
/// while it asks for the one it kept across a reload, that one; empty when
/// it has neither.
fn our_context(rt: &Runtime) -> String {
    match rt.leading.borrow().as_str() {
        "" => rt.wanted.borrow().clone(),
        ours => ours.to_string(),
    }
}

/// Whether `session` is for this tab's context (any is, for a tab without
/// one).
fn in_context(rt: &Runtime, session: &Session) -> bool {
    let ours = our_context(rt);
    ours.is_empty() || ours == session.context_key()
}

/// Another tab signed in for another patient or organisation (`news`), or
/// renewed the session this tab was offered: this tab keeps its own and
/// offers the other ([`super::ContextNotice`]). Someone else signing in means
/// the person at the computer changed: this tab locks, keeping its page.
fn offer(broker: SessionBroker, session: &Session, news: bool) {
    let key = session.context_key();
    let offered_before = broker
        .elsewhere
        .with_untracked(|e| e.as_ref().is_some_and(|e| e.context_key() == key));
    if !news && !offered_before {
        return;
    }
    broker
        .elsewhere
        .set(Some(std::sync::Arc::new(session.clone())));
    let someone_else = broker.session.with_untracked(|ours| {
        ours.as_ref().is_some_and(|o| {
            o.user.sub != session.user.sub || o.server.issuer != session.server.issuer
        })
    });
    if news && someone_else {
        lock(broker, LockReason::Idle, false);
    }
}

/// "Switch this window to it": the offered session becomes this tab's, with
/// fresh pages for the new patient or organisation.
pub(super) fn switch_context(broker: SessionBroker) {
    let (Some(rt), Some(session)) = (runtime(broker), broker.elsewhere.get_untracked()) else {
        return;
    };
    broker.elsewhere.set(None);
    take_session(broker, &rt, (*session).clone(), broker.lock.get_untracked());
    after_sign_in(broker, &rt);
}

/// Another tab signed out: so does this one. A session of another context
/// has a refresh token of its own, revoked by the sign-in code, which also
/// says what signing out there could not do (see [`Job::Revoke`]).
fn signed_out_elsewhere(broker: SessionBroker, rt: &Rc<Runtime>, context: String) {
    let ours = broker.session.get_untracked();
    forget_here(broker, rt, Some(SIGNED_OUT_ELSEWHERE.into()));
    if let Some(session) = ours.filter(|s| s.context_key() != context) {
        run_sign_in(broker, rt.clone(), Job::Revoke { session, context });
    }
}

/// A session from another tab of the organisation this tab is signed in
/// to keeps this tab's sign-in endpoints, whatever the message says: a
/// refresh token goes only to the token endpoint this tab discovered.
fn ours_endpoints(broker: SessionBroker, session: &mut Session) {
    broker.session.with_untracked(|ours| {
        if let Some(ours) = ours
            .as_ref()
            .filter(|o| o.organisation == session.organisation)
        {
            session.server = ours.server.clone();
        }
    });
}

/// One tab per context refreshes for all the tabs in it, so a rotated
/// refresh token is never used twice. Called wherever the tab's session may
/// have changed context: a tab that moves on stops leading at once, and its
/// token code (which the refreshing needs anyway) takes the lead of the new
/// context when it can ([`Job::Lead`]).
fn follow_context(broker: SessionBroker, rt: &Rc<Runtime>) {
    let key = broker
        .session
        .with_untracked(|s| s.as_ref().map(|s| s.context_key()))
        .unwrap_or_default();
    if *rt.leading.borrow() != key {
        rt.leader.set(false);
        rt.leading.replace(key);
        run_sign_in(broker, rt.clone(), Job::Lead);
    }
}

// ---------------------------------------------------------------- tokens

/// The access token for a FHIR client made in `generation` (see
/// [`SessionBroker::token_source`]): none once the person or context has
/// changed since.
pub(super) fn token(
    broker: SessionBroker,
    generation: u64,
) -> LocalBoxFuture<'static, Option<String>> {
    let ours = broker.generation.get_untracked() == generation;
    let current = broker.session.with_untracked(|s| {
        s.as_ref()
            .filter(|s| ours && s.access_token_valid(now_ms()))
            .map(|s| s.access_token.clone())
    });
    match current {
        Some(token) => async move { Some(token) }.boxed_local(),
        None if ours && broker.session.with_untracked(Option::is_some) => {
            refresh(broker, generation)
        }
        None => async { None }.boxed_local(),
    }
}

/// A renewed access token for a client made in `generation`; none if the
/// person or context changed meanwhile (a renewal can outlast a switch).
pub(super) fn refresh(
    broker: SessionBroker,
    generation: u64,
) -> LocalBoxFuture<'static, Option<String>> {
    let Some(rt) = runtime(broker) else {
        return async { None }.boxed_local();
    };
    async move {
        refresh_now(broker, &rt)
            .await
            .filter(|_| broker.generation.get_untracked() == generation)
    }
    .boxed_local()
}

/// A new access token: by refreshing (the leader, merging concurrent calls
/// into one request) or by asking the leader and waiting for its broadcast.
async fn refresh_now(broker: SessionBroker, rt: &Rc<Runtime>) -> Option<String> {
    if !rt.leader.get() {
        let (tx, rx) = oneshot::channel();
        rt.refresh_waiters.borrow_mut().push(tx);
        post(
            rt,
            &Message::RefreshRequest {
                context: our_context(rt),
            },
        );
        return within(REFRESH_WAIT_MS, rx).await.flatten();
    }
    merged_refresh(broker, rt).await
}

/// This tab's refresh, shared by everyone who asks while it runs.
async fn merged_refresh(broker: SessionBroker, rt: &Rc<Runtime>) -> Option<String> {
    let shared = {
        let mut slot = rt.refreshing.borrow_mut();
        match slot.as_ref() {
            Some(running) => running.clone(),
            None => {
                let future = do_refresh(broker, rt.clone()).boxed_local().shared();
                *slot = Some(future.clone());
                future
            }
        }
    };
    let token = shared.await;
    rt.refreshing.borrow_mut().take();
    token
}

/// The refresh itself (the refresh-token grant, [`sign_in::refresh`]) is
/// token code: it arrives with the sign-in code, not with the first page. It
/// runs minutes after sign-in and needs the network anyway, and the code is
/// fetched ahead (see [`after_sign_in`]); if it still cannot be fetched, that
/// is network trouble like any other: try again soon.
async fn do_refresh(broker: SessionBroker, rt: Rc<Runtime>) -> Option<String> {
    let (done, token) = oneshot::channel();
    match sign_in_code(broker, rt.clone(), Job::Refresh { done }).await {
        Ok(step) => {
            step.await;
            token.await.ok().flatten()
        }
        Err(_) => {
            retry_refresh_in(broker, &rt, RETRY_REFRESH_MS);
            None
        }
    }
}

/// A new or renewed session in this tab: kept for a reload (without the
/// access token), sent to the other tabs, and used.
pub(super) fn publish(
    broker: SessionBroker,
    rt: &Rc<Runtime>,
    session: Session,
    locked: Option<LockReason>,
    news: bool,
) {
    post(
        rt,
        &Message::Session {
            session: Box::new(session.clone()),
            locked: locked.is_some(),
            news,
        },
    );
    take_session(broker, rt, session, locked);
}

/// `session` is this tab's from now on: kept for a reload (without the
/// access token), used, and locked or not as `locked` says.
pub(super) fn take_session(
    broker: SessionBroker,
    rt: &Rc<Runtime>,
    session: Session,
    locked: Option<LockReason>,
) {
    store_session(&session.for_storage());
    broker.adopt(session, locked);
    follow_context(broker, rt);
    hold_lock(broker, rt);
}

pub(super) fn end_of_session(broker: SessionBroker, rt: &Rc<Runtime>) {
    post(
        rt,
        &Message::RefreshFailed {
            context: our_context(rt),
        },
    );
    lock(broker, LockReason::Expired, false);
    for tx in rt.refresh_waiters.borrow_mut().drain(..) {
        let _ = tx.send(None);
    }
}

pub(super) fn retry_refresh_in(broker: SessionBroker, rt: &Rc<Runtime>, ms: u64) {
    set_timer(&rt.refresh_timer, ms, {
        let weak = Rc::downgrade(rt);
        move || {
            if let Some(rt) = weak.upgrade() {
                spawn_local(async move {
                    let _ = refresh_now(broker, &rt).await;
                });
            }
        }
    });
}

fn set_timer(slot: &RefCell<Option<TimeoutHandle>>, ms: u64, action: impl FnOnce() + 'static) {
    if let Some(old) = slot.borrow_mut().take() {
        old.clear();
    }
    if let Ok(handle) = set_timeout_with_handle(action, Duration::from_millis(ms)) {
        *slot.borrow_mut() = Some(handle);
    }
}

fn clear_timer(slot: &RefCell<Option<TimeoutHandle>>) {
    if let Some(old) = slot.borrow_mut().take() {
        old.clear();
    }
}

/// The leader refreshes ahead of expiry (see [`Session::refresh_due_at_ms`]).
///
/// Not while the screen is locked: a locked session is not kept alive
/// (someone must prove they are here first, and the lock's time limit ends
/// it); unlocking schedules the refresh again, at once if it is overdue.
pub(super) fn schedule_refresh(broker: SessionBroker, rt: &Rc<Runtime>) {
    if !rt.leader.get() || broker.lock.get_untracked().is_some() {
        clear_timer(&rt.refresh_timer);
        return;
    }
    let Some(due) = broker
        .session
        .with_untracked(|s| s.as_ref().map(|s| s.refresh_due_at_ms()))
    else {
        return;
    };
    let wait = (due - now_ms()).max(0.0) as u64;
    retry_refresh_in(broker, rt, wait);
}

// ---------------------------------------------------------------- signing in

// In a prototype build persona sign-in stands in for it (whose jobs it
// answers); the sign-in code is still compiled there, and left out by the
// linker.
#[cfg(feature = "prototype")]
mod persona;
#[cfg_attr(feature = "prototype", allow(dead_code))]
mod sign_in;
#[cfg(feature = "prototype")]
use persona::run as steps;
#[cfg(not(feature = "prototype"))]
use sign_in::run as steps;

/// A sign-in step, for the sign-in code ([`sign_in`]).
pub(super) enum Job {
    /// Prototype mode: a persona chosen from a scenario.
    #[cfg(feature = "prototype")]
    Persona(super::Chosen),
    /// Standalone launch: off to the organisation's sign-in page.
    Redirect {
        organisation: String,
        return_to: String,
    },
    /// Re-authentication in this pop-up, to unlock the screen locked for
    /// `reason`.
    Unlock {
        popup: web_sys::Window,
        session: std::sync::Arc<Session>,
        reason: LockReason,
    },
    /// "Continue as …?" answered ([`Status::Confirm`]).
    Confirmed { same_person: bool },
    /// Another tab says its session is unlocked, while this tab is locked:
    /// believed only if the session's id_token proves a sign-in later than
    /// anything this tab's session knew of.
    Unlocked { session: Box<Session> },
    /// `/launch?iss=…&launch=…`, from the EHR.
    Launch { path: Path },
    /// `/auth/callback/<organisation>?…` loaded in this tab (its address,
    /// from the path on).
    Callback { href: String },
    /// A callback that arrived in another window (a re-authentication
    /// pop-up): this tab's, if it holds that `state`.
    Offered {
        query: String,
        state: String,
        redirect: String,
    },
    /// Taking the lead of this tab's context ([`follow_context`]).
    Lead,
    /// Ending a session (already forgotten here) at the sign-in service,
    /// then saying `notice`.
    SignOut {
        session: std::sync::Arc<Session>,
        notice: &'static str,
    },
    /// Revoking the refresh token of a session already forgotten here, of
    /// another context than `context`, the one another tab signed out of;
    /// if that was another organisation, its sign-in service was not told,
    /// and the sign-in page says so.
    Revoke {
        session: std::sync::Arc<Session>,
        context: String,
    },
    /// The refresh-token grant for this tab's session; the new access token
    /// (or `None`) goes to `done`.
    Refresh {
        done: oneshot::Sender<Option<String>>,
    },
}

/// The sign-in code (and the refresh and sign-out that talk to the same
/// service), behind a split point with the `split` feature: it is fetched
/// when someone starts signing in, or once signed in, not with the first page.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(sign_in, preload(preload_sign_in_code), fallible)]
fn sign_in_code(
    broker: SessionBroker,
    rt: Rc<Runtime>,
    job: Job,
) -> Result<LocalBoxFuture<'static, ()>, wasm_split_helpers::SplitLoaderError> {
    Ok(steps(broker, rt, job))
}

/// Without the `split` feature (a build without the splitting step) the
/// sign-in code is an ordinary part of the module.
#[cfg(not(feature = "split"))]
async fn sign_in_code(
    broker: SessionBroker,
    rt: Rc<Runtime>,
    job: Job,
) -> Result<LocalBoxFuture<'static, ()>, wasm_split_helpers::SplitLoaderError> {
    Ok(steps(broker, rt, job))
}

#[cfg(not(feature = "split"))]
async fn preload_sign_in_code() -> Result<(), wasm_split_helpers::SplitLoaderError> {
    Ok(())
}

/// Runs a sign-in step, fetching the sign-in code first if it is not here.
/// A failure to fetch it is shown where the step's own failures would be:
/// beside the page when unlocking, instead of it otherwise.
fn run_sign_in(broker: SessionBroker, rt: Rc<Runtime>, job: Job) {
    // Where a failure to fetch the code shows: beside the page when
    // unlocking, nowhere for another tab's unlock (this tab just stays
    // locked), instead of the page otherwise.
    let (beside_the_page, quietly) = match &job {
        Job::Unlock { .. } | Job::Offered { .. } => (true, false),
        Job::Unlocked { .. } | Job::Lead | Job::Revoke { .. } => (false, true),
        _ => (false, false),
    };
    spawn_local(async move {
        match sign_in_code(broker, rt, job).await {
            Ok(step) => step.await,
            Err(_) if quietly => {}
            Err(_) if beside_the_page => broker.problem.set(Some(super::CODE_UNAVAILABLE.into())),
            Err(_) => broker
                .status
                .set(Status::Failed(super::CODE_UNAVAILABLE.into())),
        }
    });
}

/// Starts fetching the sign-in code ahead of need (the pointer is on a
/// sign-in button, or the page is a callback), so the step does not wait.
pub(super) fn prepare_sign_in() {
    spawn_local(async {
        let _ = preload_sign_in_code().await;
    });
}

/// The sign-in code and the app's code for once signed in
/// ([`super::BrokerOptions::prefetch_on_sign_in_page`]), from the sign-in page.
pub(super) fn prepare_from_sign_in_page(broker: SessionBroker) {
    prepare_sign_in();
    if let Some(prefetch) = runtime(broker).and_then(|rt| rt.options.prefetch_on_sign_in_page) {
        prefetch();
    }
}

pub(super) fn sign_in(broker: SessionBroker, organisation: String) {
    let Some(rt) = runtime(broker) else { return };
    let Some(name) = rt
        .config
        .organisation(&organisation)
        .map(|o| o.name.clone())
    else {
        return;
    };
    let return_to = match current_href() {
        href if [rt.options.callback_path, rt.options.launch_path]
            .iter()
            .any(|route| Path::from_href(&href).is_under(route)) =>
        {
            "/".into()
        }
        href => href,
    };
    broker
        .status
        .set(Status::Working(format!("Going to {name} sign-in")));
    run_sign_in(
        broker,
        rt,
        Job::Redirect {
            organisation,
            return_to,
        },
    );
}

// In a prototype build the popup's code below is never reached: the
// ward's own function is left exactly as it is.
#[cfg_attr(feature = "prototype", allow(unreachable_code, unused_variables))]
pub(super) fn unlock(broker: SessionBroker) {
    let Some(rt) = runtime(broker) else { return };
    let Some(session) = broker.session.get_untracked() else {
        return;
    };
    broker.problem.set(None);
    // A persona has no password to give again.
    #[cfg(feature = "prototype")]
    return persona::unlock(broker, &rt, &session);
    // window.open must run in the click's task, or pop-up blockers refuse
    // it; the sign-in page is loaded into it once discovery is done.
    let popup = window()
        .open_with_url_and_target_and_features("", "bedside-sign-in", "popup,width=640,height=760")
        .ok()
        .flatten();
    let Some(popup) = popup else {
        broker.problem.set(Some(super::POPUP_BLOCKED.into()));
        return;
    };
    let reason = broker.lock.get_untracked().unwrap_or(LockReason::Idle);
    run_sign_in(
        broker,
        rt,
        Job::Unlock {
            popup,
            session,
            reason,
        },
    );
}

/// Prototype mode: signs in as a scenario's persona.
#[cfg(feature = "prototype")]
pub(super) fn sign_in_as(broker: SessionBroker, chosen: super::Chosen) {
    if let Some(rt) = runtime(broker) {
        broker.status.set(Status::Working(format!(
            "Signing in as {}",
            chosen.persona.name
        )));
        run_sign_in(broker, rt, Job::Persona(chosen));
    }
}

pub(super) fn confirm_person(broker: SessionBroker, same_person: bool) {
    if let Some(rt) = runtime(broker) {
        run_sign_in(broker, rt, Job::Confirmed { same_person });
    }
}

/// Keeps `notice` for the sign-in page the sign-in service's sign-out
/// returns to.
pub(super) fn leave_notice(notice: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORED_NOTICE, notice);
    }
}

fn clean_address(rt: &Runtime, href: &str) {
    match rt.navigator {
        Some(nav) => nav.replace(href),
        None => {
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(href));
            }
        }
    }
}

pub(super) fn after_sign_in(broker: SessionBroker, rt: &Rc<Runtime>) {
    if broker.lock.get_untracked().is_none() {
        remember_activity(rt.last_activity.get());
    }
    // The refresh, sign-out, lock and unlock code, fetched while nobody
    // waits for it: the screen lock's (and the later stylesheet it brings)
    // once the page the user signed in to has painted, not in its way.
    prepare_sign_in();
    crate::on_demand::when_idle(super::views::preload_idle_views);
    schedule_refresh(broker, rt);
    schedule_idle(broker, rt);
}

// ---------------------------------------------------------------- idle lock

/// Keyboard, pointer, wheel and touch use count as activity.
fn watch_activity(broker: SessionBroker) {
    for name in [
        "keydown",
        "pointerdown",
        "pointermove",
        "wheel",
        "touchstart",
    ] {
        let handle = window_event_listener_untyped(name, move |_| activity(broker, false));
        // The listeners live as long as the page.
        std::mem::forget(handle);
    }
}

pub(super) fn activity(broker: SessionBroker, explicit: bool) {
    let Some(rt) = runtime(broker) else { return };
    if broker.lock.get_untracked().is_some() || broker.session.with_untracked(Option::is_none) {
        return;
    }
    let now = now_ms();
    rt.last_activity.set(now);
    if broker.warning.get_untracked().is_some() {
        broker.warning.set(None);
    }
    if explicit || now - rt.activity_told.get() > ACTIVITY_EVERY_MS {
        rt.activity_told.set(now);
        remember_activity(now);
        post(&rt, &Message::Activity);
        schedule_idle(broker, &rt);
    }
}

fn schedule_idle(broker: SessionBroker, rt: &Rc<Runtime>) {
    let Some(idle_ms) = rt.config.idle_lock_ms() else {
        return;
    };
    if broker.session.with_untracked(Option::is_none) || broker.lock.get_untracked().is_some() {
        clear_timer(&rt.idle_timer);
        return;
    }
    let plan = IdlePlan::after(
        rt.last_activity.get(),
        idle_ms,
        f64::from(rt.config.lock_warning_seconds) * 1000.0,
    );
    let now = now_ms();
    let next = if now >= plan.lock_at_ms {
        lock(broker, LockReason::Idle, true);
        return;
    } else if now >= plan.warn_at_ms {
        if broker.warning.get_untracked().is_none() {
            broker.warning.set(Some(plan.lock_at_ms));
        }
        plan.lock_at_ms
    } else {
        plan.warn_at_ms
    };
    let weak = Rc::downgrade(rt);
    set_timer(
        &rt.idle_timer,
        (next - now).max(0.0) as u64 + 1,
        move || {
            if let Some(rt) = weak.upgrade() {
                schedule_idle(broker, &rt);
            }
        },
    );
}

pub(super) fn lock(broker: SessionBroker, reason: LockReason, tell_others: bool) {
    if broker.session.with_untracked(Option::is_none) {
        return;
    }
    broker.warning.set(None);
    broker.lock.set(Some(reason));
    if let Some(rt) = runtime(broker) {
        hold_lock(broker, &rt);
        clear_timer(&rt.idle_timer);
        // A locked session is not renewed (see `schedule_refresh`).
        clear_timer(&rt.refresh_timer);
        if tell_others {
            post(&rt, &Message::Locked);
        }
    }
}

/// Keeps this tab's lock in its storage, so a reload or a restored tab opens
/// locked, and ends a session left locked longer than the deployment allows
/// (`lockSignOutMinutes`). Called wherever the lock may have changed.
pub(super) fn hold_lock(broker: SessionBroker, rt: &Rc<Runtime>) {
    let Some(reason) = broker.lock.get_untracked() else {
        rt.lock_since.set(0.0);
        remove(STORED_LOCK);
        remove(STORED_LOCK_SINCE);
        clear_timer(&rt.lock_timer);
        return;
    };
    if rt.lock_since.get() == 0.0 {
        rt.lock_since.set(now_ms());
    }
    let held = super::HeldLock {
        reason,
        since_ms: rt.lock_since.get(),
    };
    if let Some(s) = storage() {
        let _ = s.set_item(STORED_LOCK, held.reason.as_str());
    }
    store_number(STORED_LOCK_SINCE, held.since_ms);
    if let Some(limit) = rt.config.lock_sign_out_ms() {
        let wait = (held.since_ms + limit - now_ms()).max(0.0) as u64;
        set_timer(&rt.lock_timer, wait, move || {
            sign_out_with(broker, LOCKED_TOO_LONG);
        });
    }
}

/// Whether this tab's lock is older than the deployment allows.
fn locked_too_long(rt: &Runtime) -> bool {
    let since = rt.lock_since.get();
    since > 0.0
        && rt
            .config
            .lock_sign_out_ms()
            .is_some_and(|limit| now_ms() >= since + limit)
}

/// When the session was last used, for a tab that reopens later.
fn remember_activity(at_ms: f64) {
    store_number(STORED_ACTIVITY, at_ms);
}

fn stored_text(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Numbers are written and read by the browser (`Number`), not Rust's float
/// formatting and parsing, which would add ~20 KB to the first load.
fn store_number(key: &str, value: f64) {
    if let (Some(s), Some(text)) = (
        storage(),
        js_sys::Number::from(value).to_string_with_radix(10).ok(),
    ) {
        let _ = s.set_item(key, &String::from(text));
    }
}

fn stored_number(key: &str) -> Option<f64> {
    let value = js_sys::Number::parse_float(&stored_text(key)?);
    value.is_finite().then_some(value)
}

// ---------------------------------------------------------------- signing out

/// Forgets the session in this tab: memory, storage, timers, pages.
pub(super) fn forget_here(broker: SessionBroker, rt: &Rc<Runtime>, notice: Option<String>) {
    if let Some(s) = storage() {
        let _ = s.clear();
    }
    clear_timer(&rt.refresh_timer);
    clear_timer(&rt.idle_timer);
    clear_timer(&rt.lock_timer);
    rt.lock_since.set(0.0);
    rt.refreshing.borrow_mut().take();
    for tx in rt.refresh_waiters.borrow_mut().drain(..) {
        let _ = tx.send(None);
    }
    rt.wanted.replace(String::new());
    broker.forget(Status::SignedOut { notice });
    follow_context(broker, rt);
}

pub(super) fn sign_out(broker: SessionBroker) {
    sign_out_with(broker, SIGNED_OUT);
}

/// Signs out everywhere, telling the user `notice` on the sign-in page.
fn sign_out_with(broker: SessionBroker, notice: &'static str) {
    let Some(rt) = runtime(broker) else { return };
    let session = broker.session.get_untracked();
    post(
        &rt,
        &Message::SignedOut {
            context: our_context(&rt),
        },
    );
    forget_here(broker, &rt, Some(notice.into()));
    let Some(session) = session else { return };
    broker.status.set(Status::Working("Signing you out".into()));
    // Ending the session at the sign-in service is token code, like the
    // refresh (fetched ahead, see `after_sign_in`). Without it this computer
    // is signed out but the service may still know the user: say so, since
    // the next person at a shared PC could otherwise be signed straight in.
    spawn_local(async move {
        match sign_in_code(broker, rt, Job::SignOut { session, notice }).await {
            Ok(step) => step.await,
            Err(_) => broker.status.set(Status::SignedOut {
                notice: Some(SIGNED_OUT_HERE_ONLY.into()),
            }),
        }
    });
}
