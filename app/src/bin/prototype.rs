//! Browser entry point of prototype mode (`make prototype`): the reference
//! app, built with the `prototype` feature, mounted into `<body>`.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
fn start() {
    // Designers' builds: a panic says what and where in the console.
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| leptos::view! { <bedside_app::App /> });
}

/// Native builds (clippy) need an entry point; the prototype runs only in a
/// browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
