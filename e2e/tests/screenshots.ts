import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Whether to take screenshots for people to look over (the gallery's
 * examples, the tools for the README): `SCREENSHOTS=1`. Nothing compares
 * them, so the suite does not take them unless asked.
 */
export const SCREENSHOTS = process.env.SCREENSHOTS === "1";

/**
 * Where the gallery's screenshots go: every example's page at 320 and
 * 1024 px, for designers to review at a glance (open index.html).
 */
export const GALLERY_SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), "..", "screenshots", "gallery");

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Writes index.html: each component's examples, narrow beside wide. */
export function writeScreenshotIndex(): number {
  if (!existsSync(GALLERY_SCREENSHOTS)) return 0;
  let count = 0;
  const sections = readdirSync(GALLERY_SCREENSHOTS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((slug) => {
      const files = readdirSync(join(GALLERY_SCREENSHOTS, slug)).filter((f) => f.endsWith(".png"));
      const examples = [...new Set(files.map((f) => f.replace(/-\d+\.png$/, "")))].sort();
      count += files.length;
      const rows = examples
        .map((name) => {
          const shots = files
            .filter((f) => f.replace(/-\d+\.png$/, "") === name)
            .sort((a, b) => parseInt(a.match(/-(\d+)\.png$/)?.[1] ?? "0") - parseInt(b.match(/-(\d+)\.png$/)?.[1] ?? "0"))
            .map((f) => `<figure><img src="${escape(`${slug}/${f}`)}" alt="" loading="lazy"><figcaption>${escape(f)}</figcaption></figure>`)
            .join("");
          return `<h3>${escape(name)}</h3><div class="shots">${shots}</div>`;
        })
        .join("\n");
      return `<section><h2>${escape(slug)}</h2>\n${rows}</section>`;
    });
  const html = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Bedside gallery screenshots</title>
<style>body{font-family:arial,sans-serif;margin:2rem}.shots{display:flex;gap:1rem;align-items:flex-start}
img{border:1px solid #d8dde0;max-width:100%}figure{margin:0}figure:first-child{flex:0 0 320px}figure:last-child{flex:1}</style></head>
<body><h1>Bedside gallery screenshots</h1><p>Every example's page at 320 and 1024 px wide, from the last run of the end-to-end tests.</p>
${sections.join("\n")}
</body></html>
`;
  writeFileSync(join(GALLERY_SCREENSHOTS, "index.html"), html);
  return count;
}
