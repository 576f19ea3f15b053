//! The start page. Signed out: sign in. Signed in: the launcher, which is
//! in the `workspace` split point with the tools (`crate::workspace`), so
//! the first load is the shell and the sign-in page only. Its code is
//! fetched once the user has signed in, not before: a ward PC left on the
//! sign-in page downloads the sign-in code (once the page is painted, so
//! "Sign in" does not wait for it) and nothing more.

use bedside::on_demand::{OnDemand, ready};
use bedside::session::SessionGate;
use leptos::prelude::*;

use crate::PageTitle;
use crate::workspace::{load_workspace, workspace};

/// `/` (and the sign-in addresses `/auth/callback/<organisation>` and `/launch`).
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <PageTitle text="" />
        <SessionGate>
            <OnDemand what="your tools" load=load_workspace first_styles_only=true>
                {|| ready(workspace(None))}
            </OnDemand>
        </SessionGate>
    }
}
