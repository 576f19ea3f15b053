//! The hazard log (`docs/clinical-safety/hazard-log.md`) names, for each
//! hazard, the functions that control it and the tests that prove each
//! control. This keeps those names true: a test or function renamed or
//! deleted fails here until the log says what proves the control now.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// The hazards the log must cover (issue 32's list).
const HAZARDS: &[&str] = &[
    "## H1: Wrong patient",
    "## H2: Wrong NEWS2 score or response",
    "## H3: Stale or incomplete data shown as current",
    "## H4: Dose text hidden or narrowed",
    "## H5: Withdrawn data shown",
    "## H6: Duplicate entry",
    "## H7: Allergy status wrong",
    "## H8: Wrong SpO2 scale",
    "## H9: Wrong time",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> Option<String> {
    fs::read_to_string(path).ok()
}

/// The text between the first pair of backticks from `from`, and the rest.
fn backticked(text: &str) -> Option<(&str, &str)> {
    let start = text.find('`')? + 1;
    let end = start + text[start..].find('`')?;
    Some((&text[start..end], &text[end + 1..]))
}

/// The file a Rust test path's module lives in: the longest module path
/// that is a file (`a/b.rs` or `a/b/mod.rs`), since tests and inline
/// modules (`medication::from_fhir`) live inside a module's file.
fn module_file(path: &str) -> Result<(PathBuf, String), String> {
    let segments: Vec<&str> = path.split("::").collect();
    let (name, modules) = segments.split_last().ok_or("an empty path")?;
    let (krate, modules) = modules.split_first().ok_or("no crate")?;
    let src = match *krate {
        "bedside" => root().join("components/src"),
        "bedside_core" => root().join("core/src"),
        "bedside_app" => root().join("app/src"),
        other => return Err(format!("unknown crate {other}")),
    };
    let modules: Vec<&str> = modules.iter().copied().filter(|m| *m != "tests").collect();
    for len in (0..=modules.len()).rev() {
        let dir = modules[..len].join("/");
        let candidates = if len == 0 {
            vec![src.join("lib.rs")]
        } else {
            vec![src.join(format!("{dir}.rs")), src.join(&dir).join("mod.rs")]
        };
        if let Some(file) = candidates.into_iter().find(|f| f.is_file()) {
            return Ok((file, name.to_string()));
        }
    }
    Err(format!("no module file for {path}"))
}

/// What is wrong with one `- test:` or `- control:` line, if anything.
fn check_line(line: &str) -> Result<(), String> {
    if let Some(rest) = line.strip_prefix("- test: ") {
        let (first, after) = backticked(rest).ok_or("no backticked test")?;
        if first.ends_with(".spec.ts") {
            let title = after.trim();
            let title = title
                .strip_prefix('"')
                .and_then(|t| t.strip_suffix('"'))
                .ok_or("the title is not quoted")?;
            let spec = read(&root().join(first)).ok_or(format!("no file {first}"))?;
            let wanted = format!("test(\"{title}\"");
            return if spec.contains(&wanted) {
                Ok(())
            } else {
                Err(format!("{first} has no test \"{title}\""))
            };
        }
        let (file, name) = module_file(first)?;
        let source = read(&file).ok_or(format!("cannot read {}", file.display()))?;
        let defined = source.contains(&format!("fn {name}()"));
        let is_test = source.contains("#[test]");
        return if defined && is_test {
            Ok(())
        } else {
            Err(format!("no test fn {name} in {}", file.display()))
        };
    }
    if let Some(rest) = line.strip_prefix("- control: ") {
        let (file, after) = backticked(rest).ok_or("no backticked file")?;
        let (function, _) = backticked(after).ok_or("no backticked function")?;
        let source = read(&root().join(file)).ok_or(format!("no file {file}"))?;
        let defined = [format!("fn {function}("), format!("fn {function}<")]
            .iter()
            .any(|f| source.contains(f.as_str()));
        return if defined {
            Ok(())
        } else {
            Err(format!("no fn {function} in {file}"))
        };
    }
    Ok(())
}

#[test]
fn every_test_and_control_the_hazard_log_names_exists() {
    let log = read(&root().join("docs/clinical-safety/hazard-log.md"))
        .expect("docs/clinical-safety/hazard-log.md");
    let problems: Vec<String> = log
        .lines()
        .filter(|l| l.starts_with("- test: ") || l.starts_with("- control: "))
        .filter_map(|l| check_line(l).err().map(|e| format!("{l}\n    {e}")))
        .collect();
    assert!(
        problems.is_empty(),
        "the hazard log names what does not exist:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_hazard_is_logged_with_a_control_and_a_test() {
    let log = read(&root().join("docs/clinical-safety/hazard-log.md"))
        .expect("docs/clinical-safety/hazard-log.md");
    for hazard in HAZARDS {
        let start = log
            .find(hazard)
            .unwrap_or_else(|| panic!("the log has no {hazard}"));
        let section = &log[start + hazard.len()..];
        let section = &section[..section.find("\n## ").unwrap_or(section.len())];
        assert!(section.contains("\n- control: "), "{hazard} has no control");
        assert!(section.contains("\n- test: "), "{hazard} has no test");
    }
}

/// The check itself can fail: a missing test, a missing function and a
/// missing title are each caught.
#[test]
fn the_check_catches_what_does_not_exist() {
    assert!(
        check_line("- test: `bedside_core::clinical::news2::tests::risk_at_every_threshold`")
            .is_ok()
    );
    assert!(check_line("- test: `bedside_core::clinical::news2::tests::no_such_test`").is_err());
    assert!(
        check_line("- test: `bedside_core::clinical::medication::from_fhir::tests::no_such_test`")
            .is_err()
    );
    assert!(check_line("- control: `core/src/clinical/news2.rs` `score` — words").is_ok());
    assert!(
        check_line("- control: `core/src/clinical/news2.rs` `no_such_function` — words").is_err()
    );
    assert!(check_line("- test: `e2e/tests/observations.spec.ts` \"no such title\"").is_err());
    assert!(check_line("- test: `nonsense::x::tests::y`").is_err());
}
