#![doc = include_str!("docs.md")]

use std::cmp::Ordering;

use leptos::prelude::*;

use crate::ui::HeadingSize;

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// How a column's values read and sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColumnFormat {
    /// Words: left-aligned, sorted alphabetically (case, spaces and
    /// punctuation aside, runs of digits by their value).
    #[default]
    Text,
    /// Numbers: right-aligned so digits line up, sorted by the first number
    /// in the cell ("£31.25", "120 mmHg", "-2.5"); a cell with none ("No
    /// data") sorts before every number.
    Numeric,
}

/// Which way a sorted column runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortDirection {
    /// Smallest, earliest or A first.
    #[default]
    Ascending,
    /// Largest, latest or Z first.
    Descending,
}

impl SortDirection {
    /// The `aria-sort` value, and the word the announcement uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ascending => "ascending",
            Self::Descending => "descending",
        }
    }

    /// The other way.
    pub fn reversed(self) -> Self {
        match self {
            Self::Ascending => Self::Descending,
            Self::Descending => Self::Ascending,
        }
    }
}

/// Which column the rows are sorted by, and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSort {
    /// The column's index, from 0.
    pub column: usize,
    /// Which way.
    pub direction: SortDirection,
}

/// A column: its heading, format and whether the user can sort by it.
#[derive(Debug, Clone, Default)]
pub struct TableColumn {
    heading: String,
    format: ColumnFormat,
    sortable: bool,
    first_direction: SortDirection,
    class: Option<String>,
}

impl TableColumn {
    /// A column of text headed `heading`.
    pub fn new(heading: impl Into<String>) -> Self {
        Self {
            heading: heading.into(),
            ..Self::default()
        }
    }

    /// A column of numbers.
    pub fn numeric(mut self) -> Self {
        self.format = ColumnFormat::Numeric;
        self
    }

    /// The user can sort the rows by this column, ascending first.
    pub fn sortable(mut self) -> Self {
        self.sortable = true;
        self
    }

    /// The user can sort the rows by this column, `first` the first time it
    /// is chosen (descending for a score, where the highest matters most).
    pub fn sortable_from(mut self, first: SortDirection) -> Self {
        self.sortable = true;
        self.first_direction = first;
        self
    }

    /// Extra classes on the heading cell (`nhsuk-u-nowrap`,
    /// `nhsuk-u-width-one-half`).
    pub fn class(mut self, class: impl Into<String>) -> Self {
        self.class = Some(class.into());
        self
    }
}

/// One cell: its text (what it sorts by, unless a sort value is given),
/// shown as text, as a link, or as any view.
#[derive(Clone, Default)]
pub struct TableCell {
    text: String,
    href: Option<String>,
    view: Option<ViewFn>,
    sort_value: Option<String>,
    class: Option<String>,
}

impl TableCell {
    /// A cell of text.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// A cell whose text links to `href` (the patient's record, say).
    pub fn link(text: impl Into<String>, href: impl Into<String>) -> Self {
        Self {
            href: Some(href.into()),
            ..Self::new(text)
        }
    }

    /// A cell drawn by `view` (a tag, several lines); `text` is what it
    /// sorts by and what the view says in words.
    pub fn view<V: IntoView + 'static>(
        text: impl Into<String>,
        view: impl Fn() -> V + Send + Sync + 'static,
    ) -> Self {
        Self {
            view: Some(ViewFn::from(view)),
            ..Self::new(text)
        }
    }

    /// What the cell sorts by instead of its text: an ISO date behind
    /// "21-Nov-2026", a number behind "Normal".
    pub fn sort_value(mut self, value: impl Into<String>) -> Self {
        self.sort_value = Some(value.into());
        self
    }

    /// Extra classes on the cell (`nhsuk-u-secondary-text-colour` for
    /// missing data).
    pub fn class(mut self, class: impl Into<String>) -> Self {
        self.class = Some(class.into());
        self
    }

    fn key(&self) -> &str {
        self.sort_value.as_deref().unwrap_or(&self.text).trim()
    }
}

impl From<&str> for TableCell {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl From<String> for TableCell {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

/// The first number in `text`, commas between digits aside: "£1,380.50"
/// is 1380.5, "-2.5 °C" is -2.5, "<5" is 5.
fn first_number(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let negative = text[..start].ends_with('-');
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    // "1.2.3" is not a number; its first part is.
    let mut parts = digits.splitn(3, '.');
    let whole = parts.next().unwrap_or_default();
    let number = match parts.next().filter(|f| !f.is_empty()) {
        Some(fraction) => format!("{whole}.{fraction}"),
        None => whole.to_string(),
    };
    let value: f64 = number.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// How two cells' sort keys compare in a column of `format`.
fn compare(a: &str, b: &str, format: ColumnFormat) -> Ordering {
    match format {
        ColumnFormat::Text => crate::collate::natural(a, b),
        ColumnFormat::Numeric => match (first_number(a), first_number(b)) {
            (Some(x), Some(y)) => x
                .partial_cmp(&y)
                .unwrap_or(Ordering::Equal)
                .then_with(|| crate::collate::natural(a, b)),
            // A cell without a number ("No data") is missing data: it goes
            // first, as nhsuk-frontend's sort puts it.
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (None, None) => crate::collate::natural(a, b),
        },
    }
}

/// The order to show `rows` in, sorted by `sort` over `columns`: indices
/// into `rows`. Equal rows keep their order; a sort by a column the rows
/// lack leaves them as they are.
pub fn sorted_order(
    rows: &[Vec<TableCell>],
    columns: &[TableColumn],
    sort: Option<TableSort>,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let Some(TableSort { column, direction }) = sort else {
        return order;
    };
    let format = columns.get(column).map(|c| c.format).unwrap_or_default();
    order.sort_by(|&i, &j| {
        let (a, b) = (rows[i].get(column), rows[j].get(column));
        let order = match (a, b) {
            (Some(a), Some(b)) => compare(a.key(), b.key(), format),
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        match direction {
            SortDirection::Ascending => order,
            SortDirection::Descending => order.reverse(),
        }
    });
    order
}

/// The table's caption class for a size: table captions come in four.
fn caption_classes(size: HeadingSize, extra: Option<String>) -> String {
    let size = match size {
        HeadingSize::S => Some("nhsuk-table__caption--s"),
        HeadingSize::M => Some("nhsuk-table__caption--m"),
        HeadingSize::L => Some("nhsuk-table__caption--l"),
        HeadingSize::Xl => Some("nhsuk-table__caption--xl"),
        _ => None,
    };
    let own = crate::ui::join_classes([Some("nhsuk-table__caption"), size]);
    crate::ui::class_list(&own, extra)
}

/// An NHS.UK table: data in rows and columns, with a caption saying what it
/// is. Columns can hold numbers (aligned right), the user can sort by the
/// columns that allow it (the heading is a button, `aria-sort` says the
/// order, and the new order is announced), and on a narrow screen a
/// responsive table stacks each row, every value beside its heading.
#[component]
pub fn Table(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The table's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// What the table shows: every table should have one.
    #[prop(optional, into)]
    caption: Option<String>,
    /// The caption's size: small, medium, large or extra large (other
    /// sizes leave the caption its own).
    #[prop(optional)]
    caption_size: HeadingSize,
    /// The caption's id, to name a [`Scroll`](crate::ui::Scroll) around
    /// the table.
    #[prop(optional, into)]
    caption_id: Option<String>,
    /// Extra classes on the caption (`nhsuk-u-visually-hidden` where a
    /// heading above already says what the table is).
    #[prop(optional, into)]
    caption_class: Option<String>,
    /// The columns, in order.
    columns: Vec<TableColumn>,
    /// The rows: one cell for each column.
    #[prop(into)]
    rows: Signal<Vec<Vec<TableCell>>>,
    /// The first cell of each row heads it (`<th scope="row">`).
    #[prop(optional)]
    first_cell_is_header: bool,
    /// On narrow screens, each row is a block and each value has its
    /// heading beside it.
    #[prop(optional)]
    responsive: bool,
    /// Less padding, for tables of many rows.
    #[prop(optional)]
    compact: bool,
    /// Every other row shaded.
    #[prop(optional)]
    striped: bool,
    /// Without the lines between rows.
    #[prop(optional)]
    borderless: bool,
    /// Without the line under the last row (inside a card, say).
    #[prop(optional)]
    no_last_row_border: bool,
    /// For a dark background.
    #[prop(optional)]
    reverse: bool,
    /// The order, two-way: set it for the first order, read it to keep the
    /// user's choice (across a refresh of the rows, which keeps it anyway).
    /// Without it the rows start in the order given.
    #[prop(optional, into)]
    sort: Option<RwSignal<Option<TableSort>>>,
) -> impl IntoView {
    let sortable = columns.iter().any(|c| c.sortable);
    let modifiers = crate::ui::join_classes([
        Some("nhsuk-table"),
        reverse.then_some("nhsuk-table--reverse"),
        compact.then_some("nhsuk-table--compact"),
        responsive.then_some("nhsuk-table--responsive"),
        if borderless {
            Some("nhsuk-table--no-border")
        } else {
            no_last_row_border.then_some("nhsuk-table--no-last-row-border")
        },
        sortable.then_some("nhsuk-table--sortable"),
        striped.then_some("nhsuk-table--striped"),
    ]);
    let classes = move || crate::ui::class_list(&modifiers, class.get());
    let sort = sort.unwrap_or_else(|| RwSignal::new(None));
    let announcement = RwSignal::new(String::new());
    let columns = StoredValue::new(columns);
    let role = move |value: &'static str| responsive.then_some(value);

    let caption = caption.map(|text| {
        view! {
            <caption class=caption_classes(caption_size, caption_class) id=caption_id>
                {text}
                {sortable
                    .then(|| {
                        view! {
                            <span class="nhsuk-u-visually-hidden">
                                " (Column headers are sortable)"
                            </span>
                        }
                    })}
            </caption>
        }
    });

    let choose = move |index: usize| {
        let Some(column) = columns.with_value(|c| c.get(index).cloned()) else {
            return;
        };
        let direction = match sort.get_untracked() {
            Some(current) if current.column == index => current.direction.reversed(),
            _ => column.first_direction,
        };
        sort.set(Some(TableSort {
            column: index,
            direction,
        }));
        announcement.set(format!(
            "Sorted by {} ({})",
            column.heading,
            direction.as_str()
        ));
    };

    let head = columns.with_value(|columns| {
        columns
            .iter()
            .enumerate()
            .map(|(index, column)| {
                let th_class = crate::ui::join_classes([
                    Some("nhsuk-table__header"),
                    (column.format == ColumnFormat::Numeric)
                        .then_some("nhsuk-table__header--numeric"),
                    column.class.as_deref(),
                ]);
                if !column.sortable {
                    return view! {
                        <th class=th_class scope="col" role=role("columnheader")>
                            {column.heading.clone()}
                        </th>
                    }
                    .into_any();
                }
                let direction = move || {
                    sort.get()
                        .filter(|s| s.column == index)
                        .map(|s| s.direction.as_str())
                };
                view! {
                    <th
                        class=th_class
                        scope="col"
                        role=role("columnheader")
                        data-sort=""
                        aria-sort=direction
                    >
                        <button
                            type="button"
                            class="nhsuk-link"
                            aria-pressed=move || direction().map(|_| "true")
                            on:click=move |_| choose(index)
                        >
                            {column.heading.clone()}
                        </button>
                    </th>
                }
                .into_any()
            })
            .collect_view()
    });

    let body = move || {
        let rows = rows.get();
        let sort = sort.get();
        columns.with_value(|columns| {
            sorted_order(&rows, columns, sort)
                .into_iter()
                .map(|i| {
                    let cells = rows[i]
                        .iter()
                        .enumerate()
                        .map(|(index, cell)| {
                            body_cell(
                                cell.clone(),
                                columns.get(index),
                                index == 0 && first_cell_is_header,
                                responsive,
                            )
                        })
                        .collect_view();
                    view! { <tr class="nhsuk-table__row" role=role("row")>{cells}</tr> }
                })
                .collect_view()
        })
    };

    view! {
        {sortable
            .then(|| {
                view! {
                    <div
                        class="nhsuk-u-visually-hidden"
                        role="status"
                        aria-live="polite"
                        aria-atomic="true"
                    >
                        {move || announcement.get()}
                    </div>
                }
            })}
        <table class=classes id=id role=role("table")>
            {caption}
            <thead class="nhsuk-table__head" role=role("rowgroup")>
                <tr class="nhsuk-table__row" role=role("row")>{head}</tr>
            </thead>
            <tbody class="nhsuk-table__body">{body}</tbody>
        </table>
    }
}

/// One body cell: a row header or a data cell, with its column's heading
/// for the stacked layout.
fn body_cell(
    cell: TableCell,
    column: Option<&TableColumn>,
    row_header: bool,
    responsive: bool,
) -> AnyView {
    let numeric = column.is_some_and(|c| c.format == ColumnFormat::Numeric);
    let rich = cell.view.is_some();
    let content = match (cell.view, cell.href) {
        (Some(view), _) => view.run(),
        (None, Some(href)) => view! { <a class="nhsuk-link" href=href>{cell.text}</a> }.into_any(),
        (None, None) => cell.text.into_any(),
    };
    // The stacked layout shows each value beside its heading; screen
    // readers already have the column header, so it is hidden from them.
    let content = if responsive {
        let content = if rich {
            view! { <span>{content}</span> }.into_any()
        } else {
            content
        };
        let heading = column.map_or("", |c| c.heading.as_str());
        view! {
            <span class="nhsuk-table__heading" aria-hidden="true">
                {format!("{heading} ")}
            </span>
            {content}
        }
        .into_any()
    } else {
        content
    };
    if row_header {
        let class = crate::ui::join_classes([
            Some("nhsuk-table__header"),
            numeric.then_some("nhsuk-table__header--numeric"),
            cell.class.as_deref(),
        ]);
        view! {
            <th class=class scope="row" role=responsive.then_some("rowheader")>
                {content}
            </th>
        }
        .into_any()
    } else {
        let class = crate::ui::join_classes([
            Some("nhsuk-table__cell"),
            numeric.then_some("nhsuk-table__cell--numeric"),
            cell.class.as_deref(),
        ]);
        view! {
            <td class=class role=responsive.then_some("cell")>
                {content}
            </td>
        }
        .into_any()
    }
}

/// nhsuk-frontend's example: skin symptoms and their possible causes.
#[doc(hidden)]
pub fn skin_symptoms() -> (Vec<TableColumn>, Vec<Vec<TableCell>>) {
    let columns = vec![
        TableColumn::new("Skin symptoms"),
        TableColumn::new("Possible cause"),
    ];
    let rows = [
        ("Blisters on lips or around the mouth", "Cold sores"),
        ("Itchy, dry, cracked, sore", "Eczema"),
        ("Itchy blisters", "Shingles, chickenpox"),
    ]
    .into_iter()
    .map(|(symptom, cause)| vec![symptom.into(), cause.into()])
    .collect();
    (columns, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(values: &[&str]) -> Vec<Vec<TableCell>> {
        values.iter().map(|v| vec![TableCell::new(*v)]).collect()
    }

    fn sorted(values: &[&str], format: ColumnFormat, direction: SortDirection) -> Vec<String> {
        let rows = rows(values);
        let column = TableColumn {
            format,
            ..TableColumn::new("Value")
        };
        sorted_order(
            &rows,
            &[column],
            Some(TableSort {
                column: 0,
                direction,
            }),
        )
        .into_iter()
        .map(|i| values[i].to_string())
        .collect()
    }

    #[test]
    fn numbers_sort_by_value_whatever_surrounds_them() {
        assert_eq!(
            sorted(
                &["£111.60", "£31.25", "£1,380.50", "-2.5 °C", "120 mmHg", "9"],
                ColumnFormat::Numeric,
                SortDirection::Ascending
            ),
            ["-2.5 °C", "9", "£31.25", "£111.60", "120 mmHg", "£1,380.50"]
        );
        assert_eq!(first_number("37.5"), Some(37.5));
        assert_eq!(first_number("1.2.3"), Some(1.2));
        assert_eq!(first_number("5."), Some(5.0));
        assert_eq!(first_number("No data"), None);
    }

    #[test]
    fn missing_numbers_come_first_ascending_and_last_descending() {
        let values = ["7", "No data", "12", "3"];
        assert_eq!(
            sorted(&values, ColumnFormat::Numeric, SortDirection::Ascending),
            ["No data", "3", "7", "12"]
        );
        assert_eq!(
            sorted(&values, ColumnFormat::Numeric, SortDirection::Descending),
            ["12", "7", "3", "No data"]
        );
    }

    #[test]
    fn words_sort_alphabetically_without_case_or_punctuation_and_digits_by_value() {
        assert_eq!(
            sorted(
                &["Bed 10", "bed 2", "Bed 1", "O'Brien", "Obama", "anderson"],
                ColumnFormat::Text,
                SortDirection::Ascending
            ),
            ["anderson", "Bed 1", "bed 2", "Bed 10", "Obama", "O'Brien"]
        );
    }

    #[test]
    fn equal_rows_keep_their_order_and_a_sort_value_wins_over_the_text() {
        let rows = vec![
            vec![TableCell::new("21-Nov-2026").sort_value("2026-11-21"), "a".into()],
            vec![TableCell::new("3-Feb-2025").sort_value("2025-02-03"), "b".into()],
            vec![TableCell::new("21-Nov-2026").sort_value("2026-11-21"), "c".into()],
        ];
        let columns = [TableColumn::new("Date"), TableColumn::new("Who")];
        let by = |direction| Some(TableSort { column: 0, direction });
        assert_eq!(sorted_order(&rows, &columns, by(SortDirection::Ascending)), [1, 0, 2]);
        assert_eq!(sorted_order(&rows, &columns, by(SortDirection::Descending)), [0, 2, 1]);
        assert_eq!(sorted_order(&rows, &columns, None), [0, 1, 2]);
        // A column the rows do not have leaves them be.
        let out_of_range = Some(TableSort { column: 5, direction: SortDirection::Ascending });
        assert_eq!(sorted_order(&rows, &columns, out_of_range), [0, 1, 2]);
    }
}
