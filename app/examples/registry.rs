//! Prints the app's registries as JSON: every documented component with its
//! examples (`bedside::gallery::COMPONENTS`) and every tool (`TOOLS`).
//!
//! The end-to-end suite reads this (`e2e/tests/registry.ts`) for the lists it
//! expects: the gallery must show exactly these components and examples, and
//! the launcher exactly these tools, so adding one adds its checks without a
//! number typed into a spec.

// A native tool: the browser build of the examples has nothing to print.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use bedside::gallery::COMPONENTS;
    use bedside_app::tools::TOOLS;
    use serde_json::json;

    pub fn main() {
        let components: Vec<_> = COMPONENTS
            .iter()
            .map(|c| {
                json!({
                    "slug": c.slug,
                    "title": c.title,
                    "examples": c.examples.iter().map(|e| json!({
                        "name": e.name,
                        "title": e.title,
                        "hidden": e.hidden,
                        "nhsukFixture": e.nhsuk_fixture,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let tools: Vec<_> = TOOLS
            .iter()
            .map(|t| json!({ "slug": t.slug, "name": t.name, "summary": t.summary }))
            .collect();
        println!("{}", json!({ "components": components, "tools": tools }));
    }
}
