// The peer's production build: what a React team would ship by default.
// nhsuk-frontend ships its CSS minified already, with an old-IE hack
// (`@media screen\0`) that Vite's CSS minifier (lightningcss) refuses, so
// the CSS is taken as it comes. Hashes in hex, which the server the
// benchmark uses (scripts/serve.mjs, as for Bedside) recognises and caches
// as immutable, as a React team's CDN would.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    cssMinify: false,
    rollupOptions: { output: { hashCharacters: "hex" } },
  },
});
