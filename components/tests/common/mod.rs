//! Helpers shared by the browser test files (`mod common;` in each).
#![allow(dead_code)] // each test file uses its own subset

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A fresh element under `<body>` for one test to mount into.
pub fn container() -> HtmlElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let el = document
        .create_element("div")
        .expect("create div")
        .unchecked_into::<HtmlElement>();
    document
        .body()
        .expect("body")
        .append_child(&el)
        .expect("append");
    el
}

/// The element under `root` that `selector` matches; fails the test,
/// showing what is there, if none does.
pub fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
        .unchecked_into()
}

/// Waits `ms` milliseconds (a real timer, so the browser runs in between).
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer");
}

/// Waits up to five seconds for `done`, checking every 20 ms; fails the test
/// with `what` if it never comes. For events that take a browser turn or a
/// server's answer: a fixed sleep would be either too short or too long.
pub async fn eventually(what: &str, done: impl Fn() -> bool) {
    for _ in 0..250 {
        if done() {
            return;
        }
        sleep_ms(20).await;
    }
    panic!("timed out waiting for {what}");
}
