//! Benchmark, not a test of speed: a 10,000-patient ward list drawn and
//! scrolled in the browser, virtualised, next to the same list with every
//! row drawn, measured in the same run. Run by `make bench` (and by `make
//! test`, which prints the figures and asserts only that both lists drew and
//! scrolled, and that the clock moved).
//!
//! For each: the first render (mounting the list until its rows are laid
//! out), then 40 scroll steps through the list, each timed from setting the
//! scroll position to the new rows laid out (including one task's wait, in
//! both, for the list's effects to run); the longest step is the longest
//! task a user scrolling would meet.
#![cfg(target_arch = "wasm32")]

use bedside::clinical::ward_list::examples::ward;
use bedside::clinical::{Fetched, WardList};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PATIENTS: usize = 10_000;
const STEPS: usize = 40;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance.now, to time the runs")
        .now()
}

/// One task later: the list's effects (scheduled as microtasks) have run.
/// A `MessageChannel` message, not a timer, which browsers clamp and align
/// with frames (it made every step about 16 ms, whatever the list did).
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let global = js_sys::global();
        let channel = js_sys::Reflect::get(&global, &"MessageChannel".into())
            .ok()
            .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
            .and_then(|c| js_sys::Reflect::construct(&c, &js_sys::Array::new()).ok())
            .expect("MessageChannel");
        let port = |name: &str| js_sys::Reflect::get(&channel, &name.into()).expect("port");
        let _ = js_sys::Reflect::set(&port("port1"), &"onmessage".into(), &resolve);
        let post = js_sys::Reflect::get(&port("port2"), &"postMessage".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .expect("postMessage");
        let _ = post.call1(&port("port2"), &JsValue::NULL);
    });
    let _ = JsFuture::from(promise).await;
}

fn number(target: &JsValue, name: &str) -> f64 {
    js_sys::Reflect::get(target, &name.into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

struct Figures {
    first_render: f64,
    longest_step: f64,
    median_step: f64,
    rows_in_document: usize,
}

async fn measure(all_rows: bool) -> Figures {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let host: web_sys::HtmlElement = document
        .create_element("div")
        .expect("div")
        .unchecked_into();
    host.set_attribute("style", "width: 960px").expect("width");
    // The test page has no stylesheet: the list's own layout rules
    // (ward_list.module.css), which virtualisation relies on.
    let css = document.create_element("style").expect("style");
    css.set_text_content(Some(
        "[role=region]{max-height:30rem;overflow:auto} \
         table{table-layout:fixed;width:100%;min-width:44rem} \
         tbody tr[aria-rowindex] td{height:3rem;padding:0 8px;overflow:hidden;white-space:nowrap}",
    ));
    host.append_child(&css).expect("style");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let patients = Fetched::Ready(ward(PATIENTS));

    let start = now();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <WardList patients=patients caption="Every inpatient" all_rows=all_rows /> }
    });
    tick().await;
    let _ = host.offset_height();
    let first_render = now() - start;

    let scroller: JsValue = host
        .query_selector("[role=region]")
        .ok()
        .flatten()
        .expect("the list's scroll region")
        .into();
    let full = number(&scroller, "scrollHeight") - number(&scroller, "clientHeight");
    assert!(full > 0.0, "the list scrolls");
    let mut steps = Vec::with_capacity(STEPS);
    for step in 1..=STEPS {
        let start = now();
        let _ = js_sys::Reflect::set(
            &scroller,
            &"scrollTop".into(),
            &(full * step as f64 / STEPS as f64).into(),
        );
        let event = web_sys::Event::new("scroll").expect("event");
        let _ = scroller
            .unchecked_ref::<web_sys::EventTarget>()
            .dispatch_event(&event);
        tick().await;
        let _ = host.offset_height();
        steps.push(now() - start);
    }
    // The last patient is drawn at the end of the list.
    let last = host
        .query_selector(&format!("[aria-rowindex=\"{}\"]", PATIENTS + 1))
        .ok()
        .flatten();
    assert!(last.is_some(), "the last row is drawn at the bottom");
    let rows_in_document = host
        .query_selector_all("tbody tr")
        .map(|l| l.length() as usize)
        .unwrap_or(0);
    drop(handle);
    host.remove();
    steps.sort_by(f64::total_cmp);
    Figures {
        first_render,
        longest_step: steps[STEPS - 1],
        median_step: steps[STEPS / 2],
        rows_in_document,
    }
}

#[wasm_bindgen_test]
async fn ward_list_of_10000_patients() {
    let virtualised = measure(false).await;
    let every_row = measure(true).await;
    assert!(
        virtualised.first_render > 0.0 && every_row.first_render > 0.0,
        "the clock did not advance: no figures to report"
    );
    assert!(virtualised.rows_in_document < 100 && every_row.rows_in_document > PATIENTS);
    console_log!(
        "BENCH ward-list, {PATIENTS} patients, {STEPS} scroll steps\n  \
         virtualised:     first render {:.0} ms, longest scroll step {:.1} ms (median {:.1} ms), {} rows in the document\n  \
         every row drawn: first render {:.0} ms, longest scroll step {:.1} ms (median {:.1} ms), {} rows in the document\n  \
         the virtualised list's first render takes {:.3}x the baseline's time",
        virtualised.first_render,
        virtualised.longest_step,
        virtualised.median_step,
        virtualised.rows_in_document,
        every_row.first_render,
        every_row.longest_step,
        every_row.median_step,
        every_row.rows_in_document,
        virtualised.first_render / every_row.first_render
    );
}
