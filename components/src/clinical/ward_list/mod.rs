#![doc = include_str!("docs.md")]

mod window;

use leptos::prelude::*;

pub use window::{OVERSCAN, rows_to_draw};

use crate::clinical::cui::Instant;
use crate::clinical::fetched::Fetched;
use crate::clinical::news2::News2;
use crate::clinical::news2_score::News2Score;
use crate::ui::{Loading, SortDirection, WarningCallout};

stylance::import_crate_style!(style, "src/clinical/ward_list/ward_list.module.css");

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// One patient on a ward list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WardPatient {
    /// The Patient's id: the row's identity across refreshes.
    pub id: String,
    /// Where they are: "Bay 2, bed 4".
    pub bed: String,
    /// Their name in the CUI's order ("OKAFOR, Adaeze (Mrs)").
    pub name: String,
    /// Their NHS number, 3-3-4, or "Not known".
    pub nhs_number: String,
    /// Their latest complete NEWS2, if any.
    pub news2: Option<News2>,
    /// When their latest observations were taken, as a FHIR `dateTime`.
    pub observed: Option<String>,
    /// Their page, for the name's link.
    pub href: Option<String>,
}

/// A ward list's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WardColumn {
    /// Bed.
    Bed,
    /// Name.
    Name,
    /// The latest NEWS2: highest risk first.
    #[default]
    News2,
    /// When last observed: longest ago first.
    Observed,
}

impl WardColumn {
    /// The heading.
    pub fn heading(self) -> &'static str {
        match self {
            Self::Bed => "Bed",
            Self::Name => "Name",
            Self::News2 => "NEWS2",
            Self::Observed => "Last observations",
        }
    }

    /// The order a first click gives: the sickest, and the longest
    /// unobserved, first.
    pub fn first_direction(self) -> SortDirection {
        match self {
            Self::News2 => SortDirection::Descending,
            _ => SortDirection::Ascending,
        }
    }
}

/// Orders `patients` by `column`. A patient with no NEWS2 comes after every
/// scored one either way (not scored is not low risk); one never observed
/// counts as observed longest ago. Ties keep bed order. Beds and names
/// compare as a reader expects ("Bay 2" before "Bay 10", "Ó Briain" among
/// the Os): [`natural`](crate::collate::natural).
pub fn sort_patients(patients: &mut [WardPatient], column: WardColumn, direction: SortDirection) {
    use crate::collate::natural;
    use std::cmp::Ordering;
    let observed = |p: &WardPatient| {
        p.observed
            .as_deref()
            .and_then(|o| Instant::parse(o).ok())
            .map_or(i64::MIN, |i| i.0)
    };
    let by = |a: &WardPatient, b: &WardPatient| -> Ordering {
        let ordered = match column {
            WardColumn::Bed => natural(&a.bed, &b.bed),
            WardColumn::Name => natural(&a.name, &b.name),
            WardColumn::Observed => observed(a).cmp(&observed(b)),
            WardColumn::News2 => match (a.news2, b.news2) {
                (Some(x), Some(y)) => (x.risk, x.total).cmp(&(y.risk, y.total)),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        };
        match direction {
            SortDirection::Ascending => ordered,
            SortDirection::Descending => ordered.reverse(),
        }
    };
    // Beds are unique, so an unstable sort orders ties the same every time
    // (and brings less code than a stable one).
    patients.sort_unstable_by(|a, b| by(a, b).then_with(|| natural(&a.bed, &b.bed)));
}

/// Rows drawn before the list is measured (and in server rendering).
const FIRST_ROWS: usize = 12;

/// The patients on a ward, sickest first: bed, name, NHS number, latest
/// NEWS2 with its risk in words and colour, and when last observed. Every
/// column sorts, its heading a button that says the order (`aria-sort`)
/// and announces it.
///
/// Virtualised: only the rows in view, and a few either side, are in the
/// document, so 10,000 patients draw and scroll as quickly as 30. The list
/// scrolls inside its own region, which takes keyboard focus (arrow keys,
/// Page Up and Down), under a heading row that stays in view; the table
/// tells assistive technology how many rows there are and where each drawn
/// one is (`aria-rowcount`, `aria-rowindex`). Names link to the patient's
/// page, so Tab moves down the list and the view follows.
#[component]
pub fn WardList(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The patients, in any order, or why they are not here. A refresh
    /// that is loading or has failed keeps the last list read on screen.
    #[prop(into)]
    patients: Signal<Fetched<WardPatient>>,
    /// What the list is: "Ward 7 (Elm)". It may change (a ward's name that
    /// arrives after its patients) without the rows being drawn again.
    #[prop(into)]
    caption: Signal<String>,
    /// The list's `id`, and the start of its parts' ids.
    #[prop(optional, into, default = "ward-list".to_string())]
    id: String,
    /// Draw every row, not only those in view: for comparison, and for
    /// printing.
    #[prop(optional)]
    all_rows: bool,
) -> impl IntoView {
    let sort = RwSignal::new((WardColumn::News2, SortDirection::Descending));
    let announcement = RwSignal::new(String::new());
    // The last list read: a ward list refreshes on a timer, and a refresh
    // that is slow or fails must not take the patients off the screen (nor
    // the user's place in them). `None` until the first list arrives.
    let last_read = Memo::new(move |previous: Option<&Option<Vec<WardPatient>>>| {
        patients.with(|fetched| match fetched {
            Fetched::Ready(list) => Some(list.clone()),
            _ => previous.cloned().flatten(),
        })
    });
    // Read at once: a memo runs when first read, and a list that turned to
    // a failure before the first render must still have been remembered.
    last_read.with_untracked(|_| ());
    let sorted = Memo::new(move |_| {
        let mut list = last_read.get().unwrap_or_default();
        let (column, direction) = sort.get();
        sort_patients(&mut list, column, direction);
        list
    });
    let scroller = NodeRef::<leptos::html::Div>::new();
    // Scroll position, view height and row height, in pixels.
    let measured = RwSignal::new((0.0_f64, 0.0_f64, 0.0_f64));
    let range = Memo::new(move |_| {
        let total = sorted.with(Vec::len);
        if all_rows {
            return (0, total);
        }
        let (top, viewport, row) = measured.get();
        rows_to_draw(total, top, viewport, row, FIRST_ROWS)
    });
    let drawn = Memo::new(move |_| {
        let (first, end) = range.get();
        sorted.with(|list| list[first..end].to_vec())
    });
    let top_spacer = NodeRef::<leptos::html::Tr>::new();
    let bottom_spacer = NodeRef::<leptos::html::Tr>::new();
    let measure = move || {
        #[cfg(target_arch = "wasm32")]
        if let Some(el) = scroller.get_untracked() {
            use crate::ui::dom::{get, number};
            let el: &wasm_bindgen::JsValue = wasm_bindgen::JsCast::unchecked_ref(&el);
            // The table's rows: the heading, the top spacer, then the first drawn patient.
            let row = get(&get(&get(el, "firstElementChild"), "rows"), "2");
            let next = (
                number(el, "scrollTop"),
                number(el, "clientHeight"),
                number(&row, "offsetHeight"),
            );
            if measured.get_untracked() != next {
                measured.set(next);
            }
        }
    };
    #[cfg(target_arch = "wasm32")]
    {
        crate::ui::dom::observe_resize(scroller, measure);
        // The rows not drawn keep their height, so the scroll bar and the
        // scroll position mean what they would with every row there. Set
        // through the style object, which the CSP allows (a style attribute
        // it does not).
        Effect::new(move || {
            let (first, end) = range.get();
            let total = sorted.with(Vec::len);
            let row = measured.with(|m| m.2);
            let row = if row > 0.0 { row } else { 0.0 };
            for (spacer, rows) in [(top_spacer, first), (bottom_spacer, total - end)] {
                if let Some(tr) = spacer.get() {
                    let tr: &wasm_bindgen::JsValue = wasm_bindgen::JsCast::unchecked_ref(&tr);
                    let height = wasm_bindgen::JsValue::from_str(&format!("{}px", rows as f64 * row));
                    crate::ui::dom::set(&crate::ui::dom::get(tr, "style"), "height", &height);
                }
            }
        });
    }
    let caption_id = format!("{id}-caption");
    let choose = move |column: WardColumn| {
        let direction = match sort.get_untracked() {
            (current, direction) if current == column => direction.reversed(),
            _ => column.first_direction(),
        };
        sort.set((column, direction));
        announcement.set(format!("Sorted by {} ({})", column.heading(), direction.as_str()));
    };
    // Bed, name, NHS number (not sortable: an identifier, not an order), NEWS2, last observations.
    let columns = [
        Some(WardColumn::Bed),
        Some(WardColumn::Name),
        None,
        Some(WardColumn::News2),
        Some(WardColumn::Observed),
    ];
    let head = move || {
        columns
            .into_iter()
            .map(|column| {
                let Some(column) = column else {
                    return view! { <th class="nhsuk-table__header" scope="col">"NHS number"</th> }.into_any();
                };
                let direction = move || {
                    let (current, direction) = sort.get();
                    (current == column).then(|| direction.as_str())
                };
                view! {
                    <th class="nhsuk-table__header" scope="col" aria-sort=direction>
                        <button
                            type="button"
                            class="nhsuk-link"
                            aria-pressed=move || direction().map(|_| "true")
                            on:click=move |_| choose(column)
                        >
                            {column.heading()}
                        </button>
                    </th>
                }
                .into_any()
            })
            .collect_view()
    };
    // The table is built once and hidden while empty: a new order or new
    // patients update its rows, keeping the scroll position and focus.
    let read = move || last_read.with(Option::is_some);
    let empty = move || sorted.with(Vec::is_empty);
    // Before the first list: loading, or why it could not be read. After
    // it: a failed refresh says so above the list it leaves in place.
    let state = move || {
        let (loading, failure) = patients.with(|fetched| match fetched {
            Fetched::Loading => (true, None),
            Fetched::Failed(reason) => (false, Some(reason.clone())),
            Fetched::Ready(_) => (false, None),
        });
        let Some(reason) = failure else {
            return if loading && !read() {
                view! { <Loading what="the patients on this ward" /> }.into_any()
            } else {
                ().into_any()
            };
        };
        let (heading, advice) = if read() {
            (
                "The ward list could not be refreshed",
                "The patients below are as they were when the list was last read.",
            )
        } else {
            (
                "The ward list could not be read",
                "Check the ward's patients another way before you rely on this screen.",
            )
        };
        view! {
            <WarningCallout heading=heading>
                <p>{reason}</p>
                <p>{advice}</p>
            </WarningCallout>
        }
        .into_any()
    };
    let list = view! {
        {state}
        <p class="nhsuk-body" hidden=move || !read() || !empty()>"No patients on this ward."</p>
        <div
                hidden=empty
                node_ref=scroller
                class=style::scroller
                role="region"
                aria-labelledby=caption_id.clone()
                tabindex="0"
                on:scroll=move |_| measure()
            >
                <table class=format!("nhsuk-table {}", style::table) aria-rowcount=move || sorted.with(Vec::len) + 1>
                    <caption id=caption_id.clone() class="nhsuk-table__caption">
                        {move || format!("{}: {} patients", caption.get(), sorted.with(Vec::len))}
                    </caption>
                    <thead class="nhsuk-table__head">
                        <tr class="nhsuk-table__row" aria-rowindex="1">
                            {head()}
                        </tr>
                    </thead>
                    <tbody class="nhsuk-table__body">
                        <tr node_ref=top_spacer class=style::spacer aria-hidden="true"></tr>
                        // Keyed by everything a row shows: a patient who only
                        // moves (a refresh added someone above, or the list
                        // scrolled) keeps their row, and so the user's focus
                        // in it; one whose score or details changed gets a
                        // new row, never a stale one.
                        <ForEnumerate
                            each=move || drawn.get()
                            key=|patient: &WardPatient| patient.clone()
                            children=move |position, patient| {
                                row(move || range.get().0 + position.get() + 2, patient)
                            }
                        />
                        <tr node_ref=bottom_spacer class=style::spacer aria-hidden="true"></tr>
                    </tbody>
                </table>
            </div>
    };
    view! {
        <div id=id.clone() class=move || crate::ui::class_list("bedside-ward-list", class.get())>
            <div class="nhsuk-u-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
                {move || announcement.get()}
            </div>
            {list}
        </div>
    }
}

/// A patient's row; `row_index` is its `aria-rowindex` (the heading row is 1).
fn row(row_index: impl Fn() -> usize + Send + Sync + 'static, patient: WardPatient) -> AnyView {
    let name = match patient.href {
        Some(href) => view! { <a href=href>{patient.name}</a> }.into_any(),
        None => patient.name.into_any(),
    };
    let observed = patient
        .observed
        .as_deref()
        .and_then(|o| Instant::parse(o).ok())
        .map_or_else(|| "Not recorded".to_string(), |i| i.uk().to_string());
    view! {
        <tr class=format!("nhsuk-table__row {}", style::row) aria-rowindex=row_index>
            <td class="nhsuk-table__cell">{patient.bed}</td>
            <td class="nhsuk-table__cell">{name}</td>
            <td class="nhsuk-table__cell">{patient.nhs_number}</td>
            <td class="nhsuk-table__cell">
                <News2Score score=patient.news2 />
            </td>
            <td class="nhsuk-table__cell">{observed}</td>
        </tr>
    }
    .into_any()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::clinical::NhsNumber;

    #[test]
    fn the_sickest_come_first_and_unscored_last() {
        let mut ward = examples::ward(40);
        sort_patients(&mut ward, WardColumn::News2, SortDirection::Descending);
        let scores: Vec<Option<(crate::clinical::ClinicalRisk, u32)>> =
            ward.iter().map(|p| p.news2.map(|s| (s.risk, s.total))).collect();
        let scored = scores.iter().take_while(|s| s.is_some()).count();
        assert!(scored < ward.len() && scores[scored..].iter().all(Option::is_none), "{scores:?}");
        assert!(scores[..scored].windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
        // Ascending still puts the unscored last.
        sort_patients(&mut ward, WardColumn::News2, SortDirection::Ascending);
        assert!(ward.last().is_some_and(|p| p.news2.is_none()));
        assert!(ward.first().is_some_and(|p| p.news2.is_some()));
        // Longest unobserved first: never observed leads.
        sort_patients(&mut ward, WardColumn::Observed, SortDirection::Ascending);
        assert!(ward[0].observed.is_none());
    }

    /// Issue 32: beds sorted as strings put "Bay 10" before "Bay 2", and
    /// names by bytes put "Ó…" after "Z".
    #[test]
    fn beds_and_names_sort_as_a_reader_expects() {
        let patient = |bed: &str, name: &str| WardPatient {
            id: bed.into(),
            bed: bed.into(),
            name: name.into(),
            nhs_number: "Not known".into(),
            news2: None,
            observed: None,
            href: None,
        };
        let mut ward = vec![
            patient("Bay 10, bed 1", "ZAMAN, Ayesha (Ms)"),
            patient("Bay 2, bed 10", "Ó BRIAIN, Siobhán (Mrs)"),
            patient("Bay 2, bed 7", "OKAFOR, Adaeze (Mrs)"),
            patient("Bay 1, bed 2", "ÉVORA, Lúcia (Ms)"),
        ];
        sort_patients(&mut ward, WardColumn::Bed, SortDirection::Ascending);
        let beds: Vec<&str> = ward.iter().map(|p| p.bed.as_str()).collect();
        assert_eq!(beds, ["Bay 1, bed 2", "Bay 2, bed 7", "Bay 2, bed 10", "Bay 10, bed 1"]);
        sort_patients(&mut ward, WardColumn::Name, SortDirection::Ascending);
        let names: Vec<&str> = ward.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["ÉVORA, Lúcia (Ms)", "Ó BRIAIN, Siobhán (Mrs)", "OKAFOR, Adaeze (Mrs)", "ZAMAN, Ayesha (Ms)"]);
        // Ties on a score keep bed order, by the same rule.
        sort_patients(&mut ward, WardColumn::News2, SortDirection::Descending);
        let beds: Vec<&str> = ward.iter().map(|p| p.bed.as_str()).collect();
        assert_eq!(beds, ["Bay 1, bed 2", "Bay 2, bed 7", "Bay 2, bed 10", "Bay 10, bed 1"]);
    }

    #[test]
    fn example_patients_have_valid_nhs_numbers_and_a_spread_of_risk() {
        let ward = examples::ward(200);
        assert!(ward.iter().all(|p| NhsNumber::parse(&p.nhs_number).is_ok()));
        let risks: std::collections::BTreeSet<_> = ward.iter().filter_map(|p| p.news2.map(|s| s.risk)).collect();
        assert_eq!(risks.len(), 4, "{risks:?}");
    }

    #[test]
    fn only_the_first_rows_are_drawn_and_the_table_counts_them_all() {
        let html = DOCS.example_markup("large");
        assert_eq!(html.matches("aria-rowindex=").count(), 1 + FIRST_ROWS + OVERSCAN, "heading and the first rows");
        assert!(html.contains(r#"aria-rowcount="10001""#));
        assert!(html.contains("Every inpatient: 10000 patients"));
        assert!(html.contains(r#"aria-sort="descending""#));
        assert!(html.contains(r#"tabindex="0""#) && html.contains(r#"role="region""#));
        let small = DOCS.example_markup("default");
        assert_eq!(small.matches("aria-rowindex=").count(), 1 + 20, "{small}");
        assert!(DOCS.example_markup("empty").contains("No patients on this ward."));
    }

    #[test]
    fn loading_failure_and_a_failed_refresh_are_told_apart_from_an_empty_ward() {
        let loading = DOCS.example_text("loading");
        assert_eq!(loading, "Loading the patients on this ward…");
        let failed = DOCS.example_text("failed");
        assert!(failed.contains("The ward list could not be read") && failed.contains("(429)"), "{failed}");
        assert!(!failed.contains("No patients") && !failed.contains("0 patients"), "{failed}");
        let refresh = DOCS.example_text("refresh-failed");
        assert!(refresh.contains("The ward list could not be refreshed"), "{refresh}");
        assert!(refresh.contains("as they were when the list was last read"), "{refresh}");
        assert!(refresh.contains("Ward 7 (Elm): 8 patients"), "the last list stays: {refresh}");
        assert_eq!(DOCS.example_markup("refresh-failed").matches("aria-rowindex=").count(), 1 + 8);
    }
}
