#![doc = include_str!("docs.md")]

use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK image: a picture with an optional caption below it, in a
/// figure. Its alternative text is required: say what the picture shows
/// that the page does not, or give `""` for one that only decorates.
#[component]
pub fn Image(
    /// Extra classes (`nhsuk-u-width-one-half` for a narrower image).
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The figure's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The picture's address.
    #[prop(into)]
    src: String,
    /// What the picture shows, for those who cannot see it; `""` if it only
    /// decorates.
    #[prop(into)]
    alt: String,
    /// Other sizes of the picture, for the browser to choose from.
    #[prop(optional, into)]
    srcset: Option<String>,
    /// How wide the picture shows at each screen width, for `srcset`.
    #[prop(optional, into)]
    sizes: Option<String>,
    /// A caption below the picture.
    #[prop(optional, into)]
    caption: Option<String>,
    /// Without the border.
    #[prop(optional)]
    no_border: bool,
    /// Without the grey background behind the caption.
    #[prop(optional)]
    no_background: bool,
) -> impl IntoView {
    let classes = move || {
        let own = crate::ui::join_classes([
            Some("nhsuk-image"),
            no_border.then_some("nhsuk-image--no-border"),
            no_background.then_some("nhsuk-image--no-background"),
        ]);
        crate::ui::class_list(&own, class.get())
    };
    view! {
        <figure class=classes id=id>
            <img class="nhsuk-image__img" src=src alt=alt sizes=sizes srcset=srcset />
            {caption.map(|c| view! { <figcaption class="nhsuk-image__caption">{c}</figcaption> })}
        </figure>
    }
}
