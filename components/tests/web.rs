//! Browser tests: run in headless Chromium by wasm-bindgen's test runner
//! (`cargo test -p bedside --target wasm32-unknown-unknown --test web`).
//!
//! They cover what only a browser has: WebCrypto for PKCE, and the DOM
//! behaviours nhsuk-frontend implements in JavaScript that Bedside does in
//! Rust.
#![cfg(target_arch = "wasm32")]

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use bedside::smart::{CodeVerifier, PkceError};
use bedside::ui::{
    Button, CharacterCount, Checkboxes, Choice, ChoiceItem, Chosen, Details, ErrorLink,
    ErrorSummary, Header, HeaderSearch, Input, NotificationBanner, PasswordInput, Radios, Scroll,
    Select, SelectOption, SkipLink, SortDirection, Table, TableCell, TableColumn, TableSort,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod common;

use common::{container, eventually, find, sleep_ms};

wasm_bindgen_test_configure!(run_in_browser);

/// Counts the clicks a component reports through its `on_click`.
#[derive(Clone, Default)]
struct ClickCounter(Arc<AtomicU32>);

impl ClickCounter {
    /// A callback that counts, and stops links from navigating the test page.
    fn callback(&self) -> Callback<web_sys::MouseEvent> {
        let count = self.0.clone();
        Callback::new(move |ev: web_sys::MouseEvent| {
            ev.prevent_default();
            count.fetch_add(1, Ordering::SeqCst);
        })
    }

    fn count(&self) -> u32 {
        self.0.load(Ordering::SeqCst)
    }
}

#[wasm_bindgen_test]
async fn pkce_challenge_is_webcrypto_sha256_per_rfc7636() {
    // RFC 7636 Appendix B.
    let verifier = CodeVerifier::parse("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        .expect("the RFC's verifier is valid");
    let challenge = verifier.challenge().await.expect("WebCrypto digest");
    assert_eq!(
        challenge.as_str(),
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    );
}

#[wasm_bindgen_test]
async fn generated_verifiers_are_valid_unpredictable_and_hash_differently() {
    let mut seen = HashSet::new();
    let mut challenges = HashSet::new();
    for _ in 0..64 {
        let v = CodeVerifier::generate().expect("crypto.getRandomValues");
        assert_eq!(v.as_str().len(), 43);
        assert!(CodeVerifier::parse(v.as_str()).is_ok(), "{}", v.as_str());
        challenges.insert(v.challenge().await.expect("digest").as_str().to_owned());
        assert!(seen.insert(v.as_str().to_owned()), "a verifier repeated");
    }
    assert_eq!(challenges.len(), 64);
}

#[wasm_bindgen_test]
fn invalid_verifiers_are_refused_before_any_crypto() {
    assert_eq!(CodeVerifier::parse("short"), Err(PkceError::Length(5)));
}

#[wasm_bindgen_test]
async fn prevent_double_click_ignores_a_second_click_within_a_second() {
    let root = container();
    let clicks = ClickCounter::default();
    let on_click = clicks.callback();
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <Button prevent_double_click=true on_click=on_click>"Save observations"</Button>
        }
    });
    leptos::task::tick().await;
    let button = find(&root, "button");
    assert_eq!(
        button.get_attribute("data-prevent-double-click").as_deref(),
        Some("true")
    );

    button.click();
    button.click();
    assert_eq!(
        clicks.count(),
        1,
        "the second click inside the window must be ignored"
    );

    // The guard's window is a second of the event's own timestamps: only
    // time passing can close it.
    sleep_ms(1_100).await;
    button.click();
    assert_eq!(
        clicks.count(),
        2,
        "a click after the window must go through"
    );
}

#[wasm_bindgen_test]
async fn without_the_guard_every_click_counts() {
    let root = container();
    let clicks = ClickCounter::default();
    let on_click = clicks.callback();
    let _mounted = mount_to(
        root.clone(),
        move || view! { <Button on_click=on_click>"Add"</Button> },
    );
    leptos::task::tick().await;
    let button = find(&root, "button");
    button.click();
    button.click();
    button.click();
    assert_eq!(clicks.count(), 3);
}

#[wasm_bindgen_test]
async fn space_activates_a_link_button_like_a_button() {
    let root = container();
    let clicks = ClickCounter::default();
    let on_click = clicks.callback();
    let _mounted = mount_to(root.clone(), move || {
        view! { <Button href="#space-test" on_click=on_click>"Continue"</Button> }
    });
    leptos::task::tick().await;
    let link = find(&root, "a[role=button]");

    let init = web_sys::KeyboardEventInit::new();
    init.set_key(" ");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let space = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("keyboard event");
    let not_cancelled = link.dispatch_event(&space).expect("dispatch");
    assert!(!not_cancelled, "Space must not also scroll the page");
    assert_eq!(clicks.count(), 1);

    init.set_key("a");
    let other = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("keyboard event");
    link.dispatch_event(&other).expect("dispatch");
    assert_eq!(clicks.count(), 1, "only Space activates");
}

#[wasm_bindgen_test]
async fn skip_link_moves_focus_to_main_without_touching_the_address() {
    let root = container();
    let main = document().create_element("main").expect("main");
    main.set_id("skip-target");
    root.append_child(&main).expect("append main");
    let link_holder = container();
    let _mounted = mount_to(
        link_holder.clone(),
        || view! { <SkipLink target="skip-target" /> },
    );
    leptos::task::tick().await;
    let before = window().location().href().expect("href");

    find(&link_holder, "a.nhsuk-skip-link").click();

    let active = document().active_element().expect("something focused");
    assert_eq!(active.id(), "skip-target");
    assert_eq!(active.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(window().location().href().expect("href"), before);

    // Leaving gives the element back its natural tab order.
    active.unchecked_into::<HtmlElement>().blur().expect("blur");
    assert!(!main.has_attribute("tabindex"));
    assert!(
        !main
            .class_list()
            .contains("nhsuk-skip-link-focused-element")
    );
}

/// Records every path the enclosing router shows.
#[component]
fn PathRecorder(seen: Arc<std::sync::Mutex<Vec<String>>>) -> impl IntoView {
    let navigator = bedside::nav::Navigator::expect();
    Effect::new(move || {
        let path = navigator.path().segments().join("/");
        seen.lock().expect("lock").push(path);
    });
}

#[wasm_bindgen_test]
async fn router_takes_over_internal_links_and_leaves_the_rest() {
    use bedside::nav::Router;

    let root = container();
    let start = window().location().pathname().expect("pathname");
    let seen = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let record = seen.clone();
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <Router>
                <PathRecorder seen=record />
                <a id="internal" href="/wards/a%20b?bed=3">"Ward"</a>
                <a id="fragment" href="#section">"Section"</a>
            </Router>
        }
    });
    leptos::task::tick().await;
    let history_before = window()
        .history()
        .expect("history")
        .length()
        .expect("length");

    find(&root, "#internal").click();
    leptos::task::tick().await;
    assert_eq!(
        window().location().pathname().expect("pathname"),
        "/wards/a%20b"
    );
    assert_eq!(window().location().search().expect("search"), "?bed=3");
    assert_eq!(
        window()
            .history()
            .expect("history")
            .length()
            .expect("length"),
        history_before + 1,
        "one history entry, no page load"
    );
    assert_eq!(
        seen.lock().expect("lock").last().map(String::as_str),
        Some("wards/a b")
    );

    // In-page links stay with the browser: the address keeps its path.
    find(&root, "#fragment").click();
    leptos::task::tick().await;
    assert_eq!(
        window().location().pathname().expect("pathname"),
        "/wards/a%20b"
    );
    assert_eq!(window().location().hash().expect("hash"), "#section");

    // Back from the fragment: the same page, without the fragment; the
    // router does not show a new page for it.
    let shown = seen.lock().expect("lock").len();
    window().history().expect("history").back().expect("back");
    eventually("Back to leave the fragment", || {
        window().location().hash().expect("hash").is_empty()
    })
    .await;
    assert_eq!(
        window().location().pathname().expect("pathname"),
        "/wards/a%20b"
    );
    leptos::task::tick().await;
    assert_eq!(seen.lock().expect("lock").len(), shown, "no new page");

    // Back again: the router shows the starting page, through popstate.
    window().history().expect("history").back().expect("back");
    let expected_start = start.trim_matches('/').to_string();
    eventually("the router to show the starting page", || {
        seen.lock().expect("lock").last() == Some(&expected_start)
    })
    .await;
    assert_eq!(window().location().pathname().expect("pathname"), start);
}

#[wasm_bindgen_test]
async fn an_inputs_value_is_two_way_and_its_error_rewires_it() {
    let root = container();
    let value = RwSignal::new("943 476".to_string());
    let error = RwSignal::new(None::<String>);
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <Input name="nhs-number" label="NHS number" hint=|| "10 digits" value=value error=error />
        }
    });
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = find(&root, "input").unchecked_into();
    assert_eq!(input.value(), "943 476", "the caller's value is shown");
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("nhs-number-hint")
    );

    // Typing updates the caller's signal.
    input.set_value("943 476 5919");
    let event = web_sys::Event::new("input").expect("an input event");
    input.dispatch_event(&event).expect("dispatch");
    assert_eq!(value.get_untracked(), "943 476 5919");

    // Setting the signal updates the field.
    value.set(String::new());
    leptos::task::tick().await;
    assert_eq!(input.value(), "");

    // An error appears in the group, in the input's description, and goes.
    error.set(Some("Enter the NHS number".into()));
    leptos::task::tick().await;
    let group = find(&root, ".nhsuk-form-group");
    assert!(group.class_name().contains("nhsuk-form-group--error"));
    assert!(input.class_name().contains("nhsuk-input--error"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("nhs-number-hint nhs-number-error")
    );
    let message = find(&root, "#nhs-number-error");
    assert_eq!(
        message.text_content().as_deref(),
        Some("Error: Enter the NHS number")
    );
    error.set(None);
    leptos::task::tick().await;
    assert!(
        root.query_selector("#nhs-number-error")
            .expect("selector")
            .is_none()
    );
    assert!(!group.class_name().contains("--error"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("nhs-number-hint")
    );
}

#[wasm_bindgen_test]
async fn an_error_summary_takes_focus_and_its_links_focus_their_fields() {
    let root = container();
    let shown = RwSignal::new(false);
    let _mounted = mount_to(root.clone(), move || {
        view! {
            {move || {
                shown
                    .get()
                    .then(|| {
                        view! {
                            <ErrorSummary errors=vec![
                                ErrorLink::to_field("Enter the NHS number", "nhs-number"),
                            ] />
                        }
                    })
            }}
            <Input name="nhs-number" label="NHS number" />
        }
    });
    leptos::task::tick().await;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    shown.set(true);
    let summary = eventually("the summary to appear", || {
        root.query_selector(".nhsuk-error-summary")
            .ok()
            .flatten()
            .is_some()
    });
    summary.await;
    let summary = find(&root, ".nhsuk-error-summary");
    eventually("the summary to take focus", || {
        document.active_element().as_ref() == Some(summary.as_ref())
    })
    .await;
    assert_eq!(summary.get_attribute("tabindex").as_deref(), Some("-1"));

    let hash = || {
        web_sys::window()
            .expect("window")
            .location()
            .hash()
            .unwrap_or_default()
    };
    let hash_before = hash();
    let link = find(&root, ".nhsuk-error-summary__list a");
    link.click();
    let input = find(&root, "#nhs-number");
    assert_eq!(
        document.active_element().map(|e| e.outer_html()),
        Some(input.outer_html()),
        "the link focuses its field"
    );
    assert_eq!(hash(), hash_before, "and does not change the address");
    // Leaving the summary gives back its tab order, as nhsuk-frontend does.
    assert_eq!(summary.get_attribute("tabindex"), None);
}

/// Types `text` into a textarea as a user would: the value, then `input`.
fn type_into(area: &web_sys::HtmlTextAreaElement, text: &str) {
    area.set_value(text);
    let event = web_sys::Event::new("input").expect("an input event");
    area.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn a_character_count_counts_live_marks_the_excess_and_keeps_every_character() {
    let root = container();
    let value = RwSignal::new(String::new());
    let _mounted = mount_to(root.clone(), move || {
        view! { <CharacterCount name="note" label="Handover note" limit=10 threshold=50 value=value /> }
    });
    leptos::task::tick().await;
    let area: web_sys::HtmlTextAreaElement = find(&root, "textarea").unchecked_into();
    // The stated limit stays as the field's description, for screen readers
    // only; the live count and the live region come in.
    let info = find(&root, "#note-info");
    assert_eq!(
        area.get_attribute("aria-describedby").as_deref(),
        Some("note-info")
    );
    assert!(info.class_name().contains("nhsuk-u-visually-hidden"));
    assert_eq!(
        info.text_content().as_deref(),
        Some("You can enter up to 10 characters")
    );
    let status = find(&root, ".nhsuk-character-count__status");
    let live = find(&root, "[aria-live=polite]");
    assert_eq!(status.get_attribute("aria-hidden").as_deref(), Some("true"));
    // Under the threshold (5 of 10): neither shows nor is read.
    assert!(status.hidden());
    assert_eq!(live.get_attribute("aria-hidden").as_deref(), Some("true"));

    type_into(&area, "Fell");
    leptos::task::tick().await;
    assert!(status.hidden(), "4 of 10 is under the threshold");
    type_into(&area, "Fell at");
    leptos::task::tick().await;
    assert!(!status.hidden(), "7 of 10 is over the threshold");
    assert_eq!(
        status.text_content().as_deref(),
        Some("You have 3 characters remaining")
    );
    assert_eq!(live.get_attribute("aria-hidden"), None);
    // The screen reader hears it once typing pauses, not at each letter.
    assert_ne!(
        live.text_content().as_deref(),
        Some("You have 3 characters remaining")
    );
    eventually("the live region announces the count", || {
        live.text_content().as_deref() == Some("You have 3 characters remaining")
    })
    .await;

    // Over the limit: the excess is counted in red and nothing is cut off.
    type_into(&area, "Fell at home \u{1F469}\u{1F3FB}\u{200D}\u{1F680}");
    leptos::task::tick().await;
    assert_eq!(
        status.text_content().as_deref(),
        Some("You have 4 characters too many")
    );
    assert!(status.class_name().contains("nhsuk-error-message"));
    assert!(area.class_name().contains("nhsuk-textarea--error"));
    assert_eq!(
        area.value(),
        "Fell at home \u{1F469}\u{1F3FB}\u{200D}\u{1F680}"
    );
    assert_eq!(value.get_untracked(), area.value());
    assert_eq!(area.get_attribute("maxlength"), None);

    // Setting the value from outside recounts.
    value.set("Fell".into());
    leptos::task::tick().await;
    assert_eq!(area.value(), "Fell");
    assert!(status.hidden());
    assert!(!area.class_name().contains("nhsuk-textarea--error"));
}

#[wasm_bindgen_test]
async fn a_selects_value_is_two_way_and_always_what_it_shows() {
    let root = container();
    let value = RwSignal::new(String::new());
    let options = RwSignal::new(vec![
        SelectOption::new("am", "Morning"),
        SelectOption::new("pm", "Afternoon"),
    ]);
    let _mounted = mount_to(root.clone(), move || {
        view! { <Select name="round" label="Which round?" options=options value=value /> }
    });
    leptos::task::tick().await;
    let select: web_sys::HtmlSelectElement = find(&root, "select").unchecked_into();
    // Nothing chosen yet: the browser shows the first option, and so does
    // the signal.
    assert_eq!(select.value(), "am");
    assert_eq!(value.get_untracked(), "am");

    // Choosing updates the caller's signal.
    select.set_value("pm");
    let event = web_sys::Event::new("change").expect("a change event");
    select.dispatch_event(&event).expect("dispatch");
    assert_eq!(value.get_untracked(), "pm");

    // Setting the signal chooses, even after the user has chosen.
    value.set("am".into());
    leptos::task::tick().await;
    assert_eq!(select.value(), "am");

    // Options that arrive later keep a choice they still have.
    options.set(vec![
        SelectOption::new("night", "Night"),
        SelectOption::new("am", "Morning"),
    ]);
    leptos::task::tick().await;
    assert_eq!(select.value(), "am");
    assert_eq!(value.get_untracked(), "am");
}

/// Clicks a radio or checkbox as a user would.
fn click(root: &HtmlElement, selector: &str) {
    find(root, selector).click();
}

fn checked(root: &HtmlElement, selector: &str) -> bool {
    find(root, selector)
        .unchecked_into::<web_sys::HtmlInputElement>()
        .checked()
}

#[wasm_bindgen_test]
async fn radios_reveal_their_follow_up_question_and_keep_what_was_typed() {
    let root = container();
    let value = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <Radios
                name="contact"
                legend="How should we contact you?"
                value=value
                items=vec![
                    Choice::new("email", "Email")
                        .conditional(move || view! { <Input name="email" label="Email address" value=email /> })
                        .into(),
                    Choice::new("phone", "Phone").into(),
                ]
            />
        }
    });
    leptos::task::tick().await;
    let first = find(&root, "#contact");
    let revealed = find(&root, "#conditional-contact");
    // In the browser the reveal is named in aria-controls, in place of
    // nhsuk-frontend's data-aria-controls; a radio may not carry
    // aria-expanded (ARIA), so it does not.
    assert_eq!(
        first.get_attribute("aria-controls").as_deref(),
        Some("conditional-contact")
    );
    assert_eq!(first.get_attribute("data-aria-controls"), None);
    assert_eq!(first.get_attribute("aria-expanded"), None);
    assert!(revealed.class_name().contains("--hidden"));
    assert_eq!(
        find(&root, "#contact-2").get_attribute("aria-controls"),
        None
    );

    click(&root, "#contact");
    leptos::task::tick().await;
    assert_eq!(value.get_untracked(), "email");
    assert!(!revealed.class_name().contains("--hidden"));
    let address: web_sys::HtmlInputElement = find(&root, "#email").unchecked_into();
    address.set_value("ward7@nhs.net");
    address
        .dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatch");

    // Another answer hides the question; what was typed stays.
    click(&root, "#contact-2");
    leptos::task::tick().await;
    assert_eq!(value.get_untracked(), "phone");
    assert!(revealed.class_name().contains("--hidden"));
    assert_eq!(email.get_untracked(), "ward7@nhs.net");
    assert_eq!(address.value(), "ward7@nhs.net");

    // Setting the value from outside chooses and reveals.
    value.set("email".into());
    leptos::task::tick().await;
    assert!(checked(&root, "#contact"));
    assert!(!checked(&root, "#contact-2"));
    assert!(!revealed.class_name().contains("--hidden"));
}

#[wasm_bindgen_test]
async fn an_exclusive_checkbox_clears_the_others_and_they_clear_it() {
    let root = container();
    let values = RwSignal::new(Chosen::new());
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <Checkboxes
                name="symptoms"
                legend="Which symptoms?"
                values=values
                items=vec![
                    Choice::new("cough", "Cough").into(),
                    Choice::new("fever", "Fever").into(),
                    ChoiceItem::divider("or"),
                    Choice::new("none", "None of these").exclusive().into(),
                ]
            />
        }
    });
    leptos::task::tick().await;
    click(&root, "#symptoms");
    click(&root, "#symptoms-2");
    leptos::task::tick().await;
    assert_eq!(
        values.get_untracked(),
        Chosen::from(["cough".into(), "fever".into()])
    );

    click(&root, "#symptoms-4");
    leptos::task::tick().await;
    assert_eq!(values.get_untracked(), Chosen::from(["none".into()]));
    assert!(!checked(&root, "#symptoms"));
    assert!(!checked(&root, "#symptoms-2"));
    assert!(checked(&root, "#symptoms-4"));

    click(&root, "#symptoms-2");
    leptos::task::tick().await;
    assert_eq!(values.get_untracked(), Chosen::from(["fever".into()]));
    assert!(!checked(&root, "#symptoms-4"));

    // Clearing a box removes it; setting the set from outside checks boxes.
    click(&root, "#symptoms-2");
    leptos::task::tick().await;
    assert!(values.get_untracked().is_empty());
    values.set(Chosen::from(["cough".into()]));
    leptos::task::tick().await;
    assert!(checked(&root, "#symptoms"));
    assert!(!checked(&root, "#symptoms-2"));
}

#[wasm_bindgen_test]
async fn a_checkbox_says_whether_its_follow_up_question_is_shown() {
    let root = container();
    let values = RwSignal::new(Chosen::new());
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <Checkboxes
                name="contact"
                legend="How should we contact you?"
                values=values
                items=vec![
                    Choice::new("email", "Email")
                        .conditional(|| view! { <Input name="email" label="Email address" /> })
                        .into(),
                    Choice::new("post", "Post").into(),
                ]
            />
        }
    });
    leptos::task::tick().await;
    let email = find(&root, "#contact");
    let revealed = find(&root, "#conditional-contact");
    assert_eq!(
        email.get_attribute("aria-controls").as_deref(),
        Some("conditional-contact")
    );
    assert_eq!(email.get_attribute("data-aria-controls"), None);
    assert_eq!(
        email.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        find(&root, "#contact-2").get_attribute("aria-expanded"),
        None
    );
    assert!(revealed.class_name().contains("--hidden"));

    email.click();
    leptos::task::tick().await;
    assert_eq!(
        email.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!revealed.class_name().contains("--hidden"));
    assert!(values.get_untracked().contains("email"));

    values.set(Chosen::new());
    leptos::task::tick().await;
    assert_eq!(
        email.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(revealed.class_name().contains("--hidden"));
}

#[wasm_bindgen_test]
async fn a_password_can_be_shown_is_announced_and_is_hidden_again_on_submit() {
    let root = container();
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <form on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                <PasswordInput name="pin" label="PIN" />
                <button type="submit" id="go">"Go"</button>
            </form>
        }
    });
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = find(&root, "#pin").unchecked_into();
    let toggle = find(&root, ".nhsuk-password-input__toggle");
    let status = find(&root, ".nhsuk-password-input__sr-status");
    // The button appears once the code runs; nothing is announced yet.
    assert!(!toggle.hidden());
    assert_eq!(input.type_(), "password");
    assert_eq!(
        toggle.get_attribute("aria-label").as_deref(),
        Some("Show password")
    );
    assert_eq!(
        toggle.get_attribute("aria-controls").as_deref(),
        Some("pin")
    );
    assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(status.text_content().as_deref(), Some(""));

    toggle.click();
    leptos::task::tick().await;
    assert_eq!(input.type_(), "text");
    assert_eq!(toggle.text_content().as_deref(), Some("Hide"));
    assert_eq!(
        toggle.get_attribute("aria-label").as_deref(),
        Some("Hide password")
    );
    assert_eq!(
        status.text_content().as_deref(),
        Some("Your password is visible")
    );

    // Submitting the form hides it again.
    find(&root, "#go").click();
    leptos::task::tick().await;
    assert_eq!(input.type_(), "password");
    assert_eq!(toggle.text_content().as_deref(), Some("Show"));
    assert_eq!(
        status.text_content().as_deref(),
        Some("Your password is hidden")
    );
}

#[wasm_bindgen_test]
async fn a_header_search_runs_in_the_app_with_the_trimmed_text_and_its_value_is_two_way() {
    let root = container();
    let value = RwSignal::new(String::new());
    let searches = RwSignal::new(Vec::<String>::new());
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <Header service_name="Bedside">
                <HeaderSearch
                    label="Search patients"
                    value=value
                    on_search=move |text| searches.update(|s| s.push(text))
                />
            </Header>
        }
    });
    leptos::task::tick().await;
    // Whether the submission was kept in the app, seen after the
    // component's handler (which Leptos runs from a listener registered
    // earlier); the page is kept either way, so a failure is reported.
    let sent = Arc::new(AtomicU32::new(0));
    let listener = {
        let sent = sent.clone();
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            if !ev.default_prevented() {
                sent.fetch_add(1, Ordering::SeqCst);
                ev.prevent_default();
            }
        })
    };
    window()
        .add_event_listener_with_callback("submit", listener.as_ref().unchecked_ref())
        .expect("listening");
    let input: web_sys::HtmlInputElement = find(&root, "#search-field").unchecked_into();
    input.set_value("  943 476 5919 ");
    input
        .dispatch_event(&web_sys::Event::new("input").expect("an input event"))
        .expect("dispatched");
    assert_eq!(value.get_untracked(), "  943 476 5919 ");

    // A real submission, from the button: had the form been sent, the
    // test page would have gone to ?q=… and the test with it.
    find(&root, ".nhsuk-header__search button[type=submit]").click();
    leptos::task::tick().await;
    assert_eq!(searches.get_untracked(), vec!["943 476 5919".to_string()]);
    assert_eq!(sent.load(Ordering::SeqCst), 0, "the form was sent");
    window()
        .remove_event_listener_with_callback("submit", listener.as_ref().unchecked_ref())
        .expect("no longer listening");

    value.set("Smith".into());
    leptos::task::tick().await;
    assert_eq!(input.value(), "Smith");
}

#[wasm_bindgen_test]
async fn details_open_from_the_summary_and_from_their_signal() {
    let root = container();
    let open = RwSignal::new(false);
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <Details summary="How to find an NHS number" open=open>
                "On any letter from the NHS."
            </Details>
        }
    });
    leptos::task::tick().await;
    let details: web_sys::HtmlDetailsElement = find(&root, "details").unchecked_into();
    assert!(!details.open());

    // The user opens it: the signal follows (the browser's toggle event).
    find(&root, "summary").click();
    eventually("the signal to follow the click", || open.get_untracked()).await;
    assert!(details.open());

    // The page closes it.
    open.set(false);
    leptos::task::tick().await;
    assert!(!details.open());
    find(&root, "summary").click();
    eventually("a second opening", || open.get_untracked()).await;
}

/// The first cell's text of each body row, in the order shown.
fn first_column(root: &HtmlElement) -> Vec<String> {
    let cells = root
        .query_selector_all("tbody tr > :first-child")
        .expect("valid selector");
    (0..cells.length())
        .filter_map(|i| cells.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn a_sortable_table_sorts_says_how_in_aria_sort_and_announces_it() {
    let root = container();
    let rows = RwSignal::new(vec![
        vec![TableCell::new("Bed 10"), TableCell::new("7")],
        vec![TableCell::new("Bed 2"), TableCell::new("No data")],
        vec![TableCell::new("Bed 1"), TableCell::new("12")],
    ]);
    let sort = RwSignal::new(None);
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <Table
                caption="Ward 7B"
                columns=vec![
                    TableColumn::new("Bed").sortable(),
                    TableColumn::new("NEWS2").numeric().sortable_from(SortDirection::Descending),
                ]
                rows=rows
                sort=sort
            />
        }
    });
    leptos::task::tick().await;
    let status = find(&root, "[role=status]");
    assert_eq!(
        first_column(&root),
        ["Bed 10", "Bed 2", "Bed 1"],
        "the given order"
    );
    assert_eq!(
        status.text_content().as_deref(),
        Some(""),
        "nothing to announce yet"
    );
    let bed = find(&root, "th:nth-child(1)");
    let score = find(&root, "th:nth-child(2)");
    assert!(bed.get_attribute("aria-sort").is_none());

    // A score sorts highest first, missing data last; only its column says so.
    find(&root, "th:nth-child(2) button").click();
    leptos::task::tick().await;
    assert_eq!(first_column(&root), ["Bed 1", "Bed 10", "Bed 2"]);
    assert_eq!(
        score.get_attribute("aria-sort").as_deref(),
        Some("descending")
    );
    assert!(bed.get_attribute("aria-sort").is_none());
    assert_eq!(
        find(&root, "th:nth-child(2) button")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        status.text_content().as_deref(),
        Some("Sorted by NEWS2 (descending)")
    );
    assert_eq!(
        sort.get_untracked(),
        Some(TableSort {
            column: 1,
            direction: SortDirection::Descending
        })
    );

    // Again: the other way.
    find(&root, "th:nth-child(2) button").click();
    leptos::task::tick().await;
    assert_eq!(first_column(&root), ["Bed 2", "Bed 10", "Bed 1"]);
    assert_eq!(
        score.get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    assert_eq!(
        status.text_content().as_deref(),
        Some("Sorted by NEWS2 (ascending)")
    );

    // Another column: by words, digits by value; the score column lets go.
    find(&root, "th:nth-child(1) button").click();
    leptos::task::tick().await;
    assert_eq!(first_column(&root), ["Bed 1", "Bed 2", "Bed 10"]);
    assert_eq!(bed.get_attribute("aria-sort").as_deref(), Some("ascending"));
    assert!(score.get_attribute("aria-sort").is_none());
    assert!(
        find(&root, "th:nth-child(2) button")
            .get_attribute("aria-pressed")
            .is_none()
    );
    assert_eq!(
        status.text_content().as_deref(),
        Some("Sorted by Bed (ascending)")
    );

    // New rows (a refreshed list) arrive in the user's order.
    rows.update(|r| r.push(vec![TableCell::new("Bed 3"), TableCell::new("1")]));
    leptos::task::tick().await;
    assert_eq!(first_column(&root), ["Bed 1", "Bed 2", "Bed 3", "Bed 10"]);

    // The page can set the order too.
    sort.set(Some(TableSort {
        column: 1,
        direction: SortDirection::Ascending,
    }));
    leptos::task::tick().await;
    assert_eq!(first_column(&root), ["Bed 2", "Bed 3", "Bed 10", "Bed 1"]);
    assert_eq!(
        score.get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
}

#[wasm_bindgen_test]
async fn a_success_banner_takes_focus_when_it_appears_and_others_do_not() {
    let root = container();
    let saved = RwSignal::new(false);
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <NotificationBanner id="changed" text="The record changed elsewhere." />
            <NotificationBanner id="quiet" success=true disable_auto_focus=true text="Sent." />
            <button id="save">"Save"</button>
            {move || {
                saved
                    .get()
                    .then(|| {
                        view! {
                            <NotificationBanner id="saved" success=true text="Observations saved" />
                        }
                    })
            }}
        }
    });
    leptos::task::tick().await;
    let active = || document().active_element().map(|e| e.id());
    // Neither a region nor a success banner told not to takes focus.
    find(&root, "#save").focus().expect("focus");
    sleep_ms(50).await;
    assert_eq!(active().as_deref(), Some("save"));
    assert_eq!(
        find(&root, "#changed").get_attribute("role").as_deref(),
        Some("region")
    );
    assert_eq!(
        find(&root, "#changed")
            .get_attribute("aria-labelledby")
            .as_deref(),
        Some("changed-title")
    );
    find(&root, "#changed-title");

    // The user saves: the outcome appears, an alert, and takes focus.
    saved.set(true);
    eventually("the success banner to take focus", || {
        active().as_deref() == Some("saved")
    })
    .await;
    assert_eq!(
        find(&root, "#saved").get_attribute("role").as_deref(),
        Some("alert")
    );
}

#[wasm_bindgen_test]
async fn a_scroll_container_is_a_tab_stop_only_while_its_content_overflows() {
    let root = container();
    // The width is set through the style object, as a strict CSP allows.
    let set_width = |el: &HtmlElement, px: &str| {
        el.style().set_property("width", px).expect("width");
    };
    set_width(&root, "200px");
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <h2 id="wide-caption">"A wide chart"</h2>
            <Scroll labelled_by="wide-caption">
                <div id="wide-content">"Observations"</div>
            </Scroll>
        }
    });
    leptos::task::tick().await;
    let content = find(&root, ".nhsuk-scroll__content");
    let outer = find(&root, ".nhsuk-scroll");
    // nhsuk-frontend's CSS is not on the test page: its one rule that
    // matters here.
    content
        .style()
        .set_property("overflow-x", "auto")
        .expect("overflow");
    set_width(&find(&root, "#wide-content"), "600px");
    eventually("the overflow to be seen", || {
        content.get_attribute("tabindex").as_deref() == Some("0")
    })
    .await;
    assert!(outer.class_list().contains("nhsuk-scroll--scrollable"));
    assert!(
        outer
            .class_list()
            .contains("nhsuk-scroll--scrollable-right")
    );
    assert!(!outer.class_list().contains("nhsuk-scroll--scrollable-left"));
    assert_eq!(
        content.get_attribute("aria-labelledby").as_deref(),
        Some("wide-caption")
    );

    // Scrolled to the end: more to see on the left only.
    content.set_scroll_left(1000);
    eventually("the scroll to be seen", || {
        outer.class_list().contains("nhsuk-scroll--scrollable-left")
    })
    .await;
    assert!(
        !outer
            .class_list()
            .contains("nhsuk-scroll--scrollable-right")
    );

    // The content fits again (a wider window): no longer a tab stop.
    set_width(&root, "800px");
    eventually("the fit to be seen", || {
        content.get_attribute("tabindex").is_none()
    })
    .await;
    assert!(!outer.class_list().contains("nhsuk-scroll--scrollable"));
}

/// Known XSS payloads in a FHIR narrative: none may run, none may leave an
/// element or attribute that could, and the text must still be shown.
#[wasm_bindgen_test]
async fn a_hostile_narrative_shows_text_and_runs_nothing() {
    let root = container();
    let hostile = r##"<div xmlns="http://www.w3.org/1999/xhtml">
<p>Seen by <b>Dr Patel</b>.</p>
<script>window.__narrativeRan = 'script'</script>
<img src="x" onerror="window.__narrativeRan = 'onerror'" alt="X-ray"/>
<img src="data:image/png;base64,iVBORw0KGgo=" alt="Wound" onload="window.__narrativeRan = 'onload'"/>
<p onclick="window.__narrativeRan = 'onclick'" style="position:fixed;inset:0" class="nhsuk-skip-link" id="maincontent">Review in 2 weeks.</p>
<a href="javascript:window.__narrativeRan = 'href'">letter</a><a href="#part-2">part 2</a>
<svg><script>window.__narrativeRan = 'svg'</script></svg>
<iframe srcdoc="<script>parent.__narrativeRan = 'iframe'</script>"></iframe>
<math><mtext><table><mglyph><style><img src=x onerror="window.__narrativeRan = 'mxss'"></style></mglyph></table></mtext></math>
<table><tr><td colspan="2" onmouseover="x()">Hb 128 g/L</td></tr></table>
</div>"##;
    let html = hostile.to_string();
    let _mount = mount_to(root.clone(), move || {
        view! { <bedside::clinical::Narrative div=html.clone() /> }
    });
    leptos::task::tick().await;
    sleep_ms(200).await;
    let ran = js_sys::Reflect::get(&window(), &"__narrativeRan".into()).unwrap_or_default();
    assert!(ran.is_undefined(), "a payload ran: {ran:?}");
    let shown = root.inner_html();
    for gone in [
        "<script",
        "onerror",
        "onload",
        "onclick",
        "onmouseover",
        "javascript:",
        "style=",
        "class=\"nhsuk-skip-link",
        "id=\"maincontent",
        "<iframe",
        "<svg",
        "<math",
        "src=\"x\"",
    ] {
        assert!(!shown.contains(gone), "{gone} survived in {shown}");
    }
    let text = root.text_content().unwrap_or_default();
    for kept in [
        "Seen by",
        "Dr Patel",
        "Review in 2 weeks.",
        "letter",
        "part 2",
        "Hb 128 g/L",
        "[image: X-ray]",
    ] {
        assert!(text.contains(kept), "{kept} lost from {text}");
    }
    assert!(
        shown.contains("<b>Dr Patel</b>"),
        "formatting kept: {shown}"
    );
    assert!(
        shown.contains(r##"href="#part-2""##),
        "an in-narrative link kept: {shown}"
    );
    assert!(
        shown.contains(r#"colspan="2""#),
        "table structure kept: {shown}"
    );
    assert!(
        shown.contains("data:image/png;base64"),
        "an embedded image kept: {shown}"
    );
}

/// The NHS number field says nothing while the number is typed, then, once
/// it is left, which rule a wrong number breaks; the message follows the
/// correction, and a valid number is rewritten 3-3-4.
#[wasm_bindgen_test]
async fn an_nhs_number_is_checked_when_the_field_is_left_and_spaced_when_valid() {
    let root = container();
    let value = RwSignal::new(String::new());
    let _mounted = mount_to(root.clone(), move || {
        view! { <bedside::clinical::NhsNumberInput value=value /> }
    });
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = find(&root, "input").unchecked_into();
    let type_in = |text: &str| {
        input.set_value(text);
        input
            .dispatch_event(&web_sys::Event::new("input").expect("an input event"))
            .expect("dispatch");
    };
    let leave = || {
        let init = web_sys::FocusEventInit::new();
        init.set_bubbles(true);
        let event = web_sys::FocusEvent::new_with_focus_event_init_dict("focusout", &init)
            .expect("focusout");
        input.dispatch_event(&event).expect("dispatch");
    };
    let message = || {
        root.query_selector("#nhs-number-error")
            .expect("selector")
            .and_then(|e| e.text_content())
    };

    type_in("943 476 5918");
    leptos::task::tick().await;
    assert_eq!(message(), None, "no message while typing");
    leave();
    leptos::task::tick().await;
    assert_eq!(
        message().as_deref(),
        Some(
            "Error: 943 476 5918 is not a valid NHS number: check the digits, one may be wrong or swapped"
        )
    );
    type_in("943 476 591");
    leptos::task::tick().await;
    assert_eq!(
        message().as_deref(),
        Some("Error: NHS number must be 10 numbers, not 9")
    );
    type_in("943 476 59l9");
    leptos::task::tick().await;
    assert_eq!(
        message().as_deref(),
        Some("Error: NHS number must only include numbers, spaces and dashes, not 'l'")
    );
    type_in("943-476-5919");
    leptos::task::tick().await;
    assert_eq!(
        message(),
        None,
        "the message goes as soon as the number is right"
    );
    leave();
    leptos::task::tick().await;
    assert_eq!(value.get_untracked(), "943 476 5919");
    assert_eq!(input.value(), "943 476 5919");
}

/// A ward list refreshed in place keeps the user's place: the scroll
/// position and the focused link survive the ward's name arriving after its
/// patients, a failed refresh (which leaves the last list on screen under a
/// warning) and a successful one (which brings the new list and clears the
/// warning).
#[wasm_bindgen_test]
async fn a_ward_list_refresh_keeps_the_scroll_position_focus_and_last_list() {
    use bedside::clinical::ward_list::examples::ward;
    use bedside::clinical::{Fetched, WardList};
    let root = container();
    root.set_attribute("style", "width: 960px").expect("width");
    // The test page has no stylesheet: the list's own layout rules.
    let css = document().create_element("style").expect("style");
    css.set_text_content(Some(
        "[role=region]{max-height:20rem;overflow:auto} \
         tbody tr[aria-rowindex] td{height:3rem;white-space:nowrap}",
    ));
    root.append_child(&css).expect("style");
    let patients = RwSignal::new(Fetched::Ready(ward(200)));
    // Until the Location is read, the app captions the list with its id.
    let caption = RwSignal::new("ward-7".to_string());
    let _mount = mount_to(root.clone(), move || {
        view! { <WardList patients=patients caption=caption /> }
    });
    leptos::task::tick().await;
    let scroller = find(&root, "[role=region]");
    scroller.set_scroll_top(2_000);
    let _ = scroller.dispatch_event(&web_sys::Event::new("scroll").expect("event"));
    leptos::task::tick().await;
    sleep_ms(50).await;
    let top = scroller.scroll_top();
    assert!(top > 1_000, "the list scrolled: {top}");
    // Top and bottom on screen (getBoundingClientRect, through Reflect:
    // the tests' web-sys has no DomRect).
    let rect = |el: &JsValue| {
        let measure = js_sys::Reflect::get(el, &"getBoundingClientRect".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(el).ok())
            .unwrap_or_default();
        let side = |name: &str| {
            js_sys::Reflect::get(&measure, &name.into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0)
        };
        (side("top"), side("bottom"))
    };
    // A patient's link in a row now in view, focused as Tab would.
    let link = {
        let links = scroller.query_selector_all("tbody a").expect("links");
        let (region_top, region_bottom) = rect(&scroller);
        (0..links.length())
            .filter_map(|i| links.item(i))
            .map(|l| l.unchecked_into::<HtmlElement>())
            .find(|l| {
                let (top, bottom) = rect(l);
                top > region_top + 60.0 && bottom < region_bottom - 60.0
            })
            .expect("a link in view")
    };
    link.focus().expect("focus");
    let name = link.text_content();
    // Where the patient is on screen: what the user sees must not move.
    let seen_at = rect(&link).0;
    let in_place = || (rect(&link).0 - seen_at).abs() < 2.0;
    let focused = || {
        document()
            .active_element()
            .is_some_and(|a| a.is_same_node(Some(&link)))
    };
    assert!(focused());

    caption.set("Ward 7".into());
    leptos::task::tick().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Ward 7: 200 patients"), "{text}");
    assert_eq!(
        scroller.scroll_top(),
        top,
        "the name arriving keeps the place"
    );
    assert!(focused(), "and the focus");

    patients.set(Fetched::Failed(
        "The clinical record system did not answer in time.".into(),
    ));
    leptos::task::tick().await;
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains("The ward list could not be refreshed"),
        "{text}"
    );
    assert!(text.contains("did not answer in time"), "{text}");
    assert!(
        text.contains("Ward 7: 200 patients"),
        "the last list stays: {text}"
    );
    assert_eq!(scroller.scroll_top(), top, "the place is kept");
    assert!(focused(), "focus stays on the patient's link");

    // The next refresh brings a new patient, sicker than anyone: they go
    // to the top, the warning goes, and the user is still on the same
    // patient, now one row lower.
    let row_index = || {
        link.closest("tr")
            .ok()
            .flatten()
            .and_then(|tr| tr.get_attribute("aria-rowindex"))
            .and_then(|i| i.parse::<u32>().ok())
            .expect("the link's row index")
    };
    let before = row_index();
    let mut next = ward(200);
    let mut newcomer = next
        .iter()
        .max_by_key(|p| p.news2.map(|s| (s.risk, s.total)))
        .cloned()
        .expect("a scored patient");
    newcomer.id = "patient-new".into();
    newcomer.bed = "Bay 0, bed 1".into();
    newcomer.name = "NEWTON, Ada".into();
    next.push(newcomer);
    patients.set(Fetched::Ready(next.clone()));
    leptos::task::tick().await;
    let text = root.text_content().unwrap_or_default();
    assert!(!text.contains("could not be refreshed"), "{text}");
    assert!(text.contains("Ward 7: 201 patients"), "{text}");
    // (The browser's scroll anchoring moves the scroll position by the
    // row added above, so the rows in view stay where they were.)
    assert!(in_place(), "the patient stays where they were on screen");
    assert!(focused(), "focus stays on the patient's link");
    assert_eq!(link.text_content(), name, "the same patient");
    assert_eq!(row_index(), before + 1, "one row lower, and says so");

    // A patient whose details changed gets a fresh row, never a stale
    // one: the next row's patient has been observed again.
    let neighbour = link
        .closest("tr")
        .ok()
        .flatten()
        .and_then(|tr| tr.next_element_sibling())
        .expect("a row after the focused one");
    let bed = neighbour
        .first_element_child()
        .and_then(|cell| cell.text_content())
        .expect("the bed");
    let observed_again = next
        .iter_mut()
        .find(|p| p.bed == bed)
        .expect("the neighbour in the list");
    observed_again.observed = Some("2026-11-21T23:59:00Z".into());
    patients.set(Fetched::Ready(next));
    leptos::task::tick().await;
    let rows = root.query_selector_all("tbody tr").expect("rows");
    let row = (0..rows.length())
        .filter_map(|i| rows.item(i))
        .filter_map(|r| r.text_content())
        .find(|t| t.starts_with(&bed))
        .expect("the neighbour's row is still drawn");
    assert!(
        row.contains("21-Nov-2026 23:59"),
        "the new time shows: {row}"
    );
    assert!(focused(), "focus stays on the patient's link");
}
