#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::ui::{Tag, TagColour};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// Where a task stands, as nhsuk-frontend's task list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskStatus {
    /// Done: in plain text, so the tasks still to do stand out.
    Completed,
    /// Started or not, still to do: in a blue tag.
    Incomplete,
    /// Waiting on another task: in secondary text, and the task is not a
    /// link.
    CannotStartYet,
    /// Any other status, in a tag of this colour ("Needs review", red).
    Tag(String, TagColour),
}

/// One task: its name, where it stands, and (unless it cannot start yet) a
/// link to do it.
#[derive(Debug, Clone)]
pub struct TaskItem {
    heading: String,
    status: TaskStatus,
    href: Option<String>,
    hint: Option<String>,
}

impl TaskItem {
    /// A task named `heading`, standing at `status`.
    pub fn new(heading: impl Into<String>, status: TaskStatus) -> Self {
        Self {
            heading: heading.into(),
            status,
            href: None,
            hint: None,
        }
    }

    /// Where the user does the task.
    pub fn href(mut self, href: impl Into<String>) -> Self {
        self.href = Some(href.into());
        self
    }

    /// More about the task, below its name.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

fn status_view(status: TaskStatus) -> AnyView {
    match status {
        TaskStatus::Completed => view! {
            <Tag colour=TagColour::NoColour borderless=true class="nhsuk-u-font-weight-normal">
                "Completed"
            </Tag>
        }
        .into_any(),
        TaskStatus::Incomplete => view! { <Tag colour=TagColour::Blue>"Incomplete"</Tag> }.into_any(),
        TaskStatus::CannotStartYet => view! {
            <Tag
                colour=TagColour::NoColour
                borderless=true
                class="nhsuk-u-font-weight-normal nhsuk-u-secondary-text-colour"
            >
                "Cannot start yet"
            </Tag>
        }
        .into_any(),
        TaskStatus::Tag(text, colour) => view! { <Tag colour=colour>{text}</Tag> }.into_any(),
    }
}

/// An NHS.UK task list: the tasks a longer job is made of (a patient's
/// admission, a discharge), each with where it stands, so the user sees
/// what is done and what is left, and can do them in any order.
///
/// A task's link is described by its hint and its status, so a screen
/// reader moving through the links hears "Medicines reconciliation,
/// Incomplete". A task that cannot start yet is not a link.
#[component]
pub fn TaskList(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The list's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// How the tasks' hint and status ids begin: `task-list` unless given.
    /// Two lists on one page need different ones.
    #[prop(optional, into)]
    id_prefix: Option<String>,
    /// The tasks, in order.
    items: Vec<TaskItem>,
) -> impl IntoView {
    let prefix = id_prefix.unwrap_or_else(|| "task-list".into());
    let items = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let hint_id = format!("{prefix}-{}-hint", i + 1);
            let status_id = format!("{prefix}-{}-status", i + 1);
            let link = item.href.filter(|_| item.status != TaskStatus::CannotStartYet);
            let item_class = if link.is_some() {
                "nhsuk-task-list__item nhsuk-task-list__item--with-link"
            } else {
                "nhsuk-task-list__item"
            };
            let name = match link {
                Some(href) => {
                    let described_by = match item.hint {
                        Some(_) => format!("{hint_id} {status_id}"),
                        None => status_id.clone(),
                    };
                    view! {
                        <a class="nhsuk-task-list__link nhsuk-link" href=href aria-describedby=described_by>
                            {item.heading}
                        </a>
                    }
                    .into_any()
                }
                None => view! { <div>{item.heading}</div> }.into_any(),
            };
            view! {
                <li class=item_class>
                    <div class="nhsuk-task-list__name-and-hint">
                        {name}
                        {item
                            .hint
                            .map(|h| view! { <div class="nhsuk-task-list__hint" id=hint_id>{h}</div> })}
                    </div>
                    <div class="nhsuk-task-list__status" id=status_id>
                        {status_view(item.status)}
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class=move || crate::ui::class_list("nhsuk-task-list", class.get()) id=id>
            {items}
        </ul>
    }
}
