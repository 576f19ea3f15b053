//! Contents list's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`ContentsList`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "contents-list",
    title: "Contents list",
    summary: "The pages of a guide, with the one the user is on marked.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A guide's pages; the current one is not a link.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <ContentsList items=amd() /> }.into_any(),
        },
        Example {
            name: "with-nested-lists",
            title: "With nested lists",
            description: "Sections under a chapter.",
            hidden: true,
            nhsuk_fixture: Some("with nested lists"),
            render: || {
                let items = vec![
                    ContentsItem::link("Chapter 1", "#"),
                    ContentsItem::link("Chapter 2", "#").with_items(vec![
                        ContentsItem::link("Section 2.1", "#"),
                        ContentsItem::link("Section 2.2", "#"),
                    ]),
                    ContentsItem::link("Chapter 3", "#"),
                ];
                view! { <ContentsList items=items /> }.into_any()
            },
        },
        Example {
            name: "with-visually-hidden-text",
            title: "With visually hidden text",
            description: "Another heading for screen readers.",
            hidden: true,
            nhsuk_fixture: Some("with visually hidden text"),
            render: || view! { <ContentsList items=amd() heading="Table of contents" /> }.into_any(),
        },
        Example {
            name: "sepsis-pathway",
            title: "A care pathway",
            description: "A protocol across pages, on its second step.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let items = vec![
                    ContentsItem::link("Screening for sepsis", "#"),
                    ContentsItem::current("Within the first hour"),
                    ContentsItem::link("Escalation", "#"),
                    ContentsItem::link("Review at 6 hours", "#"),
                ];
                view! { <ContentsList items=items label="Steps of the sepsis pathway" /> }
                    .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the list.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <ContentsList class="app-contents" id="guide" attr:data-test="contents" items=amd() />
                }
                .into_any()
            },
        },
    ],
};

fn amd() -> Vec<ContentsItem> {
    vec![
        ContentsItem::current("What is AMD?"),
        ContentsItem::link("Symptoms", "#"),
        ContentsItem::link("Getting diagnosed", "#"),
        ContentsItem::link("Treatments", "#"),
        ContentsItem::link("Living with AMD", "#"),
    ]
}
