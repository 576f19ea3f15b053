// What the app registers, from the app itself (app/examples/registry.rs,
// run once by registry-from-app.ts when Playwright loads its config):
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

/** The registries, as `registry-from-app.ts` read them from the app. */
export function registry(): Registry {
  const json = process.env.BEDSIDE_REGISTRY;
  if (!json) throw new Error("no registry: run the specs through Playwright's config (registry-from-app.ts)");
  return JSON.parse(json) as Registry;
}
