//! Our markup against nhsuk-frontend's own fixtures.
//!
//! Each example that names an `nhsuk_fixture` must render, once normalised,
//! exactly the HTML that nhsuk-frontend's template produces for that fixture.
//! The fixtures come from the pinned npm package (`npm ci` at the repository
//! root, which `make test` runs first), so upgrading nhsuk-frontend re-checks
//! every component against the new templates.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use bedside::docs::{COMPONENTS, normalize_html, render_to_html};

fn fixtures_path(component: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../node_modules/nhsuk-frontend/dist/nhsuk/components")
        .join(component)
        .join("fixtures.json")
}

/// The names of nhsuk-frontend's fixtures for `component`, if it has any
/// (Bedside's own components do not).
fn fixture_names(component: &str) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(fixtures_path(component)).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).expect("fixtures.json is JSON");
    Some(
        json["fixtures"]
            .as_array()
            .expect("a fixtures array")
            .iter()
            .filter_map(|f| f["name"].as_str().map(str::to_string))
            .collect(),
    )
}

/// The `html` of the fixture called `name` in nhsuk-frontend's `fixtures.json`.
fn fixture_html(component: &str, name: &str) -> String {
    let path = fixtures_path(component);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}. Run `npm ci` at the repository root (make bootstrap) first.",
            path.display()
        )
    });
    let json: serde_json::Value = serde_json::from_str(&text).expect("fixtures.json is JSON");
    json["fixtures"]
        .as_array()
        .expect("a fixtures array")
        .iter()
        .find(|f| f["name"] == name)
        .and_then(|f| f["html"].as_str())
        .unwrap_or_else(|| panic!("nhsuk-frontend has no {component} fixture named {name:?}"))
        .to_string()
}

#[test]
fn examples_reproduce_nhsuk_frontend_fixtures() {
    for docs in COMPONENTS {
        for example in docs.examples {
            let Some(fixture) = example.nhsuk_fixture else {
                continue;
            };
            let expected = normalize_html(&fixture_html(docs.slug, fixture));
            let actual = normalize_html(&render_to_html(example.render));
            assert_eq!(
                actual, expected,
                "{}/{} differs from nhsuk-frontend fixture {fixture:?}",
                docs.slug, example.name
            );
        }
    }
}

/// What keeps the comparison from quietly shrinking: a component that
/// nhsuk-frontend has fixtures for reproduces at least one of them, and an
/// example named like one of its fixtures (a "Secondary" button, the
/// "secondary" fixture) must reproduce that fixture, so dropping an
/// example's `nhsuk_fixture` fails here rather than skip its comparison.
#[test]
fn examples_named_like_a_fixture_are_compared_with_it() {
    for docs in COMPONENTS {
        let Some(fixtures) = fixture_names(docs.slug) else {
            assert!(
                docs.examples.iter().all(|e| e.nhsuk_fixture.is_none()),
                "{} names fixtures but nhsuk-frontend has none for it",
                docs.slug
            );
            continue;
        };
        assert!(
            docs.examples.iter().any(|e| e.nhsuk_fixture.is_some()),
            "{} reproduces none of nhsuk-frontend's fixtures",
            docs.slug
        );
        for example in docs.examples {
            let title = example.title.to_lowercase();
            if fixtures.contains(&title) {
                assert_eq!(
                    example.nhsuk_fixture,
                    Some(title.as_str()),
                    "{}/{} is named like nhsuk-frontend's fixture {title:?}, so it must reproduce it",
                    docs.slug,
                    example.name
                );
            }
        }
    }
}
