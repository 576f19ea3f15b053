#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};
use crate::ui::{Table, TableCell, TableColumn};

/// Whether an element's content is larger than the element, and which
/// ways the user can scroll it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Overflow {
    /// Larger either way: the element must take keyboard focus, so the
    /// arrow keys can scroll it.
    pub any: bool,
    /// Scrolled away from its left edge.
    pub left: bool,
    /// More to its right.
    pub right: bool,
}

/// Follows whether `element`'s content overflows it as it is resized (a
/// ResizeObserver, as nhsuk-frontend's script uses). The returned function
/// measures again: call it on the element's `scroll` events, which do not
/// bubble.
pub(crate) fn use_overflow<E>(
    element: NodeRef<E>,
) -> (Signal<Overflow>, impl Fn() + Copy + Send + Sync + 'static)
where
    E: leptos::html::ElementType + 'static,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    let overflow = RwSignal::new(Overflow::default());
    #[cfg(not(target_arch = "wasm32"))]
    let _ = element;
    let measure = move || {
        #[cfg(target_arch = "wasm32")]
        if let Some(el) = element.get_untracked() {
            use crate::ui::dom::number;
            let el: &wasm_bindgen::JsValue = wasm_bindgen::JsCast::unchecked_ref(&el);
            let [scroll_width, client_width, scroll_height, client_height, left] = [
                "scrollWidth",
                "clientWidth",
                "scrollHeight",
                "clientHeight",
                "scrollLeft",
            ]
            .map(|name| number(el, name));
            let next = Overflow {
                any: scroll_height > client_height || scroll_width > client_width,
                left: left > 0.0,
                right: left < scroll_width - client_width - 1.0,
            };
            if overflow.get_untracked() != next {
                overflow.set(next);
            }
        }
    };
    #[cfg(target_arch = "wasm32")]
    crate::ui::dom::observe_resize(element, measure);
    (overflow.into(), measure)
}

/// An NHS.UK scroll container: content wider than the screen (a table of
/// observations over a day) scrolls sideways inside it, rather than the
/// whole page.
///
/// As nhsuk-frontend's script does, in Rust: while the content overflows,
/// the region takes keyboard focus (so the arrow keys scroll it) and its
/// edges show a shadow on the side there is more to see.
#[component]
pub fn Scroll(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The container's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The id of what names the region (a table's caption): a region the
    /// keyboard can reach needs a name.
    #[prop(optional, into)]
    labelled_by: Option<String>,
    /// For a dark background.
    #[prop(optional)]
    reverse: bool,
    /// What scrolls.
    children: Children,
) -> impl IntoView {
    let content = NodeRef::<leptos::html::Div>::new();
    let (overflow, measure) = use_overflow(content);
    let classes = move || {
        let o = overflow.get();
        let own = crate::ui::join_classes([
            Some("nhsuk-scroll"),
            reverse.then_some("nhsuk-scroll--reverse"),
            o.any.then_some("nhsuk-scroll--scrollable"),
            o.left.then_some("nhsuk-scroll--scrollable-left"),
            (o.any && o.right).then_some("nhsuk-scroll--scrollable-right"),
        ]);
        crate::ui::class_list(&own, class.get())
    };
    view! {
        <div class=classes id=id data-module="nhsuk-scroll">
            <div
                node_ref=content
                class="nhsuk-scroll__content"
                role="region"
                aria-labelledby=labelled_by
                tabindex=move || overflow.get().any.then_some("0")
                on:scroll=move |_| measure()
            >
                {children()}
            </div>
        </div>
    }
}

/// A day of observations, hour by hour: wider than a phone.
fn observations_by_hour() -> AnyView {
    let hours = ["02:00", "06:00", "10:00", "14:00", "18:00", "22:00"];
    let mut columns = vec![TableColumn::new("Observation")];
    columns.extend(hours.iter().map(|h| TableColumn::new(*h).numeric()));
    let row = |name: &str, values: [&str; 6]| {
        let mut cells = vec![TableCell::new(name)];
        cells.extend(values.iter().map(|v| TableCell::new(*v)));
        cells
    };
    let rows = vec![
        row("Respiration rate", ["16", "18", "18", "22", "20", "18"]),
        row("SpO2 (%)", ["97", "96", "96", "94", "95", "96"]),
        row("Systolic BP (mmHg)", ["128", "124", "122", "108", "116", "120"]),
        row("Pulse (per minute)", ["78", "82", "84", "96", "90", "86"]),
        row("Temperature (°C)", ["37.1", "37.4", "37.6", "38.2", "37.9", "37.5"]),
        row("NEWS2", ["0", "0", "0", "3", "1", "0"]),
    ];
    view! {
        <Scroll labelled_by="observations-by-hour">
            <Table
                caption_id="observations-by-hour"
                caption="Observations on 21-Nov-2026"
                columns=columns
                rows=rows
                first_cell_is_header=true
            />
        </Scroll>
    }
    .into_any()
}

/// The gallery page and tests for [`Scroll`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "scroll",
    title: "Scroll",
    summary: "Content wider than the screen, scrolled inside its own box.",
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Text that fits: nothing to scroll, and not a tab stop.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Scroll>
                        <p>
                            "Duis mollis, est non commodo luctus, nisi erat porttitor ligula, eget lacinia odio sem nec elit."
                        </p>
                    </Scroll>
                }
                .into_any()
            },
        },
        Example {
            name: "wide-table",
            title: "A wide table",
            description: "A day of observations: on a narrow screen the table scrolls, and the keyboard can scroll it.",
            hidden: false,
            nhsuk_fixture: None,
            render: observations_by_hour,
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the container.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Scroll class="app-scroll" id="chart" attr:data-test="scroll">
                        <p>"A chart."</p>
                    </Scroll>
                }
                .into_any()
            },
        },
    ],
};
