#![doc = include_str!("docs.md")]

use leptos::prelude::*;

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// The NHS.UK "page not found" page: a heading that says so, what the user
/// can check, and a link to the service's start page. For an address the
/// app does not know; a record that does not exist says so in its own words.
#[component]
pub fn PageNotFound(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Where the service starts (`/`).
    #[prop(into)]
    home_href: String,
    /// The start page, as the end of "go to …": "the Bedside start page".
    #[prop(into)]
    home_text: String,
) -> impl IntoView {
    view! {
        <div class=move || crate::ui::class_list("bedside-page-not-found", class.get())>
            <h1>"Page not found"</h1>
            <p>"If you entered a web address, check it is correct."</p>
            <p>"If you pasted the web address, check you copied the whole address."</p>
            <p>
                "If the web address is correct or you selected a link, "
                <a href=home_href>"go to " {home_text}</a>
                "."
            </p>
        </div>
    }
}
