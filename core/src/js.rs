//! Small helpers for talking to JavaScript (browser builds only), shared
//! with the crate `bedside`.

use wasm_bindgen::{JsCast, JsValue};

/// The global `crypto` (WebCrypto), from the window or a worker.
pub fn crypto() -> Result<web_sys::Crypto, String> {
    let global = js_sys::global();
    let crypto = if let Some(window) = global.dyn_ref::<web_sys::Window>() {
        window.crypto()
    } else if let Some(worker) = global.dyn_ref::<web_sys::WorkerGlobalScope>() {
        worker.crypto()
    } else {
        return Err("no window or worker".into());
    };
    crypto.map_err(|e| error_message(&e))
}

/// A readable message for a JavaScript exception or rejection value.
pub fn error_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
