//! The app's pages, one module each, and the route table.

pub mod gallery;
pub mod home;
pub mod not_found;

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

/// Every route of the app. Unknown paths show [`not_found::NotFound`].
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=not_found::NotFound>
            <Route path=path!("/") view=home::Home />
            <Route path=path!("/gallery") view=gallery::GalleryIndex />
            <Route path=path!("/gallery/:component") view=gallery::GalleryComponent />
            <Route path=path!("/gallery/:component/:example") view=gallery::GalleryExample />
        </Routes>
    }
}
