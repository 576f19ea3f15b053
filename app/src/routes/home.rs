//! The start page. Signed out: sign in. Signed in: the launcher, which is
//! in the `workspace` split point with the tools (`crate::workspace`), so
//! the first load is the shell and the sign-in page only. Signed out, the
//! page fetches, once painted and while the user reads it, the sign-in code
//! and the launcher's own small file, so that neither "Sign in" nor the page
//! the sign-in service sends the user back to waits for them (the launcher
//! comes from the browser's cache there); the tools come later.

use bedside::on_demand::{OnDemand, prefetch, ready, when_idle};
use bedside::session::{SessionBroker, SessionGate, Status};
use leptos::prelude::*;

use crate::PageTitle;
use crate::workspace::{load_workspace, workspace};

/// `/` (and the sign-in addresses `/auth/callback/<organisation>` and `/launch`).
#[component]
pub fn Home() -> impl IntoView {
    // Once the sign-in page is shown (the broker starts by reading the
    // settings), and only there: signed in, the page below loads it at once;
    // a sign-in pop-up or a callback page has no use for it.
    let broker = SessionBroker::expect();
    Effect::new(move |asked: Option<bool>| {
        if asked == Some(true) {
            return true;
        }
        let signed_out = matches!(broker.status(), Status::SignedOut { .. });
        if signed_out {
            when_idle(|| prefetch(load_workspace()));
        }
        signed_out
    });
    view! {
        <PageTitle text="" />
        <SessionGate>
            <OnDemand what="your tools" load=load_workspace first_styles_only=true>
                {|| ready(workspace(None))}
            </OnDemand>
        </SessionGate>
    }
}
