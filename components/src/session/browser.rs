//! The broker's browser half: storage, the tab channel, the leader lock,
//! timers, redirects and HTTP.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use std::time::Duration;

use futures::FutureExt;
use futures::channel::oneshot;
use futures::future::{LocalBoxFuture, Shared};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::{LockReason, SessionBroker, SignInError, Status};
use crate::fhir::{FetchTransport, FhirClient, HttpRequest, Method, Transport};
use crate::nav::{Navigator, Path, current_href};
use crate::smart::id_token::{self, Expected, Jwks};
use crate::smart::pkce::CodeVerifier;
use crate::smart::session::{IdlePlan, Message, PendingSignIn, User};
use crate::smart::{
    AuthorizationRequest, LaunchMode, Organisation, Session, SignOnConfig, SmartConfiguration,
    TokenResponse, parse_callback,
};
use crate::url;

const CHANNEL: &str = "bedside-session";
const LEADER_LOCK: &str = "bedside-session-leader";
const STORED_SESSION: &str = "bedside.session";
const PENDING: &str = "bedside.pending";
pub(super) const CALLBACK_PATH: &str = "/auth/callback";
pub(super) const LAUNCH_PATH: &str = "/launch";
/// How long a new tab waits for another tab's session.
const HELLO_WAIT_MS: u32 = 300;
/// How long a callback waits for the tab that started it.
const CALLBACK_WAIT_MS: u32 = 1_500;
/// How long a follower waits for the leader's refresh.
const REFRESH_WAIT_MS: u32 = 15_000;
/// Activity is told to other tabs at most this often.
const ACTIVITY_EVERY_MS: f64 = 15_000.0;
const HTTP_TIMEOUT_MS: u32 = 20_000;

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks` (Web Locks); web-sys has it only as unstable API.
    type LockManager;
    #[wasm_bindgen(method, js_name = request)]
    fn request(this: &LockManager, name: &str, callback: &js_sys::Function) -> js_sys::Promise;
}

type RefreshFuture = Shared<LocalBoxFuture<'static, Option<String>>>;
type JsCallback = Closure<dyn FnMut(JsValue) -> JsValue>;

/// The state only the browser has.
pub(crate) struct Runtime {
    config: SignOnConfig,
    channel: Option<web_sys::BroadcastChannel>,
    navigator: Option<Navigator>,
    leader: Cell<bool>,
    refreshing: RefCell<Option<RefreshFuture>>,
    refresh_waiters: RefCell<Vec<oneshot::Sender<Option<String>>>>,
    callback_waiters: RefCell<HashMap<String, oneshot::Sender<()>>>,
    hello_waiter: RefCell<Option<oneshot::Sender<()>>>,
    refresh_timer: RefCell<Option<TimeoutHandle>>,
    idle_timer: RefCell<Option<TimeoutHandle>>,
    last_activity: Cell<f64>,
    activity_told: Cell<f64>,
    /// Kept alive with the runtime (the channel's and the lock's callbacks).
    closures: RefCell<Vec<JsCallback>>,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn runtime(broker: SessionBroker) -> Option<Rc<Runtime>> {
    broker.runtime.try_get_value().flatten()
}

fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn store<T: serde::Serialize>(key: &str, value: &T) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(value)) {
        let _ = s.set_item(key, &json);
    }
}

fn load<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let json = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&json).ok()
}

fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

fn sleep(ms: u32) -> LocalBoxFuture<'static, ()> {
    FetchTransport.sleep(ms)
}

/// Resolves with `receiver`'s value, or `None` after `ms`.
async fn within<T>(ms: u32, receiver: oneshot::Receiver<T>) -> Option<T> {
    futures::select! {
        value = receiver.fuse() => value.ok(),
        () = sleep(ms).fuse() => None,
    }
}

async fn http(request: HttpRequest) -> Result<crate::fhir::HttpResponse, SignInError> {
    FetchTransport
        .send(request, HTTP_TIMEOUT_MS)
        .await
        .map_err(|e| SignInError::Network(e.to_string()))
}

async fn get_json(url_: &str) -> Result<crate::fhir::HttpResponse, SignInError> {
    http(HttpRequest {
        method: Method::Get,
        url: url_.to_string(),
        headers: vec![("Accept", "application/json".into())],
        body: None,
    })
    .await
}

async fn post_form(
    url_: &str,
    pairs: &[(&str, &str)],
) -> Result<crate::fhir::HttpResponse, SignInError> {
    http(HttpRequest {
        method: Method::Post,
        url: url_.to_string(),
        headers: vec![
            ("Accept", "application/json".into()),
            ("Content-Type", "application/x-www-form-urlencoded".into()),
        ],
        body: Some(url::form(pairs).into_bytes()),
    })
    .await
}

/// The OAuth error of a refused token request, in words.
fn oauth_error(response: &crate::fhir::HttpResponse) -> String {
    serde_json::from_slice::<serde_json::Value>(&response.body)
        .ok()
        .and_then(|v| {
            let error = v.get("error")?.as_str()?.to_string();
            Some(match v.get("error_description").and_then(|d| d.as_str()) {
                Some(d) => format!("{error}: {d}"),
                None => error,
            })
        })
        .unwrap_or_else(|| format!("HTTP {}", response.status))
}

// ---------------------------------------------------------------- start-up

pub(super) fn start(broker: SessionBroker, config_url: String) {
    let navigator = use_context::<Navigator>();
    spawn_local(async move {
        let config = match get_json(&config_url).await {
            Ok(r) if r.status == 200 => SignOnConfig::parse(&r.body).map_err(SignInError::from),
            Ok(r) => Err(SignInError::Network(format!("settings: HTTP {}", r.status))),
            Err(e) => Err(e),
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
            channel: web_sys::BroadcastChannel::new(CHANNEL).ok(),
            navigator,
            leader: Cell::new(false),
            refreshing: RefCell::new(None),
            refresh_waiters: RefCell::new(Vec::new()),
            callback_waiters: RefCell::new(HashMap::new()),
            hello_waiter: RefCell::new(None),
            refresh_timer: RefCell::new(None),
            idle_timer: RefCell::new(None),
            last_activity: Cell::new(now_ms()),
            activity_told: Cell::new(0.0),
            closures: RefCell::new(Vec::new()),
        });
        broker.runtime.set_value(Some(rt.clone()));
        listen(broker, &rt);
        become_leader_when_possible(broker, &rt);
        watch_activity(broker);

        let href = current_href();
        let path = Path::from_href(&href);
        match path.segments()[..] {
            ["auth", "callback"] => {
                let query = href.split_once('?').map_or("", |(_, q)| q).to_string();
                let state = path.query_param("state").unwrap_or_default();
                callback_arrived(broker, &rt, query, state).await;
            }
            ["launch"] => ehr_launch(broker, &rt, &path).await,
            _ => resume(broker, &rt).await,
        }
    });
}

/// A tab opening (or reloading): another tab's session, else the one this
/// tab kept across a reload, else signed out.
async fn resume(broker: SessionBroker, rt: &Rc<Runtime>) {
    let (tx, rx) = oneshot::channel();
    *rt.hello_waiter.borrow_mut() = Some(tx);
    post(rt, &Message::Hello);
    if within(HELLO_WAIT_MS, rx).await.is_some() {
        return;
    }
    rt.hello_waiter.borrow_mut().take();
    let Some(stored) = load::<Session>(STORED_SESSION) else {
        broker.status.set(Status::SignedOut { notice: None });
        return;
    };
    if stored.refresh_token.is_none() {
        remove(STORED_SESSION);
        broker.status.set(Status::SignedOut { notice: None });
        return;
    }
    // The stored session has no access token: pages stay away (status
    // Working) until the refresh, which nothing may race with a second use
    // of the same refresh token.
    broker
        .status
        .set(Status::Working("Restoring your session".into()));
    broker.session.set(Some(std::sync::Arc::new(stored)));
    if merged_refresh(broker, rt).await.is_none() {
        forget_here(broker, rt, None);
    } else {
        after_sign_in(broker, rt);
    }
}

// ---------------------------------------------------------------- the tab channel

fn post(rt: &Runtime, message: &Message) {
    if let Some(channel) = &rt.channel {
        let _ = channel.post_message(&JsValue::from_str(&message.to_json()));
    }
}

fn listen(broker: SessionBroker, rt: &Rc<Runtime>) {
    let Some(channel) = &rt.channel else { return };
    let weak = Rc::downgrade(rt);
    let on_message = JsCallback::new(move |event: JsValue| {
        let text = js_sys::Reflect::get(&event, &"data".into())
            .ok()
            .and_then(|d| d.as_string());
        if let (Some(rt), Some(message)) =
            (weak.upgrade(), text.as_deref().and_then(Message::from_json))
        {
            receive(broker, &rt, message);
        }
        JsValue::UNDEFINED
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    rt.closures.borrow_mut().push(on_message);
}

fn receive(broker: SessionBroker, rt: &Rc<Runtime>, message: Message) {
    match message {
        Message::Hello => {
            if let Some(session) = broker.session.get_untracked() {
                post(
                    rt,
                    &Message::Session {
                        session: Box::new((*session).clone()),
                        locked: broker.lock.get_untracked().is_some(),
                    },
                );
            }
        }
        // A finished re-authentication pop-up stays as it is, about to close.
        Message::Session { .. } if broker.status.get_untracked() == Status::PopupDone => {}
        Message::Session { session, locked } => {
            let token = session.access_token.clone();
            let was_locked = broker.lock.get_untracked().is_some();
            let keep_reason = broker.lock.get_untracked().unwrap_or(LockReason::Idle);
            store(STORED_SESSION, &session.for_storage());
            broker.adopt(*session, locked.then_some(keep_reason));
            if was_locked && !locked {
                rt.last_activity.set(now_ms());
            }
            if let Some(tx) = rt.hello_waiter.borrow_mut().take() {
                let _ = tx.send(());
            }
            for tx in rt.refresh_waiters.borrow_mut().drain(..) {
                let _ = tx.send(Some(token.clone()));
            }
            after_sign_in(broker, rt);
        }
        Message::RefreshRequest => {
            if rt.leader.get() {
                let rt = rt.clone();
                spawn_local(async move {
                    let _ = refresh_now(broker, &rt).await;
                });
            }
        }
        Message::RefreshFailed => {
            for tx in rt.refresh_waiters.borrow_mut().drain(..) {
                let _ = tx.send(None);
            }
            broker.lock.set(Some(LockReason::Expired));
        }
        Message::Activity => {
            rt.last_activity.set(now_ms());
            broker.warning.set(None);
            schedule_idle(broker, rt);
        }
        Message::Locked => {
            if broker.session.with_untracked(Option::is_some)
                && broker.lock.get_untracked().is_none()
            {
                broker.lock.set(Some(LockReason::Idle));
                broker.warning.set(None);
            }
        }
        Message::SignedOut => forget_here(
            broker,
            rt,
            Some("You have been signed out of Bedside in another window.".into()),
        ),
        Message::Callback { query, state } => {
            let mine = load::<PendingSignIn>(PENDING).is_some_and(|p| p.state == state);
            if mine {
                post(rt, &Message::CallbackTaken { state });
                let rt = rt.clone();
                spawn_local(async move { complete(broker, &rt, &query, true).await });
            }
        }
        Message::CallbackTaken { state } => {
            if let Some(tx) = rt.callback_waiters.borrow_mut().remove(&state) {
                let _ = tx.send(());
            }
        }
    }
}

/// One tab refreshes for all, so a rotated refresh token is never used
/// twice. The leader holds a Web Lock until it closes; the next tab in line
/// then takes over. Without Web Locks (old browsers) every tab leads.
fn become_leader_when_possible(broker: SessionBroker, rt: &Rc<Runtime>) {
    let navigator = js_sys::Reflect::get(&window(), &"navigator".into()).unwrap_or_default();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into())
        .ok()
        .filter(|l| !l.is_undefined() && !l.is_null());
    let Some(locks) = locks else {
        rt.leader.set(true);
        return;
    };
    let weak: Weak<Runtime> = Rc::downgrade(rt);
    let granted = JsCallback::new(move |_lock: JsValue| {
        if let Some(rt) = weak.upgrade() {
            rt.leader.set(true);
            schedule_refresh(broker, &rt);
        }
        // Held until the tab closes: a promise that never settles.
        js_sys::Promise::new(&mut |_, _| {}).into()
    });
    let _ = locks
        .unchecked_into::<LockManager>()
        .request(LEADER_LOCK, granted.as_ref().unchecked_ref());
    rt.closures.borrow_mut().push(granted);
}

// ---------------------------------------------------------------- tokens

pub(super) fn token(broker: SessionBroker) -> LocalBoxFuture<'static, Option<String>> {
    let current = broker.session.with_untracked(|s| {
        s.as_ref()
            .filter(|s| s.access_token_valid(now_ms()))
            .map(|s| s.access_token.clone())
    });
    match current {
        Some(token) => async move { Some(token) }.boxed_local(),
        None if broker.session.with_untracked(Option::is_some) => refresh(broker),
        None => async { None }.boxed_local(),
    }
}

pub(super) fn refresh(broker: SessionBroker) -> LocalBoxFuture<'static, Option<String>> {
    let Some(rt) = runtime(broker) else {
        return async { None }.boxed_local();
    };
    async move { refresh_now(broker, &rt).await }.boxed_local()
}

/// A new access token: by refreshing (the leader, merging concurrent calls
/// into one request) or by asking the leader and waiting for its broadcast.
async fn refresh_now(broker: SessionBroker, rt: &Rc<Runtime>) -> Option<String> {
    if !rt.leader.get() {
        let (tx, rx) = oneshot::channel();
        rt.refresh_waiters.borrow_mut().push(tx);
        post(rt, &Message::RefreshRequest);
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

/// The refresh-token grant (RFC 6749 §6). On success every tab gets the new
/// tokens; when the server refuses, the session is over everywhere and the
/// screen locks for re-authentication (keeping the page).
async fn do_refresh(broker: SessionBroker, rt: Rc<Runtime>) -> Option<String> {
    let session = broker.session.get_untracked()?;
    let Some(refresh_token) = session.refresh_token.clone() else {
        end_of_session(broker, &rt);
        return None;
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
            retry_refresh_in(broker, &rt, 15_000);
            return None;
        }
    };
    if !(200..300).contains(&response.status) {
        if matches!(response.status, 400 | 401) {
            end_of_session(broker, &rt);
        } else {
            retry_refresh_in(broker, &rt, 15_000);
        }
        return None;
    }
    let token = TokenResponse::parse(&response.body).ok()?;
    // The session may have ended (signed out elsewhere) while waiting.
    let current = broker.session.get_untracked()?;
    let next = current.refreshed(token, now_ms());
    let access = next.access_token.clone();
    publish(broker, &rt, next, broker.lock.get_untracked());
    schedule_refresh(broker, &rt);
    Some(access)
}

/// A new or renewed session in this tab: kept for a reload (without the
/// access token), sent to the other tabs, and used.
fn publish(broker: SessionBroker, rt: &Runtime, session: Session, locked: Option<LockReason>) {
    store(STORED_SESSION, &session.for_storage());
    post(
        rt,
        &Message::Session {
            session: Box::new(session.clone()),
            locked: locked.is_some(),
        },
    );
    broker.adopt(session, locked);
}

fn end_of_session(broker: SessionBroker, rt: &Rc<Runtime>) {
    post(rt, &Message::RefreshFailed);
    broker.lock.set(Some(LockReason::Expired));
    for tx in rt.refresh_waiters.borrow_mut().drain(..) {
        let _ = tx.send(None);
    }
}

fn retry_refresh_in(broker: SessionBroker, rt: &Rc<Runtime>, ms: u64) {
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
fn schedule_refresh(broker: SessionBroker, rt: &Rc<Runtime>) {
    if !rt.leader.get() {
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

pub(super) fn sign_in(broker: SessionBroker, organisation: String) {
    let Some(rt) = runtime(broker) else { return };
    let Some(org) = rt.config.organisation(&organisation).cloned() else {
        return;
    };
    let return_to = match current_href() {
        href if href.starts_with(CALLBACK_PATH) || href.starts_with(LAUNCH_PATH) => "/".into(),
        href => href,
    };
    broker
        .status
        .set(Status::Working(format!("Going to {} sign-in", org.name)));
    spawn_local(async move {
        let begin = Begin::Redirect {
            return_to,
            launch: None,
        };
        if let Err(e) = begin_sign_in(&org, begin, &org.scope).await {
            broker.status.set(Status::Failed(e));
        }
    });
}

pub(super) fn unlock(broker: SessionBroker) {
    let Some(rt) = runtime(broker) else { return };
    let Some(session) = broker.session.get_untracked() else {
        return;
    };
    let Some(org) = rt.config.organisation(&session.organisation).cloned() else {
        return;
    };
    broker.problem.set(None);
    // window.open must run in the click's task, or pop-up blockers refuse
    // it; the sign-in page is loaded into it once discovery is done.
    let popup = window()
        .open_with_url_and_target_and_features("", "bedside-sign-in", "popup,width=640,height=760")
        .ok()
        .flatten();
    let Some(popup) = popup else {
        broker.problem.set(Some(SignInError::PopupBlocked));
        return;
    };
    let sub = session.user.sub.clone();
    let scope = session_scope(&org, &session);
    spawn_local(async move {
        let begin = Begin::Popup { popup, sub };
        if let Err(e) = begin_sign_in(&org, begin, &scope).await {
            broker.problem.set(Some(e));
        }
    });
}

/// Re-authentication asks for what the session had (an EHR launch's
/// patient scopes included), less the one-time `launch`.
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
    },
    Popup {
        popup: web_sys::Window,
        sub: String,
    },
}

async fn discover(
    fhir_base_url: &str,
    mode: LaunchMode,
) -> Result<SmartConfiguration, SignInError> {
    let base = fhir_base_url.trim_end_matches('/');
    let well_known = get_json(&format!("{base}/.well-known/smart-configuration")).await?;
    let server = if well_known.status == 200 {
        SmartConfiguration::parse(&well_known.body)?
    } else {
        let metadata = get_json(&format!("{base}/metadata")).await?;
        SmartConfiguration::from_capability_statement(&metadata.body)?
    };
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

async fn begin_sign_in(org: &Organisation, begin: Begin, scope: &str) -> Result<(), SignInError> {
    let mode = match &begin {
        Begin::Redirect {
            launch: Some(_), ..
        } => LaunchMode::Ehr,
        _ => LaunchMode::Standalone,
    };
    let server = discover(&org.fhir_base_url, mode).await?;
    let verifier = CodeVerifier::generate()?;
    let challenge = verifier.challenge().await?;
    let state = CodeVerifier::generate()?.as_str().to_string();
    let nonce = CodeVerifier::generate()?.as_str().to_string();
    let redirect_uri = format!("{}{CALLBACK_PATH}", origin());
    let (launch, return_to, unlocking) = match &begin {
        Begin::Redirect { return_to, launch } => (launch.clone(), return_to.clone(), None),
        Begin::Popup { sub, .. } => (None, current_href(), Some(sub.clone())),
    };
    let request = AuthorizationRequest {
        client_id: org.client_id.clone(),
        redirect_uri: redirect_uri.clone(),
        scope: scope.to_string(),
        aud: org.fhir_base_url.trim_end_matches('/').to_string(),
        launch,
    };
    let mut target = request.url(&server.authorization_endpoint, &state, &nonce, &challenge);
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
            unlocking,
        },
    );
    match begin {
        Begin::Redirect { .. } => {
            let _ = window().location().assign(&target);
        }
        Begin::Popup { popup, .. } => {
            // Re-authentication: the person at the PC must prove who they are.
            target.push_str("&prompt=login");
            let _ = popup.location().set_href(&target);
        }
    }
    Ok(())
}

async fn ehr_launch(broker: SessionBroker, rt: &Rc<Runtime>, path: &Path) {
    let (Some(iss), Some(launch)) = (path.query_param("iss"), path.query_param("launch")) else {
        broker
            .status
            .set(Status::Failed(SignInError::IncompleteLaunch));
        return;
    };
    let Some(org) = rt.config.organisation_for_issuer(&iss).cloned() else {
        broker
            .status
            .set(Status::Failed(SignInError::UnknownIssuer(iss)));
        return;
    };
    broker.status.set(Status::Working(
        "Opening from your clinical record system".into(),
    ));
    let begin = Begin::Redirect {
        return_to: "/".into(),
        launch: Some(launch),
    };
    if let Err(e) = begin_sign_in(&org, begin, &org.ehr_scope).await {
        broker.status.set(Status::Failed(e));
    }
}

/// `/auth/callback` loaded: ours to finish, another tab's (a re-authentication
/// pop-up), or nobody's (a forged or stale link).
async fn callback_arrived(broker: SessionBroker, rt: &Rc<Runtime>, query: String, state: String) {
    // The code must not stay in the address bar or history.
    clean_address(rt, CALLBACK_PATH);
    // A re-authentication pop-up may hold a copy of its opener's storage
    // (browsers copy it into windows a page opens), so "mine" is only a
    // sign-in this tab started for itself; anything else goes to its owner.
    let mine =
        load::<PendingSignIn>(PENDING).is_some_and(|p| p.state == state && p.unlocking.is_none());
    if mine {
        complete(broker, rt, &query, false).await;
        return;
    }
    let (tx, rx) = oneshot::channel();
    rt.callback_waiters.borrow_mut().insert(state.clone(), tx);
    post(
        rt,
        &Message::Callback {
            query,
            state: state.clone(),
        },
    );
    if within(CALLBACK_WAIT_MS, rx).await.is_some() {
        broker.status.set(Status::PopupDone);
        let _ = window().close();
        return;
    }
    rt.callback_waiters.borrow_mut().remove(&state);
    broker.status.set(Status::Failed(SignInError::Callback(
        crate::smart::CallbackError::StateMismatch,
    )));
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

/// Redeems the code and verifies who signed in. `in_place`: this tab asked
/// for re-authentication in a pop-up and stays on its page.
async fn complete(broker: SessionBroker, rt: &Rc<Runtime>, query: &str, in_place: bool) {
    let Some(pending) = load::<PendingSignIn>(PENDING) else {
        return;
    };
    remove(PENDING);
    if !in_place {
        broker.status.set(Status::Working("Signing you in".into()));
    }
    match redeem(rt, query, &pending).await {
        Ok(session) => {
            let other_person = pending
                .unlocking
                .as_deref()
                .is_some_and(|sub| sub != session.user.sub);
            if other_person {
                // Nothing of the previous user's survives: pages, drafts, data.
                forget_here(broker, rt, None);
            }
            publish(broker, rt, session, None);
            rt.last_activity.set(now_ms());
            after_sign_in(broker, rt);
            if !in_place || other_person {
                let target = if other_person {
                    "/".to_string()
                } else {
                    pending.return_to
                };
                if let Some(nav) = rt.navigator {
                    nav.replace(&target);
                }
            }
        }
        Err(e) if in_place => broker.problem.set(Some(e)),
        Err(e) => broker.status.set(Status::Failed(e)),
    }
}

async fn redeem(
    rt: &Runtime,
    query: &str,
    pending: &PendingSignIn,
) -> Result<Session, SignInError> {
    let code = parse_callback(query, &pending.state)?;
    let org = rt
        .config
        .organisation(&pending.organisation)
        .ok_or_else(|| SignInError::Refused("unknown organisation".into()))?;
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
    .await?;
    if response.status != 200 {
        return Err(SignInError::Refused(oauth_error(&response)));
    }
    let token = TokenResponse::parse(&response.body)?;
    let received = now_ms();
    let id_token = token.id_token.clone().ok_or(SignInError::NoIdentity)?;
    let (Some(issuer), Some(jwks_uri)) = (&pending.server.issuer, &pending.server.jwks_uri) else {
        return Err(SignInError::NoIdentity);
    };
    let keys = get_json(jwks_uri).await?;
    let jwks = Jwks::parse(&keys.body)?;
    let expected = Expected {
        issuer,
        client_id: &org.client_id,
        nonce: &pending.nonce,
    };
    let claims = id_token::verify(&id_token, &jwks, &expected, received / 1000.0).await?;
    let user = User {
        sub: claims.sub,
        name: claims.name,
        fhir_user: claims.fhir_user,
    };
    Ok(Session::from_token(
        token,
        user,
        &org.id,
        &org.client_id,
        &org.fhir_base_url,
        pending.server.clone(),
        received,
    ))
}

fn after_sign_in(broker: SessionBroker, rt: &Rc<Runtime>) {
    schedule_refresh(broker, rt);
    schedule_idle(broker, rt);
    resolve_user(broker);
}

/// The user's name from their FHIR record (`fhirUser`), for the header.
fn resolve_user(broker: SessionBroker) {
    let Some(session) = broker.session.get_untracked() else {
        return;
    };
    if broker.display_name.with_untracked(Option::is_some) {
        return;
    }
    let Some((kind, id)) = session.fhir_user_reference() else {
        return;
    };
    let client =
        FhirClient::browser(&session.fhir_base_url).with_token_source(broker.token_source());
    let sub = session.user.sub.clone();
    spawn_local(async move {
        if let Ok(record) = client
            .read::<crate::fhir::summary::PersonView>(&kind, &id)
            .await
        {
            let still_same = broker
                .session
                .with_untracked(|s| s.as_ref().is_some_and(|s| s.user.sub == sub));
            if still_same {
                broker.display_name.set(super::display_name(&record.name));
            }
        }
    });
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
        clear_timer(&rt.idle_timer);
        if tell_others {
            post(&rt, &Message::Locked);
        }
    }
}

// ---------------------------------------------------------------- signing out

/// Forgets the session in this tab: memory, storage, timers, pages.
fn forget_here(broker: SessionBroker, rt: &Rc<Runtime>, notice: Option<String>) {
    if let Some(s) = storage() {
        let _ = s.clear();
    }
    clear_timer(&rt.refresh_timer);
    clear_timer(&rt.idle_timer);
    rt.refreshing.borrow_mut().take();
    for tx in rt.refresh_waiters.borrow_mut().drain(..) {
        let _ = tx.send(None);
    }
    broker.forget(Status::SignedOut { notice });
}

pub(super) fn sign_out(broker: SessionBroker) {
    let Some(rt) = runtime(broker) else { return };
    let session = broker.session.get_untracked();
    post(&rt, &Message::SignedOut);
    forget_here(broker, &rt, Some("You have signed out of Bedside.".into()));
    let Some(session) = session else { return };
    broker.status.set(Status::Working("Signing you out".into()));
    spawn_local(async move {
        // Revoke the refresh token (RFC 7009) so it is useless even if copied.
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
        // Then end the sign-on session itself (OpenID Connect RP-Initiated
        // Logout), or the next person at this PC would be signed straight in.
        match &session.server.end_session_endpoint {
            Some(endpoint) => {
                let redirect = format!("{}/", origin());
                let mut pairs = vec![
                    ("client_id", session.client_id.as_str()),
                    ("post_logout_redirect_uri", redirect.as_str()),
                ];
                if let Some(hint) = &session.id_token {
                    pairs.push(("id_token_hint", hint));
                }
                let separator = if endpoint.contains('?') { '&' } else { '?' };
                let target = format!("{endpoint}{separator}{}", url::form(&pairs));
                let _ = window().location().assign(&target);
            }
            None => broker.status.set(Status::SignedOut {
                notice: Some("You have signed out of Bedside.".into()),
            }),
        }
    });
}
