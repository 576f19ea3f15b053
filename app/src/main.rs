//! Browser entry point: mounts [`bedside_app::App`] into `<body>`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        // Panics reach the console with a message instead of "unreachable".
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(|| leptos::view! { <bedside_app::App /> });
    }
}
