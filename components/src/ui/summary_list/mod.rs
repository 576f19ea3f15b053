#![doc = include_str!("docs.md")]

use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// A link at the end of a row: "Change" the row's answer, say.
#[derive(Clone)]
pub struct RowAction {
    href: String,
    text: String,
    hidden: String,
}

/// One row: a key, its value and, if it can be acted on, a link.
#[derive(Clone)]
pub struct SummaryRow {
    key: String,
    value: ViewFn,
    action: Option<RowAction>,
    borderless: bool,
}

impl SummaryRow {
    /// A row of `key` and a `value` as text.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        let value: String = value.into();
        Self::with_view(key, move || value.clone())
    }

    /// A row whose value is any view (lines of an address, paragraphs).
    pub fn with_view<V: IntoView + 'static>(
        key: impl Into<String>,
        value: impl Fn() -> V + Send + Sync + 'static,
    ) -> Self {
        Self {
            key: key.into(),
            value: ViewFn::from(value),
            action: None,
            borderless: false,
        }
    }

    /// A link at the end of the row. `text` says what it does ("Change"),
    /// and `hidden` what it does it to, for screen readers that list a
    /// page's links out of context ("date of birth").
    pub fn action(
        mut self,
        href: impl Into<String>,
        text: impl Into<String>,
        hidden: impl Into<String>,
    ) -> Self {
        self.action = Some(RowAction {
            href: href.into(),
            text: text.into(),
            hidden: hidden.into(),
        });
        self
    }

    /// Without the line under this row.
    pub fn borderless(mut self) -> Self {
        self.borderless = true;
        self
    }
}

/// An NHS.UK summary list: pairs of keys and values, such as a patient's
/// details or the answers given before checking them, each row with an
/// optional link to act on it.
#[component]
pub fn SummaryList(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The list's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The rows, in order.
    rows: Vec<SummaryRow>,
    /// Without the lines between rows.
    #[prop(optional)]
    borderless: bool,
    /// Without the line under the last row (inside a card, say).
    #[prop(optional)]
    no_last_row_border: bool,
) -> impl IntoView {
    let modifier = if borderless {
        Some("nhsuk-summary-list--no-border")
    } else {
        no_last_row_border.then_some("nhsuk-summary-list--no-last-row-border")
    };
    let classes = move || {
        let own = match modifier {
            Some(m) => format!("nhsuk-summary-list {m}"),
            None => "nhsuk-summary-list".to_string(),
        };
        crate::ui::class_list(&own, class.get())
    };
    // Rows without a link keep the actions column empty in a list where
    // others have one (nhsuk-frontend's rule), so values line up.
    let any_actions = rows.iter().any(|r| r.action.is_some());
    let last = rows.len().saturating_sub(1);
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            // A row's own "no border" is moot where the list has none, or
            // where the last row's is already off.
            let row_borderless =
                row.borderless && !borderless && !(no_last_row_border && i == last);
            let row_class = crate::ui::join_classes([
                Some("nhsuk-summary-list__row"),
                (any_actions && row.action.is_none())
                    .then_some("nhsuk-summary-list__row--no-actions"),
                row_borderless.then_some("nhsuk-summary-list__row--no-border"),
            ]);
            view! {
                <div class=row_class>
                    <dt class="nhsuk-summary-list__key">{row.key}</dt>
                    <dd class="nhsuk-summary-list__value">{row.value.run()}</dd>
                    {row
                        .action
                        .map(|a| {
                            view! {
                                <dd class="nhsuk-summary-list__actions">
                                    <a class="nhsuk-link" href=a.href>
                                        {a.text}
                                        <span class="nhsuk-u-visually-hidden">
                                            {format!(" {}", a.hidden)}
                                        </span>
                                    </a>
                                </dd>
                            }
                        })}
                </div>
            }
        })
        .collect_view();
    view! {
        <dl class=classes id=id>
            {rows}
        </dl>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::{normalize_html, render_to_html};

    #[test]
    fn row_borders_follow_nhsuk_frontends_rules() {
        let html = |borderless: bool, no_last: bool| {
            normalize_html(&render_to_html(move || {
                let rows = vec![
                    SummaryRow::new("A", "1").borderless(),
                    SummaryRow::new("B", "2").borderless(),
                ];
                view! { <SummaryList rows=rows borderless=borderless no_last_row_border=no_last /> }
            }))
        };
        let own = "nhsuk-summary-list__row--no-border";
        assert_eq!(html(false, false).matches(own).count(), 2);
        assert_eq!(html(true, false).matches(own).count(), 0, "the list has none");
        assert_eq!(
            html(false, true).matches(own).count(),
            1,
            "the last row's is off already"
        );
    }

    #[test]
    fn only_rows_beside_an_action_keep_its_column() {
        let without = normalize_html(&render_to_html(|| {
            view! { <SummaryList rows=vec![SummaryRow::new("A", "1")] /> }
        }));
        assert!(!without.contains("--no-actions"), "{without}");
    }
}
