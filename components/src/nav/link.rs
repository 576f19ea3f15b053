//! Which link clicks the router takes over, and which it leaves to the browser.

/// What is known about a click on an `<a href>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClickFacts {
    /// Something else already handled it.
    pub default_prevented: bool,
    /// The main (usually left) button.
    pub primary_button: bool,
    /// Ctrl, Meta, Shift or Alt: the user asked for a new tab, window or download.
    pub modifier_key: bool,
    /// The link's `target` attribute.
    pub target: Option<String>,
    /// The link has a `download` attribute.
    pub download: bool,
    /// `rel` includes `external`.
    pub rel_external: bool,
    /// The destination has this page's origin.
    pub same_origin: bool,
    /// Same path and query as now (only the fragment may differ).
    pub same_document: bool,
    /// The destination has a `#fragment`.
    pub has_fragment: bool,
}

/// The router's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkDecision {
    /// The router shows the destination without a page load.
    Navigate,
    /// The browser follows the link as usual.
    Browser,
}

/// Decides who follows a link click.
pub fn decide_link(facts: &ClickFacts) -> LinkDecision {
    let other_target = facts
        .target
        .as_deref()
        .is_some_and(|t| !t.is_empty() && !t.eq_ignore_ascii_case("_self"));
    let leave = facts.default_prevented
        || !facts.primary_button
        || facts.modifier_key
        || other_target
        || facts.download
        || facts.rel_external
        || !facts.same_origin
        // A jump within the page is the browser's job (and the skip link's).
        || (facts.same_document && facts.has_fragment);
    if leave {
        LinkDecision::Browser
    } else {
        LinkDecision::Navigate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain() -> ClickFacts {
        ClickFacts {
            primary_button: true,
            same_origin: true,
            ..ClickFacts::default()
        }
    }

    #[test]
    fn a_plain_same_origin_click_is_routed() {
        assert_eq!(decide_link(&plain()), LinkDecision::Navigate);
        let self_target = ClickFacts {
            target: Some("_SELF".into()),
            ..plain()
        };
        assert_eq!(decide_link(&self_target), LinkDecision::Navigate);
        let same_page = ClickFacts {
            same_document: true,
            ..plain()
        };
        assert_eq!(
            decide_link(&same_page),
            LinkDecision::Navigate,
            "re-selecting a nav link"
        );
        let other_page_fragment = ClickFacts {
            has_fragment: true,
            ..plain()
        };
        assert_eq!(decide_link(&other_page_fragment), LinkDecision::Navigate);
    }

    #[test]
    fn each_reason_to_leave_it_to_the_browser() {
        let cases = [
            ClickFacts {
                default_prevented: true,
                ..plain()
            },
            ClickFacts {
                primary_button: false,
                ..plain()
            },
            ClickFacts {
                modifier_key: true,
                ..plain()
            },
            ClickFacts {
                target: Some("_blank".into()),
                ..plain()
            },
            ClickFacts {
                download: true,
                ..plain()
            },
            ClickFacts {
                rel_external: true,
                ..plain()
            },
            ClickFacts {
                same_origin: false,
                ..plain()
            },
            ClickFacts {
                same_document: true,
                has_fragment: true,
                ..plain()
            },
        ];
        for facts in cases {
            assert_eq!(decide_link(&facts), LinkDecision::Browser, "{facts:?}");
        }
    }
}
