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
pub mod results;
pub mod summary;
pub mod ward_list;

use bedside::on_demand::SplitLoaderError;
use bedside::smart::scope::{Context, Scope};
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
    /// A page about one patient (`?patient=<id>`): listed among each
    /// patient page's links to the others, under the patient banner.
    pub patient: bool,
    /// What it does on the FHIR server: a resource type and a SMART
    /// permission (`r`ead, `s`earch, `c`reate). The launcher offers the
    /// tool only if the granted scopes allow all of it.
    pub needs: &'static [(&'static str, char)],
    /// Fetches the tool's code (its split point's `preload`).
    pub load: fn() -> LocalBoxFuture<'static, Result<(), SplitLoaderError>>,
    /// Builds the tool's page: its split point, ready once `load` is done.
    pub open: fn() -> LocalBoxFuture<'static, Result<AnyView, SplitLoaderError>>,
}

/// A `load` for a tool whose code is two split points, the page and a part
/// it always shows (Observations' form, the ward list's table): both files
/// fetched at once, each within a split point's budget, with no second round
/// trip before the part.
pub async fn load_together(
    page: impl std::future::Future<Output = Result<(), SplitLoaderError>>,
    part: impl std::future::Future<Output = Result<(), SplitLoaderError>>,
) -> Result<(), SplitLoaderError> {
    let (page, part) = futures::join!(page, part);
    page.and(part)
}

/// A tool page's address: `/<slug>?<pairs>`, form-encoded.
pub fn href(slug: &str, pairs: &[(&str, &str)]) -> String {
    format!("/{slug}?{}", bedside::url::form(pairs))
}

/// Every tool, in launcher order.
pub static TOOLS: &[Tool] = &[
    find_patient::TOOL,
    summary::TOOL,
    observations::TOOL,
    results::TOOL,
    ward_list::TOOL,
];

/// What the granted `scopes` do not allow that `tool` needs, in words
/// ("search Location records"); empty when the tool can be used. With a
/// patient in context (an EHR launch), `patient/` scopes count for the
/// tools about one patient; every tool counts `user/` scopes.
pub fn missing(tool: &Tool, scopes: &[Scope], patient_in_context: bool) -> Vec<String> {
    let allowed = |resource_type: &str, permission: char| {
        scopes.iter().any(|s| {
            s.allows(Context::User, resource_type, permission)
                || (patient_in_context
                    && tool.patient
                    && s.allows(Context::Patient, resource_type, permission))
        })
    };
    tool.needs
        .iter()
        .filter(|(resource_type, permission)| !allowed(resource_type, *permission))
        .map(|(resource_type, permission)| {
            let verb = match permission {
                'c' => "create",
                'r' => "read",
                'u' => "update",
                'd' => "delete",
                _ => "search",
            };
            format!("{verb} {resource_type} records")
        })
        .collect()
}

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
        for not_a_tool in ["Find-patient", "nope", "auth", "Gallery", ""] {
            assert!(tool(not_a_tool).is_none(), "{not_a_tool}");
        }
    }

    fn scopes(granted: &str) -> Vec<Scope> {
        bedside::smart::scope::parse_scopes(granted)
    }

    #[test]
    fn a_tool_is_offered_only_when_the_granted_scopes_allow_all_it_does() {
        let observations = tool("observations").expect("a tool");
        let everything = scopes("openid fhirUser user/*.rs user/Observation.c");
        for t in TOOLS {
            assert_eq!(
                missing(t, &everything, false),
                Vec::<String>::new(),
                "{}",
                t.slug
            );
        }
        // Reading without creating: Observations cannot save a set.
        assert_eq!(
            missing(observations, &scopes("user/*.rs"), false),
            ["create Observation records"]
        );
        // v1 scopes count as their v2 letters.
        assert_eq!(
            missing(
                observations,
                &scopes("user/*.read user/Observation.write"),
                false
            ),
            Vec::<String>::new()
        );
        let ward_list = tool("ward-list").expect("a tool");
        let gaps = missing(
            ward_list,
            &scopes("user/Patient.rs user/Observation.rs"),
            false,
        );
        assert!(
            gaps.contains(&"search Location records".to_string()),
            "{gaps:?}"
        );
        assert!(
            gaps.contains(&"search Encounter records".to_string()),
            "{gaps:?}"
        );
        assert!(!gaps.iter().any(|g| g.contains("Patient")), "{gaps:?}");
    }

    #[test]
    fn patient_scopes_serve_only_the_launched_patients_pages() {
        let launch = scopes("launch openid patient/*.rs patient/Observation.c");
        let summary = tool("summary").expect("a tool");
        assert_eq!(missing(summary, &launch, true), Vec::<String>::new());
        assert!(
            !missing(summary, &launch, false).is_empty(),
            "no patient in context"
        );
        // A ward holds many patients: patient scopes never open it.
        let ward_list = tool("ward-list").expect("a tool");
        assert!(!missing(ward_list, &launch, true).is_empty());
        let find = tool("find-patient").expect("a tool");
        assert_eq!(missing(find, &launch, true), ["search Patient records"]);
    }
}
