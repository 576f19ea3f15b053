//! The footer's columns of links, in a file of their own: the first
//! stylesheet is built from `footer/mod.rs`, and the app's footer has no
//! columns, so their rules arrive with the code that uses them.

use leptos::prelude::*;

use super::{FooterLink, footer_items};

/// How much of the row a footer column takes, from the tablet breakpoint
/// up (below it, every column takes the whole width).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColumnWidth {
    /// The whole row.
    Full,
    /// Half the row.
    OneHalf,
    /// A third of the row.
    OneThird,
    /// Two thirds of the row.
    TwoThirds,
    /// A quarter of the row.
    #[default]
    OneQuarter,
    /// Three quarters of the row.
    ThreeQuarters,
}

impl ColumnWidth {
    /// The width for `per_row` columns of the same width, as nhsuk-frontend
    /// sets it from its `columns` option (4 or more share quarters).
    pub fn sharing(per_row: usize) -> Self {
        match per_row {
            1 => Self::Full,
            2 => Self::OneHalf,
            3 => Self::OneThird,
            _ => Self::OneQuarter,
        }
    }

    /// The grid column class.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Full => "nhsuk-grid-column-full",
            Self::OneHalf => "nhsuk-grid-column-one-half",
            Self::OneThird => "nhsuk-grid-column-one-third",
            Self::TwoThirds => "nhsuk-grid-column-two-thirds",
            Self::OneQuarter => "nhsuk-grid-column-one-quarter",
            Self::ThreeQuarters => "nhsuk-grid-column-three-quarters",
        }
    }
}

/// One column of the footer: a heading, a paragraph and links, each
/// optional.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FooterColumn {
    heading: Option<String>,
    text: Option<String>,
    links: Vec<FooterLink>,
    width: Option<ColumnWidth>,
}

impl FooterColumn {
    /// A column of these links.
    pub fn new(links: Vec<FooterLink>) -> Self {
        Self {
            links,
            ..Self::default()
        }
    }

    /// A heading over the column ("Get in touch").
    pub fn heading(mut self, heading: impl Into<String>) -> Self {
        self.heading = Some(heading.into());
        self
    }

    /// A paragraph before the links (who runs the service, say).
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// A width of its own, instead of the row's share.
    pub fn width(mut self, width: ColumnWidth) -> Self {
        self.width = Some(width);
        self
    }
}

/// Columns of links at the top of the [`Footer`](super::Footer), in its
/// `navigation` slot: a service's sections or a trust's other sites, in
/// rows of `per_row` columns.
#[component]
pub fn FooterNavigation(
    /// The columns, in reading order.
    columns: Vec<FooterColumn>,
    /// Columns in each row: 1 to 4 (nhsuk-frontend's `columns`).
    #[prop(default = 4)]
    per_row: usize,
) -> impl IntoView {
    let per_row = per_row.clamp(1, 4);
    let shared = ColumnWidth::sharing(per_row);
    let mut columns = columns.into_iter().peekable();
    let mut rows = Vec::new();
    while columns.peek().is_some() {
        let row: Vec<FooterColumn> = columns.by_ref().take(per_row).collect();
        rows.push(view! {
            <div class="nhsuk-footer__navigation nhsuk-grid-row">
                {row.into_iter().map(|column| render(column, shared)).collect_view()}
            </div>
        });
    }
    rows
}

fn render(column: FooterColumn, shared: ColumnWidth) -> impl IntoView {
    let FooterColumn {
        heading,
        text,
        links,
        width,
    } = column;
    view! {
        <div class=width.unwrap_or(shared).as_str()>
            {heading
                .map(|heading| {
                    view! { <h2 class="nhsuk-footer__heading nhsuk-heading-s">{heading}</h2> }
                })}
            {text.map(|text| view! { <p class="nhsuk-body-s">{text}</p> })}
            {(!links.is_empty())
                .then(|| view! { <ul class="nhsuk-footer__list">{footer_items(links)}</ul> })}
        </div>
    }
}
