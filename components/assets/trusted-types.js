// The page's `default` Trusted Types policy, made before the app starts
// (scripts/post-build.mjs, and for a trust's app the `bedside post-build`
// command of crate bedside-cli, put this at the head of the start-up module).
//
// The Content-Security-Policy says `require-trusted-types-for 'script'`, so
// the browser refuses HTML set from a plain string unless a named policy
// made it. Bedside's own HTML from elsewhere, the FHIR narrative, is
// re-written in Rust and goes through its own policy, `bedside-narrative`.
// Leptos builds the static parts of views by setting a <template>'s
// innerHTML to markup written at compile time (tachys' ViewTemplate and
// inert elements): those come here. A policy cannot tell where a string came
// from, so this one passes only markup in which nothing could run or take
// the page elsewhere, which no view template has: no script, frame, object,
// embed, base, meta, link or style element and no event-handler attribute.
// Anything else is refused (the assignment throws) and reported to the
// CSP's collector. A rule for refusing, not a sanitiser. No rule for script
// URLs or script text: those sinks are refused outright.
{
  const refused = /<(script|i?frame|frameset|object|embed|base|meta|link|style)\b|[\s/"']on[a-z]+\s*=/i;
  self.trustedTypes?.createPolicy("default", { createHTML: (html) => (refused.test(html) ? null : html) });
}
