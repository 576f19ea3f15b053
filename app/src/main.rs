//! Browser entry point: mounts [`bedside_app::App`] into `<body>`.
//!
//! In the browser there is no `fn main`: wasm-bindgen's start function mounts
//! the app. A Rust `main` would bring the standard library's runtime start-up
//! (naming the main thread, flushing stdout at exit, the I/O error texts
//! those need), which no browser uses and every first load would pay for.
#![cfg_attr(target_arch = "wasm32", no_main)]

/// talc, not dlmalloc: as fast or faster on wasm, and a quarter of its code,
/// which the first load pays for (measured with the size report).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
fn start() {
    // Developers' builds (`trunk serve`): a panic reaches the console with
    // its message instead of "unreachable". Not in release builds, where
    // the hook and the formatting it needs would cost every ward PC's
    // first load; a panic there still stops the app and shows in the
    // console as an error.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| leptos::view! { <bedside_app::App /> });
}

/// Native builds (tests, clippy) need an entry point; the app runs only in a
/// browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
