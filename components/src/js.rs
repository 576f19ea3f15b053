//! Small helpers for talking to JavaScript (browser builds only).

use wasm_bindgen::{JsCast, JsValue};

/// A readable message for a JavaScript exception or rejection value.
pub(crate) fn error_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
