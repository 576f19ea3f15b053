//! Browser entry point: mounts [`bedside_app::App`] into `<body>`.

/// talc, not dlmalloc: as fast or faster on wasm, and a quarter of its code,
/// which the first load pays for (measured with the size report).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        // Developers' builds (`trunk serve`): a panic reaches the console with
        // its message instead of "unreachable". Not in release builds, where
        // the hook and the formatting it needs would cost every ward PC's
        // first load; a panic there still stops the app and shows in the
        // console as an error.
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(|| leptos::view! { <bedside_app::App /> });
    }
}
