//! Reading and writing plain DOM properties through `Reflect`, for the
//! measurements components take (widths, scroll positions) and the one
//! style the header's menu sets.
//!
//! Why not web-sys's typed getters: each one wasm-bindgen meets adds a
//! function of its own to the app's JavaScript glue, which every screen
//! downloads first, even where only a split-off component calls it. These
//! go through `Reflect.get` and `Reflect.set`, which the glue has anyway.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

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

/// Calls `changed` when `element` appears, whenever a ResizeObserver sees
/// its size change (a window resized, content added), and not once it is
/// gone: the observer is disconnected when the element is replaced and
/// when the component is dropped.
pub(crate) fn observe_resize<E>(element: NodeRef<E>, changed: impl Fn() + Copy + 'static)
where
    E: leptos::html::ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    type Held = SendWrapper<(web_sys::ResizeObserver, Closure<dyn Fn()>)>;
    let observer = StoredValue::new(None::<Held>);
    let disconnect = move |held: &mut Option<Held>| {
        if let Some(held) = held.take() {
            held.0.disconnect();
        }
    };
    Effect::new(move || {
        let Some(el) = element.get() else {
            return;
        };
        observer.update_value(disconnect);
        changed();
        let callback = Closure::<dyn Fn()>::new(changed);
        if let Ok(resize) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            resize.observe(el.unchecked_ref());
            observer.set_value(Some(SendWrapper::new((resize, callback))));
        }
    });
    on_cleanup(move || {
        observer.try_update_value(disconnect);
    });
}
