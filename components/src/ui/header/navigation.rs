//! The header's navigation, with the "More" menu for what does not fit. In
//! a file of its own: the first stylesheet is built from the header's
//! `mod.rs`, and a page without navigation should not carry its rules.

use leptos::prelude::*;

/// One link in the header's navigation.
#[derive(Debug, Clone)]
pub struct NavItem {
    text: String,
    href: String,
    current: bool,
}

impl NavItem {
    /// A link to `href`.
    pub fn new(text: impl Into<String>, href: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            href: href.into(),
            current: false,
        }
    }

    /// The section the user is in: marked, and `aria-current`.
    pub fn current(mut self) -> Self {
        self.current = true;
        self
    }
}

/// How many of the navigation's items stay in the bar, the rest going to
/// the "More" menu, by nhsuk-frontend's rule: `rights` are where each item
/// ends, from the list's left; an item that ends past `width` goes, and
/// once any goes, the room the menu's own button takes (`menu_width`) is
/// given up too.
pub fn items_in_bar(rights: &[f64], width: f64, menu_width: f64) -> usize {
    if rights.iter().all(|r| *r <= width) {
        return rights.len();
    }
    let room = width - menu_width;
    rights.iter().take_while(|r| **r <= room).count()
}

/// The NHS.UK header's navigation: the service's sections, in a bar below
/// the header. Give it to [`Header`](super::Header)'s `navigation`.
///
/// Items that do not fit the bar's width go, in order from the end, into a
/// "More" menu, as nhsuk-frontend's script does (here in Rust): measured
/// again whenever the bar is resized. The menu's button says whether it is
/// open (`aria-expanded`); Escape closes it and returns focus to the
/// button; so do a click outside it and following one of its links.
#[component]
pub fn HeaderNavigation(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The links, in order.
    items: Vec<NavItem>,
    /// The landmark's name: "Menu" unless given.
    #[prop(optional, into)]
    label: Option<String>,
    /// White, below a blue header.
    #[prop(optional)]
    white: bool,
) -> impl IntoView {
    let count = items.len();
    let in_bar = RwSignal::new(count);
    let open = RwSignal::new(false);
    let nav = NodeRef::<leptos::html::Nav>::new();
    let list = NodeRef::<leptos::html::Ul>::new();
    let menu = NodeRef::<leptos::html::Li>::new();
    let toggle = NodeRef::<leptos::html::Button>::new();
    let menu_list = NodeRef::<leptos::html::Ul>::new();
    layout::follow(list, menu, in_bar, count);

    #[cfg(target_arch = "wasm32")]
    let close = move |refocus: bool| {
        if open.get_untracked() {
            open.set(false);
            if refocus && let Some(button) = toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let keys = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() == "Escape" {
                close(true);
            }
        });
        // A click outside the navigation, or on one of its links, closes
        // the menu (the button's own click toggles it).
        let clicks = window_event_listener(leptos::ev::click, move |ev| {
            // Every click on the page comes here: nothing to work out while
            // the menu is closed.
            if !open.get_untracked() {
                return;
            }
            let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let inside = nav
                .get_untracked()
                .is_some_and(|n| n.contains(Some(target.unchecked_ref())));
            let on_toggle = toggle
                .get_untracked()
                .is_some_and(|b| b.contains(Some(target.unchecked_ref())));
            let on_link = target.closest("a").ok().flatten().is_some();
            if !on_toggle && (!inside || on_link) {
                close(false);
            }
        });
        on_cleanup(move || {
            keys.remove();
            clicks.remove();
        });
        // The open menu hangs below the bar: the bar's bottom border makes
        // room for it, as nhsuk-frontend does (set through the style
        // object, which a strict CSP allows).
        Effect::new(move || {
            let is_open = open.get();
            // Measured once the list is shown (the next turn, after the
            // DOM has caught up).
            leptos::task::spawn_local(async move {
                use crate::ui::dom;
                leptos::task::tick().await;
                let height = if is_open {
                    menu_list.get_untracked().map(|m| dom::number(&m, "offsetHeight"))
                } else {
                    None
                };
                if let Some(nav) = nav.get_untracked() {
                    let width = height.map_or_else(String::new, |h| format!("{h}px"));
                    dom::set(&dom::get(&nav, "style"), "borderBottomWidth", &width.into());
                }
            });
        });
    }

    let link = |item: &NavItem| {
        let text = item.text.clone();
        let inner = if item.current {
            view! { <strong class="nhsuk-header__navigation-item-current-fallback">{text}</strong> }
                .into_any()
        } else {
            text.into_any()
        };
        view! {
            <a
                class="nhsuk-header__navigation-link"
                href=item.href.clone()
                aria-current=item.current.then_some("true")
            >
                {inner}
            </a>
        }
    };
    let item_class = |item: &NavItem| {
        if item.current {
            "nhsuk-header__navigation-item nhsuk-header__navigation-item--current"
        } else {
            "nhsuk-header__navigation-item"
        }
    };
    let items = StoredValue::new(items);
    // The items from `from` up to `to`: the bar's, then the menu's.
    let range = move |from: usize, to: usize| {
        items.with_value(|items| {
            items
                .get(from..to)
                .unwrap_or_default()
                .iter()
                .map(|item| view! { <li class=item_class(item)>{link(item)}</li> })
                .collect_view()
        })
    };
    let bar = move || range(0, in_bar.get());
    let overflow = move || range(in_bar.get(), count);
    let classes = move || {
        let own = if white {
            "nhsuk-header__navigation nhsuk-header__navigation--white"
        } else {
            "nhsuk-header__navigation"
        };
        crate::ui::class_list(own, class.get())
    };
    view! {
        <nav node_ref=nav class=classes aria-label=label.unwrap_or_else(|| "Menu".into())>
            <div class="nhsuk-header__navigation-container nhsuk-width-container">
                <ul node_ref=list class="nhsuk-header__navigation-list">
                    {bar}
                    <li node_ref=menu class="nhsuk-header__menu" hidden=move || { in_bar.get() >= count }>
                        <button
                            node_ref=toggle
                            class="nhsuk-header__menu-toggle nhsuk-header__navigation-link"
                            id="toggle-menu"
                            aria-expanded=move || if open.get() { "true" } else { "false" }
                            on:click=move |_| open.update(|o| *o = !*o)
                        >
                            <span class="nhsuk-u-visually-hidden">"Browse "</span>
                            "More"
                        </button>
                        // Only while something is in it, as nhsuk-frontend
                        // adds it.
                        {move || {
                            (in_bar.get() < count)
                                .then(|| {
                                    view! {
                                        <ul
                                            node_ref=menu_list
                                            class="nhsuk-header__menu-list"
                                            hidden=move || !open.get()
                                        >
                                            {overflow}
                                        </ul>
                                    }
                                })
                        }}
                    </li>
                </ul>
            </div>
        </nav>
    }
}

/// Measuring the bar in the browser.
mod layout {
    use leptos::prelude::*;

    /// Keeps `in_bar` at how many items fit `list`, as it is resized: every
    /// item back in the bar, measured, then the ones that do not fit moved
    /// to the menu, before the browser paints.
    pub(super) fn follow(
        list: NodeRef<leptos::html::Ul>,
        menu: NodeRef<leptos::html::Li>,
        in_bar: RwSignal<usize>,
        count: usize,
    ) {
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (list, menu, in_bar, count);
        #[cfg(target_arch = "wasm32")]
        {
            let busy = StoredValue::new(false);
            let update = move || {
                if busy.get_value() {
                    return;
                }
                busy.set_value(true);
                leptos::task::spawn_local(async move {
                    in_bar.set(count);
                    leptos::task::tick().await;
                    if let Some(list) = list.get_untracked() {
                        use crate::ui::dom;
                        let width = dom::number(&list, "offsetWidth");
                        // Every item is back in the bar, before the menu.
                        let items = dom::get(&list, "children");
                        let mut right = 0.0;
                        let rights: Vec<f64> = (0..count)
                            .map(|i| {
                                right += dom::number(&dom::get(&items, &i.to_string()), "offsetWidth");
                                right
                            })
                            .collect();
                        let fit = super::items_in_bar(&rights, width, 0.0);
                        if fit < count {
                            // The menu's button takes room too: shown, measured.
                            in_bar.set(fit);
                            leptos::task::tick().await;
                            let menu_width =
                                menu.get_untracked().map_or(0.0, |m| dom::number(&m, "offsetWidth"));
                            in_bar.set(super::items_in_bar(&rights, width, menu_width));
                        }
                    }
                    busy.set_value(false);
                });
            };
            crate::ui::dom::observe_resize(list, update);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_stays_in_the_bar_while_it_fits() {
        assert_eq!(items_in_bar(&[100.0, 200.0, 300.0], 300.0, 80.0), 3);
        assert_eq!(items_in_bar(&[], 0.0, 80.0), 0);
    }

    #[test]
    fn once_one_goes_the_menu_button_takes_its_room_too() {
        // 300 wide: the last item (ending at 320) does not fit; with the
        // button's 80 given up, only what ends by 220 stays.
        assert_eq!(items_in_bar(&[100.0, 200.0, 320.0], 300.0, 80.0), 2);
        assert_eq!(items_in_bar(&[100.0, 230.0, 320.0], 300.0, 80.0), 1);
        // Nothing fits beside the button: all go to the menu.
        assert_eq!(items_in_bar(&[150.0, 300.0], 200.0, 80.0), 0);
        // An item ending exactly at the edge fits.
        assert_eq!(items_in_bar(&[100.0, 220.0, 320.0], 300.0, 80.0), 2);
    }
}
