//! Paths as the router matches them.

use crate::url::decode as percent_decode;

/// A decoded path: its segments, and the query string kept whole.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Path {
    segments: Vec<String>,
    query: String,
}

impl Path {
    /// Parses the path and query of `href` (`/a/b?x=1#top`); a fragment is
    /// dropped, empty segments are ignored, and `%XX` escapes are decoded.
    pub fn from_href(href: &str) -> Self {
        let href = href.split('#').next().unwrap_or_default();
        let (path, query) = href.split_once('?').unwrap_or((href, ""));
        Self {
            segments: path
                .split('/')
                .filter(|s| !s.is_empty())
                .map(percent_decode)
                .collect(),
            query: query.to_string(),
        }
    }

    /// The segments, for matching: `match path.segments()[..] { ["gallery", name] => … }`.
    pub fn segments(&self) -> Vec<&str> {
        self.segments.iter().map(String::as_str).collect()
    }

    /// Whether this path is `route` or below it, segment by segment
    /// (`/auth/callback/sandbox` is under `/auth/callback`; `/auth/callbacks`
    /// is not).
    pub fn is_under(&self, route: &str) -> bool {
        self.segments()
            .starts_with(&Path::from_href(route).segments())
    }

    /// The query string without its `?`.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The value of query parameter `name`, decoded (`+` is a space).
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(&k.replace('+', " ")) == name)
                .then(|| percent_decode(&v.replace('+', " ")))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_under_a_route_segment_by_segment() {
        let p = Path::from_href("/auth/callback/sandbox?code=c&state=s");
        assert!(p.is_under("/auth/callback"));
        assert!(p.is_under("auth/callback/"));
        assert!(p.is_under("/"));
        assert!(!p.is_under("/auth/callbacks"));
        assert!(!p.is_under("/auth/callback/sandbox/more"));
        assert!(Path::from_href("/launch?iss=x&launch=y").is_under("/launch"));
        assert!(!Path::from_href("/launcher").is_under("/launch"));
    }

    #[test]
    fn segments_ignore_slashes_fragments_and_keep_the_query() {
        let p = Path::from_href("/gallery//button/?x=1&y=a+b#top");
        assert_eq!(p.segments(), ["gallery", "button"]);
        assert_eq!(p.query(), "x=1&y=a+b");
        assert_eq!(p.query_param("y").as_deref(), Some("a b"));
        assert_eq!(p.query_param("z"), None);
        assert!(Path::from_href("/").segments().is_empty());
        assert!(Path::from_href("").segments().is_empty());
    }

    #[test]
    fn segments_are_decoded_after_splitting() {
        // An encoded slash stays inside its segment.
        let p = Path::from_href("/patients/a%2Fb/caf%C3%A9");
        assert_eq!(p.segments(), ["patients", "a/b", "café"]);
    }

    #[test]
    fn query_values_are_decoded() {
        let p = Path::from_href("/cb?code=a%3Db&state=x%20y&flag");
        assert_eq!(p.query_param("code").as_deref(), Some("a=b"));
        assert_eq!(p.query_param("state").as_deref(), Some("x y"));
        assert_eq!(p.query_param("flag").as_deref(), Some(""));
    }
}
