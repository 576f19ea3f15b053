//! The frame the gallery draws round one example.

use leptos::prelude::*;

use crate::docs::{Example, Workbench};
use crate::gallery::workbench::ExampleWorkbench;
use crate::ui::AmongOthers;

stylance::import_crate_style!(style, "src/gallery/example_frame.module.css");

/// One example with its heading, description, live preview and a link to its
/// standalone page.
#[component]
pub fn ExampleFrame(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The component's slug, for the standalone link.
    #[prop(into)]
    component: String,
    /// The example to show.
    example: &'static Example,
    /// Heading level for the title (the gallery nests examples under an `h2`).
    #[prop(optional, default = 3)]
    heading_level: u8,
    /// The component's workbench: with values for this example, its props
    /// can be changed in place.
    #[prop(default = None)]
    workbench: Option<Workbench>,
) -> impl IntoView {
    // A frame is shown beside other examples (the component's page; an
    // example's own page renders it bare): nothing may take focus on
    // appearing, or the page would jump to the last of them.
    provide_context(AmongOthers);
    let href = format!("/gallery/{component}/{}", example.name);
    let title = example.title;
    let heading = match heading_level {
        2 => view! { <h2 class="nhsuk-heading-m">{title}</h2> }.into_any(),
        _ => view! { <h3 class="nhsuk-heading-s">{title}</h3> }.into_any(),
    };
    // Light-on-dark variants are invisible on a white stage.
    let preview_class = if example.name.contains("reverse") {
        format!(
            "{} {}",
            style::bedside_example__preview,
            style::bedside_example__preview__dark
        )
    } else {
        style::bedside_example__preview.to_string()
    };
    view! {
        <section
            class=move || crate::ui::class_list(style::bedside_example, class.get())
            aria-label=title
        >
            {heading}
            {match workbench.and_then(|w| w.preset(example.name).map(|p| (w, p))) {
                Some((workbench, preset)) => view! {
                    <ExampleWorkbench workbench=workbench example=example preset=preset preview_class=preview_class />
                }
                .into_any(),
                None => view! {
                    <div class=preview_class data-example=example.name>
                        {(example.render)()}
                    </div>
                }
                .into_any(),
            }}
            <p class=format!("nhsuk-body-s {}", style::bedside_example__meta)>
                {example.description}
                " "
                <a href=href>"Open “" {title} "” on its own page"</a>
            </p>
        </section>
    }
}
