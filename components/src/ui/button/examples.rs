//! Button's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example, Preset, Prop, PropKind, Props, Workbench};

/// The gallery page and tests for [`Button`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "button",
    title: "Button",
    summary: "Lets users carry out an action, such as saving an observation or signing in.",
    workbench: Some(Workbench {
        component: "Button",
        props: &[
            Prop {
                name: "variant",
                label: "Variant",
                kind: PropKind::Choice { rust_type: "ButtonVariant", variants: VARIANT_NAMES },
                default: "Primary",
            },
            Prop { name: "small", label: "Small", kind: PropKind::Flag, default: "false" },
            Prop { name: "disabled", label: "Disabled", kind: PropKind::Flag, default: "false" },
            Prop { name: "children", label: "Text", kind: PropKind::Text, default: "Save and continue" },
        ],
        presets: &[
            Preset { example: "default", values: &[] },
            Preset { example: "small", values: &[("small", "true")] },
            Preset { example: "disabled", values: &[("disabled", "true"), ("children", "Disabled button")] },
            Preset { example: "secondary", values: &[("variant", "Secondary"), ("children", "Find my location")] },
            Preset { example: "secondary-solid", values: &[("variant", "SecondarySolid"), ("children", "Find my location")] },
            Preset { example: "reverse", values: &[("variant", "Reverse"), ("children", "Log out")] },
            Preset { example: "warning", values: &[("variant", "Warning"), ("children", "Yes, delete this vaccine")] },
        ],
        render: workbench,
        rust: None,
    }),
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "The primary action on a page.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <Button>"Save and continue"</Button> }.into_any(),
        },
        Example {
            name: "small",
            title: "Small",
            description: "For dense screens such as ward lists.",
            hidden: false,
            nhsuk_fixture: Some("default, small"),
            render: || view! { <Button small=true>"Save and continue"</Button> }.into_any(),
        },
        Example {
            name: "disabled",
            title: "Disabled",
            description: "Avoid where you can: say why the action is unavailable instead.",
            hidden: false,
            nhsuk_fixture: Some("disabled"),
            render: || view! { <Button disabled=true>"Disabled button"</Button> }.into_any(),
        },
        Example {
            name: "secondary",
            title: "Secondary",
            description: "Actions that are not the main one on the page.",
            hidden: false,
            nhsuk_fixture: Some("secondary"),
            render: || {
                view! { <Button variant=ButtonVariant::Secondary>"Find my location"</Button> }
                    .into_any()
            },
        },
        Example {
            name: "secondary-solid",
            title: "Secondary, solid background",
            description: "A secondary action on a white or coloured panel.",
            hidden: false,
            nhsuk_fixture: Some("secondary, solid background"),
            render: || {
                view! { <Button variant=ButtonVariant::SecondarySolid>"Find my location"</Button> }
                    .into_any()
            },
        },
        Example {
            name: "reverse",
            title: "Reverse",
            description: "For dark backgrounds.",
            hidden: false,
            nhsuk_fixture: Some("reverse"),
            render: || {
                view! { <Button variant=ButtonVariant::Reverse>"Log out"</Button> }.into_any()
            },
        },
        Example {
            name: "warning",
            title: "Warning",
            description: "Actions that delete or cannot be undone.",
            hidden: false,
            nhsuk_fixture: Some("warning"),
            render: || {
                view! { <Button variant=ButtonVariant::Warning>"Yes, delete this vaccine"</Button> }
                    .into_any()
            },
        },
        Example {
            name: "login",
            title: "Login",
            description: "Signing in with NHS login.",
            hidden: false,
            nhsuk_fixture: Some("login"),
            render: || {
                view! { <Button variant=ButtonVariant::Login>"Continue"</Button> }.into_any()
            },
        },
        Example {
            name: "as-a-link",
            title: "As a link",
            description: "Navigation that looks like an action. Space activates it, as it does a button.",
            hidden: false,
            nhsuk_fixture: Some("as a link"),
            render: || view! { <Button href="#">"Link button"</Button> }.into_any(),
        },
        Example {
            name: "prevent-double-click",
            title: "Prevent double click",
            description: "A second click within one second is ignored, so a form is not submitted twice.",
            hidden: false,
            nhsuk_fixture: Some("with double click prevented"),
            render: || {
                view! { <Button prevent_double_click=true>"Save and continue"</Button> }.into_any()
            },
        },
        Example {
            name: "warning-link-small",
            title: "Warning link, small",
            description: "Test-only: modifiers combine on a link.",
            hidden: true,
            nhsuk_fixture: Some("warning as a link, small"),
            render: || {
                view! {
                    <Button variant=ButtonVariant::Warning small=true href="#">
                        "Yes, delete this vaccine"
                    </Button>
                }
                .into_any()
            },
        },
    ],
};

/// The variants, by name, for the workbench: in [`VARIANTS`]' order.
const VARIANT_NAMES: &[&str] = &["Primary", "Secondary", "SecondarySolid", "Reverse", "Warning", "Login"];
const VARIANTS: [ButtonVariant; 6] = [
    ButtonVariant::Primary,
    ButtonVariant::Secondary,
    ButtonVariant::SecondarySolid,
    ButtonVariant::Reverse,
    ButtonVariant::Warning,
    ButtonVariant::Login,
];

fn workbench(props: &Props) -> Result<AnyView, String> {
    let variant = VARIANTS[props.choice("variant", VARIANT_NAMES)];
    let (small, disabled, text) = (props.flag("small"), props.flag("disabled"), props.text("children"));
    Ok(view! {
        <Button variant=variant small=small disabled=disabled>
            {text}
        </Button>
    }
    .into_any())
}
