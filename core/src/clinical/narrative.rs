//! What of a narrative survives: the FHIR narrative's element set (FHIR R4
//! Narrative, "the XHTML content SHALL NOT contain a head, a body, external
//! stylesheet references, scripts, forms, base/link/xlink, frames, iframes
//! and objects"; constraint txt-1 lists the basic formatting elements
//! allowed), with the attributes that carry meaning and none that can run
//! code, fetch from elsewhere or change how the page around it looks.
//!
//! [`sanitize`] reads the narrative and writes out only what these rules
//! keep. Plain Rust, so native tests cover it with known attacks, and the
//! server and the browser show the same thing.

/// Elements kept, with their allowed attributes.
const KEPT: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "b",
    "big",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "tt",
    "ul",
    "var",
];

/// Elements dropped with everything in them: what runs, fetches, asks for
/// input or draws outside the text.
const DROPPED: &[&str] = &[
    "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
    "form", "input", "button", "select", "textarea", "option", "noscript", "svg", "math", "link",
    "meta", "base", "title", "head", "audio", "video", "canvas", "source", "track", "portal",
    "dialog",
];

/// Attributes kept on any kept element. Not `style` (a fixed box can cover
/// the page), `class` and `id` (the page's own classes and ids, which a
/// narrative could borrow to restyle or clobber it), nor any `on…` handler.
const ATTRIBUTES: &[&str] = &[
    "title", "lang", "dir", "colspan", "rowspan", "scope", "headers", "abbr", "alt", "span",
    "start", "reversed", "value",
];

/// What to do with an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    /// Keep it (with its allowed attributes) and its content.
    Keep,
    /// Keep its content, not the element.
    Unwrap,
    /// Leave it out, content and all.
    Drop,
}

/// What to do with the element named `name` (any case).
pub fn element(name: &str) -> Element {
    let name = name.to_ascii_lowercase();
    if KEPT.contains(&name.as_str()) {
        Element::Keep
    } else if DROPPED.contains(&name.as_str()) {
        Element::Drop
    } else {
        Element::Unwrap
    }
}

/// Whether the attribute `name="value"` may stay on a kept `element`:
/// the plain ones; a link only within the narrative (`#…`); an image only
/// from the narrative's own data (`data:image/png;base64,…` and the like,
/// never SVG, which can carry script).
pub fn attribute(element: &str, name: &str, value: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let value = value.trim();
    match (element.to_ascii_lowercase().as_str(), name.as_str()) {
        ("a", "href") => value.starts_with('#'),
        ("img", "src") => ["png", "jpeg", "gif", "webp"].iter().any(|t| {
            value
                .to_ascii_lowercase()
                .starts_with(&format!("data:image/{t};base64,"))
        }),
        ("ol", "type") => ["1", "a", "A", "i", "I"].contains(&value),
        _ => ATTRIBUTES.contains(&name.as_str()),
    }
}

/// Elements with no content or end tag.
pub fn is_void(name: &str) -> bool {
    matches!(name, "br" | "hr" | "img" | "col")
}

/// `text` escaped for use as HTML text or a double-quoted attribute value.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `<name key="value" …>` for a kept element and its kept attributes
/// (names from [`attribute`]'s list, so never anything to escape), values
/// escaped.
pub fn open_tag(out: &mut String, name: &str, attributes: &[(String, String)]) {
    out.push('<');
    out.push_str(name);
    for (key, value) in attributes {
        out.push(' ');
        out.push_str(key);
        out.push_str("=\"");
        escape_into(out, value);
        out.push('"');
    }
    out.push('>');
}

/// Nesting deeper than this is flattened (its elements unwrapped, their
/// text kept): a narrative nested thousands deep is an attack on the
/// browser, not a document.
const MAX_DEPTH: usize = 64;

/// Decodes the character references XHTML narrative uses: the five XML
/// entities, `&nbsp;`, and numeric references. Any other `&name;` stays as
/// written (it is escaped again on output, so it shows as typed).
fn decode_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|end| *end <= 12).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .map(|hex| u32::from_str_radix(hex, 16))
                    .or_else(|| name.strip_prefix('#').map(str::parse::<u32>))
                    .and_then(Result::ok)
                    .and_then(char::from_u32)
                    .filter(|c| *c != '\0'),
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// One tag as read: its lower-cased name, whether it closes or closes
/// itself, and its attributes (names lower-cased, values decoded).
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    attributes: Vec<(String, String)>,
}

/// Reads the tag after a `<` (at `rest`); `None` if it is not one (a lone
/// `<` in text). Returns the tag and what follows it.
fn read_tag(rest: &str) -> Option<(Tag, &str)> {
    let closing = rest.starts_with('/');
    let body = if closing { &rest[1..] } else { rest };
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(body.len());
    if name_len == 0 || !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // A prefixed name (`xhtml:p`) is the element it names.
    let full = body[..name_len].to_ascii_lowercase();
    let name = full.rsplit(':').next().unwrap_or_default().to_string();
    let mut at = &body[name_len..];
    let mut attributes = Vec::new();
    loop {
        at = at.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if at.is_empty() {
            // Never closed: the rest of the narrative was inside the tag.
            return Some((
                Tag {
                    name,
                    closing,
                    self_closing: false,
                    attributes,
                },
                "",
            ));
        }
        if let Some(after) = at.strip_prefix('>') {
            let self_closing = body[..body.len() - at.len()].trim_end().ends_with('/');
            return Some((
                Tag {
                    name,
                    closing,
                    self_closing,
                    attributes,
                },
                after,
            ));
        }
        let key_len = at
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(at.len())
            .max(1);
        let key = at[..key_len].to_ascii_lowercase();
        at = at[key_len..].trim_start();
        let mut value = String::new();
        if let Some(after_eq) = at.strip_prefix('=') {
            let after_eq = after_eq.trim_start();
            let (raw, after) = match after_eq.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after_eq[1..];
                    match inner.find(q) {
                        Some(end) => (&inner[..end], &inner[end + 1..]),
                        None => (inner, ""),
                    }
                }
                _ => {
                    let end = after_eq
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after_eq.len());
                    (&after_eq[..end], &after_eq[end..])
                }
            };
            decode_into(&mut value, raw);
            at = after;
        }
        // The local name of a prefixed attribute (`xml:lang`) is its
        // meaning; `xmlns` declarations are not attributes to keep.
        let key = key.rsplit(':').next().unwrap_or_default().to_string();
        attributes.push((key, value));
    }
}

/// The narrative `xhtml` as markup Bedside writes itself: only the
/// elements and attributes these rules keep, every text and attribute value
/// escaped, elements closed in order. What it writes cannot re-parse into
/// anything else: none of the elements that parse differently (SVG, MathML,
/// `style`, `noscript`, `template`, `textarea`) is ever written, and no
/// handler, style, class or id reaches the browser, which would report
/// each as a Content Security Policy violation even where it ran nothing.
///
/// It reads as browsers do where that matters for what is shown (tags in
/// any case, attributes quoted or not, unclosed elements closed), but it
/// need not be a full HTML parser: everything it writes is escaped text or
/// an element and attribute from the lists above, so a narrative it reads
/// differently from a browser can only look different, never run.
pub fn sanitize(xhtml: &str) -> String {
    let mut out = String::with_capacity(xhtml.len());
    let mut open: Vec<String> = Vec::new();
    let mut flattened = 0usize;
    let mut rest = xhtml;
    let close_to = |out: &mut String, open: &mut Vec<String>, depth: usize| {
        while open.len() > depth {
            if let Some(name) = open.pop() {
                out.push_str("</");
                out.push_str(&name);
                out.push('>');
            }
        }
    };
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            let mut text = String::new();
            decode_into(&mut text, rest);
            escape_into(&mut out, &text);
            break;
        };
        let mut text = String::new();
        decode_into(&mut text, &rest[..lt]);
        escape_into(&mut out, &text);
        rest = &rest[lt + 1..];
        // Comments, CDATA, declarations and processing instructions.
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        if let Some(after) = rest.strip_prefix("![CDATA[") {
            let (cdata, after) = after.split_once("]]>").unwrap_or((after, ""));
            escape_into(&mut out, cdata);
            rest = after;
            continue;
        }
        if rest.starts_with('!') || rest.starts_with('?') {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            continue;
        }
        let Some((tag, after)) = read_tag(rest) else {
            out.push_str("&lt;");
            continue;
        };
        rest = after;
        match (element(&tag.name), tag.closing) {
            (Element::Drop, false) => {
                if tag.self_closing && !matches!(tag.name.as_str(), "script" | "style") {
                    continue;
                }
                // Skip to the matching end tag, counting nested ones of the
                // same name (an SVG inside an SVG).
                let mut depth = 1;
                while depth > 0 {
                    let Some(lt) = rest.find('<') else {
                        rest = "";
                        break;
                    };
                    rest = &rest[lt + 1..];
                    if let Some((inner, after)) = read_tag(rest) {
                        rest = after;
                        if inner.name == tag.name {
                            if inner.closing {
                                depth -= 1;
                            } else if !inner.self_closing {
                                depth += 1;
                            }
                        }
                    }
                }
            }
            (Element::Keep, false) if open.len() < MAX_DEPTH => {
                let mut kept = Vec::new();
                let mut src_refused = false;
                for (key, value) in tag.attributes {
                    if attribute(&tag.name, &key, &value) {
                        kept.push((key, value));
                    } else if key == "src" {
                        src_refused = true;
                    }
                }
                if tag.name == "img" && src_refused {
                    // An image from elsewhere is not fetched; its
                    // description still says it was there.
                    let alt = kept
                        .iter()
                        .find(|(k, _)| k == "alt")
                        .map_or("not shown", |(_, v)| v.as_str());
                    escape_into(&mut out, &format!("[image: {alt}]"));
                    continue;
                }
                open_tag(&mut out, &tag.name, &kept);
                if !is_void(&tag.name) && !tag.self_closing {
                    open.push(tag.name);
                } else if !is_void(&tag.name) {
                    out.push_str("</");
                    out.push_str(&tag.name);
                    out.push('>');
                }
            }
            (Element::Keep, false) => flattened += 1,
            // Inside flattened nesting, end tags end the flattened elements
            // first.
            (Element::Keep, true) if flattened > 0 => flattened -= 1,
            (Element::Keep, true) => {
                if let Some(depth) = open.iter().rposition(|n| *n == tag.name) {
                    close_to(&mut out, &mut open, depth);
                }
            }
            // An element not kept: its content is, without it.
            (Element::Unwrap, _) | (Element::Drop, true) => {}
        }
    }
    close_to(&mut out, &mut open, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_bedside_writes_is_escaped() {
        let mut out = String::new();
        open_tag(
            &mut out,
            "td",
            &[("title".into(), r#""><script>x</script>"#.into())],
        );
        escape_into(&mut out, "<img src=x onerror=alert(1)> & 'q'");
        assert_eq!(
            out,
            r#"<td title="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;"#
        );
        assert!(is_void("br") && is_void("img") && !is_void("p"));
    }

    /// Known attacks (OWASP's XSS filter evasion cheat sheet, DOMPurify's
    /// test payloads): none may leave an element or attribute that runs,
    /// loads or restyles, whatever the spelling.
    #[test]
    fn known_attacks_leave_only_text() {
        let attacks = [
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<scr<script>ipt>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<img src=x onerror=\"alert(1)\"/>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<img/src=x/onerror=alert(1)>",
            "<p onclick=alert(1) onmouseover='alert(2)'>text</p>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"https://evil.example\">x</a>",
            "<div style=\"position:fixed;inset:0;background:red\">x</div>",
            "<p class=\"nhsuk-skip-link\" id=\"maincontent\">x</p>",
            "<svg onload=alert(1)><script>alert(2)</script></svg>",
            "<svg><svg><p>inner</p></svg><img src=x onerror=alert(1)></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\">",
            "<object data=\"x.swf\"></object><embed src=x.swf>",
            "<form action=//evil.example><input name=q><button>go</button></form>",
            "<style>body{display:none}</style>",
            "<link rel=stylesheet href=//evil.example/x.css>",
            "<meta http-equiv=refresh content=\"0;url=//evil.example\">",
            "<base href=//evil.example/>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<template><img src=x onerror=alert(1)></template>",
            "<p title=\"a\" onerror=alert(1) title2=\"b>\">x</p>",
            "<div\nonclick=alert(1)>x</div>",
            "<DIV ONCLICK=alert(1)>x</DIV>",
            "<td background=\"javascript:alert(1)\">x</td>",
            "<table><tr><td colspan=2 onmouseover=x()>Hb 128 g/L</td></tr></table>",
        ];
        for attack in attacks {
            let out = sanitize(attack).to_ascii_lowercase();
            for bad in [
                "<script",
                "onerror",
                "onclick",
                "onload",
                "onmouseover",
                "javascript:",
                "style=",
                "<svg",
                "<math",
                "<iframe",
                "<object",
                "<embed",
                "<form",
                "<input",
                "<style",
                "<link",
                "<meta",
                "<base",
                "<noscript",
                "<template",
                "class=",
                "id=",
                "background=",
                "evil.example",
                "srcdoc",
            ] {
                assert!(!out.contains(bad), "{bad} survived {attack:?} as {out:?}");
            }
        }
    }

    #[test]
    fn formatting_survives_and_text_is_escaped() {
        assert_eq!(
            sanitize(
                r#"<div xmlns="http://www.w3.org/1999/xhtml"><p>Hb <b>128</b> g/L &amp; falling &lt;3&gt;</p><br/><table><tr><td colspan="2" scope="row">x</td></tr></table></div>"#
            ),
            r#"<div><p>Hb <b>128</b> g/L &amp; falling &lt;3&gt;</p><br><table><tr><td colspan="2" scope="row">x</td></tr></table></div>"#
        );
        assert_eq!(
            sanitize("<p>unclosed <b>bold"),
            "<p>unclosed <b>bold</b></p>",
            "closed in order"
        );
        assert_eq!(
            sanitize("<p>a</b>b</p>"),
            "<p>ab</p>",
            "a stray end tag is dropped"
        );
        assert_eq!(
            sanitize("<P TITLE='x \"y\"'>z</P>"),
            r#"<p title="x &quot;y&quot;">z</p>"#
        );
        assert_eq!(sanitize("1 < 2 and 3 > 2"), "1 &lt; 2 and 3 &gt; 2");
        assert_eq!(
            sanitize("<p>&#169; &#x2013; &copy; &bogus</p>"),
            "<p>\u{a9} \u{2013} &amp;copy; &amp;bogus</p>"
        );
        assert_eq!(
            sanitize("<!-- hidden --><p>shown</p><![CDATA[<b>raw</b>]]>"),
            "<p>shown</p>&lt;b&gt;raw&lt;/b&gt;"
        );
        assert_eq!(
            sanitize("<font color=red>kept text</font>"),
            "kept text",
            "unknown elements are unwrapped"
        );
        assert_eq!(
            sanitize(
                r#"<img src="https://evil.example/x.png" alt="Wound"><img src="data:image/png;base64,AAAA" alt="Scan">"#
            ),
            r#"[image: Wound]<img src="data:image/png;base64,AAAA" alt="Scan">"#
        );
        assert_eq!(
            sanitize(r##"<a href="#part-2" target="_blank">part 2</a>"##),
            r##"<a href="#part-2">part 2</a>"##
        );
    }

    #[test]
    fn deep_nesting_is_flattened_not_followed() {
        let deep = "<div>".repeat(10_000) + "text" + &"</div>".repeat(10_000);
        let out = sanitize(&deep);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("text"));
    }

    #[test]
    fn formatting_stays_and_what_runs_or_fetches_goes() {
        for kept in ["p", "TABLE", "td", "ul", "li", "b", "br", "h3", "a", "img"] {
            assert_eq!(element(kept), Element::Keep, "{kept}");
        }
        for dropped in [
            "script", "SCRIPT", "style", "iframe", "object", "embed", "form", "input", "svg",
            "math", "link", "meta", "base",
        ] {
            assert_eq!(element(dropped), Element::Drop, "{dropped}");
        }
        for unknown in ["body", "html", "font", "center", "marquee", "x-widget"] {
            assert_eq!(element(unknown), Element::Unwrap, "{unknown}");
        }
    }

    #[test]
    fn handlers_styles_classes_ids_and_outside_urls_are_removed() {
        for (el, name, value) in [
            ("img", "onerror", "alert(1)"),
            ("p", "onclick", "alert(1)"),
            ("div", "style", "position:fixed;inset:0"),
            ("p", "class", "nhsuk-skip-link"),
            ("p", "id", "maincontent"),
            ("a", "href", "javascript:alert(1)"),
            ("a", "href", " JavaScript:alert(1)"),
            ("a", "href", "https://evil.example/"),
            ("a", "href", "//evil.example/"),
            ("img", "src", "https://evil.example/pixel.png"),
            ("img", "src", "data:image/svg+xml;base64,PHN2Zz4="),
            ("img", "src", "javascript:alert(1)"),
            ("ol", "type", "disc"),
            ("td", "xmlns", "http://www.w3.org/1999/xhtml"),
        ] {
            assert!(!attribute(el, name, value), "{el} {name}={value}");
        }
        for (el, name, value) in [
            ("a", "href", "#section-2"),
            ("img", "src", "data:image/png;base64,iVBORw0KGgo="),
            ("img", "alt", "Wound photograph"),
            ("td", "colspan", "2"),
            ("th", "scope", "col"),
            ("p", "lang", "cy"),
            ("ol", "type", "a"),
        ] {
            assert!(attribute(el, name, value), "{el} {name}={value}");
        }
    }
}
