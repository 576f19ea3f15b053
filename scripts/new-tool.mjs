#!/usr/bin/env node
// Scaffolds a clinical tool of the reference app: app/src/tools/<name>.rs
// with its launcher entry and its split point, and its line in TOOLS
// (docs/contributing.md, "Add a tool"). The launcher, the scope check and
// the end-to-end launcher test take it from the registry.
//
//   node scripts/new-tool.mjs <slug> "<Name>" ["<one-line summary>"]
//   node scripts/new-tool.mjs fluid-balance "Fluid balance" "Intake and output over 24 hours."
//
// The tool is a patient page (the banner, the patient's links) reading
// Observations; change `patient`, `needs` and the page to suit.
// --root <dir> scaffolds into another checkout (the script's tests use it).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rustfmt } from "./rustfmt.mjs";

const argv = process.argv.slice(2);
const rootAt = argv.indexOf("--root");
const root = rootAt >= 0 ? argv.splice(rootAt, 2)[1] : fileURLToPath(new URL("..", import.meta.url));
const [slug, name, summary = "What it is for, in one line."] = argv;
const fail = (why) => {
  console.error(`new-tool: ${why}`);
  process.exit(1);
};
if (!slug || !name) fail('usage: new-tool.mjs <slug> "<Name>" ["<summary>"]');
if (!/^[a-z]+(-[a-z]+)*$/.test(slug)) fail(`${slug}: a tool's address is lowercase words joined by hyphens (fluid-balance)`);
if (["gallery", "auth", "launch"].includes(slug)) fail(`/${slug} is taken`);
const module = slug.replaceAll("-", "_");
const registryFile = join(root, "app/src/tools/mod.rs");
const file = join(root, "app/src/tools", `${module}.rs`);
if (existsSync(file)) fail(`${file} exists already`);
let registry = readFileSync(registryFile, "utf8");
if (registry.includes(`\n    ${module}::TOOL,`)) fail(`${module} is in TOOLS already`);
const component = name.replace(/[^A-Za-z0-9 ]/g, "").split(/\s+/).map((w) => w[0].toUpperCase() + w.slice(1)).join("");
const rust = (s) => s.replaceAll("\\", "\\\\").replaceAll('"', '\\"');

writeFileSync(
  file,
  `//! ${name}: ${summary}

use bedside::clinical::{Fetched, VitalSet, VitalSignsChart};
use bedside::fhir::{FhirClient, Resource};
use bedside::on_demand::{SplitLoaderError, wasm_split};
use leptos::prelude::*;

use super::Tool;
use crate::patient::{InView, subject_search};

/// The launcher's entry.
pub const TOOL: Tool = Tool {
    slug: "${slug}",
    name: "${rust(name)}",
    summary: "${rust(summary)}",
    patient: true,
    // The FHIR interactions it needs (r read, s search, c create): the
    // launcher says why a tool is unavailable when the granted scopes lack one.
    needs: &[("Patient", 'r'), ("AllergyIntolerance", 's'), ("Observation", 's')],
    load: || Box::pin(load()),
    open: || Box::pin(page()),
};

/// Everything only this page reaches is in \`${module}.wasm\`.
#[wasm_split(${module}, preload(load), fallible)]
fn page() -> Result<AnyView, SplitLoaderError> {
    Ok(crate::workspace::with_fhir_client(|| {
        crate::patient::patient_page(&TOOL, |who| view! { <${component} who=who /> }.into_any())
    }))
}

/// The patient's vital signs, charted: a failed read says so on the chart
/// and never reads as "none recorded".
#[component]
fn ${component}(who: InView) -> impl IntoView {
    let sets = RwSignal::new(Fetched::<VitalSet>::Loading);
    let (client, id) = (FhirClient::expect(), who.id.clone());
    leptos::task::spawn_local(async move {
        let vitals = subject_search("Observation", "subject", &id, 200)
            .token("category", None, "vital-signs");
        let read = match client.search_all(&vitals, 10).await {
            Ok(found) => {
                let observations = found.iter().filter_map(|r| match r {
                    Resource::Observation(o) => Some(&**o),
                    _ => None,
                });
                Fetched::Ready(VitalSet::from_observations(observations))
            }
            Err(e) => Fetched::Failed(e.to_string()),
        };
        let _ = sets.try_set(read);
    });
    view! { <VitalSignsChart sets=sets /> }
}
`,
);
registry = registry.replace(/^pub mod /m, `pub mod ${module};\npub mod `);
// Keep the module list sorted, as rustfmt would leave it.
registry = registry.replace(/(?:^pub mod \w+;\n)+/m, (mods) => mods.trim().split("\n").sort().join("\n") + "\n");
if (!/\n\];/.test(registry.slice(registry.indexOf("pub static TOOLS")))) fail(`TOOLS in ${registryFile} does not end as expected`);
const tools = registry.indexOf("pub static TOOLS");
const end = registry.indexOf("\n];", tools);
registry = registry.slice(0, end) + `\n    ${module}::TOOL,` + registry.slice(end);
writeFileSync(registryFile, registry);
rustfmt(root, [file], "new-tool");
console.log(`new-tool: app/src/tools/${module}.rs (a patient page with the vital signs chart) and ${module}::TOOL in TOOLS.
Next: write its page; its split point's own file must stay within 40 KB (make build && make size).`);

