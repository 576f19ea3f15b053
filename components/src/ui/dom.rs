//! Reading and writing plain DOM properties through `Reflect`, for the
//! measurements components take (widths, scroll positions) and the one
//! style the header's menu sets.
//!
//! Why not web-sys's typed getters: each one wasm-bindgen meets adds a
//! function of its own to the app's JavaScript glue, which every screen
//! downloads first, even where only a split-off component calls it. These
//! go through `Reflect.get` and `Reflect.set`, which the glue has anyway.

use wasm_bindgen::JsValue;

/// `target[name]`, or `undefined`.
pub(crate) fn get(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `target[name]` as a number; 0 where it is not one.
pub(crate) fn number(target: &JsValue, name: &str) -> f64 {
    get(target, name).as_f64().unwrap_or(0.0)
}

/// `target[name] = value`; a refusal (a frozen object) is ignored, as the
/// measurements these serve are hints for layout.
pub(crate) fn set(target: &JsValue, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(name), value);
}
