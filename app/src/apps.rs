//! Other vendors' SMART apps: the launcher's list and each patient page's
//! "Open in …" ([`bedside::apps`]), one split point (`apps`) in the patient
//! tools' group, so neither the first page nor the sign-in pays for them.

use bedside::apps::{LaunchFor, OtherApps, use_app_catalogue};
use bedside::on_demand::{QuietlyOnDemand, SplitLoaderError, ready, wasm_split};
use leptos::prelude::*;

/// The organisation's apps for `target`, under `heading`; nothing where it
/// has none.
#[wasm_split(apps, preload(load_apps), fallible)]
fn other_apps(target: LaunchFor, heading: &'static str) -> Result<AnyView, SplitLoaderError> {
    Ok(match use_app_catalogue() {
        None => ().into_any(),
        Some(Err(problem)) => view! {
            <h2>{heading}</h2>
            <p class="nhsuk-body" data-testid="apps-problem">{problem.to_string()}</p>
        }
        .into_any(),
        Some(Ok(catalogue)) => {
            view! { <OtherApps catalogue=catalogue target=target heading=heading /> }.into_any()
        }
    })
}

/// [`other_apps`] once its code is here.
#[component]
pub fn AppsFor(
    /// Whom the apps open for.
    target: LaunchFor,
    /// The list's heading.
    heading: &'static str,
) -> impl IntoView {
    view! {
        // Code on demand, shown once here with the later stylesheet: the
        // page around it never waits for it.
        <div data-on-demand="apps">
            <QuietlyOnDemand what="the other apps" load=load_apps>
                {
                    let target = target.clone();
                    move || ready(other_apps(target.clone(), heading))
                }
            </QuietlyOnDemand>
        </div>
    }
}
