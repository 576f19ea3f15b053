import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// What the app registers, from the app itself (app/examples/registry.rs):
// every documented component with its examples, and every tool. Specs take
// their expected lists from here, so adding a component, an example or a
// tool adds its checks, and a gallery or launcher that drops one fails.

export interface Example {
  name: string;
  title: string;
  hidden: boolean;
  nhsukFixture: string | null;
}

export interface Component {
  slug: string;
  title: string;
  examples: Example[];
}

export interface Tool {
  slug: string;
  name: string;
  summary: string;
}

export interface Registry {
  components: Component[];
  tools: Tool[];
}

let cached: Registry | undefined;

/** The registries, read once per worker (`cargo run`, built by `cargo test` already). */
export function registry(): Registry {
  cached ??= JSON.parse(
    execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "bedside-app", "--example", "registry"], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  ) as Registry;
  return cached;
}
