//! The layers stated, and kept: `bedside_core` builds without Leptos, and
//! inside each crate no module depends on one that depends back on it, at
//! the top level (`ui`, `forms`, `fhir`, …) and one level down (`smart`'s
//! `session` and `token`). A cycle means two modules that can only be
//! understood, tested or moved together; this fails naming the cycle's
//! modules and a line that makes each step.
//!
//! What counts as a dependency: a `crate::` path (or `super::` one level
//! down) in code. Not comments and docs (a link is not a dependency), not
//! the `#[cfg(test)]` module at the end of a file, and not a component's
//! `examples.rs`, which is the gallery's layer (`crate::gallery`) living in
//! its component's folder.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The Rust files under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A file's code: no comment lines, nothing from its test module on, and
/// nothing at all for a component's examples.
fn code(path: &Path) -> String {
    if path.file_name().is_some_and(|n| n == "examples.rs") {
        return String::new();
    }
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => &text[..],
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path `text` names after `prefix`, with one level of braces
/// expanded at each step: `crate::{a::{b, c}, d}` gives `a::b`, `a::c`, `d`.
fn paths_after(text: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        out.extend(expand(rest));
    }
    out
}

/// The paths at the start of `text`: `a::b` or `{a, b::c}`.
fn expand(text: &str) -> Vec<String> {
    let text = text.trim_start();
    if let Some(inner) = text.strip_prefix('{') {
        let mut depth = 0;
        let mut parts = Vec::new();
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    parts.push(&inner[start..i]);
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&inner[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        return parts
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .flat_map(expand)
            .collect();
    }
    let name: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if name.is_empty() {
        return Vec::new();
    }
    let after = &text[name.len()..];
    match after.strip_prefix("::") {
        Some(more)
            if more.trim_start().starts_with('{') || more.starts_with(char::is_alphanumeric) =>
        {
            expand(more)
                .into_iter()
                .map(|p| format!("{name}::{p}"))
                .collect()
        }
        _ => vec![name],
    }
}

/// The module graph of one level: each unit's dependencies on the others,
/// with a line of code that makes each.
type Graph = BTreeMap<String, BTreeMap<String, String>>;

/// The units (files and folders) directly inside `dir`, without `skip`.
fn units(dir: &Path, skip: &[&str]) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "rs"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|name| !skip.contains(&name.as_str()))
        .collect()
}

/// The graph of the modules directly in `dir` (the crate's `src` when
/// `module` is empty, else the folder of `crate::<module>`).
fn module_graph(src: &Path, module: &str) -> Graph {
    let dir = if module.is_empty() {
        src.to_path_buf()
    } else {
        src.join(module)
    };
    let units = units(&dir, &["lib", "mod", "prelude"]);
    let mut graph = Graph::new();
    for unit in &units {
        let mut files = Vec::new();
        if dir.join(format!("{unit}.rs")).is_file() {
            files.push(dir.join(format!("{unit}.rs")));
        }
        if dir.join(unit).is_dir() {
            files.extend(rust_files(&dir.join(unit)));
        }
        let deps = graph.entry(unit.clone()).or_default();
        for file in files {
            let code = code(&file);
            // `super::` from the unit's own file is this level.
            let own_file =
                file == dir.join(format!("{unit}.rs")) || file == dir.join(unit).join("mod.rs");
            let mut named: Vec<String> = paths_after(&code, "crate::")
                .into_iter()
                .filter_map(|p| {
                    if module.is_empty() {
                        Some(p)
                    } else {
                        p.strip_prefix(&format!("{module}::")).map(str::to_string)
                    }
                })
                .collect();
            if own_file && !module.is_empty() {
                named.extend(paths_after(&code, "super::"));
            }
            for path in named {
                let first = path.split("::").next().unwrap_or_default().to_string();
                if first != *unit && units.contains(&first) && !deps.contains_key(&first) {
                    let line = code
                        .lines()
                        .find(|l| l.contains(&first))
                        .unwrap_or_default()
                        .trim()
                        .to_string();
                    let file = file
                        .strip_prefix(root())
                        .unwrap_or(&file)
                        .display()
                        .to_string();
                    deps.insert(first, format!("{file}: {line}"));
                }
            }
        }
    }
    graph
}

/// A cycle in `graph`, as its units in order, if there is one.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        graph: &Graph,
        at: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|p| p == at) {
            return Some(path[start..].to_vec());
        }
        if done.contains(at) {
            return None;
        }
        path.push(at.to_string());
        for next in graph.get(at).into_iter().flat_map(|d| d.keys()) {
            if let Some(found) = visit(graph, next, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(at.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|start| visit(graph, start, &mut Vec::new(), &mut done))
}

/// `graph`'s cycle in words, each step with the line that makes it.
fn describe(graph: &Graph, cycle: &[String]) -> String {
    cycle
        .iter()
        .zip(cycle.iter().cycle().skip(1))
        .map(|(from, to)| format!("  {from} -> {to}  ({})", graph[from][to]))
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_no_cycle(src: &Path, module: &str) {
    let graph = module_graph(src, module);
    assert!(
        graph.len() > 1,
        "{} has no modules to check",
        src.join(module).display()
    );
    if let Some(found) = cycle(&graph) {
        panic!(
            "a module cycle in {}:\n{}",
            src.join(module).display(),
            describe(&graph, &found)
        );
    }
}

#[test]
fn no_module_depends_on_one_that_depends_back() {
    for (src, modules) in [
        ("core/src", &["", "fhir", "smart", "clinical"][..]),
        (
            "components/src",
            &["", "session", "nav", "docs", "gallery", "ui", "clinical"][..],
        ),
    ] {
        for module in modules {
            assert_no_cycle(&root().join(src), module);
        }
    }
}

#[test]
fn the_core_crate_builds_without_leptos() {
    let manifest = fs::read_to_string(root().join("core/Cargo.toml")).expect("core/Cargo.toml");
    for framework in ["leptos", "stylance", "wasm_split", "send_wrapper"] {
        assert!(
            !manifest.contains(framework),
            "bedside-core depends on {framework}"
        );
    }
    for file in rust_files(&root().join("core/src")) {
        let text = fs::read_to_string(&file).expect("a source file");
        assert!(!text.contains("leptos::"), "{} uses Leptos", file.display());
    }
}

/// The check itself can fail: a cycle is found and named, through braces
/// and at either level, and what is only in a comment is not a dependency.
#[test]
fn the_check_finds_a_cycle() {
    assert_eq!(
        expand("{a::{b, c}, d::e};"),
        ["a::b", "a::c", "d::e"].map(String::from)
    );
    assert_eq!(paths_after("x::crate::y; crate::z", "crate::"), ["z"]);
    let mut graph = Graph::new();
    graph
        .entry("ui".into())
        .or_default()
        .insert("forms".into(), "ui.rs: use crate::forms".into());
    graph
        .entry("forms".into())
        .or_default()
        .insert("ui".into(), "forms.rs: use crate::ui".into());
    graph.entry("fhir".into()).or_default();
    let found = cycle(&graph).expect("ui and forms make a cycle");
    assert_eq!(found, ["forms", "ui"].map(String::from));
    assert!(describe(&graph, &found).contains("forms -> ui  (forms.rs: use crate::ui)"));
    graph.get_mut("forms").expect("forms").clear();
    assert_eq!(cycle(&graph), None);

    let dir = std::env::temp_dir().join(format!("bedside-layers-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("smart")).expect("a temporary folder");
    fs::write(dir.join("smart/session.rs"), "use super::token::Token;\n").expect("write");
    fs::write(
        dir.join("smart/token.rs"),
        "// super::session is only named here\nuse super::{scope::Scope, session::Item};\n",
    )
    .expect("write");
    fs::write(dir.join("smart/scope.rs"), "").expect("write");
    let found = cycle(&module_graph(&dir, "smart")).expect("session and token make a cycle");
    assert_eq!(found, ["session", "token"].map(String::from));
    fs::write(
        dir.join("smart/token.rs"),
        "// use super::session::Item;\nuse super::scope::Scope;\n",
    )
    .expect("write");
    assert_eq!(cycle(&module_graph(&dir, "smart")), None);
    let _ = fs::remove_dir_all(&dir);
}
