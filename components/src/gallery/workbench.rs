//! The gallery's workbench: an example whose props a designer changes in
//! place ([`crate::docs::Workbench`]), drawn again as they type, with the
//! address holding what they changed (so a reload or a shared link shows
//! the same), the markup it makes (to copy into the NHS prototype kit) and
//! the Rust call that makes it.

use leptos::prelude::*;

use crate::docs::{Example, Preset, Prop, PropKind, Props, Workbench};
use crate::nav::{Navigator, Path};
use crate::ui::{
    Button, ButtonVariant, Choice, ChoiceItem, Details, ErrorMessage, Input, LabelSize, Radios,
    Select, SelectOption, Textarea,
};

stylance::import_crate_style!(style, "src/gallery/workbench.module.css");

/// The address parameter naming the example the other parameters are for.
const EXAMPLE: &str = "example";

/// `example` drawn from values a designer can change (`preset` is where
/// they start), in place of its fixed render.
#[component]
pub fn ExampleWorkbench(
    /// The component's workbench.
    workbench: Workbench,
    /// The example.
    example: &'static Example,
    /// Its values.
    preset: &'static Preset,
    /// Its class and data attributes, as the frame draws them.
    preview_class: String,
) -> impl IntoView {
    let here = untrack(|| Navigator::expect().path());
    // The address's values are this example's only if it names it.
    let ours = here.query_param(EXAMPLE).as_deref() == Some(example.name);
    let start = if ours {
        workbench.values_from(preset, |name| here.query_param(name))
    } else {
        workbench.values(preset)
    };
    let fields: Vec<(Prop, RwSignal<String>)> = workbench
        .props
        .iter()
        .map(|prop| (*prop, RwSignal::new(start.text(prop.name))))
        .collect();
    let values = {
        let fields = fields.clone();
        Memo::new(move |_| {
            let mut props = Props::default();
            for (prop, value) in &fields {
                props.set(prop.name, value.get());
            }
            props
        })
    };
    // Each change goes into the address (replacing it: typing is not
    // history), so the page can be shared or reloaded as it is. Straight
    // into the history, not through the router: the page stays the same,
    // and a value may hold what the router refuses in an address it is
    // given (a line break in JSON).
    Effect::watch(
        move || values.get(),
        move |props, _, _| {
            let pairs = workbench.query(preset, props);
            replace_address(&address(&here, example.name, &pairs));
        },
        false,
    );
    let preview = NodeRef::<leptos::html::Div>::new();
    let html = RwSignal::new(String::new());
    Effect::new(move |_| {
        values.track();
        if let Some(node) = preview.get() {
            html.set(without_comments(&node.inner_html()));
        }
    });
    let rust = move || workbench.rust(&values.get());
    let copied = RwSignal::new(None::<&'static str>);
    let copy = move |_| {
        copied.set(None);
        let text = html.get_untracked();
        leptos::task::spawn_local(async move {
            copied.set(Some(if copy_text(&text).await {
                "The HTML is copied."
            } else {
                "The HTML could not be copied: select it and copy it."
            }));
        });
    };
    let open = RwSignal::new(ours);
    let id = format!("{}-props", example.name);
    view! {
        <div class=preview_class data-example=example.name node_ref=preview>
            {move || match (workbench.render)(&values.get()) {
                Ok(view) => view,
                Err(problem) => view! {
                    <ErrorMessage>{format!("These props cannot be drawn: {problem}")}</ErrorMessage>
                }.into_any(),
            }}
        </div>
        <Details summary="Change its props" open=open class=style::panel>
            <div class=style::fields id=id>
                {fields.into_iter().map(|(prop, value)| field(example.name, prop, value)).collect_view()}
            </div>
        </Details>
        <Details summary="HTML, for the NHS prototype kit" class=style::panel>
            <pre class=style::code><code data-testid="example-html">{move || html.get()}</code></pre>
            <Button variant=ButtonVariant::Secondary small=true on_click=Callback::new(copy)>"Copy the HTML"</Button>
            <p class="nhsuk-body-s" role="status">{move || copied.get()}</p>
        </Details>
        <Details summary="Rust" class=style::panel>
            <pre class=style::code><code data-testid="example-rust">{rust}</code></pre>
        </Details>
    }
}

/// One prop's field, named after the example so several on a page differ.
fn field(example: &str, prop: Prop, value: RwSignal<String>) -> AnyView {
    let name = format!("{example}-{}", prop.name);
    let label = prop.label.to_string();
    match prop.kind {
        PropKind::Text => view! { <Input name=name label=label label_size=LabelSize::S value=value /> }.into_any(),
        PropKind::Number => view! {
            <Input name=name label=label label_size=LabelSize::S value=value inputmode="decimal" />
        }
        .into_any(),
        PropKind::Flag => view! {
            <Radios
                name=name
                legend=label
                legend_size=LabelSize::S
                inline=true
                small=true
                items=vec![ChoiceItem::from(Choice::new("true", "Yes")), ChoiceItem::from(Choice::new("false", "No"))]
                value=value
            />
        }
        .into_any(),
        PropKind::Choice { variants, .. } => {
            let options: Vec<SelectOption> = variants.iter().map(|v| SelectOption::new(*v, *v)).collect();
            view! { <Select name=name label=label label_size=LabelSize::S options=options value=value /> }.into_any()
        }
        PropKind::Json { .. } => {
            let error = Signal::derive(move || {
                value.with(|text| {
                    serde_json::from_str::<serde_json::Value>(text)
                        .err()
                        .map(|e| format!("This is not JSON: {e}"))
                })
            });
            view! {
                <Textarea name=name label=label label_size=LabelSize::S value=value rows=8 error=error spellcheck=false />
            }
            .into_any()
        }
    }
}

/// The page's address with `example` and its changed props in the query
/// (none changed: the plain address).
fn address(path: &Path, example: &str, pairs: &[(&'static str, String)]) -> String {
    let base = format!("/{}", path.segments().join("/"));
    if pairs.is_empty() {
        return base;
    }
    let mut all = vec![(EXAMPLE, example)];
    all.extend(pairs.iter().map(|(n, v)| (*n, v.as_str())));
    format!("{base}?{}", crate::url::form(&all))
}

/// Replaces the address bar's address (this page's own path, built here).
fn replace_address(href: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = href;
}

/// Markup without the comments Leptos marks its dynamic places with.
fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Puts `text` on the clipboard; whether it could.
async fn copy_text(text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else {
            return false;
        };
        let promise = window.navigator().clipboard().write_text(text);
        wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_names_the_example_and_what_changed() {
        let path = Path::from_href("/gallery/button?example=small&small=false");
        assert_eq!(address(&path, "secondary", &[]), "/gallery/button");
        assert_eq!(
            address(
                &path,
                "secondary",
                &[
                    ("variant", "Warning".into()),
                    ("children", "Delete it".into())
                ]
            ),
            "/gallery/button?example=secondary&variant=Warning&children=Delete%20it"
        );
    }

    #[test]
    fn leptos_markers_are_left_out_of_the_markup() {
        assert_eq!(without_comments("<a><!---->x<!-- y --></a>"), "<a>x</a>");
        assert_eq!(without_comments("<b>open <!-- never closed"), "<b>open ");
    }
}
