//! Our markup against nhsuk-frontend's own fixtures.
//!
//! Each example that names an `nhsuk_fixture` must render, once normalised,
//! exactly the HTML that nhsuk-frontend's template produces for that fixture.
//! The fixtures come from the pinned npm package (`npm ci` at the repository
//! root, which `make test` runs first), so upgrading nhsuk-frontend re-checks
//! every component against the new templates.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use bedside::docs::{normalize_html, render_to_html};
use bedside::gallery::COMPONENTS;

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

/// The `html` of the fixture called `name` in nhsuk-frontend's `fixtures.json`:
/// the first of that name, or, where several share it and differ in their
/// description, `"name (description)"` (`"default (responsive)"`).
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
        .find(|f| {
            f["name"] == name
                || f["description"].as_str().is_some_and(|d| {
                    format!("{} ({d})", f["name"].as_str().unwrap_or_default()) == name
                })
        })
        .and_then(|f| f["html"].as_str())
        .unwrap_or_else(|| panic!("nhsuk-frontend has no {component} fixture named {name:?}"))
        .to_string()
}

/// Every difference is collected before asserting, so one broken example
/// does not hide the rest.
#[test]
fn examples_reproduce_nhsuk_frontend_fixtures() {
    let mut differences = Vec::new();
    for docs in COMPONENTS {
        for example in docs.examples {
            let Some(fixture) = example.nhsuk_fixture else {
                continue;
            };
            let expected = normalize_html(&fixture_html(docs.slug, fixture));
            let actual = normalize_html(&render_to_html(example.render));
            if actual != expected {
                differences.push(format!(
                    "{}/{} differs from nhsuk-frontend fixture {fixture:?}\n--- ours\n{actual}\n--- nhsuk-frontend\n{expected}\n",
                    docs.slug, example.name
                ));
            }
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// Components whose fixtures are compared by a test of their own below,
/// not through gallery examples: nhsuk-frontend's image fixtures name
/// photographs the app does not serve.
const COMPARED_OUTSIDE_THE_GALLERY: &[&str] = &["images"];

/// What keeps the comparison from quietly shrinking: a component that
/// nhsuk-frontend has fixtures for reproduces at least one of them, and an
/// example named like one of its fixtures (a "Secondary" button, the
/// "secondary" fixture) must reproduce that fixture, so dropping an
/// example's `nhsuk_fixture` fails here rather than skip its comparison.
#[test]
fn examples_named_like_a_fixture_are_compared_with_it() {
    for docs in COMPONENTS {
        // A component nhsuk-frontend has no fixtures for (the caption) is
        // one it has none for.
        let Some(fixtures) = fixture_names(docs.slug).filter(|f| !f.is_empty()) else {
            assert!(
                docs.examples.iter().all(|e| e.nhsuk_fixture.is_none()),
                "{} names fixtures but nhsuk-frontend has none for it",
                docs.slug
            );
            continue;
        };
        assert!(
            docs.examples.iter().any(|e| e.nhsuk_fixture.is_some())
                || COMPARED_OUTSIDE_THE_GALLERY.contains(&docs.slug),
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

/// The names of nhsuk-frontend's macro options for `component` (top level),
/// if it has any.
fn macro_options(component: &str) -> Option<Vec<String>> {
    let path = fixtures_path(component).with_file_name("macro-options.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).expect("macro-options.json is JSON");
    Some(
        json.as_array()
            .expect("an options array")
            .iter()
            .filter_map(|o| o["name"].as_str().map(str::to_string))
            .collect(),
    )
}

/// The rows of a `docs.md`'s "## nhsuk-frontend options" table: the option
/// (in backticks) and what carries it.
fn documented_options(docs: &str) -> Vec<(String, String)> {
    docs.lines()
        .skip_while(|l| l.trim() != "## nhsuk-frontend options")
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter_map(|l| {
            let cells: Vec<&str> = l
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            let option = cells.first()?.strip_prefix('`')?.strip_suffix('`')?;
            Some((
                option.to_string(),
                cells.get(1).copied().unwrap_or("").to_string(),
            ))
        })
        .collect()
}

/// Every option nhsuk-frontend's macro takes is in the component's docs,
/// with the prop that carries it or the words "not supported"; and the
/// table names no option the macro does not have (a renamed one, after an
/// upgrade). All failures are collected before asserting.
#[test]
fn every_nhsuk_frontend_option_is_carried_or_said_to_be_unsupported() {
    let mut problems = Vec::new();
    for docs in COMPONENTS {
        let Some(options) = macro_options(docs.slug) else {
            continue;
        };
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("src/ui")
            .join(docs.slug.replace('-', "_"))
            .join("docs.md");
        let text = std::fs::read_to_string(&path).expect("docs.md");
        let rows = documented_options(&text);
        for option in &options {
            match rows.iter().find(|(name, _)| name == option) {
                None => problems.push(format!(
                    "{}: option `{option}` is not in the docs' options table",
                    docs.slug
                )),
                Some((_, carried)) if carried.is_empty() => problems.push(format!(
                    "{}: option `{option}` says nothing of how it is carried",
                    docs.slug
                )),
                Some(_) => {}
            }
        }
        for (name, _) in &rows {
            if !options.contains(name) {
                problems.push(format!(
                    "{}: the docs list `{name}`, which nhsuk-frontend's macro does not take",
                    docs.slug
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The first `<tag …>…</tag>` element in normalised HTML.
/// The normalised markup of the example `name` on `slug`'s gallery page.
fn example_html(slug: &str, name: &str) -> String {
    let example = COMPONENTS
        .iter()
        .find(|d| d.slug == slug)
        .and_then(|d| d.example(name))
        .unwrap_or_else(|| panic!("no example {slug}/{name}"));
    normalize_html(&render_to_html(example.render))
}

fn element<'a>(html: &'a str, tag: &str) -> &'a str {
    let start = html
        .find(&format!("<{tag} "))
        .unwrap_or_else(|| panic!("no <{tag}> in {html}"));
    let close = format!("</{tag}>");
    let end = html[start..]
        .find(&close)
        .unwrap_or_else(|| panic!("<{tag}> is not closed in {html}"));
    &html[start..start + end + close.len()]
}

/// nhsuk-frontend draws the header's search only beside parts Bedside's
/// header does not have yet (an unlinked logo, navigation), so the search
/// element is compared by itself, from an example with the same options.
#[test]
fn header_search_reproduces_nhsuk_frontends_search_element() {
    let ours = example_html("header", "nhsuk-search");
    let fixture = normalize_html(&fixture_html(
        "header",
        "with service name, search, account, navigation",
    ));
    assert_eq!(element(&ours, "search"), element(&fixture, "search"));
}

/// The navigation is compared by itself, as the search is: nhsuk-frontend
/// draws it below a header with parts Bedside's does not have.
#[test]
fn header_navigation_reproduces_nhsuk_frontends_navigation() {
    let ours = example_html("header", "nhsuk-navigation");
    let fixture = normalize_html(&fixture_html("header", "with navigation"));
    assert_eq!(element(&ours, "nav"), element(&fixture, "nav"));
}

/// nhsuk-frontend's account fixtures have an unlinked logo or no service
/// name, which Bedside's header does not draw, so the account area is
/// compared by itself.
#[test]
fn header_account_reproduces_nhsuk_frontends_account_element() {
    let ours = example_html("header", "nhsuk-account");
    let fixture = normalize_html(&fixture_html("header", "with account (logged in)"));
    assert_eq!(element(&ours, "nav"), element(&fixture, "nav"));
}

/// nhsuk-frontend's organisation header but for two things WCAG 2.5.3
/// (Label in Name) asks, which axe's `label-content-name-mismatch` checks
/// in the gallery: the home link's name says the descriptor the link shows
/// ("NHS Foundation Trust"), and a space keeps the name and the descriptor
/// apart in the link's text, which nhsuk-frontend runs together.
#[test]
fn organisation_header_reproduces_nhsuk_frontend_but_names_its_descriptor() {
    let ours = example_html("header", "organisation");
    let theirs = normalize_html(&fixture_html(
        "header",
        "with organisation name (split with descriptor) (blue)",
    ));
    let nhsuk_name = r#"aria-label="NHS Anytown Anyplace Anywhere homepage""#;
    assert!(theirs.contains(nhsuk_name), "{theirs}");
    let theirs = theirs.replace(
        nhsuk_name,
        r#"aria-label="NHS Anytown Anyplace Anywhere NHS Foundation Trust homepage""#,
    );
    let between = "</span>\n</span>\n<span class=\"nhsuk-header__organisation-name-descriptor\">";
    assert!(theirs.contains(between), "{theirs}");
    let theirs = theirs.replace(
        between,
        "</span>\n</span>\n \n<span class=\"nhsuk-header__organisation-name-descriptor\">",
    );
    assert_eq!(ours, theirs);
}

/// The footer's columns, from the first row to the support links: the
/// fixtures with columns have no support links, whose heading and empty
/// list Bedside's footer draws, where nhsuk-frontend leaves them out.
#[test]
fn footer_columns_reproduce_nhsuk_frontends_navigation() {
    fn columns(html: &str) -> &str {
        let start = html
            .find(r#"<div class="nhsuk-footer__navigation"#)
            .unwrap_or_else(|| panic!("no columns in {html}"));
        let end = html
            .find(r#"<div class="nhsuk-footer__meta">"#)
            .unwrap_or_else(|| panic!("no meta in {html}"));
        &html[start..end]
    }
    for (example, fixture) in [
        ("columns", "with multiple navigation groups and headings"),
        ("four-columns", "with multiple navigation groups"),
    ] {
        let ours = example_html("footer", example);
        let theirs = normalize_html(&fixture_html("footer", fixture));
        assert_eq!(columns(&ours), columns(&theirs), "{fixture}");
    }
}

/// nhsuk-frontend's "reverse" breadcrumb is for a dark background: compared
/// here rather than as a gallery example, where its white text on the page's
/// white would fail axe's contrast check.
#[test]
fn reverse_breadcrumb_reproduces_nhsuk_frontends_fixture() {
    use bedside::ui::Breadcrumb;
    use bedside::ui::breadcrumb::hospitals;
    use leptos::prelude::*;
    let ours = normalize_html(&render_to_html(
        || view! { <Breadcrumb crumbs=hospitals() reverse=true /> },
    ));
    assert_eq!(ours, normalize_html(&fixture_html("breadcrumb", "reverse")));
}

/// nhsuk-frontend's components that the registry does not have yet
/// (issue 13 plans each). The test below fails when a component is added
/// without leaving this list, or when an nhsuk-frontend upgrade brings one
/// that is neither registered nor listed, so the gallery's coverage of the
/// design system is always known.
const NOT_YET: &[&str] = &[];

#[test]
fn the_registry_has_every_nhsuk_frontend_component_but_those_not_yet_built() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../node_modules/nhsuk-frontend/dist/nhsuk/components");
    let mut theirs: Vec<String> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}. Run `npm ci` first.", folder.display()))
        .filter_map(Result::ok)
        .filter(|e| e.path().join("macro-options.json").exists())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    theirs.sort();
    let missing: Vec<&str> = theirs
        .iter()
        .map(String::as_str)
        .filter(|name| !COMPONENTS.iter().any(|c| c.slug == *name))
        .collect();
    assert_eq!(
        missing, NOT_YET,
        "nhsuk-frontend's components missing from the registry, against the list of those not yet built"
    );
}

/// nhsuk-frontend's "reverse" table is for a dark background, so it is
/// compared here rather than shown in the gallery (see the breadcrumb's).
#[test]
fn reverse_table_reproduces_nhsuk_frontends_fixture() {
    use bedside::ui::Table;
    use bedside::ui::tables::skin_symptoms;
    use leptos::prelude::*;
    let ours = normalize_html(&render_to_html(|| {
        let (columns, rows) = skin_symptoms();
        view! {
            <Table
                caption="Impetigo can look similar to other skin conditions"
                caption_size=bedside::ui::HeadingSize::M
                columns=columns
                rows=rows
                first_cell_is_header=true
                reverse=true
            />
        }
    }));
    assert_eq!(
        ours,
        normalize_html(&fixture_html("tables", "default (reverse)"))
    );
}

/// nhsuk-frontend's image fixtures name photographs the app does not
/// serve, so they are compared here rather than shown in the gallery.
#[test]
fn images_reproduce_nhsuk_frontends_fixtures() {
    use bedside::ui::Image;
    use leptos::prelude::*;
    let alt = "Close-up of a person's tummy showing a number of creases in the skin under their belly button. Shown on light brown skin.";
    let ours = normalize_html(&render_to_html(|| {
        view! {
            <Image
                src="/nhsuk-frontend/assets/example-image-exercise.jpg"
                alt=""
                caption="No specific amount of time is recommended, but a typical training session could take less than 20 minutes."
            />
        }
    }));
    assert_eq!(ours, normalize_html(&fixture_html("images", "default")));
    let ours = normalize_html(&render_to_html(move || {
        view! {
            <Image
                src="/nhsuk-frontend/assets/example-image-stretch-marks-600w.jpg"
                alt=alt
                sizes="(max-width: 768px) 100vw, 66vw"
                srcset="/nhsuk-frontend/assets/example-image-stretch-marks-600w.jpg 600w, /nhsuk-frontend/assets/example-image-stretch-marks-1000w.jpg 1000w"
                caption="Stretch marks can be pink, red, brown, black, silver or purple. They usually start off darker and fade over time."
            />
        }
    }));
    assert_eq!(
        ours,
        normalize_html(&fixture_html("images", "with srcset and alt text"))
    );
}
