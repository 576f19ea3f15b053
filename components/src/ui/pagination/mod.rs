#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::ui::icon;

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

const ARROW_LEFT: &str = "M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z";
const ARROW_RIGHT: &str = "m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z";

/// One place in a numbered pagination list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageItem {
    /// A page's number (from 1).
    Page(usize),
    /// Pages left out.
    Gap,
}

/// The pages a numbered list shows for page `current` of `total` (both
/// from 1): the first and the last, the current one and two either side,
/// and a gap where pages are left out, as nhsuk-frontend's example with
/// many pages shows them (`1 … 8 9 10 11 12 … 40`). A gap never stands for
/// a single page: that page is shown instead.
pub fn page_items(current: usize, total: usize) -> Vec<PageItem> {
    if total == 0 {
        return Vec::new();
    }
    let current = current.clamp(1, total);
    let shown = |n: usize| n == 1 || n == total || n.abs_diff(current) <= 2;
    let mut items = Vec::new();
    let mut n = 1;
    while n <= total {
        if shown(n) {
            items.push(PageItem::Page(n));
            n += 1;
            continue;
        }
        // The run of pages left out, from n.
        let mut end = n;
        while end < total && !shown(end + 1) {
            end += 1;
        }
        if end == n {
            items.push(PageItem::Page(n));
        } else {
            items.push(PageItem::Gap);
        }
        n = end + 1;
    }
    items
}

/// NHS.UK numbered pagination: links to the previous and next pages and to
/// pages by number, for a long list shown a page at a time (search
/// results). `href` gives each page's address, so every page can be
/// bookmarked and the app's router takes the links.
#[component]
pub fn Pagination(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The page shown, from 1.
    #[prop(into)]
    current: Signal<usize>,
    /// How many pages there are.
    #[prop(into)]
    total: Signal<usize>,
    /// A page's address.
    #[prop(into)]
    href: Callback<usize, String>,
    /// The landmark's name, when a page has more than one.
    #[prop(optional, into, default = "Pagination".to_string())]
    aria_label: String,
) -> impl IntoView {
    let classes =
        move || crate::ui::class_list("nhsuk-pagination nhsuk-pagination--numbered", class.get());
    let previous = move || {
        let page = current.get();
        (page > 1).then(|| {
            view! {
                <a href=href.run(page - 1) class="nhsuk-pagination__previous" rel="prev">
                    {icon("nhsuk-icon nhsuk-icon--arrow-left", ARROW_LEFT)}
                    <span class="nhsuk-pagination__title">
                        "Previous" <span class="nhsuk-u-visually-hidden">" page"</span>
                    </span>
                </a>
            }
        })
    };
    let next = move || {
        let page = current.get();
        (page < total.get()).then(|| {
            view! {
                <a href=href.run(page + 1) class="nhsuk-pagination__next" rel="next">
                    <span class="nhsuk-pagination__title">
                        "Next" <span class="nhsuk-u-visually-hidden">" page"</span>
                    </span>
                    {icon("nhsuk-icon nhsuk-icon--arrow-right", ARROW_RIGHT)}
                </a>
            }
        })
    };
    let items = move || {
        let page = current.get();
        page_items(page, total.get())
            .into_iter()
            .map(|item| match item {
                PageItem::Gap => view! {
                    // nhsuk-frontend's "&ctdot;" as the character itself: no
                    // HTML is parsed from a string (Trusted Types).
                    <li class="nhsuk-pagination__item nhsuk-pagination__item--ellipsis">"⋯"</li>
                }
                .into_any(),
                PageItem::Page(n) => {
                    let here = n == page;
                    view! {
                        <li class=if here {
                            "nhsuk-pagination__item nhsuk-pagination__item--current"
                        } else {
                            "nhsuk-pagination__item"
                        }>
                            <a
                                class="nhsuk-pagination__link"
                                href=href.run(n)
                                aria-label=format!("Page {n}")
                                aria-current=here.then_some("page")
                            >
                                {n}
                            </a>
                        </li>
                    }
                    .into_any()
                }
            })
            .collect_view()
    };
    view! {
        <nav class=classes role="navigation" aria-label=aria_label>
            {previous}
            <ul class="nhsuk-pagination__list">{items}</ul>
            {next}
        </nav>
    }
}

/// A page named in a previous-and-next pagination: its title and address.
#[derive(Debug, Clone)]
pub struct PageLink {
    title: String,
    href: String,
}

impl PageLink {
    /// The page titled `title` at `href`.
    pub fn new(title: impl Into<String>, href: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            href: href.into(),
        }
    }
}

/// An NHS.UK pagination between the pages of a sequence (the steps of a
/// guide, a care pathway), naming the previous page and the next: "Previous
/// page: Screening for sepsis".
#[component]
pub fn PreviousNext(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The page before this one; none on the first.
    #[prop(default = None, into)]
    previous: Option<PageLink>,
    /// The page after this one; none on the last.
    #[prop(default = None, into)]
    next: Option<PageLink>,
    /// The landmark's name, when a page has more than one.
    #[prop(optional, into, default = "Pagination".to_string())]
    aria_label: String,
) -> impl IntoView {
    // The colon, for screen readers only, makes "Previous page: Treatments"
    // one phrase.
    let link = move |page: PageLink, next: bool| {
        let (item, link, rel, title, arrow) = if next {
            (
                "nhsuk-pagination-item--next",
                "nhsuk-pagination__link nhsuk-pagination__link--next",
                "next",
                "Next",
                icon("nhsuk-icon nhsuk-icon--arrow-right", ARROW_RIGHT),
            )
        } else {
            (
                "nhsuk-pagination-item--previous",
                "nhsuk-pagination__link nhsuk-pagination__link--prev",
                "prev",
                "Previous",
                icon("nhsuk-icon nhsuk-icon--arrow-left", ARROW_LEFT),
            )
        };
        view! {
            <li class=item>
                <a class=link href=page.href rel=rel>
                    <span class="nhsuk-pagination__title">
                        {title} <span class="nhsuk-u-visually-hidden">" page"</span> " "
                    </span>
                    " "
                    <span class="nhsuk-u-visually-hidden">":"</span>
                    " "
                    <span class="nhsuk-pagination__page">{page.title}</span>
                    {arrow}
                </a>
            </li>
        }
    };
    view! {
        <nav
            class=move || crate::ui::class_list("nhsuk-pagination", class.get())
            role="navigation"
            aria-label=aria_label
        >
            <ul class="nhsuk-list nhsuk-pagination__list">
                {previous.map(|p| link(p, false))} {next.map(|n| link(n, true))}
            </ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::PageItem::{Gap, Page};
    use super::*;

    #[test]
    fn few_pages_are_all_shown() {
        assert_eq!(page_items(2, 3), vec![Page(1), Page(2), Page(3)]);
        assert_eq!(page_items(1, 1), vec![Page(1)]);
        assert_eq!(page_items(1, 0), vec![]);
    }

    #[test]
    fn many_pages_keep_the_ends_and_two_either_side() {
        assert_eq!(
            page_items(10, 40),
            vec![Page(1), Gap, Page(8), Page(9), Page(10), Page(11), Page(12), Gap, Page(40)]
        );
        assert_eq!(page_items(1, 40), vec![Page(1), Page(2), Page(3), Gap, Page(40)]);
        assert_eq!(page_items(40, 40), vec![Page(1), Gap, Page(38), Page(39), Page(40)]);
    }

    #[test]
    fn a_gap_never_hides_a_single_page() {
        // Page 2 sits between 1 and 3..7: shown, not a gap.
        assert_eq!(
            page_items(5, 10),
            vec![Page(1), Page(2), Page(3), Page(4), Page(5), Page(6), Page(7), Gap, Page(10)]
        );
        assert_eq!(
            page_items(4, 7),
            vec![Page(1), Page(2), Page(3), Page(4), Page(5), Page(6), Page(7)]
        );
    }

    #[test]
    fn a_page_out_of_range_is_the_nearest_one() {
        assert_eq!(page_items(0, 3), page_items(1, 3));
        assert_eq!(page_items(9, 3), page_items(3, 3));
    }
}
