//! The built page, rewritten for a strict Content-Security-Policy: the
//! crate's stylesheets named with content hashes, every inline script moved
//! into a file of its own loaded with Subresource Integrity, the Trusted
//! Types policy at the head of the start-up module, and a refusal if
//! anything inline is left.
//!
//! Trunk writes the wasm start-up code inline in `index.html`; a policy
//! without `'unsafe-inline'` blocks it, and the page then stays blank with
//! nothing but a console message to say why. Found at build time instead.
//! The page is read as text, not parsed: Trunk's output is regular, and
//! this must not change a byte of what it does not mean to.

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

/// What could not be done to the page.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PageError {
    /// No `</head>` to put the stylesheets before.
    #[error("the page has no </head> for the stylesheets")]
    NoHead,
    /// A `<script>` without its `</script>`.
    #[error("a <script> in the page is not closed")]
    UnclosedScript,
    /// Not exactly one inline module starts the wasm (`init(`), so the
    /// policy would be made too late or twice.
    #[error(
        "expected one start-up script (Trunk's, which calls init) for the Trusted Types policy, found {0}"
    )]
    StartUp(usize),
    /// What a Content-Security-Policy without `'unsafe-inline'` would
    /// block at run time.
    #[error("the page would break the Content-Security-Policy: {}", .0.join(", "))]
    Inline(Vec<String>),
}

/// A file to write beside the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Its name in the built site's root.
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// What goes into the page.
pub struct Inputs<'a> {
    /// Where the site is served (Trunk's public URL), ending in `/`.
    pub public_url: &'a str,
    /// The first stylesheet, linked from the page.
    pub first_css: &'a [u8],
    /// The later stylesheet, named in a `<meta>` for the crate's
    /// `on_demand::later_styles` to load with the first code on demand.
    pub later_css: &'a [u8],
    /// The page's `default` Trusted Types policy (JavaScript).
    pub policy: &'a str,
    /// An icon to link (its path under the public URL), for a page that
    /// names none: the browser would otherwise ask for `/favicon.ico`.
    pub icon: Option<&'a str>,
}

/// The page and the files it now names.
#[derive(Debug)]
pub struct Finished {
    /// The rewritten page.
    pub html: String,
    /// The files to write beside it.
    pub files: Vec<File>,
}

/// `html` with the crate's stylesheets and no inline code (see the module).
pub fn finish(html: &str, inputs: &Inputs<'_>) -> Result<Finished, PageError> {
    let url = inputs.public_url;
    let mut files = Vec::new();
    let first = File {
        name: hashed_name("bedside", "css", inputs.first_css),
        bytes: inputs.first_css.to_vec(),
    };
    let later = File {
        name: hashed_name("bedside-later", "css", inputs.later_css),
        bytes: inputs.later_css.to_vec(),
    };
    // Before the app's own stylesheets, so that its rules win over the
    // crate's; and a <meta>, not a <link>, for the later one: the first page
    // must not fetch it.
    let link = format!(
        r#"<link rel="stylesheet" href="{url}{}" integrity="{}" crossorigin="anonymous">"#,
        first.name,
        sri(&first.bytes)
    );
    let meta = format!(
        r#"<meta name="bedside-later-css" content="{url}{}">"#,
        later.name
    );
    let head_end = find(html, "</head>").ok_or(PageError::NoHead)?;
    let head = &html[..head_end];
    let at = link_where(head, |rel| rel.eq_ignore_ascii_case("stylesheet")).unwrap_or(head_end);
    let mut tail = meta;
    let names_an_icon = link_where(html, |rel| {
        rel.split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("icon"))
    })
    .is_some();
    if let Some(icon) = inputs.icon.filter(|_| !names_an_icon) {
        tail.push_str(&format!(
            r#"<link rel="icon" href="{url}{icon}" type="image/svg+xml">"#
        ));
    }
    let page = format!(
        "{}{link}{}{tail}{}",
        &html[..at],
        &html[at..head_end],
        &html[head_end..]
    );
    files.push(first);
    files.push(later);

    let (page, scripts, started) = externalise_scripts(&page, url, inputs.policy)?;
    if started != 1 {
        return Err(PageError::StartUp(started));
    }
    files.extend(scripts);
    let problems = inline_code(&page);
    if !problems.is_empty() {
        return Err(PageError::Inline(problems));
    }
    Ok(Finished { html: page, files })
}

/// `<stem>-<16 hex digits of its SHA-256>.<ext>`: a new name for new
/// content, so a browser never keeps an old copy.
pub fn hashed_name(stem: &str, ext: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("{stem}-{hex}.{ext}")
}

/// The Subresource Integrity value of `bytes` (SHA-384, as Trunk's own).
pub fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// Where `needle` (ASCII) first occurs in `haystack`, whatever its case.
fn find(haystack: &str, needle: &str) -> Option<usize> {
    find_from(haystack, needle, 0)
}

fn find_from(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (from..h.len().checked_sub(n.len())? + 1).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The start of the first `<link>` in `html` whose `rel` satisfies `wanted`
/// (`stylesheet`; an icon's `icon` or `shortcut icon`).
fn link_where(html: &str, wanted: impl Fn(&str) -> bool) -> Option<usize> {
    let mut from = 0;
    while let Some(start) = find_from(html, "<link", from) {
        let end = tag_end(html, start);
        if attributes(&html[start..end])
            .iter()
            .any(|(name, value)| name == "rel" && wanted(value))
        {
            return Some(start);
        }
        from = end;
    }
    None
}

/// Each inline script moved into `boot-<hash>.js`, the start-up one (it
/// calls `init(`) with `policy` first; the page, the files and how many
/// start-up scripts there were.
fn externalise_scripts(
    html: &str,
    url: &str,
    policy: &str,
) -> Result<(String, Vec<File>, usize), PageError> {
    let mut out = String::with_capacity(html.len());
    let (mut files, mut started, mut rest) = (Vec::new(), 0, html);
    while let Some(start) = find(rest, "<script") {
        let open_end = rest[start..].find('>').ok_or(PageError::UnclosedScript)? + start + 1;
        let close = find_from(rest, "</script>", open_end).ok_or(PageError::UnclosedScript)?;
        let after = close + "</script>".len();
        let tag = &rest[start..open_end];
        let body = &rest[open_end..close];
        out.push_str(&rest[..start]);
        let attrs = attributes(tag);
        if attrs.iter().any(|(name, _)| name == "src") || body.trim().is_empty() {
            out.push_str(&rest[start..after]);
        } else {
            let mut code = body.trim().to_string();
            if code.contains("init(") {
                code = format!("{}\n{code}", policy.trim());
                started += 1;
            }
            code.push('\n');
            let module = attrs
                .iter()
                .any(|(name, value)| name == "type" && value.eq_ignore_ascii_case("module"));
            let file = File {
                name: hashed_name("boot", "js", code.as_bytes()),
                bytes: code.into_bytes(),
            };
            let kind = if module { r#" type="module""# } else { "" };
            out.push_str(&format!(
                r#"<script{kind} src="{url}{}" integrity="{}" crossorigin="anonymous"></script>"#,
                file.name,
                sri(&file.bytes)
            ));
            files.push(file);
        }
        rest = &rest[after..];
    }
    out.push_str(rest);
    Ok((out, files, started))
}

/// What in `html` a Content-Security-Policy without `'unsafe-inline'`
/// blocks: inline scripts, `<style>` elements, `style` attributes and
/// event-handler attributes.
pub fn inline_code(html: &str) -> Vec<String> {
    let mut problems: Vec<String> = Vec::new();
    let mut note = |what: &str| {
        if !problems.iter().any(|p| p == what) {
            problems.push(what.to_string());
        }
    };
    let mut from = 0;
    while let Some(start) = html[from..].find('<').map(|i| from + i) {
        if html[start..].starts_with("<!--") {
            from = html[start..]
                .find("-->")
                .map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let end = tag_end(html, start);
        let tag = &html[start..end];
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>();
        let name = name.to_ascii_lowercase();
        let attrs = attributes(tag);
        if name == "style" {
            note("<style> element");
        }
        if attrs.iter().any(|(a, _)| a == "style") {
            note("style attribute");
        }
        if attrs
            .iter()
            .any(|(a, _)| a.len() > 2 && a.starts_with("on"))
        {
            note("inline event handler");
        }
        from = end;
        if name == "script" {
            let close = find_from(html, "</script>", end).unwrap_or(html.len());
            if !attrs.iter().any(|(a, _)| a == "src") && !html[end..close].trim().is_empty() {
                note("inline <script>");
            }
            from = close;
        }
    }
    problems
}

/// The end of the tag starting at `start` (after its `>`), quotes
/// respected.
fn tag_end(html: &str, start: usize) -> usize {
    let mut quote = None;
    for (i, c) in html[start..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return start + i + 1,
            _ => {}
        }
    }
    html.len()
}

/// A tag's attributes (names in lower case), quoted or not, as HTML
/// reads them.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut chars = inner.char_indices().peekable();
    // The element's name.
    while chars.next_if(|(_, c)| !c.is_whitespace()).is_some() {}
    let mut found = Vec::new();
    loop {
        while chars
            .next_if(|(_, c)| c.is_whitespace() || *c == '/')
            .is_some()
        {}
        let Some(&(start, _)) = chars.peek() else {
            break;
        };
        let mut end = inner.len();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() || c == '=' {
                end = i;
                break;
            }
            chars.next();
        }
        let name = inner[start..end].to_ascii_lowercase();
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if(|(_, c)| *c == '=').is_some() {
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
            match chars.peek() {
                Some(&(_, q @ ('"' | '\''))) => {
                    chars.next();
                    for (_, c) in chars.by_ref() {
                        if c == q {
                            break;
                        }
                        value.push(c);
                    }
                }
                _ => {
                    while let Some((_, c)) = chars.next_if(|(_, c)| !c.is_whitespace()) {
                        value.push(c);
                    }
                }
            }
        }
        found.push((name, value));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page as Trunk 0.21 writes it in a release build: minified, some
    /// attributes unquoted, the start-up module inline.
    const TRUNK_PAGE: &str = concat!(
        r#"<!doctype html><html lang=en-GB><head><meta charset=utf-8><title>Ward tools</title>"#,
        r#"<link rel=stylesheet href=/app-1a2b.css integrity=sha384-abc crossorigin=anonymous>"#,
        r#"<link rel=modulepreload href=/ward-tools-9f.js crossorigin=anonymous integrity=sha384-def>"#,
        r#"<script type=module>import init, * as bindings from '/ward-tools-9f.js';"#,
        r#"const wasm = await init({ module_or_path: '/ward-tools-9f_bg.wasm' });</script>"#,
        r#"</head><body class=nhsuk-frontend-supported></body></html>"#,
    );

    const POLICY: &str = "self.trustedTypes?.createPolicy('default', {});";

    fn inputs<'a>(url: &'a str) -> Inputs<'a> {
        Inputs {
            public_url: url,
            first_css: b"h1{}",
            later_css: b"h2{}",
            policy: POLICY,
            icon: Some("assets/images/favicon.svg"),
        }
    }

    #[test]
    fn the_start_up_script_becomes_a_file_with_the_policy_first() {
        let done = finish(TRUNK_PAGE, &inputs("/")).expect("finished");
        let boot = done
            .files
            .iter()
            .find(|f| f.name.starts_with("boot-"))
            .expect("a boot file");
        let code = String::from_utf8(boot.bytes.clone()).expect("text");
        assert!(code.starts_with(POLICY), "{code}");
        assert!(
            code.contains("await init({ module_or_path: '/ward-tools-9f_bg.wasm' })"),
            "{code}"
        );
        let tag = format!(
            r#"<script type="module" src="/{}" integrity="{}" crossorigin="anonymous"></script>"#,
            boot.name,
            sri(&boot.bytes)
        );
        assert!(done.html.contains(&tag), "{}", done.html);
        assert!(!done.html.contains("import init"), "{}", done.html);
        assert_eq!(inline_code(&done.html), Vec::<String>::new());
    }

    #[test]
    fn the_first_stylesheet_comes_before_the_apps_own_and_the_later_one_is_only_named() {
        let done = finish(TRUNK_PAGE, &inputs("/ward/")).expect("finished");
        let first = hashed_name("bedside", "css", b"h1{}");
        let later = hashed_name("bedside-later", "css", b"h2{}");
        let ours = done.html.find(&format!(
            r#"<link rel="stylesheet" href="/ward/{first}" integrity="{}""#,
            sri(b"h1{}")
        ));
        let theirs = done.html.find("<link rel=stylesheet href=/app-1a2b.css");
        assert!(
            matches!((ours, theirs), (Some(o), Some(t)) if o < t),
            "{}",
            done.html
        );
        assert!(done.html.contains(&format!(
            r#"<meta name="bedside-later-css" content="/ward/{later}"><link rel="icon""#
        )));
        assert!(
            !done.html.contains(&format!("href=\"/ward/{later}\"")),
            "the first page must not fetch it"
        );
        let names: Vec<_> = done.files.iter().map(|f| f.name.as_str()).collect();
        assert!(
            names.contains(&first.as_str()) && names.contains(&later.as_str()),
            "{names:?}"
        );
    }

    #[test]
    fn without_a_stylesheet_of_its_own_the_page_gets_the_crates_before_head_ends() {
        let page = TRUNK_PAGE.replace(
            "<link rel=stylesheet href=/app-1a2b.css integrity=sha384-abc crossorigin=anonymous>",
            "",
        );
        let done = finish(&page, &inputs("/")).expect("finished");
        let link = done
            .html
            .find(r#"<link rel="stylesheet" href="/bedside-"#)
            .expect("linked");
        assert!(
            link > done.html.find("<script").expect("the boot script"),
            "{}",
            done.html
        );
    }

    #[test]
    fn a_page_without_an_icon_gets_the_nhs_one_and_one_with_its_own_keeps_it() {
        let done = finish(TRUNK_PAGE, &inputs("/ward/")).expect("finished");
        assert!(done.html.contains(r#"<link rel="icon" href="/ward/assets/images/favicon.svg" type="image/svg+xml"></head>"#), "{}", done.html);
        let own = TRUNK_PAGE.replace(
            "<title>",
            r#"<link rel="shortcut icon" href="/trust.ico"><title>"#,
        );
        let done = finish(&own, &inputs("/")).expect("finished");
        assert!(!done.html.contains("favicon.svg"), "{}", done.html);
        assert!(done.html.contains(r#"href="/trust.ico""#));
    }

    #[test]
    fn a_new_stylesheet_gets_a_new_name() {
        assert_ne!(
            hashed_name("bedside", "css", b"a"),
            hashed_name("bedside", "css", b"b")
        );
        assert_eq!(
            hashed_name("bedside", "css", b"a"),
            hashed_name("bedside", "css", b"a")
        );
        // SHA-256("a") begins ca978112ca1bbdca.
        assert_eq!(
            hashed_name("bedside", "css", b"a"),
            "bedside-ca978112ca1bbdca.css"
        );
    }

    #[test]
    fn sri_is_sha384_in_base64() {
        // The published SHA-384 of "abc" (FIPS 180-2, appendix D.1),
        // cb00753f…c825a7, in base64.
        assert_eq!(
            sri(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    #[test]
    fn a_page_that_starts_no_wasm_or_twice_is_refused() {
        let none = TRUNK_PAGE.replace("await init(", "await start(");
        assert_eq!(
            finish(&none, &inputs("/")).err(),
            Some(PageError::StartUp(0))
        );
        let twice = TRUNK_PAGE.replace("</head>", "<script type=module>init()</script></head>");
        assert_eq!(
            finish(&twice, &inputs("/")).err(),
            Some(PageError::StartUp(2))
        );
    }

    #[test]
    fn inline_styles_and_handlers_are_refused() {
        let styled = TRUNK_PAGE.replace(
            "<body class=nhsuk-frontend-supported>",
            r#"<body style="color:red" onload='go()'><style>p{}</style>"#,
        );
        assert_eq!(
            finish(&styled, &inputs("/")).err(),
            Some(PageError::Inline(vec![
                "style attribute".to_string(),
                "inline event handler".to_string(),
                "<style> element".to_string(),
            ]))
        );
    }

    #[test]
    fn words_that_look_like_attributes_in_text_or_values_are_not_refused() {
        let page =
            r#"<p title="style=x onclick=y">Set style = plain; online = yes</p><option selected>"#;
        assert_eq!(inline_code(page), Vec::<String>::new());
        assert_eq!(
            inline_code("<noscript><p>on=</p></noscript>"),
            Vec::<String>::new()
        );
        assert_eq!(
            inline_code("<!-- don't <p style=x> --><p>Fine</p>"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn scripts_with_a_source_and_empty_ones_stay_as_they_are() {
        let page = r#"<head><script src="/a.js"></script><script> </script></head>"#;
        let (html, files, started) = externalise_scripts(page, "/", POLICY).expect("rewritten");
        assert_eq!((html.as_str(), files.len(), started), (page, 0, 0));
    }

    #[test]
    fn a_page_without_head_or_with_an_open_script_is_refused() {
        assert_eq!(
            finish("<html><body></body></html>", &inputs("/")).err(),
            Some(PageError::NoHead)
        );
        let open = "<html><head><script type=module>init(</head></html>";
        assert_eq!(
            finish(open, &inputs("/")).err(),
            Some(PageError::UnclosedScript)
        );
    }

    #[test]
    fn attributes_are_read_quoted_unquoted_and_bare() {
        assert_eq!(
            attributes(r#"<link rel=stylesheet HREF="/a b.css" crossorigin data-x='1'>"#),
            vec![
                ("rel".to_string(), "stylesheet".to_string()),
                ("href".to_string(), "/a b.css".to_string()),
                ("crossorigin".to_string(), String::new()),
                ("data-x".to_string(), "1".to_string()),
            ]
        );
    }
}
