#![doc = include_str!("docs.md")]

use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// One tab: its label and its panel.
#[derive(Clone)]
pub struct TabItem {
    id: String,
    label: String,
    panel: ViewFn,
}

impl TabItem {
    /// A tab labelled `label` whose panel, with the `id` its link and the
    /// page's address (`#id`) name, holds `panel`.
    pub fn new<V: IntoView + 'static>(
        id: impl Into<String>,
        label: impl Into<String>,
        panel: impl Fn() -> V + Send + Sync + 'static,
    ) -> Self {
        Self {
            id: id.into(),
            label: label.into(),
            panel: ViewFn::from(panel),
        }
    }
}


/// Whether the screen is wide enough for tabs; follows resizing.
fn use_wide_enough() -> Signal<bool> {
    let wide = RwSignal::new(false);
    #[cfg(target_arch = "wasm32")]
    {
        /// nhsuk-frontend's tablet breakpoint (641 px): narrower, the tabs
        /// are a list of links to the panels, one after another.
        const TABLET: &str = "(min-width: 40.0625em)";
        let check = move || {
            let matches = web_sys::window()
                .and_then(|w| w.match_media(TABLET).ok().flatten())
                .is_some_and(|q| q.matches());
            wide.set(matches);
        };
        check();
        let handle = window_event_listener_untyped("resize", move |_| check());
        on_cleanup(move || handle.remove());
    }
    wide.into()
}

/// The address's `#fragment` ("" where there is no browser).
fn address_hash() -> String {
    #[cfg(target_arch = "wasm32")]
    return window().location().hash().unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// The index of the tab whose panel the address names (`#past-week`).
fn tab_for_hash(ids: &[String], hash: &str) -> Option<usize> {
    let id = hash.strip_prefix('#')?;
    ids.iter().position(|i| i == id)
}

/// Where a key moves the selection among `count` tabs, by the WAI-ARIA
/// tabs pattern: arrows to the next or previous (round from the ends),
/// Home and End to the first and last. `None` for other keys.
fn tab_after_key(key: &str, current: usize, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    match key {
        "ArrowRight" | "Right" => Some((current + 1) % count),
        "ArrowLeft" | "Left" => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

/// NHS.UK tabs: related content in panels, one shown at a time, for users
/// who switch between them (a patient's results over a day, a week, a
/// month). On screens narrower than a tablet they are a list of links to
/// the panels, one after another.
///
/// Wide enough, they follow the WAI-ARIA tabs pattern as nhsuk-frontend's
/// script does: the arrow keys move between tabs (and round from the ends),
/// Home and End go to the first and last, a chosen tab's panel is shown at
/// once, and only the chosen tab is in the Tab order. The chosen panel's
/// `#id` goes in the address (a history entry, so Back returns to the last
/// tab), and an address naming a panel opens on it.
#[component]
pub fn Tabs(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The tabs' `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The heading of the list of links on narrow screens (hidden on wide
    /// ones): "Contents" unless given.
    #[prop(optional, into)]
    title: Option<String>,
    /// The tabs, in order.
    items: Vec<TabItem>,
    /// The chosen tab's index, two-way. Without it the address's `#id`
    /// chooses, or the first.
    #[prop(optional, into)]
    selected: Option<RwSignal<usize>>,
) -> impl IntoView {
    let ids: Vec<String> = items.iter().map(|t| t.id.clone()).collect();
    let count = ids.len();
    let selected = selected
        .unwrap_or_else(|| RwSignal::new(tab_for_hash(&ids, &address_hash()).unwrap_or(0)));
    let wide = use_wide_enough();
    let ids = StoredValue::new(ids);

    let focus_tab = move |index: usize| {
        let Some(id) = ids.with_value(|ids| ids.get(index).cloned()) else {
            return;
        };
        if let Some(tab) = document()
            .get_element_by_id(&format!("tab_{id}"))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = tab.focus();
        }
    };
    // A history entry for each tab chosen, without a jump to its panel
    // (which a changed `location.hash` would make) or an event.
    let remember = move |index: usize| {
        if let Some(id) = ids.with_value(|ids| ids.get(index).cloned())
            && let Ok(history) = window().history()
        {
            let _ = history.push_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("#{id}")),
            );
        }
    };
    let choose = move |index: usize| {
        if index != selected.get_untracked() {
            selected.set(index);
            remember(index);
        }
    };
    #[cfg(target_arch = "wasm32")]
    {
        // Back and Forward between tabs (popstate), or a link to one from
        // elsewhere on the page (hashchange).
        let follow = move || {
            let hash = address_hash();
            if let Some(index) = ids.with_value(|ids| tab_for_hash(ids, &hash))
                && index != selected.get_untracked()
                && wide.get_untracked()
            {
                selected.set(index);
                // After the browser's own work for the traversal, which
                // leaves focus on the page's body.
                set_timeout(move || focus_tab(index), std::time::Duration::ZERO);
            }
        };
        let pops = window_event_listener_untyped("popstate", move |_| follow());
        let hashes = window_event_listener_untyped("hashchange", move |_| follow());
        on_cleanup(move || {
            pops.remove();
            hashes.remove();
        });
    }

    let list = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let (panel_id, label) = (item.id.clone(), item.label.clone());
            let tab_id = format!("tab_{panel_id}");
            let is_selected = move || selected.get() == index;
            let item_class = move || {
                if is_selected() {
                    "nhsuk-tabs__list-item nhsuk-tabs__list-item--selected"
                } else {
                    "nhsuk-tabs__list-item"
                }
            };
            let on_click = move |ev: leptos::ev::MouseEvent| {
                if wide.get_untracked() {
                    ev.prevent_default();
                    choose(index);
                }
            };
            let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
                if !wide.get_untracked() {
                    return;
                }
                if let Some(next) = tab_after_key(&ev.key(), selected.get_untracked(), count) {
                    ev.prevent_default();
                    choose(next);
                    focus_tab(next);
                }
            };
            // The tab roles only where the tabs are tabs: on a narrow
            // screen they are plain links to the panels below.
            let when_wide = move |value: &'static str| wide.get().then_some(value);
            view! {
                <li class=item_class role=move || when_wide("presentation")>
                    <a
                        class="nhsuk-tabs__tab"
                        href=format!("#{panel_id}")
                        id=move || wide.get().then(|| tab_id.clone())
                        role=move || when_wide("tab")
                        aria-controls=move || wide.get().then(|| panel_id.clone())
                        aria-selected=move || {
                            wide.get().then(|| if is_selected() { "true" } else { "false" })
                        }
                        tabindex=move || {
                            wide.get().then(|| if is_selected() { "0" } else { "-1" })
                        }
                        on:click=on_click
                        on:keydown=on_keydown
                    >
                        {label}
                    </a>
                </li>
            }
        })
        .collect_view();

    // Every panel is drawn: narrow screens show them all, and nhsuk-frontend
    // hides the others only from the tablet breakpoint up.
    let panels = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let panel_class = move || {
                if selected.get() == index {
                    "nhsuk-tabs__panel"
                } else {
                    "nhsuk-tabs__panel nhsuk-tabs__panel--hidden"
                }
            };
            let tab_id = format!("tab_{}", item.id);
            view! {
                <div
                    class=panel_class
                    id=item.id
                    role=move || wide.get().then_some("tabpanel")
                    aria-labelledby=move || wide.get().then(|| tab_id.clone())
                >
                    {item.panel.run()}
                </div>
            }
        })
        .collect_view();

    let classes = move || crate::ui::class_list("nhsuk-tabs", class.get());
    view! {
        <div class=classes id=id data-module="nhsuk-tabs">
            <h2 class="nhsuk-tabs__heading">{title.unwrap_or_else(|| "Contents".into())}</h2>
            <ul class="nhsuk-tabs__list" role=move || wide.get().then_some("tablist")>
                {list}
            </ul>
            {panels}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_go_round_and_home_and_end_go_to_the_ends() {
        assert_eq!(tab_after_key("ArrowRight", 0, 4), Some(1));
        assert_eq!(tab_after_key("ArrowRight", 3, 4), Some(0));
        assert_eq!(tab_after_key("ArrowLeft", 0, 4), Some(3));
        assert_eq!(tab_after_key("ArrowLeft", 2, 4), Some(1));
        assert_eq!(tab_after_key("Left", 2, 4), Some(1));
        assert_eq!(tab_after_key("Home", 2, 4), Some(0));
        assert_eq!(tab_after_key("End", 0, 4), Some(3));
        assert_eq!(tab_after_key("Enter", 0, 4), None);
        assert_eq!(tab_after_key("ArrowRight", 0, 0), None);
        assert_eq!(tab_after_key("ArrowRight", 0, 1), Some(0));
    }

    #[test]
    fn only_a_panels_own_hash_chooses_its_tab() {
        let ids = ["past-day".to_string(), "past-week".to_string()];
        assert_eq!(tab_for_hash(&ids, "#past-week"), Some(1));
        assert_eq!(tab_for_hash(&ids, "#past"), None);
        assert_eq!(tab_for_hash(&ids, "past-week"), None);
        assert_eq!(tab_for_hash(&ids, ""), None);
    }
}
