#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::ui::scroll::use_overflow;

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK code block: text to be copied exactly (a command, a FHIR
/// request, a configuration), in a monospaced box that scrolls when it is
/// wider than the screen, with an optional "Copy code" button.
///
/// As nhsuk-frontend's script does, in Rust: while the text overflows, the
/// block is a tab stop so the keyboard can scroll it; the button copies the
/// text, says "Copied" for five seconds and announces "Code copied" to
/// screen readers. Where the browser refuses the clipboard, the button
/// says so.
#[component]
pub fn Code(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The block's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The text, shown exactly.
    #[prop(into)]
    text: String,
    /// A button that copies the text.
    #[prop(optional)]
    copy_button: bool,
    /// Without the border.
    #[prop(optional)]
    no_border: bool,
    /// For a dark background.
    #[prop(optional)]
    reverse: bool,
) -> impl IntoView {
    let own = crate::ui::join_classes([
        Some("nhsuk-code"),
        copy_button.then_some("nhsuk-code--button"),
        reverse.then_some("nhsuk-code--reverse"),
        no_border.then_some("nhsuk-code--no-border"),
    ]);
    let classes = move || crate::ui::class_list(&own, class.get());
    let container = NodeRef::<leptos::html::Code>::new();
    let (overflow, measure) = use_overflow(container);
    let copied = RwSignal::new(None::<bool>);
    let announcement = RwSignal::new("");
    let to_copy = StoredValue::new(text.clone());
    let copy = move |_| {
        let text = to_copy.get_value();
        leptos::task::spawn_local(async move {
            let done = write_clipboard(&text).await;
            copied.set(Some(done));
            announcement.set(if done { "Code copied" } else { "" });
            set_timeout(
                move || {
                    copied.set(None);
                    announcement.set("");
                },
                std::time::Duration::from_secs(5),
            );
        });
    };
    let button_class = if reverse {
        "nhsuk-button nhsuk-button--reverse nhsuk-button--small nhsuk-code__button"
    } else {
        "nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-code__button"
    };
    let button_text = move || match copied.get() {
        None => "Copy code",
        Some(true) => "Copied",
        Some(false) => "Copy with Ctrl+C",
    };
    view! {
        <div class=classes id=id data-module="nhsuk-code">
            {copy_button
                .then(|| {
                    view! {
                        <button class=button_class data-module="nhsuk-button" type="button" on:click=copy>
                            {button_text}
                        </button>
                        <div class="nhsuk-code__status nhsuk-u-visually-hidden" aria-live="polite">
                            {move || announcement.get()}
                        </div>
                    }
                })}
            // The code element is what scrolls, in nhsuk-frontend's CSS.
            <pre class="nhsuk-code__container">
                <code
                    node_ref=container
                    class="nhsuk-code__content"
                    tabindex=move || overflow.get().any.then_some("0")
                    on:scroll=move |_| measure()
                >
                    {text}
                </code>
            </pre>
        </div>
    }
}

/// Copies `text` to the clipboard; whether the browser let it.
async fn write_clipboard(text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let promise = window().navigator().clipboard().write_text(text);
        wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        false
    }
}
