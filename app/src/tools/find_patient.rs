//! Find a patient by name or NHS number, narrowed by date of birth.

use bedside::clinical::{CalendarDate, FhirDate};
use bedside::fhir::summary::{PersonView, SearchPage};
use bedside::fhir::{FhirClient, FhirClientContext, FhirError, Search};
use bedside::forms::{Check, DateParts, DateRules, Form, nhs_number, required};
use bedside::nav::{Navigator, Path};
use bedside::on_demand::{SplitLoaderError, wasm_split};
use bedside::ui::{
    Button, ButtonType, DateInput, EmptyState, FormErrors, Input, InputType, Loading, PageLink,
    Pagination, PreviousNext, Table, TableCell, TableColumn,
};
use leptos::prelude::*;

use super::Tool;
use crate::patient::{FhirProblem, patient_rows};

/// The launcher's entry.
pub const TOOL: Tool = Tool {
    slug: "find-patient",
    name: "Find a patient",
    summary: "Search by name or NHS number.",
    patient: false,
    needs: &[("Patient", 's')],
    load: || Box::pin(load()),
    open: || Box::pin(page()),
};

/// Everything only this page reaches is in `find_patient.wasm`.
#[wasm_split(find_patient, preload(load), fallible)]
fn page() -> Result<AnyView, SplitLoaderError> {
    Ok(crate::workspace::with_fhir_client(|| {
        view! { <FindPatient /> }.into_any()
    }))
}

/// Matches shown on each page.
const PAGE_SIZE: u32 = 20;

/// The furthest page an address can ask for: 1,000 matches in. Paging is by
/// the server's `next` links, one request a page, so `page=4000000000` would
/// otherwise walk the whole server; a search that needs more is refined.
const MAX_PAGE: u32 = 50;

/// A search as its address holds it, `/find-patient?q=smith&dob=1980-03-31&page=2`,
/// so a search survives a reload and can be bookmarked or sent.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Wanted {
    text: String,
    born: Option<CalendarDate>,
    /// From 1.
    page: u32,
}

impl Wanted {
    /// The search in `path`'s query, if it names one. Parts that do not
    /// read (a page of "x", a date of "1980-02-30") are left out rather
    /// than guessed at.
    fn from_path(path: &Path) -> Option<Self> {
        let text = path.query_param("q")?.trim().to_string();
        if text.is_empty() {
            return None;
        }
        let born = path
            .query_param("dob")
            .and_then(|d| FhirDate::parse(&d).ok()?.day());
        let page = path
            .query_param("page")
            .and_then(|p| p.parse::<u64>().ok())
            .filter(|p| *p >= 1)
            .map_or(1, |p| {
                u32::try_from(p.min(u64::from(MAX_PAGE))).unwrap_or(MAX_PAGE)
            });
        Some(Self { text, born, page })
    }

    /// This search's address, at `page`.
    fn href(&self, page: u32) -> String {
        let dob = self.born.map(CalendarDate::to_fhir).unwrap_or_default();
        let page = page.to_string();
        let mut pairs = vec![("q", self.text.as_str())];
        if !dob.is_empty() {
            pairs.push(("dob", &dob));
        }
        if page != "1" {
            pairs.push(("page", &page));
        }
        super::href(TOOL.slug, &pairs)
    }
}

/// Numbers are an NHS number, and must be a valid one: a mistyped number
/// must not quietly become a search by name.
fn nhs_number_when_numeric() -> Check {
    let nhs = nhs_number();
    std::sync::Arc::new(move |value: &str| {
        let numeric = value.chars().any(|c| c.is_ascii_digit())
            && value
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-'));
        if numeric { nhs(value) } else { None }
    })
}

#[component]
fn FindPatient() -> impl IntoView {
    let navigator = Navigator::expect();
    let wanted = Memo::new(move |_| Wanted::from_path(&navigator.path()));
    let again = RwSignal::new(0_u32);
    // A search with mistakes hides the last results: they are not what the
    // form now says.
    let hidden = RwSignal::new(false);
    let form = Form::new();
    let query = form.field(
        "find-patient",
        vec![
            required("Enter a name or NHS number to search for"),
            nhs_number_when_numeric(),
        ],
    );
    let born_rules = DateRules {
        what: "Date of birth".into(),
        required: None,
        latest: Some(CalendarDate::today()),
    };
    let born = form.date_field("find-patient-dob", born_rules.clone());
    // The form shows the search the address holds (a reload, a link from a
    // colleague, Back).
    Effect::new(move || {
        // A new address (Back, a link) shows its search's results.
        hidden.set(false);
        if let Some(w) = wanted.get() {
            query.value.set(w.text.clone());
            born.value.set(w.born.map_or_else(DateParts::default, |d| {
                DateParts::new(d.day.to_string(), d.month.to_string(), d.year.to_string())
            }));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        hidden.set(!form.submit());
        if !hidden.get_untracked() {
            let search = Wanted {
                text: query.value.get_untracked().trim().to_string(),
                born: born
                    .value
                    .with_untracked(|parts: &DateParts| born_rules.check(parts))
                    .ok()
                    .flatten(),
                page: 1,
            };
            // The same search again reads afresh (a patient just admitted,
            // say); a new one is a new address.
            if wanted.get_untracked().as_ref() == Some(&search) {
                again.update(|n| *n += 1);
            } else {
                navigator.navigate(&search.href(1));
            }
        }
    };
    view! {
        <FormErrors form=form />
        <h1>"Find a patient"</h1>
        <form on:submit=submit novalidate>
            <Input
                name="find-patient"
                label="Name or NHS number"
                hint=|| "A family name, or the 10-digit NHS number"
                input_type=InputType::Search
                autocomplete="off"
                spellcheck=false
                class="nhsuk-u-width-two-thirds"
                value=query.value
                error=query.error
            />
            <DateInput
                id="find-patient-dob"
                name_prefix="dob"
                legend="Date of birth (optional)"
                legend_size=bedside::ui::LabelSize::S
                hint=|| "To narrow the search. For example, 31 3 1980"
                value=born.value
                error=born.error
                error_parts=born.error_parts
            />
            <Button button_type=ButtonType::Submit>"Search"</Button>
        </form>
        {move || {
            again.track();
            let wanted = wanted.get().filter(|_| !hidden.get())?;
            Some(view! { <PatientResults wanted=wanted /> })
        }}
    }
}

/// Ten digits (spaces allowed) search by NHS number; anything else by name;
/// a date of birth narrows either.
fn patient_search(text: &str, born: Option<CalendarDate>) -> Search {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    // `_total=accurate`: the standard way to ask the server to count every
    // match, so the page can say how many there are, not how many it shows.
    let search = Search::new("Patient")
        .count(PAGE_SIZE)
        .raw("_total", "accurate");
    let search = if digits.len() == 10 && digits.chars().all(|c| c.is_ascii_digit()) {
        search.token(
            "identifier",
            Some(bedside::fhir::uk_core::NHS_NUMBER_SYSTEM),
            &digits,
        )
    } else {
        search.string("name", text)
    };
    match born {
        Some(date) => search.date("birthdate", bedside::fhir::Prefix::Eq, &date.to_fhir()),
        None => search,
    }
}

/// One page of matches and where it is in the whole list.
#[derive(Clone)]
struct Found {
    patients: Vec<PersonView>,
    /// The page reached, from 1: the last, when the address asked for more
    /// pages than there are.
    page: u32,
    /// Every match, when the server counted them.
    total: Option<u32>,
    more: bool,
}

/// The page `wanted` asks for, reached by the server's own `next` links
/// (FHIR's only paging that every server offers).
async fn find(client: FhirClient, wanted: Wanted) -> Result<Found, FhirError> {
    let mut page: SearchPage = client
        .search_as(&patient_search(&wanted.text, wanted.born))
        .await?;
    let mut reached = 1;
    let mut seen: Vec<String> = Vec::new();
    while reached < wanted.page.min(MAX_PAGE) {
        // A `next` link already followed (a server's page that points at
        // itself, or back) would go round for ever.
        let Some(next) = page
            .link("next")
            .map(str::to_string)
            .filter(|n| !seen.contains(n))
        else {
            break;
        };
        seen.push(next.clone());
        page = client.page_as(&next).await?;
        reached += 1;
    }
    let (total, more) = (page.total, page.link("next").is_some());
    let patients = page
        .views::<PersonView>("Patient")
        .map_err(|e| FhirError::Decode {
            path: String::new(),
            detail: e.to_string(),
        })?;
    Ok(Found {
        patients,
        page: reached,
        total,
        more,
    })
}

#[component]
fn PatientResults(wanted: Wanted) -> impl IntoView {
    let found = RwSignal::new(None::<Result<Found, FhirError>>);
    {
        let (client, wanted) = (FhirClient::expect(), wanted.clone());
        leptos::task::spawn_local(async move {
            let result = find(client, wanted).await;
            // The user may have searched again: this search's signal is gone.
            let _ = found.try_set(Some(result));
        });
    }
    view! {
        <section aria-live="polite" data-testid="patient-results">
            {move || match found.get() {
                None => view! { <Loading what="patients" /> }.into_any(),
                Some(Err(e)) => view! { <FhirProblem error=e /> }.into_any(),
                Some(Ok(found)) => view! { <ResultTable found=found wanted=wanted.clone() /> }.into_any(),
            }}
        </section>
    }
}

/// "57 patients match", and which of them this page shows: the server's
/// count when it gives one, never the size of the page.
fn summary(found: &Found) -> String {
    let shown = found.patients.len() as u32;
    let first = (found.page - 1) * PAGE_SIZE + 1;
    let last = first + shown.saturating_sub(1);
    let all_here = found.page == 1 && !found.more;
    let matches = |n: u32| {
        if n == 1 {
            "1 patient matches".to_string()
        } else {
            format!("{n} patients match")
        }
    };
    match found.total {
        Some(total) if all_here || total <= shown => matches(total),
        Some(total) => format!("{}: {first} to {last} shown", matches(total)),
        None if all_here => matches(shown),
        // The server does not count: say what is known, no more.
        None if found.more => format!("Patients {first} to {last} shown; more match"),
        None => format!("Patients {first} to {last} shown, the last of the matches"),
    }
}

#[component]
fn ResultTable(found: Found, wanted: Wanted) -> impl IntoView {
    if found.patients.is_empty() {
        return view! {
            <EmptyState heading="No patients match">
                <p class="nhsuk-body">"Check the spelling of the name, or the NHS number."</p>
            </EmptyState>
        }
        .into_any();
    }
    let caption = summary(&found);
    let rows: Vec<Vec<TableCell>> = found
        .patients
        .iter()
        .map(|p| {
            let [name, nhs, born] = patient_rows(p);
            // The shown date is in CUI form; the record's own sorts.
            let born_cell = match &p.birth_date {
                Some(iso) => TableCell::new(born.1).sort_value(iso.clone()),
                None => TableCell::new(born.1),
            };
            let name_cell = match &p.id {
                Some(id) => TableCell::link(name.1, super::summary::href(id)),
                None => TableCell::new(name.1),
            };
            vec![name_cell, nhs.1.into(), born_cell]
        })
        .collect();
    let columns = vec![
        TableColumn::new("Name").sortable(),
        TableColumn::new("NHS number"),
        TableColumn::new("Date of birth").sortable(),
    ];
    let pages = found.total.map(|t| t.div_ceil(PAGE_SIZE) as usize);
    let paging = match pages {
        Some(pages) if pages > 1 => {
            let wanted = wanted.clone();
            let href = Callback::new(move |page: usize| wanted.href(page as u32));
            view! { <Pagination current=found.page as usize total=pages href=href aria_label="Pages of matching patients" /> }
                .into_any()
        }
        Some(_) => ().into_any(),
        None => {
            let previous = (found.page > 1)
                .then(|| PageLink::new("Previous patients", wanted.href(found.page - 1)));
            let next = found
                .more
                .then(|| PageLink::new("More patients", wanted.href(found.page + 1)));
            view! { <PreviousNext previous=previous next=next aria_label="Pages of matching patients" /> }
                .into_any()
        }
    };
    view! {
        <Table caption=caption columns=columns rows=rows responsive=true />
        {paging}
    }
    .into_any()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn ten_digits_search_by_nhs_number_anything_else_by_name() {
        assert!(
            patient_search("943 476 5919", None)
                .query()
                .contains("identifier=https://fhir.nhs.uk/Id/nhs-number%7C9434765919")
        );
        assert!(
            patient_search("943-476-5919", None)
                .query()
                .contains("nhs-number%7C9434765919")
        );
        assert!(patient_search("smith", None).query().contains("name=smith"));
        assert!(
            patient_search("smith", None)
                .query()
                .contains("_total=accurate"),
            "the server is asked to count every match"
        );
        assert!(!patient_search("smith", None).query().contains("birthdate"));
        let born = CalendarDate::new(1980, 3, 31);
        let query = patient_search("smith", born).query();
        assert!(
            query.contains("name=smith") && query.contains("birthdate=1980-03-31"),
            "{query}"
        );
    }

    fn wanted(href: &str) -> Option<Wanted> {
        Wanted::from_path(&Path::from_href(href))
    }

    #[test]
    fn a_search_lives_in_its_address_and_comes_back_from_it() {
        let search = Wanted {
            text: "O'Brien smith".into(),
            born: CalendarDate::new(1980, 3, 31),
            page: 3,
        };
        let href = search.href(3);
        assert_eq!(
            href,
            "/find-patient?q=O%27Brien%20smith&dob=1980-03-31&page=3"
        );
        assert_eq!(wanted(&href), Some(search.clone()));
        assert_eq!(
            search.href(1),
            "/find-patient?q=O%27Brien%20smith&dob=1980-03-31"
        );
        let plain = wanted("/find-patient?q=+smith+").expect("a search");
        assert_eq!(
            (plain.text.as_str(), plain.born, plain.page),
            ("smith", None, 1)
        );
    }

    #[test]
    fn an_address_without_a_search_or_with_bad_parts_is_read_safely() {
        assert_eq!(wanted("/find-patient"), None);
        assert_eq!(wanted("/find-patient?q="), None);
        assert_eq!(wanted("/find-patient?q=%20%20"), None);
        let odd = wanted("/find-patient?q=smith&dob=1980-02-30&page=0").expect("a search");
        assert_eq!((odd.born, odd.page), (None, 1), "no 30 February, no page 0");
        assert_eq!(
            wanted("/find-patient?q=smith&page=x").map(|w| w.page),
            Some(1)
        );
        assert_eq!(
            wanted("/find-patient?q=smith&page=-2").map(|w| w.page),
            Some(1)
        );
        // Issue 33: an address cannot make the app walk the whole server.
        for far in ["51", "4000000000", "99999999999999999999"] {
            let page = wanted(&format!("/find-patient?q=smith&page={far}")).map(|w| w.page);
            assert!(matches!(page, Some(MAX_PAGE) | Some(1)), "{far}: {page:?}");
        }
        assert_eq!(
            wanted("/find-patient?q=smith&page=4000000000").map(|w| w.page),
            Some(MAX_PAGE)
        );
        assert_eq!(
            wanted("/find-patient?q=smith&page=50").map(|w| w.page),
            Some(50)
        );
    }

    /// Issue 33: a server whose `next` link points back at a page already
    /// read had the search go round for ever.
    #[test]
    fn a_next_link_already_followed_is_not_followed_again() {
        let asked = std::rc::Rc::new(std::cell::Cell::new(0));
        let counter = asked.clone();
        let client = crate::test_server::client(move |_| {
            counter.set(counter.get() + 1);
            serde_json::json!({
                "resourceType": "Bundle", "type": "searchset", "total": 100,
                "link": [{"relation": "next", "url": "https://fhir.test/R4/Patient?page=2"}],
                "entry": []
            })
        });
        let wanted = Wanted {
            text: "smith".into(),
            born: None,
            page: 40,
        };
        let found = futures::executor::block_on(find(client, wanted)).expect("a page");
        assert_eq!(asked.get(), 2, "the search, and its next page once");
        assert_eq!(found.page, 2);
    }

    fn found(shown: usize, page: u32, total: Option<u32>, more: bool) -> Found {
        Found {
            patients: vec![PersonView::default(); shown],
            page,
            total,
            more,
        }
    }

    #[test]
    fn the_count_is_the_servers_never_the_pages_size() {
        assert_eq!(summary(&found(1, 1, Some(1), false)), "1 patient matches");
        assert_eq!(summary(&found(7, 1, Some(7), false)), "7 patients match");
        assert_eq!(
            summary(&found(20, 1, Some(57), true)),
            "57 patients match: 1 to 20 shown"
        );
        assert_eq!(
            summary(&found(17, 3, Some(57), false)),
            "57 patients match: 41 to 57 shown"
        );
        // A server that does not count: only what is known.
        assert_eq!(summary(&found(20, 1, None, false)), "20 patients match");
        assert_eq!(
            summary(&found(20, 1, None, true)),
            "Patients 1 to 20 shown; more match"
        );
        assert_eq!(
            summary(&found(4, 2, None, false)),
            "Patients 21 to 24 shown, the last of the matches"
        );
    }

    #[test]
    fn numbers_must_be_a_valid_nhs_number_and_names_pass() {
        let check = nhs_number_when_numeric();
        assert_eq!(check("smith"), None);
        assert_eq!(check("O'Brien-Smith"), None);
        assert_eq!(check("943 476 5919"), None);
        assert_eq!(
            check("943 476 5918").as_deref(),
            Some(
                "943 476 5918 is not a valid NHS number: check the digits, one may be wrong or swapped"
            )
        );
        assert_eq!(
            check("943 476").as_deref(),
            Some("NHS number must be 10 numbers, not 6")
        );
    }
}
