// Formats files a scaffold script wrote as `cargo fmt` would, with the
// repository's rustfmt.toml: a component's or a tool's name changes line
// lengths, so a template cannot be formatted once for all.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export function rustfmt(root, files, who) {
  const config = join(root, "rustfmt.toml");
  const args = ["--edition", "2024", ...(existsSync(config) ? ["--config-path", config] : []), ...files];
  const run = spawnSync("rustfmt", args, { stdio: "inherit" });
  if (run.error || run.status !== 0) console.error(`${who}: rustfmt did not run; run \`cargo fmt --all\` before you commit.`);
}
