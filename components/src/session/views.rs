//! The broker's pages and parts: sign-in, the gate around clinical pages,
//! the header's account area, the idle warning and the lock screen.
//!
//! All follow NHS.UK patterns: an error summary for failures (focused, so a
//! screen reader announces it), and the header's account list.

use leptos::prelude::*;

use super::{LockReason, SessionBroker, Status};
use crate::nav::ServiceName;
use crate::on_demand::{OnDemand, SplitLoaderError, ready};
use crate::ui::{
    Button, ButtonType, ButtonVariant, HeadingLevel, InsetText, ProblemSummary, WarningCallout,
    move_focus_to,
};

/// What [`SessionGate`] shows; compared so a token refresh (which sets the
/// session again) never re-creates the pages, and their drafts, below it.
#[derive(Clone, PartialEq)]
enum Gate {
    SignedIn(u64),
    /// Signed in, but the tab opened locked: no page yet.
    Locked,
    Other(Status),
}

/// Shows `children` only to a signed-in user, re-created for each new
/// person (see [`SessionBroker::generation`]); otherwise the sign-in page,
/// progress, or what went wrong.
#[component]
pub fn SessionGate(
    /// The pages that need a signed-in user.
    children: ChildrenFn,
) -> impl IntoView {
    let broker = SessionBroker::expect();
    // Pages are built only once this person has been unlocked in this tab:
    // a tab that opens locked (a reload, a tab the browser restored) has
    // nothing clinical in its document, not even hidden. Pages that were
    // open when the lock came stay (hidden), with what was typed in them.
    let gate = Memo::new(move |shown: Option<&Gate>| match broker.status.get() {
        Status::SignedIn => {
            let generation = broker.generation.get();
            let locked = broker.lock.get().is_some();
            if !locked || shown == Some(&Gate::SignedIn(generation)) {
                Gate::SignedIn(generation)
            } else {
                Gate::Locked
            }
        }
        other => Gate::Other(other),
    });
    move || match gate.get() {
        Gate::SignedIn(_) => children().into_any(),
        Gate::Locked => ().into_any(),
        Gate::Other(Status::SignedOut { notice }) => {
            view! { <SignInPage notice=notice.unwrap_or_default() /> }.into_any()
        }
        Gate::Other(Status::Failed(message)) => {
            view! { <SignInProblem message=message /> }.into_any()
        }
        // Rare (a sign-in service that ignored `prompt=login`): its view
        // arrives with the lock screen's code, not with the first page.
        Gate::Other(Status::Confirm(_)) => idle_view(broker, IdleView::Confirm).into_any(),
        // Progress, a finished pop-up, start-up: a heading and a line, one
        // view for all three (each distinct view costs the first load code).
        Gate::Other(other) => {
            let (title, text, status) = match other {
                Status::Working(what) => (what, "Please wait…", true),
                Status::PopupDone => (
                    "You are signed in".to_string(),
                    "You can close this window and carry on where you were.",
                    false,
                ),
                _ => ("Please wait".to_string(), "Loading…", true),
            };
            view! {
                <h1>{title}</h1>
                <p role=status.then_some("status")>{text}</p>
            }
            .into_any()
        }
    }
}

/// The sign-in page: one button per configured organisation.
#[component]
pub fn SignInPage(
    /// Shown above, such as "You have been signed out in another window".
    #[prop(optional, into)]
    notice: String,
) -> impl IntoView {
    let broker = SessionBroker::expect();
    // The sign-in code and the app's launcher, fetched while the user reads
    // this page (once it is painted), so neither "Sign in" nor the page the
    // sign-in service returns to waits for them.
    crate::on_demand::when_idle(move || broker.prepare_from_sign_in_page());
    let organisations = move || {
        broker
            .config
            .get()
            .map(|c| c.organisations)
            .unwrap_or_default()
    };
    // The app's name from context (`nav::ServiceName`): a trust's tool says
    // its own. Two static texts, not a `format!`: the first page pays for each.
    let service = ServiceName::current().unwrap_or_default();
    let sign_in = if service.is_empty() {
        "Sign in"
    } else {
        "Sign in to "
    };
    view! {
        <h1>{sign_in} {service}</h1>
        {(!notice.is_empty())
            .then(|| {
                view! {
                    // The role on the paragraph, not the inset: `attr:` on a
                    // component brings Leptos' attribute spreading into the
                    // first load (about 1 KB).
                    <InsetText>
                        <p role="status">{notice}</p>
                    </InsetText>
                }
            })}
        <p class="nhsuk-lede-text">
            "Sign in once to use all your clinical tools. On a shared computer, sign out or lock the screen when you leave it."
        </p>
        <ul class="nhsuk-list">
            {move || {
                organisations()
                    .into_iter()
                    .map(|org| {
                        let id = org.id;
                        // Pointing at (or tabbing to) a button starts fetching
                        // the sign-in code, so the click does not wait for it.
                        view! {
                            <li
                                on:pointerenter=move |_| broker.prepare_sign_in()
                                on:focusin=move |_| broker.prepare_sign_in()
                            >
                                <Button
                                    button_type=ButtonType::Button
                                    on_click=Callback::new(move |_| broker.sign_in(&id))
                                >
                                    {format!("Sign in with {}", org.name)}
                                </Button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// A failed sign-in: an NHS error summary and a way to start again.
#[component]
fn SignInProblem(message: String) -> impl IntoView {
    Effect::new(|| move_focus_to("sign-in-problem"));
    view! {
        <ProblemSummary id="sign-in-problem" title="There is a problem signing in" message=message />
        // A fresh start: the page loads anew, so settings and code that
        // could not be fetched are fetched again (the broker's failure is
        // not undone by going to the same address in the page).
        <Button
            href="/"
            on_click=Callback::new(|ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                let _ = window().location().assign("/");
            })
        >
            "Start signing in again"
        </Button>
    }
}

/// The header's account area: who is signed in, lock and sign out.
///
/// The markup of a [`HeaderAccount`](crate::ui::HeaderAccount) with an
/// `AccountItem` and two `AccountButton`s, written out as one view: every
/// screen's first load carries this, and the components' separate views
/// and boxed children cost about 1 KB brotli more (measured with
/// `e2e/bench/size-report.mjs`).
#[component]
pub fn AccountArea() -> impl IntoView {
    let broker = SessionBroker::expect();
    // A refresh sets the session again: only signing in or out re-renders.
    let signed_in = Memo::new(move |_| broker.session.with(Option::is_some));
    move || {
        signed_in.get().then(|| {
            view! {
            <nav class="nhsuk-header__account" aria-label="Account">
                <ul class="nhsuk-header__account-list">
                    <li class="nhsuk-header__account-item" data-testid="signed-in-user">
                        <span class="nhsuk-u-visually-hidden">"Signed in as "</span>
                        {move || broker.user_name()}
                        // The role chosen at sign-in (CIS2), on every page: on
                        // a shared PC it says in what capacity this session
                        // records.
                        {move || broker.user_role().map(|role| format!(", {role}"))}
                    </li>
                    <li class="nhsuk-header__account-item">
                        <button
                            type="button"
                            class="nhsuk-header__account-button"
                            on:click=move |_| broker.lock_now()
                        >
                            "Lock screen"
                        </button>
                    </li>
                    <li class="nhsuk-header__account-item">
                        <button
                            type="button"
                            class="nhsuk-header__account-button"
                            on:click=move |_| broker.sign_out()
                        >
                            "Sign out"
                        </button>
                    </li>
                </ul>
            </nav>
            }
        })
    }
}

/// Warns before the idle lock, with "Stay signed in". Focus moves to it so
/// keyboard and screen-reader users meet it at once (WCAG 2.2.1 Timing
/// Adjustable: the user can extend the time with one action).
#[component]
pub fn SessionWarning() -> impl IntoView {
    let broker = SessionBroker::expect();
    let shown = Memo::new(move |_| broker.warning.get().is_some() && broker.lock.get().is_none());
    move || shown.get().then(|| idle_view(broker, IdleView::Warning))
}

/// The lock screen, shown instead of the page while locked. The page stays
/// in the document (hidden and inert, by the app's shell), so nothing typed
/// is lost, and it stays hidden whatever happens here.
#[component]
pub fn LockScreen() -> impl IntoView {
    let broker = SessionBroker::expect();
    // A refresh while locked sets the lock again: only a change re-renders.
    let reason = Memo::new(move |_| broker.lock_reason());
    move || {
        reason
            .get()
            .map(|reason| idle_view(broker, IdleView::Lock(reason)))
    }
}

/// What another tab's sign-in for another patient or organisation means for
/// this tab: it keeps its own until the user chooses (one tab never changes
/// the patient, FHIR server or token under another's page). Shown above the
/// page, not over it: the page stays usable. Not while locked.
#[component]
pub fn ContextNotice() -> impl IntoView {
    let broker = SessionBroker::expect();
    let shown =
        Memo::new(move |_| broker.elsewhere.with(Option::is_some) && broker.lock.get().is_none());
    move || shown.get().then(|| idle_view(broker, IdleView::Elsewhere))
}

/// The idle lock's two screens, and the notice of another tab's context:
/// the screens a signed-in tab may need later.
#[derive(Clone, Copy)]
enum IdleView {
    Warning,
    Lock(LockReason),
    Elsewhere,
    Confirm,
}

/// The warning and the lock screen are code of their own (a split point
/// with the `split` feature): they are first needed minutes after sign-in,
/// and a signed-in tab fetches them ahead ([`preload_idle_views`]), along
/// with the sign-in code that unlocking needs anyway. Should they still be
/// missing, the page is hidden all the same and [`OnDemand`] says what is
/// loading; the header's "Sign out" is always there.
fn idle_view(broker: SessionBroker, which: IdleView) -> impl IntoView {
    view! {
        <OnDemand what="the screen lock" load=load_idle_views>
            {move || ready(idle_views(broker, which))}
        </OnDemand>
    }
}

/// Starts fetching the idle lock's screens, and the styles of what arrives
/// on demand, so warning and locking never wait for them.
#[cfg(target_arch = "wasm32")]
pub(super) fn preload_idle_views() {
    // The styles' fetch starts on the call.
    drop(crate::on_demand::later_styles());
    leptos::task::spawn_local(async {
        let _ = load_idle_views().await;
    });
}

#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(idle_lock, preload(load_idle_views), fallible)]
fn idle_views(broker: SessionBroker, which: IdleView) -> Result<AnyView, SplitLoaderError> {
    Ok(idle_view_now(broker, which))
}

/// Without the `split` feature the screens are an ordinary part of the module.
#[cfg(not(feature = "split"))]
async fn idle_views(broker: SessionBroker, which: IdleView) -> Result<AnyView, SplitLoaderError> {
    Ok(idle_view_now(broker, which))
}

#[cfg(not(feature = "split"))]
async fn load_idle_views() -> Result<(), SplitLoaderError> {
    Ok(())
}

fn idle_view_now(broker: SessionBroker, which: IdleView) -> AnyView {
    match which {
        IdleView::Warning => warning_view(broker),
        IdleView::Lock(reason) => lock_screen_view(broker, reason),
        IdleView::Elsewhere => elsewhere_view(broker),
        IdleView::Confirm => confirm_view(broker),
    }
}

/// The organisation's name, or its id if the settings lack it.
fn organisation_name(broker: SessionBroker, id: &str) -> String {
    untrack(|| broker.config())
        .and_then(|c| c.organisation(id).map(|o| o.name.clone()))
        .unwrap_or_else(|| id.to_string())
}

/// Follows the offer: another tab may offer another context while this is
/// shown.
fn elsewhere_view(broker: SessionBroker) -> AnyView {
    (move || elsewhere_now(broker)).into_any()
}

fn elsewhere_now(broker: SessionBroker) -> AnyView {
    let (Some(ours), Some(theirs)) = (untrack(|| broker.session()), broker.elsewhere()) else {
        return ().into_any();
    };
    let our_org = organisation_name(broker, &ours.organisation);
    let (title, what) = if ours.organisation != theirs.organisation {
        let their_org = organisation_name(broker, &theirs.organisation);
        (
            format!("Another window signed in to {their_org}"),
            format!(
                "This window is still signed in to {our_org}, and stays so unless you choose to switch."
            ),
        )
    } else {
        (
            "Another window was opened for a different patient".to_string(),
            match ours.context.patient {
                Some(_) => "This window still shows the patient it was opened for, and stays so unless you choose to switch.".to_string(),
                None => "This window has no patient chosen by your clinical record system, and stays so unless you choose to switch.".to_string(),
            },
        )
    };
    view! {
        <WarningCallout
            heading=title
            heading_level=HeadingLevel::H2
            heading_id="context-notice-title"
            attr:role="region"
            attr:aria-labelledby="context-notice-title"
            attr:data-testid="context-notice"
        >
            <p>{what}</p>
            <p>"Switching closes the pages open in this window: save anything you have typed first."</p>
            <Button
                button_type=ButtonType::Button
                variant=ButtonVariant::Secondary
                on_click=Callback::new(move |_| broker.switch_context())
            >
                "Switch this window to it"
            </Button>
            " "
            <Button
                button_type=ButtonType::Button
                on_click=Callback::new(move |_| broker.keep_context())
            >
                "Keep this window as it is"
            </Button>
        </WarningCallout>
    }
    .into_any()
}

/// "Continue as …?": the sign-in service answered with a sign-in from
/// before the click ([`Status::Confirm`]), on a shared computer.
fn confirm_view(broker: SessionBroker) -> AnyView {
    Effect::new(|| move_focus_to("confirm-person-title"));
    let name = match untrack(|| broker.status()) {
        Status::Confirm(name) => name,
        _ => return ().into_any(),
    };
    view! {
        <h1 id="confirm-person-title" tabindex="-1">
            {format!("Continue as {name}?")}
        </h1>
        <p>
            {format!(
                "The sign-in service did not ask who you are: it was still signed in as {name}, perhaps from someone who used this computer before you.",
            )}
        </p>
        <p>"Anything you record will be recorded as theirs. If you are not them, they are signed out so that you can sign in as yourself."</p>
        <Button
            button_type=ButtonType::Button
            on_click=Callback::new(move |_| broker.confirm_person(true))
        >
            {format!("Continue as {name}")}
        </Button>
        " "
        <Button
            button_type=ButtonType::Button
            variant=ButtonVariant::Secondary
            on_click=Callback::new(move |_| broker.confirm_person(false))
        >
            {format!("I am not {name}")}
        </Button>
    }
    .into_any()
}

fn warning_view(broker: SessionBroker) -> AnyView {
    // Focus goes to the warning when it appears, which is when its code is
    // here: not before.
    Effect::new(|| move_focus_to("session-warning"));
    view! {
        <WarningCallout
            id="session-warning"
            heading="This screen is about to lock"
            heading_level=HeadingLevel::H2
            heading_id="session-warning-title"
            attr:role="alertdialog"
            attr:aria-labelledby="session-warning-title"
            attr:aria-describedby="session-warning-text"
            attr:tabindex="-1"
        >
            <p id="session-warning-text">
                "This screen has not been used for a while, so it will lock within a minute to keep patient information safe. Anything you have typed will be kept."
            </p>
            <Button
                button_type=ButtonType::Button
                on_click=Callback::new(move |_| broker.stay_signed_in())
            >
                "Stay signed in"
            </Button>
        </WarningCallout>
    }
    .into_any()
}

fn lock_screen_view(broker: SessionBroker, reason: LockReason) -> AnyView {
    // As for the warning: focus to the heading once it is here.
    Effect::new(|| move_focus_to("lock-screen-title"));
    // Whoever is signed in cannot change while the screen is locked.
    let name = untrack(|| broker.user_name()).unwrap_or_default();
    let (title, why) = match reason {
        LockReason::Expired => (
            "Your session has ended",
            "The sign-in service ended your session. Sign in again to carry on where you were.",
        ),
        LockReason::Idle => (
            "This screen is locked",
            "This screen was locked to keep patient information safe. Sign in again to carry on where you were.",
        ),
    };
    view! {
        <section class="bedside-lock-screen" aria-labelledby="lock-screen-title">
            <h1 id="lock-screen-title" tabindex="-1">
                {title}
            </h1>
            <p>{why}</p>
            <p>"Anything you had typed is kept. Patient information is hidden until you sign in."</p>
            {move || {
                broker
                    .problem
                    .get()
                    .map(|message| {
                        view! {
                            <ProblemSummary
                                id="lock-problem"
                                title="There is a problem"
                                message=message
                            />
                        }
                    })
            }}
            <Button
                button_type=ButtonType::Button
                on_click=Callback::new(move |_| broker.unlock())
            >
                {format!("Sign in to unlock as {name}")}
            </Button>
            <p>
                {format!(
                    "Not {name}? Select the button above and sign in as yourself: {name}'s work will be closed first.",
                )}
            </p>
            <Button
                button_type=ButtonType::Button
                variant=ButtonVariant::Secondary
                on_click=Callback::new(move |_| broker.sign_out())
            >
                "Sign out"
            </Button>
        </section>
    }
    .into_any()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::{normalize_html, render_to_html};
    use crate::smart::{Session, SignOnConfig};

    fn config() -> SignOnConfig {
        SignOnConfig::parse(
            br#"{"signOn":{"organisations":[
                {"id":"a","name":"Trust A","fhirBaseUrl":"https://a/R4","clientId":"c","issuer":"https://login.a"},
                {"id":"b","name":"Trust B","fhirBaseUrl":"https://b/R4","clientId":"c","issuer":"https://login.b"}]}}"#,
        )
        .expect("config")
    }

    fn render(status: Status) -> String {
        normalize_html(&render_to_html(move || {
            SessionBroker::provide_fixed(status.clone(), None, Some(config()));
            view! {
                <SessionGate>
                    <p>"clinical page"</p>
                </SessionGate>
            }
        }))
    }

    #[test]
    fn signed_out_users_get_one_button_per_organisation() {
        let html = render(Status::SignedOut {
            notice: Some("You have been signed out in another window.".into()),
        });
        assert!(html.contains("Sign in with Trust A"), "{html}");
        assert!(html.contains("Sign in with Trust B"), "{html}");
        assert!(html.contains("signed out in another window"), "{html}");
        assert!(!html.contains("clinical page"), "{html}");
    }

    #[test]
    fn failures_are_an_error_summary_with_a_way_back() {
        let error = super::super::SignInError::Callback(crate::smart::CallbackError::StateMismatch);
        let html = render(Status::Failed(error.to_string()));
        assert!(html.contains(r#"class="nhsuk-error-summary""#), "{html}");
        assert!(html.contains("did not come from this browser"), "{html}");
        assert!(html.contains("Start signing in again"), "{html}");
        assert!(!html.contains("clinical page"), "{html}");
    }

    /// Issue 33: `/launch?iss=<any text>` put that text on Bedside's page.
    #[test]
    fn an_unknown_launch_server_is_never_named_from_the_link() {
        let said = super::super::SignInError::UnknownIssuer(
            "Your account is locked: call 0800 000 000".into(),
        )
        .to_string();
        let html = render(Status::Failed(said));
        assert!(html.contains("not set up to use"), "{html}");
        assert!(
            !html.contains("0800") && !html.contains("account is locked"),
            "{html}"
        );
    }

    fn session_at(organisation: &str, patient: Option<&str>) -> Session {
        let token = crate::smart::TokenResponse::parse(
            br#"{"access_token":"a","token_type":"Bearer","expires_in":300}"#,
        )
        .expect("a token");
        let mut session = Session::from_token(
            token,
            crate::smart::User {
                sub: "nurse".into(),
                name: Some("Nurse".into()),
                fhir_user: None,
                display_name: None,
                role: None,
            },
            organisation,
            "c",
            &format!("https://{organisation}/R4"),
            crate::smart::SmartConfiguration::from_oauth_uris(
                "https://as/auth".into(),
                "https://as/token".into(),
            ),
            0.0,
        );
        session.context.patient = patient.map(str::to_string);
        session
    }

    /// The notice of another tab's context, as the user reads it.
    fn notice(ours: Session, theirs: Session) -> String {
        normalize_html(&render_to_html(move || {
            SessionBroker::provide_fixed(Status::SignedIn, Some(ours.clone()), Some(config()));
            let broker = SessionBroker::expect();
            broker
                .elsewhere
                .set(Some(std::sync::Arc::new(theirs.clone())));
            elsewhere_now(broker)
        }))
    }

    #[test]
    fn another_tabs_context_is_named_and_this_tabs_kept_until_the_user_switches() {
        let html = notice(session_at("a", None), session_at("b", Some("p1")));
        assert!(
            html.contains("Another window signed in to Trust B"),
            "{html}"
        );
        assert!(
            html.contains("This window is still signed in to Trust A"),
            "{html}"
        );
        assert!(html.contains("Switch this window to it"), "{html}");
        assert!(html.contains("Keep this window as it is"), "{html}");
        assert!(
            html.contains("save anything you have typed first"),
            "{html}"
        );

        let html = notice(session_at("a", Some("p1")), session_at("a", Some("p2")));
        assert!(
            html.contains("Another window was opened for a different patient"),
            "{html}"
        );
        assert!(
            html.contains("still shows the patient it was opened for"),
            "{html}"
        );
        let html = notice(session_at("a", None), session_at("a", Some("p2")));
        assert!(html.contains("has no patient chosen"), "{html}");
    }

    #[test]
    fn signed_in_users_see_the_pages() {
        let html = render(Status::SignedIn);
        assert!(html.contains("clinical page"), "{html}");
        assert!(!html.contains("Sign in with"), "{html}");
    }
}
