//! Browser entry point: mounts [`bedside_gallery::Gallery`] into `<body>`.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
fn start() {
    // The gallery is for people building screens: a panic says what and
    // where in the console, in release builds too.
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| leptos::view! { <bedside_gallery::Gallery /> });
}

/// Native builds (tests, clippy) need an entry point; the gallery runs only
/// in a browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
