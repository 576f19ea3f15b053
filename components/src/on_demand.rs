//! Code that arrives when it is first needed.
//!
//! A ward PC should download the shell, sign-in and the launcher, and each
//! clinical tool only when somebody opens it: otherwise every tool added to
//! the app makes every page slower to start. An app marks a function as a
//! *split point* with [`wasm_split`]; the build (`scripts/post-build.mjs`,
//! which runs the splitter in `tools/wasm-split`) moves everything that only
//! that function reaches into a wasm file of its own, fetched the first time
//! the function, or its `preload`, is called. Code that several split points
//! share goes into a shared file that loads once for all of them, cut along
//! the app's split-point groups (`[package.metadata.bedside] split_groups` in
//! its `Cargo.toml`) so that a first open fetches a handful of files.
//!
//! ```
//! use bedside::on_demand::{OnDemand, SplitLoaderError, ready, wasm_split};
//! use leptos::prelude::*;
//!
//! #[component]
//! fn ResultsTool() -> impl IntoView {
//!     view! { <h1>"Results"</h1> }
//! }
//!
//! // Everything only `results_page` reaches lands in `results.wasm`.
//! #[wasm_split(results, preload(load_results), fallible)]
//! fn results_page() -> Result<AnyView, SplitLoaderError> {
//!     Ok(view! { <ResultsTool /> }.into_any())
//! }
//!
//! #[component]
//! fn ResultsPage() -> impl IntoView {
//!     view! {
//!         <OnDemand what="Results" load=load_results>
//!             {|| ready(results_page())}
//!         </OnDemand>
//!     }
//! }
//! ```
//!
//! Why `fallible`: without it a failed fetch (a ward's Wi-Fi dropping)
//! panics, and a panic aborts the whole wasm module, page and typed text
//! included. With it the failure is a value: [`OnDemand`] says what could not
//! be loaded and offers "Try again"; nothing on the page is lost, and the next
//! attempt fetches afresh (failures are not remembered).
//!
//! Why the view is built in two steps (`preload`, then [`ready`]): once the
//! code is here, calling the split function completes in its first poll, so
//! the view is built synchronously in the normal render, in the caller's
//! reactive owner, with its context (navigator, session, FHIR client).
//!
//! Outside the browser (native tests, server rendering) a split function is
//! an ordinary call and `preload` completes at once.
//!
//! The styles come the same way: the first stylesheet has only the rules
//! the first screens use, and [`OnDemand`] loads the rest ([`later_styles`])
//! with the first code it fetches, so a tool's form or table is never shown
//! unstyled and the first page never waits for styles it does not use.
//!
//! The attribute expands to paths in `wasm_split_helpers`, so a crate that
//! declares split points depends on it too; and its wasm must go through the
//! splitting step (`scripts/split-wasm.mjs`, or cargo-leptos `--split`),
//! since a split point is an import that only that step provides.

use std::fmt::Display;
use std::future::Future;

use futures::FutureExt;
use leptos::prelude::*;

use crate::ui::{Button, ButtonType, ButtonVariant, ProblemSummary};

pub use wasm_split_helpers::{SplitLoaderError, wasm_split};

/// Where an [`OnDemand`] part is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Ready,
    Failed,
}

/// Shows `children` once `load` has fetched the code they need; meanwhile
/// a loading message (announced to screen readers), and if the code cannot
/// be fetched, an NHS error summary with "Try again".
#[component]
pub fn OnDemand<L, F>(
    /// What is loading, as the user would name it: "Find a patient", "the
    /// component gallery".
    #[prop(into)]
    what: String,
    /// Fetches the code: the split function's `preload`. Called again by
    /// "Try again".
    load: L,
    /// Renders once the code is here (calls the split function through
    /// [`ready`]).
    children: ChildrenFn,
    /// What arrives needs only the first stylesheet (the app's launcher, or
    /// "page not found" for an address its registry does not know), so the
    /// later one is left for the first part that needs it.
    #[prop(optional)]
    first_styles_only: bool,
) -> impl IntoView
where
    L: Fn() -> F + Clone + Send + Sync + 'static,
    F: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    let (phase, retry) = track(load, !first_styles_only);
    move || match phase.get() {
        Phase::Ready => children().into_any(),
        Phase::Loading => view! {
            <p class="nhsuk-body-l" role="status" data-testid="on-demand-loading">
                {format!("Loading {what}…")}
            </p>
        }
        .into_any(),
        Phase::Failed => {
            let retry = retry.clone();
            view! {
                <LoadProblem message=format!(
                    "Could not load {what}. Check your connection, then try again. Nothing you have typed elsewhere is lost.",
                ) />
                <Button
                    button_type=ButtonType::Button
                    variant=ButtonVariant::Secondary
                    on_click=Callback::new(move |_| retry())
                >
                    "Try again"
                </Button>
            }
            .into_any()
        }
    }
}

/// [`OnDemand`] for a part after the page's own content (other vendors'
/// apps, decision support cards): nothing shows while it loads, and a
/// failure is a line with "Try again", not an error summary that takes the
/// user's focus from what they came for.
#[component]
pub fn QuietlyOnDemand<L, F>(
    /// What is loading, as the user would name it ("the other apps").
    #[prop(into)]
    what: String,
    /// Fetches the code: the split function's `preload`.
    load: L,
    /// Renders once the code is here (through [`ready`]).
    children: ChildrenFn,
) -> impl IntoView
where
    L: Fn() -> F + Clone + Send + Sync + 'static,
    F: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    let (phase, retry) = track(load, true);
    move || match phase.get() {
        Phase::Ready => children().into_any(),
        Phase::Loading => ().into_any(),
        Phase::Failed => {
            let retry = retry.clone();
            view! {
                <p class="nhsuk-body-s">
                    {format!("Could not load {what}. ")}
                    <Button
                        button_type=ButtonType::Button
                        variant=ButtonVariant::Secondary
                        small=true
                        on_click=Callback::new(move |_| retry())
                    >
                        "Try again"
                    </Button>
                </p>
            }
            .into_any()
        }
    }
}

/// Where `load` (with the later stylesheet if `styles`) is, and how to
/// start it again; started at once.
fn track<L, F>(load: L, styles: bool) -> (RwSignal<Phase>, impl Fn() + Clone)
where
    L: Fn() -> F + Clone + Send + Sync + 'static,
    F: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    let phase = RwSignal::new(Phase::Loading);
    let start = move || {
        let mut pending = with_later_styles(Box::pin(load()), styles);
        // Code that is already here must not flash a loading message.
        match (&mut pending).now_or_never() {
            Some(result) => phase.set(settled(result)),
            None => {
                phase.set(Phase::Loading);
                leptos::task::spawn_local(async move {
                    let result = pending.await;
                    // The user may have moved on: the signal is gone then.
                    let _ = phase.try_set(settled(result));
                });
            }
        }
    };
    start();
    (phase, start)
}

/// `code`, with [`later_styles`] if `styles`: both fetches start at once.
/// One function for every [`OnDemand`] (which is generic): each instance
/// would carry its own copy.
fn with_later_styles(
    code: futures::future::LocalBoxFuture<'static, Result<(), SplitLoaderError>>,
    styles: bool,
) -> futures::future::LocalBoxFuture<'static, Result<(), SplitLoaderError>> {
    if !styles {
        return code;
    }
    let styles = later_styles();
    Box::pin(async move {
        let code = code.await;
        styles.await;
        code
    })
}

/// The stylesheet for what arrives on demand: nhsuk-frontend's rules that
/// the first screens do not use (`scripts/build-css.mjs` writes it, and
/// `scripts/post-build.mjs` names it in index.html's
/// `<meta name="bedside-later-css">`). Added to the page, once, when this is
/// called (its fetch starts then); the future resolves when it has loaded,
/// or failed to (a page without some styles is better than none).
/// [`OnDemand`] waits for it alongside the code.
pub fn later_styles() -> futures::future::LocalBoxFuture<'static, ()> {
    #[cfg(target_arch = "wasm32")]
    {
        let loaded = later_stylesheet().map(wasm_bindgen_futures::JsFuture::from);
        Box::pin(async move {
            if let Some(loaded) = loaded {
                let _ = loaded.await;
            }
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Box::pin(async {})
    }
}

/// The later stylesheet's `<link>`, added if it is not there yet, and a
/// promise of its loading (kept on the element, so every caller waits for
/// the one load); `None` without the `<meta>` that names it.
#[cfg(target_arch = "wasm32")]
fn later_stylesheet() -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    const LINK: &str = "bedside-later-css";
    let document = document();
    if let Some(link) = document.get_element_by_id(LINK) {
        return js_sys::Reflect::get(&link, &"bedsideLoaded".into())
            .ok()?
            .dyn_into()
            .ok();
    }
    let href = document
        .query_selector("meta[name=bedside-later-css]")
        .ok()??
        .get_attribute("content")?;
    let link = document.create_element("link").ok()?;
    let _ = link.set_attribute("rel", "stylesheet");
    link.set_id(LINK);
    // Settles on load or error: either way the page goes on.
    let loaded = js_sys::Promise::new(&mut |resolve, _| {
        let _ = js_sys::Reflect::set(&link, &"onload".into(), &resolve);
        let _ = js_sys::Reflect::set(&link, &"onerror".into(), &resolve);
    });
    let _ = js_sys::Reflect::set(&link, &"bedsideLoaded".into(), &loaded);
    let _ = link.set_attribute("href", &href);
    let _ = document.head()?.append_child(&link);
    Some(loaded)
}

fn settled(result: Result<(), SplitLoaderError>) -> Phase {
    match result {
        Ok(()) => Phase::Ready,
        Err(_) => Phase::Failed,
    }
}

/// Starts `load` (a split point's `preload`) and lets it finish on its own:
/// code the next step needs, fetched while the user reads this one, so that
/// their click does not wait for it. A failure is left for the step itself,
/// whose [`OnDemand`] fetches afresh and says so if it cannot.
pub fn prefetch(load: impl Future<Output = Result<(), SplitLoaderError>> + 'static) {
    leptos::task::spawn_local(async move {
        let _ = load.await;
    });
}

/// Calls `then` once the browser is idle after what is on screen now has
/// been painted, or after a second where the browser has no idle callback
/// (Safari): for a [`prefetch`] that must not compete with the page the user
/// is waiting for.
pub fn when_idle(then: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        // Leptos' helpers take a callback that could be called again.
        let then = std::rc::Rc::new(std::cell::Cell::new(Some(then)));
        let once = move || {
            if let Some(then) = then.take() {
                then()
            }
        };
        // The idle callback asked for in the next frame, so that it comes
        // after that frame is painted: asked for now, it can come first.
        request_animation_frame(move || {
            if request_idle_callback_with_handle(once.clone()).is_err() {
                set_timeout(once, std::time::Duration::from_secs(1));
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    drop(then);
}

/// The `load` of an [`OnDemand`] whose code is in the app's main module
/// already: an app that does not split its wasm (a trust's app built with
/// plain Trunk) still wraps its tools in [`OnDemand`], which then waits
/// only for the later stylesheet, so a tool's tables and charts are never
/// shown unstyled and the first page does not fetch their styles.
///
/// ```
/// use bedside::on_demand::{OnDemand, already_here};
/// use leptos::prelude::*;
///
/// #[component]
/// fn ResultsPage() -> impl IntoView {
///     view! {
///         <OnDemand what="Results" load=already_here>
///             <h1>"Results"</h1>
///         </OnDemand>
///     }
/// }
/// ```
pub fn already_here() -> std::future::Ready<Result<(), SplitLoaderError>> {
    std::future::ready(Ok(()))
}

/// The view a split function returns, once its code is loaded (inside
/// [`OnDemand`]'s children). Should the code not be ready after all, an
/// error summary says so rather than a blank page.
pub fn ready<E: Display>(split: impl Future<Output = Result<AnyView, E>>) -> AnyView {
    match split.now_or_never() {
        Some(Ok(view)) => view,
        Some(Err(e)) => view! { <LoadProblem message=e.to_string() /> }.into_any(),
        None => view! { <LoadProblem message="This part of the app is still loading. Try again in a moment." /> }
            .into_any(),
    }
}

#[component]
fn LoadProblem(#[prop(into)] message: String) -> impl IntoView {
    view! { <ProblemSummary id="on-demand-problem" title="There is a problem" message=message /> }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::{normalize_html, render_to_html};

    async fn page() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <p>"the tool"</p> }.into_any())
    }

    #[test]
    fn code_that_is_here_renders_at_once_without_a_loading_message() {
        let html = normalize_html(&render_to_html(|| {
            view! {
                <OnDemand what="Find a patient" load=already_here>
                    {|| ready(page())}
                </OnDemand>
            }
        }));
        assert!(html.contains("the tool"), "{html}");
        assert!(!html.contains("Loading"), "{html}");
    }

    #[test]
    fn a_split_function_that_cannot_finish_at_once_says_so() {
        let html = normalize_html(&render_to_html(|| {
            ready(futures::future::pending::<Result<AnyView, SplitLoaderError>>())
        }));
        assert!(html.contains(r#"class="nhsuk-error-summary""#), "{html}");
        assert!(html.contains("still loading"), "{html}");
    }
}
