//! Browser tests of components that write the page's address and history
//! (tabs). They have a page of their own: in `web.rs`, whose tests run
//! interleaved, their history entries and Back would land in the middle of
//! the router's test.
#![cfg(target_arch = "wasm32")]

use bedside::ui::{TabItem, Tabs};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod common;

use common::{container, eventually, find};

wasm_bindgen_test_configure!(run_in_browser);

/// Sends `key` to `el` as the browser would; whether the page took it
/// (cancelled the default).
fn press(el: &HtmlElement, key: &str) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("keyboard event");
    !el.dispatch_event(&event).expect("dispatch")
}

fn active_id() -> Option<String> {
    document().active_element().map(|e| e.id())
}

#[wasm_bindgen_test]
async fn tabs_follow_the_wai_aria_pattern_keys_clicks_and_the_address() {
    // The test page is wider than nhsuk-frontend's tablet breakpoint, so
    // these are tabs, not the narrow screen's list of links.
    assert!(
        window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(0.0)
            >= 641.0
    );
    let root = container();
    let selected = RwSignal::new(0);
    let panel = |text: &'static str| move || view! { <p>{text}</p> };
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <Tabs
                items=vec![
                    TabItem::new("obs", "Observations", panel("NEWS2 3")),
                    TabItem::new("results", "Results", panel("Hb 128")),
                    TabItem::new("medicines", "Medicines", panel("Paracetamol")),
                ]
                selected=selected
            />
        }
    });
    leptos::task::tick().await;
    let tab = |id: &str| find(&root, &format!("#tab_{id}"));
    let shown = |root: &HtmlElement| {
        let panels = root
            .query_selector_all("[role=tabpanel]:not(.nhsuk-tabs__panel--hidden)")
            .expect("selector");
        (0..panels.length())
            .filter_map(|i| panels.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.id())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        find(&root, "ul").get_attribute("role").as_deref(),
        Some("tablist")
    );
    assert_eq!(tab("obs").get_attribute("role").as_deref(), Some("tab"));
    assert_eq!(
        tab("obs").get_attribute("aria-controls").as_deref(),
        Some("obs")
    );
    assert_eq!(
        find(&root, "#obs")
            .get_attribute("aria-labelledby")
            .as_deref(),
        Some("tab_obs")
    );
    assert_eq!(shown(&root), ["obs"]);
    // Only the chosen tab is in the Tab order.
    assert_eq!(tab("obs").get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(
        tab("results").get_attribute("tabindex").as_deref(),
        Some("-1")
    );

    tab("obs").focus().expect("focus");
    assert!(
        press(&tab("obs"), "ArrowRight"),
        "the arrow must not scroll the page"
    );
    leptos::task::tick().await;
    assert_eq!(selected.get_untracked(), 1);
    assert_eq!(active_id().as_deref(), Some("tab_results"));
    assert_eq!(
        tab("results").get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert_eq!(
        tab("obs").get_attribute("aria-selected").as_deref(),
        Some("false")
    );
    assert_eq!(
        tab("results").get_attribute("tabindex").as_deref(),
        Some("0")
    );
    assert_eq!(shown(&root), ["results"]);
    assert_eq!(window().location().hash().ok().as_deref(), Some("#results"));

    assert!(press(&tab("results"), "End"));
    leptos::task::tick().await;
    assert_eq!(active_id().as_deref(), Some("tab_medicines"));
    assert!(
        press(&tab("medicines"), "ArrowRight"),
        "round from the last"
    );
    leptos::task::tick().await;
    assert_eq!(active_id().as_deref(), Some("tab_obs"));
    assert!(press(&tab("obs"), "ArrowLeft"), "round from the first");
    leptos::task::tick().await;
    assert_eq!(active_id().as_deref(), Some("tab_medicines"));
    assert!(press(&tab("medicines"), "Home"));
    leptos::task::tick().await;
    assert_eq!(active_id().as_deref(), Some("tab_obs"));
    assert_eq!(shown(&root), ["obs"]);
    assert!(!press(&tab("obs"), "a"), "other keys are left alone");

    // A click chooses without following the link (no jump to the panel).
    tab("medicines").click();
    leptos::task::tick().await;
    assert_eq!(shown(&root), ["medicines"]);
    assert_eq!(
        window().location().hash().ok().as_deref(),
        Some("#medicines")
    );

    // Back returns to the tab before, and focuses it.
    window().history().expect("history").back().expect("back");
    eventually("Back to choose the tab before", || {
        selected.get_untracked() == 0
    })
    .await;
    assert_eq!(shown(&root), ["obs"]);
    eventually("the chosen tab to take focus", || {
        active_id().as_deref() == Some("tab_obs")
    })
    .await;

    // The page can choose too.
    selected.set(1);
    leptos::task::tick().await;
    assert_eq!(shown(&root), ["results"]);
}
