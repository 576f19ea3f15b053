//! The page for addresses that match nothing, in the NHS.UK "page not found" pattern.

use bedside::ui::PageNotFound;
use leptos::prelude::*;

use crate::{PageTitle, SERVICE_NAME};

/// Any unknown path.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageTitle text="Page not found" />
        <PageNotFound home_href="/" home_text=format!("the {SERVICE_NAME} start page") />
    }
}
