//! The document title: each page of a single-page app says what it is in
//! the browser's tab and history, as a full page load would (WCAG 2.4.2
//! Page Titled), followed by the service's name.

use leptos::prelude::*;

/// The service's name, for every page's title ("Find a patient – Ward
/// tools"): provided once by the app, so the library names no app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceName(pub &'static str);

impl ServiceName {
    /// Puts the name in context for the pages below.
    pub fn provide(self) {
        provide_context(self);
    }

    /// The name in context, if the app gave one.
    pub fn current() -> Option<&'static str> {
        use_context::<Self>().map(|s| s.0)
    }
}

/// `"Find a patient – Ward tools"`; the start page (an empty `page`) is the
/// service's name alone.
pub fn document_title(page: &str, service: &str) -> String {
    match (page.is_empty(), service.is_empty()) {
        (true, _) => service.to_string(),
        (false, true) => page.to_string(),
        (false, false) => format!("{page} – {service}"),
    }
}

/// Sets the document title while this page is shown: `text`, then the
/// [`ServiceName`] in context.
#[component]
pub fn PageTitle(
    /// The page's own title; empty for the start page.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let service = ServiceName::current().unwrap_or_default();
    Effect::new(move || document().set_title(&document_title(&text.get(), service)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_page_then_the_service() {
        assert_eq!(document_title("", "Bedside"), "Bedside");
        assert_eq!(
            document_title("Page not found", "Bedside"),
            "Page not found – Bedside"
        );
        assert_eq!(document_title("Button", ""), "Button");
    }
}
