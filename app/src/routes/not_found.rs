//! The page for addresses that match nothing, in the NHS.UK "page not found" pattern.

use crate::PageTitle;
use leptos::prelude::*;

/// Any unknown path.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageTitle text="Page not found" />
        <h1>"Page not found"</h1>
        <p>"If you entered a web address, check it is correct."</p>
        <p>"If you pasted the web address, check you copied the whole address."</p>
        <p>
            "If the web address is correct or you selected a link, "
            <a href="/">"go to the Bedside start page"</a>
            "."
        </p>
    }
}
