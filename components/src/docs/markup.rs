//! HTML normalisation for comparing rendered markup with reference fixtures.
//!
//! Leptos and nhsuk-frontend's Nunjucks templates write the same document in
//! different ways: indentation, attribute order, `disabled` versus
//! `disabled=""`, and Leptos' hydration comment markers. What they mean is
//! the same; [`normalize_html`] erases only those differences, so a
//! comparison still fails on any change of element, class, attribute value or
//! text.

/// Returns `html` with comments removed, attributes sorted by name, empty
/// attribute values dropped (`disabled=""` → `disabled`), runs of whitespace
/// folded to one space, and whitespace next to tags removed. One tag or text
/// run per line.
pub fn normalize_html(html: &str) -> String {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
        } else if let Some(after) = rest.strip_prefix("<!>") {
            rest = after;
        } else if rest.starts_with('<') {
            let end = tag_end(rest);
            out.push(normalize_tag(&rest[..end]));
            rest = &rest[end..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = fold_whitespace(&rest[..end]);
            if !text.is_empty() {
                out.push(text);
            }
            rest = &rest[end..];
        }
    }
    out.join("\n")
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

fn normalize_tag(tag: &str) -> String {
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/')
        .trim();
    if inner.starts_with('/') {
        return format!("<{}>", inner.to_ascii_lowercase());
    }
    let (name, attrs) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let mut attrs = parse_attributes(attrs);
    attrs.sort();
    let mut out = format!("<{}", name.to_ascii_lowercase());
    for (name, value) in attrs {
        out.push(' ');
        out.push_str(&name);
        if !value.is_empty() {
            out.push_str("=\"");
            out.push_str(&fold_whitespace(&value));
            out.push('"');
        }
    }
    out.push('>');
    out
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
    fn quoted_angle_brackets_and_self_closing_tags() {
        assert_eq!(
            normalize_html("<input value='a > b' type=text/><br />"),
            "<input type=\"text\" value=\"a > b\">\n<br>"
        );
    }

    #[test]
    fn unterminated_input_does_not_panic() {
        for s in ["<a href=\"x", "<!-- open", "text <", "<a b='"] {
            let _ = normalize_html(s);
        }
    }
}
