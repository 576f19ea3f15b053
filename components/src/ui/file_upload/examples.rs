//! File upload's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{HeadingLevel, LabelSize};

/// The gallery page and tests for [`FileUpload`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "file-upload",
    title: "File upload",
    summary: "A file to send, with the browser's own chooser.",
    workbench: None,
    examples: &[
        Example {
            name: "with-hint",
            title: "With hint",
            description: "The question as the page's heading, with where to look.",
            hidden: false,
            nhsuk_fixture: Some("with hint"),
            render: || {
                view! {
                    <FileUpload
                        name="file-upload"
                        label="Upload your photo"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        hint=|| "Your photo may be in your Pictures, Photos, Downloads or Desktop folder"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-error-message",
            title: "With error message",
            description: "The file chosen was the wrong kind.",
            hidden: false,
            nhsuk_fixture: Some("with error message"),
            render: || {
                view! {
                    <FileUpload
                        name="file-upload"
                        label="Upload a file"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        error="The selected file must be a JPG, BMP or TIF"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "wound-photos",
            title: "Photos of a wound",
            description: "Several photos at once, of the kinds the record accepts.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <FileUpload
                        name="wound-photos"
                        label="Photos of the wound"
                        hint=|| "JPG or PNG, up to 10 MB each. Do not include the patient's face."
                        multiple=true
                        accept=".jpg,.jpeg,.png"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes land on the input, other attributes on the form group.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <FileUpload
                        class="app-file"
                        name="letter"
                        label="Referral letter"
                        attr:data-test="file-upload"
                    />
                }
                .into_any()
            },
        },
    ],
};
