//! HTML normalisation for comparing rendered markup with reference fixtures.
//!
//! Leptos and nhsuk-frontend's Nunjucks templates write the same document in
//! different ways: indentation, attribute order, `disabled` versus
//! `disabled=""`, and Leptos' hydration comment markers. What they mean is
//! the same; [`normalize_html`] erases only those differences, so a
//! comparison still fails on any change of element, class, attribute value or
//! text.

/// Returns `html` with comments removed, attributes sorted by name, empty
/// attribute values dropped (`disabled=""` → `disabled`), a self-closed
/// element written out with its end tag (`<path/>` → `<path></path>`, void
/// elements excepted), and runs of whitespace folded to one space. One tag or
/// text run per line.
///
/// Whitespace next to tags is dropped only where a browser would not show
/// it: a space between two words stays, even across inline elements
/// (`<strong>Note</strong> well`), as a leading or trailing space on its text
/// line, or a line of its own (`" "`) between two inline elements. Template
/// indentation between blocks disappears.
pub fn normalize_html(html: &str) -> String {
    let tokens = tokenize(html);
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Tag { text, .. } => out.push(text.clone()),
            Token::Text(raw) => {
                let words = fold_whitespace(&unescape_quotes(raw));
                let starts = raw.starts_with(char::is_whitespace);
                let ends = raw.ends_with(char::is_whitespace);
                if words.is_empty() {
                    if starts && word_before(&tokens, i) && word_after(&tokens, i) {
                        out.push(" ".to_string());
                    }
                    continue;
                }
                let lead = if starts && word_before(&tokens, i) {
                    " "
                } else {
                    ""
                };
                let trail = if ends && word_after(&tokens, i) {
                    " "
                } else {
                    ""
                };
                out.push(format!("{lead}{words}{trail}"));
            }
        }
    }
    out.join("\n")
}

/// The text a reader meets in `html`: no tags, one space between words,
/// and nothing from inside an element with the `hidden` attribute (a table
/// waiting for its first rows is in the markup, not on the screen).
#[cfg(not(target_arch = "wasm32"))]
pub fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // The hidden element's name, and how many of that name are open in it.
    let mut hidden: Option<(String, usize)> = None;
    for token in tokenize(html) {
        let (name, text) = match token {
            Token::Text(text) => {
                if hidden.is_none() {
                    out.push_str(&text);
                }
                continue;
            }
            Token::Tag { name, text } => (name, text),
        };
        out.push(' ');
        let end = name.starts_with('/');
        let bare = name.trim_start_matches('/');
        if VOID_ELEMENTS.contains(&bare) {
            continue;
        }
        match &mut hidden {
            Some((open, depth)) if open == bare => {
                if !end {
                    *depth += 1;
                } else if *depth > 1 {
                    *depth -= 1;
                } else {
                    hidden = None;
                }
            }
            Some(_) => {}
            None if !end => {
                let attributes = text
                    .trim_end_matches('>')
                    .split_once(' ')
                    .map_or("", |(_, a)| a);
                if parse_attributes(attributes)
                    .iter()
                    .any(|(a, _)| a == "hidden")
                {
                    hidden = Some((bare.to_string(), 1));
                }
            }
            None => {}
        }
    }
    fold_whitespace(&out)
}

/// Quotes in text need no escaping, and templates differ on whether they
/// escape them (nhsuk-frontend writes `I&#39;m`, Leptos `I'm`): both read
/// the same; so does a character written as its name (nhsuk-frontend's
/// pagination writes `&ctdot;`, Bedside the "⋯" itself, since it sets no
/// HTML from strings). `&amp;`, `&lt;` and `&gt;` are left as they are, so
/// text that would become markup is still a difference.
fn unescape_quotes(text: &str) -> String {
    text.replace("&ctdot;", "⋯")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
}

enum Token {
    /// A start or end tag, normalised; `name` is lower case, without `/`.
    Tag {
        name: String,
        text: String,
    },
    Text(String),
}

fn tokenize(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
        } else if let Some(after) = rest.strip_prefix("<!>") {
            rest = after;
        } else if rest.starts_with('<') {
            let end = tag_end(rest);
            let raw = &rest[..end];
            let (name, text) = normalize_tag(raw);
            let self_closed = raw.trim_end_matches('>').trim_end().ends_with('/');
            tokens.push(Token::Tag {
                name: name.clone(),
                text,
            });
            if self_closed && !name.starts_with('/') && !VOID_ELEMENTS.contains(&name.as_str()) {
                tokens.push(Token::Tag {
                    text: format!("</{name}>"),
                    name: format!("/{name}"),
                });
            }
            rest = &rest[end..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            // Text split only by a comment (Leptos' markers between text
            // nodes) is one run of text, as the browser shows it.
            match tokens.last_mut() {
                Some(Token::Text(before)) => before.push_str(&rest[..end]),
                _ => tokens.push(Token::Text(rest[..end].to_string())),
            }
            rest = &rest[end..];
        }
    }
    tokens
}

/// HTML's void elements: never an end tag.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements that flow within a line of text (the HTML spec's phrasing
/// content that renders inline): whitespace next to them can be a visible
/// space. Every other element starts or ends a block, where it cannot.
const INLINE_ELEMENTS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "label",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

fn is_inline(name: &str) -> bool {
    INLINE_ELEMENTS.contains(&name.trim_start_matches('/'))
}

/// Whether a word comes before token `i` on the same line of text: only
/// inline tags between them.
fn word_before(tokens: &[Token], i: usize) -> bool {
    tokens[..i]
        .iter()
        .rev()
        .find_map(word_or_block)
        .unwrap_or(false)
}

/// Whether a word follows token `i` on the same line of text.
fn word_after(tokens: &[Token], i: usize) -> bool {
    tokens[i + 1..]
        .iter()
        .find_map(word_or_block)
        .unwrap_or(false)
}

/// `Some(true)` for a word, `Some(false)` for a block boundary, `None` to
/// look further (an inline tag, or whitespace alone).
fn word_or_block(token: &Token) -> Option<bool> {
    match token {
        Token::Text(t) if t.trim().is_empty() => None,
        Token::Text(_) => Some(true),
        Token::Tag { name, .. } if is_inline(name) => None,
        Token::Tag { .. } => Some(false),
    }
}

/// Index just past the `>` that closes the tag at the start of `s`, skipping
/// any `>` inside quoted attribute values.
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The tag's name (`/name` for an end tag) and its normal form.
fn normalize_tag(tag: &str) -> (String, String) {
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/')
        .trim();
    if inner.starts_with('/') {
        let name = inner.to_ascii_lowercase();
        return (name.clone(), format!("<{name}>"));
    }
    let (name, attrs) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let name = name.to_ascii_lowercase();
    let mut attrs = parse_attributes(attrs);
    attrs.sort();
    let mut out = format!("<{name}");
    for (name, value) in attrs {
        out.push(' ');
        out.push_str(&name);
        if !value.is_empty() {
            out.push_str("=\"");
            // A single quote inside double quotes needs no escaping either.
            let value = value.replace("&#39;", "'").replace("&#x27;", "'");
            out.push_str(&fold_whitespace(&value));
            out.push('"');
        }
    }
    out.push('>');
    (name, out)
}

fn parse_attributes(mut s: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return attrs;
        }
        let name_end = s
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(s.len());
        let name = s[..name_end].to_ascii_lowercase();
        s = s[name_end..].trim_start();
        let value = if let Some(after) = s.strip_prefix('=') {
            let after = after.trim_start();
            match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    s = body.get(end + 1..).unwrap_or("");
                    body[..end].to_string()
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    s = &after[end..];
                    after[..end].to_string()
                }
            }
        } else {
            String::new()
        };
        attrs.push((name, value));
    }
}

#[cfg(test)]
mod tests {
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn visible_text_skips_hidden_elements_and_what_is_inside_them() {
        let html = r#"<div><p hidden>Gone <div>also <div>gone</div></div></p><p>Shown <input type="hidden" value="x"><span class="hidden">too</span></p>
            <div hidden=""><div></div>gone</div><br/>end</div>"#;
        assert_eq!(super::visible_text(html), "Shown too end");
    }

    use super::normalize_html;

    #[test]
    fn formatting_differences_vanish() {
        let nunjucks = "<button class=\"nhsuk-button\" data-module=\"nhsuk-button\" type=\"submit\" disabled aria-disabled=\"true\">\n  Disabled button\n</button>";
        let leptos = "<button type=\"submit\" disabled=\"\" aria-disabled=\"true\" class=\"nhsuk-button\" data-module=\"nhsuk-button\"><!>Disabled button<!----></button>";
        assert_eq!(normalize_html(nunjucks), normalize_html(leptos));
        assert_eq!(
            normalize_html(leptos),
            "<button aria-disabled=\"true\" class=\"nhsuk-button\" data-module=\"nhsuk-button\" disabled type=\"submit\">\nDisabled button\n</button>"
        );
    }

    #[test]
    fn meaningful_differences_remain() {
        let base = normalize_html("<a class=\"x\" href=\"#\">Go</a>");
        for other in [
            "<a class=\"y\" href=\"#\">Go</a>",
            "<a class=\"x\" href=\"/\">Go</a>",
            "<a class=\"x\" href=\"#\">Stop</a>",
            "<span class=\"x\" href=\"#\">Go</span>",
            "<a class=\"x\" href=\"#\" hidden>Go</a>",
        ] {
            assert_ne!(base, normalize_html(other), "{other}");
        }
    }

    #[test]
    fn a_lost_space_between_words_is_a_difference() {
        for (spaced, joined) in [
            (
                "<p><strong>Note</strong> well</p>",
                "<p><strong>Note</strong>well</p>",
            ),
            (
                "<p>Call <a href=\"#\">111</a></p>",
                "<p>Call<a href=\"#\">111</a></p>",
            ),
            (
                "<p><span>Signed in as</span> <span>Ann</span></p>",
                "<p><span>Signed in as</span><span>Ann</span></p>",
            ),
            (
                "<p>Ann <em><b>Smith</b></em></p>",
                "<p>Ann<em><b>Smith</b></em></p>",
            ),
        ] {
            assert_ne!(normalize_html(spaced), normalize_html(joined), "{spaced}");
        }
        // However the space is written, it is the same space.
        assert_eq!(
            normalize_html("<p><strong>Note</strong>\n   well</p>"),
            normalize_html("<p><strong>Note</strong> well</p>")
        );
    }

    #[test]
    fn whitespace_a_browser_does_not_show_is_not_a_difference() {
        assert_eq!(
            normalize_html("<ul>\n  <li>\n    <a href=\"#\">One</a>\n  </li>\n</ul>\n"),
            normalize_html("<ul><li><a href=\"#\">One</a></li></ul>")
        );
        // Between a block's edge and a word, or beside a block element.
        assert_eq!(
            normalize_html("<div> <p>One</p> <p> Two </p> </div>"),
            normalize_html("<div><p>One</p><p>Two</p></div>")
        );
    }

    #[test]
    fn self_closed_elements_equal_their_written_out_form() {
        assert_eq!(
            normalize_html("<svg><path d=\"M0\"/></svg>"),
            normalize_html("<svg><path d=\"M0\"></path></svg>")
        );
        assert_ne!(
            normalize_html("<svg><path d=\"M0\"/><g></g></svg>"),
            normalize_html("<svg><path d=\"M0\"><g></g></path></svg>")
        );
    }

    #[test]
    fn quoted_angle_brackets_and_self_closing_tags() {
        assert_eq!(
            normalize_html("<input value='a > b' type=text/><br />"),
            "<input type=\"text\" value=\"a > b\">\n<br>"
        );
    }

    #[test]
    fn text_split_by_comments_is_one_run() {
        assert_eq!(
            normalize_html("<label><span>About you </span> <!>What</label>"),
            normalize_html("<label><span>About you </span>\n What</label>")
        );
        assert_eq!(
            normalize_html("<p>a<!-- x -->b</p>"),
            normalize_html("<p>ab</p>")
        );
        assert_ne!(
            normalize_html("<p>a<!-- x --> b</p>"),
            normalize_html("<p>ab</p>")
        );
    }

    #[test]
    fn escaped_quotes_in_text_equal_plain_ones_and_markup_stays_escaped() {
        assert_eq!(
            normalize_html("<p>I&#39;m &quot;here&quot;</p>"),
            normalize_html("<p>I'm \"here\"</p>")
        );
        assert_ne!(
            normalize_html("<p>&lt;b&gt;</p>"),
            normalize_html("<p><b></b></p>")
        );
    }

    #[test]
    fn unterminated_input_does_not_panic() {
        for s in ["<a href=\"x", "<!-- open", "text <", "<a b='"] {
            let _ = normalize_html(s);
        }
    }
}
