import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// Once per run, when the config is first loaded (before the specs are
// listed, since specs make a test per component): the app's registries
// (every component with its examples, every tool) from the app itself, for
// the specs' expected lists (tests/registry.ts). Built with the whole
// workspace's features, as `cargo test --workspace` already built it, so
// this is a lookup, not a compile; workers inherit the result in their
// environment, so they do not run it again.
export function loadRegistryFromApp() {
  if (process.env.BEDSIDE_REGISTRY) return;
  const root = fileURLToPath(new URL("..", import.meta.url));
  const build = execFileSync("cargo", ["build", "--workspace", "--examples", "--locked", "--message-format=json-render-diagnostics"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const registry = build
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line))
    .find((m) => m.reason === "compiler-artifact" && m.target?.name === "registry" && m.executable);
  if (!registry) throw new Error("registry-from-app: cargo built no `registry` example (app/examples/registry.rs)");
  process.env.BEDSIDE_REGISTRY = execFileSync(registry.executable, { encoding: "utf8" });
}
