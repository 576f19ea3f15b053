//! Task list's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::ui::TagColour;

/// The gallery page and tests for [`TaskList`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "task-list",
    title: "Task list",
    summary: "The tasks a longer job is made of, and where each stands.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Done, still to do, and a task waiting on another.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <TaskList id_prefix="your-health" items=your_health() /> }.into_any(),
        },
        Example {
            name: "discharge",
            title: "Discharging a patient",
            description: "A discharge's tasks, one flagged for review.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let items = vec![
                    TaskItem::new("Discharge summary", TaskStatus::Completed).href("#/discharge/summary"),
                    TaskItem::new(
                        "Medicines to take home",
                        TaskStatus::Tag("Needs pharmacist review".into(), TagColour::Orange),
                    )
                    .href("#/discharge/medicines")
                    .hint("Paracetamol, lansoprazole and 2 more"),
                    TaskItem::new("Transport home", TaskStatus::Incomplete).href("#/discharge/transport"),
                    TaskItem::new("Follow-up appointment", TaskStatus::CannotStartYet)
                        .hint("After the discharge summary is signed"),
                ];
                view! { <TaskList id_prefix="discharge" items=items /> }.into_any()
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
                    <TaskList
                        class="app-tasks"
                        id="tasks"
                        attr:data-test="tasks"
                        items=vec![TaskItem::new("Admission", TaskStatus::Incomplete).href("#")]
                    />
                }
                .into_any()
            },
        },
    ],
};

/// nhsuk-frontend's example: sections of a health questionnaire.
fn your_health() -> Vec<TaskItem> {
    vec![
        TaskItem::new("Exercise", TaskStatus::Completed).href("#/task/exercise"),
        TaskItem::new("Personal health", TaskStatus::Completed).href("#/task/personal-health"),
        TaskItem::new("Family health history", TaskStatus::Incomplete)
            .href("#/task/family-health-history")
            .hint("Details of your parents, brothers and sisters"),
        TaskItem::new("Smoking history", TaskStatus::Incomplete).href("#/task/smoking-history"),
        TaskItem::new("Blood test", TaskStatus::CannotStartYet),
    ]
}
