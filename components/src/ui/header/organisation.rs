//! The header with an organisation's name, in a file of its own: the
//! first stylesheet is built from `header/mod.rs`, and the app's header has
//! no organisation, so its rules arrive with the code that uses it.

use leptos::prelude::*;

use super::{HeaderParts, header_view};

/// The header's classes when it names an organisation.
pub(super) const CLASSES: &str = "nhsuk-header nhsuk-header--organisation";

/// The organisation beside the NHS logo, as the NHS identity guidelines
/// build an organisation's logotype: "Anytown Anyplace" and, on a line of
/// its own, "Anywhere", above "NHS Foundation Trust".
#[derive(Debug, Clone)]
pub struct Organisation {
    name: String,
    split: Option<String>,
    descriptor: Option<String>,
}

impl Organisation {
    /// An organisation called `name` ("Leeds Teaching Hospitals").
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            split: None,
            descriptor: None,
        }
    }

    /// The end of a long name, set on a line of its own.
    pub fn split(mut self, split: impl Into<String>) -> Self {
        self.split = Some(split.into());
        self
    }

    /// What kind of organisation, under the name ("NHS Trust").
    pub fn descriptor(mut self, descriptor: impl Into<String>) -> Self {
        self.descriptor = Some(descriptor.into());
        self
    }

    /// The header: the organisation's name, then the service's if it has
    /// one. The home link says all the words it shows, the descriptor too,
    /// where nhsuk-frontend's leaves the descriptor out: WCAG 2.5.3 (Label
    /// in Name, level A) asks that a link's name contain its visible text,
    /// so a speech user can say what they see.
    pub(super) fn header(self, parts: HeaderParts) -> impl IntoView {
        let service_name = parts.service_name;
        let spoken = [Some(&self.name), self.split.as_ref(), self.descriptor.as_ref()]
            .into_iter()
            .flatten()
            .fold(String::new(), |words, word| words + word + " ");
        let label = move || {
            let service = service_name.get();
            let gap = if service.is_empty() { "" } else { " " };
            format!("NHS {spoken}{service}{gap}homepage")
        };
        let service = move || {
            let name = service_name.get();
            (!name.is_empty())
                .then(|| view! { <span class="nhsuk-header__service-name">{name}</span> })
        };
        let split = self.split.map(|split| {
            view! {
                " "
                <span class="nhsuk-header__organisation-name-split">{split}</span>
            }
        });
        let descriptor = self.descriptor.map(|descriptor| {
            view! { <span class="nhsuk-header__organisation-name-descriptor">{descriptor}</span> }
        });
        // Spaces between the parts, which nhsuk-frontend's markup runs
        // together ("AnywhereNHS Foundation Trust"): the link's text must
        // read as its name does.
        let names = view! {
            <span class="nhsuk-header__organisation-name">{self.name} {split}</span>
            " "
            {descriptor}
            " "
            {service}
        };
        header_view(parts, CLASSES, label, names)
    }
}
