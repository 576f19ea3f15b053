#!/usr/bin/env node
// Scaffolds a component: its folder (mod.rs, examples.rs, docs.md) and its
// line in the module's registry, so the gallery, the markup tests and the
// end-to-end axe run take it at once (docs/contributing.md, "Add a component").
//
//   node scripts/new-component.mjs <ui|clinical> <section> <folder_name> [Title]
//   node scripts/new-component.mjs ui content pull_quote "Pull quote"
//
// <section> is one of the registry's sections in components/src/<module>/mod.rs
// (content, page_furniture, questions, choices; clinical, patient_record).
// A folder named after an nhsuk-frontend component gets that component's Sass
// (scripts/build-css.mjs), and its docs.md then needs nhsuk-frontend's options
// table, which a test compares with the pinned package.
// --root <dir> scaffolds into another checkout (the script's tests use it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rustfmt } from "./rustfmt.mjs";

const argv = process.argv.slice(2);
const rootAt = argv.indexOf("--root");
const root = rootAt >= 0 ? argv.splice(rootAt, 2)[1] : fileURLToPath(new URL("..", import.meta.url));
const [module, section, folder, given] = argv;
const fail = (why) => {
  console.error(`new-component: ${why}`);
  process.exit(1);
};
if (!["ui", "clinical"].includes(module ?? "") || !section || !folder) {
  fail("usage: new-component.mjs <ui|clinical> <section> <folder_name> [Title]");
}
if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(folder)) fail(`${folder}: a folder name is snake_case (pull_quote)`);

const words = folder.split("_");
const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
const title = given ?? words.map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w)).join(" ");
const slug = words.join("-");
const cssClass = module === "ui" ? `nhsuk-${slug}` : `bedside-${slug}`;

const registryFile = join(root, "components/src", module, "mod.rs");
const registry = readFileSync(registryFile, "utf8");
const dir = join(root, "components/src", module, folder);
if (existsSync(dir)) fail(`${dir} exists already`);
if (new RegExp(`^\\s+${folder} => \\{`, "m").test(registry)) fail(`${folder} is in the registry already`);
// The section's block: `    <section> {` up to its closing `    }`.
const open = new RegExp(`^    ${section} \\{\\n`, "m").exec(registry);
if (!open) fail(`no section \`${section}\` in ${registryFile}`);
const close = registry.indexOf("\n    }\n", open.index);
if (close < 0) fail(`the section \`${section}\` in ${registryFile} does not end as expected`);
const line = `        ${folder} => { ${name} }`;

mkdirSync(dir);
writeFileSync(
  join(dir, "mod.rs"),
  `#![doc = include_str!("docs.md")]

use leptos::prelude::*;

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// ${title}: say what it is for, in a sentence a trust developer can act on.
#[component]
pub fn ${name}(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// What it shows.
    children: Children,
) -> impl IntoView {
    view! {
        <div class=move || crate::ui::class_list("${cssClass}", class.get())>{children()}</div>
    }
}
`,
);
writeFileSync(
  join(dir, "examples.rs"),
  `//! ${title}'s gallery examples: for the gallery and the tests
//! (the \`examples\` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [\`${name}\`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "${slug}",
    title: "${title}",
    summary: "What it is for, in one line.",
    // The props a designer can change in the gallery: Some(Workbench { … })
    // (docs/gallery.md, "The workbench").
    workbench: None,
    examples: &[Example {
        name: "default",
        title: "Default",
        description: "The common case.",
        hidden: false,
        // The name of nhsuk-frontend's fixture with the same markup, if any:
        // the native tests then compare the two.
        nhsuk_fixture: None,
        render: || view! { <${name}>"Example content"</${name}> }.into_any(),
    }],
};
`,
);
writeFileSync(
  join(dir, "docs.md"),
  `# ${title}

What it is for and when to use it (and when not), in the words of the NHS.UK
design system's guidance where it has a page for it.

\`\`\`rust
use bedside::${module}::*;
use leptos::prelude::*;

# fn page() -> impl IntoView {
view! { <${name}>"Example content"</${name}> }
# }
\`\`\`

## Examples

One heading for each visible example in \`examples.rs\`, by its title (a test
checks the list).

### Default
`,
);
writeFileSync(registryFile, registry.slice(0, close) + "\n" + line + registry.slice(close));
rustfmt(root, ["mod.rs", "examples.rs"].map((f) => join(dir, f)), "new-component");
console.log(`new-component: components/src/${module}/${folder}/ (mod.rs, examples.rs, docs.md) and \`${line.trim()}\` in the ${section} section of components/src/${module}/mod.rs.
Next: write the component and its examples; \`make check SPEC=gallery\` renders, axe-checks and screenshots them (make registry first).`);
