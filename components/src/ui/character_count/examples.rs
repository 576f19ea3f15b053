//! Character count's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use leptos::tachys::view::add_attr::AddAnyAttr;
use crate::gallery::samples::NO_PERSONAL;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{HeadingLevel, LabelSize};

/// The gallery page and tests for [`CharacterCount`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "character-count",
    title: "Character count",
    summary: "A textarea with a limit, saying how much is left as you type.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Up to 200 characters, with a hint.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <CharacterCount
                        name="example"
                        label="Can you provide more detail?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        hint=|| NO_PERSONAL
                        limit=200
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "words",
            title: "Counting words",
            description: "A limit in words, for a summary.",
            hidden: false,
            nhsuk_fixture: Some("with count type 'words'"),
            render: || {
                view! {
                    <CharacterCount
                        name="example"
                        id="with-words-count-type"
                        label="Enter a job description"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        limit=50
                        count_type=CountType::Words
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "threshold",
            title: "With threshold",
            description: "The count shows only from 75% of the limit.",
            hidden: false,
            nhsuk_fixture: Some("with threshold"),
            render: || {
                let value = RwSignal::new(
                    "Type another letter into this field after this message to see the threshold feature"
                        .to_string(),
                );
                view! {
                    <CharacterCount
                        name="example"
                        id="with-threshold"
                        label="Can you provide more detail?"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        value=value
                        limit=112
                        threshold=75
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "error",
            title: "Over the limit, with an error message",
            description: "Nothing typed is cut off: the excess is counted and the form's check says what to do.",
            hidden: false,
            nhsuk_fixture: Some("with error message"),
            render: || {
                let value = RwSignal::new(JOB_DESCRIPTION.to_string());
                view! {
                    <CharacterCount
                        name="example"
                        id="with-error-message"
                        label="Enter a job description"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        error="Job description must be 350 characters or less"
                        value=value
                        limit=350
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "words-error",
            title: "Over a word limit",
            description: "Too many words, with an error message.",
            hidden: true,
            nhsuk_fixture: Some("with count type 'words' and error message"),
            render: || {
                let value = RwSignal::new(JOB_DESCRIPTION.to_string());
                view! {
                    <CharacterCount
                        name="example"
                        id="with-words-count-type-error-message"
                        label="Enter a job description"
                        label_size=LabelSize::L
                        label_heading=HeadingLevel::H1
                        error="Job description must be 40 words or less"
                        value=value
                        limit=51
                        count_type=CountType::Words
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Attributes land on the form group, classes on the textarea.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <CharacterCount
                        name="handover"
                        label="Handover note"
                        class="app-handover"
                        limit=500
                        attr:data-test="character-count"
                    />
                }
                .into_any()
            },
        },
    ],
};

/// nhsuk-frontend's example answer, over most of its examples' limits.
const JOB_DESCRIPTION: &str = "\u{1F469}\u{1F3FB}\u{200D}\u{1F680} A content designer works on the end-to-end journey of a service to help users complete their goal and government deliver a policy intent. Their work may involve the creation of, or change to, a transaction, product or single piece of content that stretches across digital and offline channels. They make sure appropriate content is shown to a user in the right place and in the best format.";
