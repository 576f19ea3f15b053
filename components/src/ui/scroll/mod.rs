#![doc = include_str!("docs.md")]

use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

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
