//! The start page. Signed out: sign in. Signed in: the launcher, which is
//! in the `workspace` split point with the tools (`crate::workspace`), so
//! the first load is the shell and the sign-in page only. Signed out, the
//! sign-in page fetches, once painted and while the user reads it, the
//! sign-in code and the launcher's own small file
//! (`BrokerOptions::prefetch_on_sign_in_page`: `workspace::prefetch_launcher`),
//! so that neither "Sign in" nor the page the sign-in service sends the user
//! back to waits for them; the tools come later.

use bedside::on_demand::{OnDemand, ready};
// Prototype mode: the scenario and persona chooser for a sign-in page.
#[cfg(feature = "prototype")]
use bedside::prototype::SessionGate;
#[cfg(not(feature = "prototype"))]
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
