//! A card's markdown `detail`, read safely: into paragraphs, headings,
//! lists and inline text, emphasis, code and links, which the page builds as
//! elements and text nodes. There is no HTML anywhere in between, so no
//! markup a service sends can become markup in Bedside.
//!
//! A small CommonMark subset, on purpose: what cards use (CDS Hooks 2.0
//! examples: emphasis, lists, links). Everything else is shown as the text
//! it is: raw HTML (`<script>` reads as those characters), an image
//! (`![alt](url)` becomes "Image: alt", never fetched), a link whose address
//! is not `https` (or `http` to this computer) becomes its words alone, so
//! `javascript:`, `data:` and relative links go nowhere.

use crate::smart::discovery::is_secure;

/// A block of a card's detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A heading (shown as a strong line: a card's own headings must not
    /// break the page's outline).
    Heading(Vec<Inline>),
    /// A list; `ordered` for `1.` items.
    List {
        /// Numbered.
        ordered: bool,
        /// Each item's text.
        items: Vec<Vec<Inline>>,
    },
}

/// A run of text in a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `**strong**`.
    Strong(String),
    /// `*emphasis*`.
    Emphasis(String),
    /// `` `code` ``.
    Code(String),
    /// A link Bedside allows: its words and address.
    Link {
        /// What it says.
        text: String,
        /// Where it goes (`https`, or `http` to this computer).
        href: String,
    },
}

/// Reads `markdown` into blocks.
pub fn parse(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Option<(bool, Vec<Vec<Inline>>)> = None;
    let flush_paragraph = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(inline(&paragraph.join(" "))));
            paragraph.clear();
        }
    };
    let flush_list = |list: &mut Option<(bool, Vec<Vec<Inline>>)>, blocks: &mut Vec<Block>| {
        if let Some((ordered, items)) = list.take() {
            blocks.push(Block::List { ordered, items });
        }
    };
    for line in markdown.lines() {
        let line = line.trim();
        if line.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks);
            flush_list(&mut list, &mut blocks);
            continue;
        }
        if let Some((ordered, item)) = list_item(line) {
            flush_paragraph(&mut paragraph, &mut blocks);
            if list.as_ref().is_some_and(|(o, _)| *o != ordered) {
                flush_list(&mut list, &mut blocks);
            }
            list.get_or_insert_with(|| (ordered, Vec::new()))
                .1
                .push(inline(item));
            continue;
        }
        let hashes = line.bytes().take_while(|b| *b == b'#').count();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            flush_paragraph(&mut paragraph, &mut blocks);
            flush_list(&mut list, &mut blocks);
            blocks.push(Block::Heading(inline(line[hashes..].trim())));
            continue;
        }
        // A line under a list item continues it.
        if let Some((_, items)) = list.as_mut()
            && let Some(last) = items.last_mut()
        {
            last.push(Inline::Text(" ".into()));
            last.extend(inline(line));
            continue;
        }
        paragraph.push(line);
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    flush_list(&mut list, &mut blocks);
    blocks
}

/// `- item`, `* item`, `+ item` or `1. item` / `1) item`.
fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .or_else(|| line.strip_prefix("+ "))
    {
        return Some((false, rest.trim()));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &line[digits..];
        if let Some(item) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((true, item.trim()));
        }
    }
    None
}

/// Reads one block's text into inline runs.
pub fn inline(text: &str) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut plain = String::new();
    let push = |out: &mut Vec<Inline>, plain: &mut String, run: Inline| {
        if !plain.is_empty() {
            out.push(Inline::Text(std::mem::take(plain)));
        }
        out.push(run);
    };
    let mut rest = text;
    // Underscores inside a word (`snake_case`, `__proto__`) are the word's,
    // not emphasis: they open only after a non-word character and close
    // only before one (CommonMark's intraword rule for `_`).
    let mut after_word = false;
    while let Some(c) = rest.chars().next() {
        // A backslash makes the next character plain.
        if c == '\\' {
            let mut chars = rest[1..].chars();
            if let Some(next) = chars.next().filter(|n| n.is_ascii_punctuation()) {
                plain.push(next);
                rest = chars.as_str();
                continue;
            }
        }
        if c == '`'
            && let Some(end) = rest[1..].find('`')
        {
            push(
                &mut out,
                &mut plain,
                Inline::Code(rest[1..1 + end].to_string()),
            );
            rest = &rest[2 + end..];
            continue;
        }
        for marker in ["**", "__"] {
            if marker == "__" && after_word {
                continue;
            }
            if let Some(body) = rest.strip_prefix(marker)
                && let Some(end) = closing(body, marker)
            {
                push(
                    &mut out,
                    &mut plain,
                    Inline::Strong(plain_text(&body[..end])),
                );
                rest = &body[end + 2..];
                break;
            }
        }
        if !rest.starts_with(c) {
            continue;
        }
        if c == '*' || (c == '_' && !after_word) {
            let body = &rest[1..];
            let marker = if c == '*' { "*" } else { "_" };
            // Not a run of two that found no partner: that is text.
            let single = !body.starts_with(c) && !body.starts_with(' ');
            if let Some(end) = closing(body, marker).filter(|_| single) {
                push(
                    &mut out,
                    &mut plain,
                    Inline::Emphasis(plain_text(&body[..end])),
                );
                rest = &body[end + 1..];
                continue;
            }
        }
        let image = c == '!' && rest[1..].starts_with('[');
        if c == '[' || image {
            let open = if image { 2 } else { 1 };
            if let Some((words, href, used)) = link_parts(&rest[open..]) {
                let words = plain_text(words);
                let run = if image {
                    Inline::Text(if words.is_empty() {
                        "Image".into()
                    } else {
                        format!("Image: {words}")
                    })
                } else if allowed(href) {
                    Inline::Link {
                        text: if words.is_empty() {
                            href.to_string()
                        } else {
                            words
                        },
                        href: href.to_string(),
                    }
                } else {
                    Inline::Text(words)
                };
                push(&mut out, &mut plain, run);
                rest = &rest[open + used..];
                continue;
            }
        }
        plain.push(c);
        after_word = c.is_alphanumeric();
        rest = &rest[c.len_utf8()..];
    }
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

/// Where `marker` closes a run in `body`: not at once, and for `_`, not
/// before a word character.
fn closing(body: &str, marker: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = body[from..].find(marker).map(|i| i + from) {
        let next = body[at + marker.len()..].chars().next();
        let intraword = marker.starts_with('_') && next.is_some_and(char::is_alphanumeric);
        // A single marker is not half of a double one.
        let half =
            marker.len() == 1 && (next == marker.chars().next() || body[..at].ends_with(marker));
        if at > 0 && !intraword && !half {
            return Some(at);
        }
        from = at + marker.len();
    }
    None
}

/// `words](href)…`: the words, the address, and how many bytes they took.
fn link_parts(text: &str) -> Option<(&str, &str, usize)> {
    let close = text.find(']')?;
    let after = &text[close + 1..];
    let target = after.strip_prefix('(')?;
    // The address ends at the `)` that balances the `(`.
    let mut depth = 0usize;
    let end = target.char_indices().find_map(|(i, c)| match c {
        '(' => {
            depth += 1;
            None
        }
        ')' if depth == 0 => Some(i),
        ')' => {
            depth -= 1;
            None
        }
        _ => None,
    })?;
    // `(url "title")`: the title is left out.
    let href = target[..end].split_whitespace().next().unwrap_or_default();
    Some((&text[..close], href, close + 2 + end + 1))
}

/// Emphasis markers inside a run are shown as they are, less backslashes.
fn plain_text(text: &str) -> String {
    text.replace('\\', "")
}

/// Whether a card may link to `href`: `https`, or `http` to this computer.
pub fn allowed(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && is_secure(href)
        && !href.chars().any(|c| c.is_control() || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn emphasis_code_and_links() {
        assert_eq!(
            inline(
                "NEWS2 **7**: *escalate* now, see `RCP` and [NICE](https://www.nice.org.uk/ng51)."
            ),
            vec![
                text("NEWS2 "),
                Inline::Strong("7".into()),
                text(": "),
                Inline::Emphasis("escalate".into()),
                text(" now, see "),
                Inline::Code("RCP".into()),
                text(" and "),
                Inline::Link {
                    text: "NICE".into(),
                    href: "https://www.nice.org.uk/ng51".into()
                },
                text("."),
            ]
        );
        assert_eq!(
            inline("2 * 3 * 4"),
            vec![text("2 * 3 * 4")],
            "spaced stars are arithmetic"
        );
        assert_eq!(inline(r"\*not emphasis\*"), vec![text("*not emphasis*")]);
        assert_eq!(inline("**unclosed"), vec![text("**unclosed")]);
        assert_eq!(
            inline("window.__cds = 'x'; snake_case_name"),
            vec![text("window.__cds = 'x'; snake_case_name")]
        );
        assert_eq!(
            inline("a.__b = 1; c.__d = 2"),
            vec![text("a.__b = 1; c.__d = 2")]
        );
        assert_eq!(
            inline("**x** *y*"),
            vec![
                Inline::Strong("x".into()),
                text(" "),
                Inline::Emphasis("y".into())
            ]
        );
        assert_eq!(
            inline("a __strong__ and _em_."),
            vec![
                text("a "),
                Inline::Strong("strong".into()),
                text(" and "),
                Inline::Emphasis("em".into()),
                text(".")
            ]
        );
    }

    #[test]
    fn hostile_markdown_stays_text() {
        assert_eq!(
            inline("<script>alert(1)</script><img src=x onerror=alert(1)>"),
            vec![text(
                "<script>alert(1)</script><img src=x onerror=alert(1)>"
            )]
        );
        assert_eq!(
            inline("![tracker](https://evil.example/pixel.png) and ![](http://evil.example/x)"),
            vec![text("Image: tracker"), text(" and "), text("Image")]
        );
        for href in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "/relative",
            "//evil.example/x",
            "http://evil.example/plain",
            "vbscript:x",
            "https://ok.example/\u{7}",
        ] {
            assert_eq!(
                inline(&format!("[click]({href})")),
                vec![text("click")],
                "{href}"
            );
        }
        assert_eq!(
            inline("[local](http://localhost:8108/about)"),
            vec![Inline::Link {
                text: "local".into(),
                href: "http://localhost:8108/about".into()
            }]
        );
    }

    #[test]
    fn blocks_paragraphs_headings_and_lists() {
        let md = "## Why\nNEWS2 is 7\nand rising.\n\n- one\n- two\n  more\n1. first\n2) second\n\n# Done";
        assert_eq!(
            parse(md),
            vec![
                Block::Heading(vec![text("Why")]),
                Block::Paragraph(vec![text("NEWS2 is 7 and rising.")]),
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![text("one")],
                        vec![text("two"), text(" "), text("more")]
                    ]
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![text("first")], vec![text("second")]]
                },
                Block::Heading(vec![text("Done")]),
            ]
        );
        assert_eq!(parse(""), vec![]);
        assert_eq!(
            parse("#hashtag"),
            vec![Block::Paragraph(vec![text("#hashtag")])]
        );
    }
}
