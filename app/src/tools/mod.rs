//! The clinical tools the launcher offers.
//!
//! Each tool is a module of its own with one [`Tool`] entry in [`TOOLS`]:
//! its address, its name and summary for the launcher, and its split point
//! (`load` fetches the tool's code, `open` builds its page once the code is
//! here). What only a tool uses is in the tool's own wasm file, so adding a
//! tool adds nothing to what a ward PC downloads to sign in; the size report
//! gives each tool's file its own budget. A tool that reads FHIR builds its
//! page inside `routes::home::with_fhir_client`, within its split point.

pub mod find_patient;
pub mod observations;

use bedside::on_demand::SplitLoaderError;
use futures::future::LocalBoxFuture;
use leptos::prelude::AnyView;

/// One clinical tool.
pub struct Tool {
    /// Its address, `/<slug>`; also the name of its wasm file.
    pub slug: &'static str,
    /// What the launcher and the page title call it.
    pub name: &'static str,
    /// One sentence on what it is for, under its name in the launcher.
    pub summary: &'static str,
    /// Fetches the tool's code (its split point's `preload`).
    pub load: fn() -> LocalBoxFuture<'static, Result<(), SplitLoaderError>>,
    /// Builds the tool's page: its split point, ready once `load` is done.
    pub open: fn() -> LocalBoxFuture<'static, Result<AnyView, SplitLoaderError>>,
}

/// Every tool, in launcher order.
pub static TOOLS: &[Tool] = &[find_patient::TOOL, observations::TOOL];

/// The tool at `/<slug>`.
pub fn tool(slug: &str) -> Option<&'static Tool> {
    TOOLS.iter().find(|t| t.slug == slug)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn tool_addresses_are_unique_slugs_that_no_page_uses() {
        let mut seen = HashSet::new();
        for t in TOOLS {
            assert!(
                !t.slug.is_empty() && t.slug.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                t.slug
            );
            assert!(seen.insert(t.slug), "two tools at /{}", t.slug);
            assert!(
                !["gallery", "auth", "launch"].contains(&t.slug),
                "/{} is taken",
                t.slug
            );
        }
        assert_eq!(tool("find-patient").map(|t| t.name), Some("Find a patient"));
        assert!(tool("Find-patient").is_none());
    }
}
