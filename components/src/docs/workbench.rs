//! A component's props as data, so the gallery can let a designer change
//! them in place: the prop list, each example's values, the render from
//! values and the Rust call they make.
//!
//! A component opts in with `workbench: Some(…)` in its `DOCS`
//! (`examples.rs`, beside its examples). Values travel as text, as a form
//! and an address carry them; [`Props`] reads them as the kinds say.

use leptos::prelude::AnyView;
use serde::de::DeserializeOwned;

/// How a prop is edited, and written in Rust.
#[derive(Clone, Copy, Debug)]
pub enum PropKind {
    /// Words: a text field; a Rust string literal.
    Text,
    /// A number: a number field; written as typed.
    Number,
    /// Yes or no (`true`/`false`).
    Flag,
    /// One of an enum's variants, by name; `Type::Variant` in Rust.
    Choice {
        /// The enum's name (`ButtonVariant`).
        rust_type: &'static str,
        /// Its variants' names, in the order to offer them.
        variants: &'static [&'static str],
    },
    /// Structured data (a list, a FHIR resource) as JSON: a text area; in
    /// Rust, what `rust` makes of the JSON.
    Json {
        /// The Rust expression for a JSON value, `None` if it cannot be
        /// read.
        rust: fn(&str) -> Option<String>,
    },
}

/// One prop a designer can change.
#[derive(Clone, Copy, Debug)]
pub struct Prop {
    /// The prop's name in Rust (`variant`); `children` for the content
    /// between the tags.
    pub name: &'static str,
    /// The label on its field.
    pub label: &'static str,
    /// How it is edited.
    pub kind: PropKind,
    /// Its value when an example does not set it: the component's default
    /// (the Rust call leaves a prop at it out).
    pub default: &'static str,
}

/// The values one example starts from: the props it sets, the rest at
/// their defaults.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// The example's name.
    pub example: &'static str,
    /// `(prop, value)` for each prop it sets.
    pub values: &'static [(&'static str, &'static str)],
}

/// A component's workbench: its props, its examples' values, and how to
/// draw it from values.
#[derive(Clone, Copy)]
pub struct Workbench {
    /// The component's name in Rust (`Button`).
    pub component: &'static str,
    /// The props that can be changed.
    pub props: &'static [Prop],
    /// The examples whose props can be changed, with their values.
    pub presets: &'static [Preset],
    /// The component drawn with `props`, or what is wrong with them.
    pub render: fn(&Props) -> Result<AnyView, String>,
    /// The Rust that draws it, where its props are not the component's
    /// own (NEWS2's readings, which make its `score`); `None` for the
    /// `view!` call [`Workbench::rust`] writes from the props.
    pub rust: Option<fn(&Props) -> String>,
}

/// Prop values by name, as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Props(Vec<(String, String)>);

impl Props {
    /// The value of `name` (empty if unset).
    pub fn text(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// `name` as a flag: `true` only for `true`.
    pub fn flag(&self, name: &str) -> bool {
        self.text(name) == "true"
    }

    /// `name` as a number, or what is wrong with it.
    pub fn number<T: std::str::FromStr>(&self, name: &str) -> Result<T, String> {
        let text = self.text(name);
        text.trim()
            .parse()
            .map_err(|_| format!("{name} must be a number, not \"{text}\""))
    }

    /// `name` as JSON of `T`, or what is wrong with it.
    pub fn json<T: DeserializeOwned>(&self, name: &str) -> Result<T, String> {
        serde_json::from_str(&self.text(name)).map_err(|e| format!("{name}: {e}"))
    }

    /// `name` as one of `variants`: its position there (the first if it is
    /// none of them), for a table of the enum's values in the same order.
    pub fn choice(&self, name: &str, variants: &[&str]) -> usize {
        let text = self.text(name);
        variants.iter().position(|v| *v == text).unwrap_or(0)
    }

    /// Sets `name` to `value`.
    pub fn set(&mut self, name: &str, value: String) {
        match self.0.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = value,
            None => self.0.push((name.to_string(), value)),
        }
    }
}

impl Workbench {
    /// The preset of the example with this name, if it has one.
    pub fn preset(&self, example: &str) -> Option<&'static Preset> {
        self.presets.iter().find(|p| p.example == example)
    }

    /// The values `example` starts from: every prop's default, with the
    /// example's own values over them.
    pub fn values(&self, preset: &Preset) -> Props {
        let mut props = Props::default();
        for prop in self.props {
            let value = preset
                .values
                .iter()
                .find(|(n, _)| *n == prop.name)
                .map_or(prop.default, |(_, v)| *v);
            props.set(prop.name, value.to_string());
        }
        props
    }

    /// `preset`'s values with those an address gives (`?variant=Warning`)
    /// over them; names that are no prop are ignored.
    pub fn values_from(&self, preset: &Preset, query: impl Fn(&str) -> Option<String>) -> Props {
        let mut props = self.values(preset);
        for prop in self.props {
            if let Some(value) = query(prop.name) {
                props.set(prop.name, value);
            }
        }
        props
    }

    /// The query string for `props`: every prop that differs from
    /// `preset`'s value, so an address holds what was changed.
    pub fn query(&self, preset: &Preset, props: &Props) -> Vec<(&'static str, String)> {
        let start = self.values(preset);
        self.props
            .iter()
            .filter(|p| start.text(p.name) != props.text(p.name))
            .map(|p| (p.name, props.text(p.name)))
            .collect()
    }

    /// The Rust call that draws the component with `props`: each prop that
    /// is not at its default, the `children` between the tags.
    pub fn rust(&self, props: &Props) -> String {
        if let Some(rust) = self.rust {
            return rust(props);
        }
        let mut attributes = String::new();
        let mut children = None;
        for prop in self.props {
            let value = props.text(prop.name);
            let written = match prop.kind {
                PropKind::Text => format!("{value:?}"),
                PropKind::Number => value.trim().to_string(),
                PropKind::Flag => (value == "true").to_string(),
                PropKind::Choice { rust_type, .. } => format!("{rust_type}::{value}"),
                PropKind::Json { rust } => {
                    rust(&value).unwrap_or_else(|| "/* not valid JSON */".to_string())
                }
            };
            if prop.name == "children" {
                children = Some(written);
            } else if value != prop.default {
                attributes.push_str(&format!(" {}={}", prop.name, braced(&written)));
            }
        }
        match children {
            Some(children) => format!(
                "view! {{ <{c}{attributes}>{children}</{c}> }}",
                c = self.component
            ),
            None => format!("view! {{ <{}{attributes} /> }}", self.component),
        }
    }
}

/// An attribute value as `view!` takes it: a literal or path as it is, any
/// other expression in braces.
fn braced(expression: &str) -> String {
    let simple = expression.starts_with('"')
        || expression
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '.' | '-'));
    if simple {
        expression.to_string()
    } else {
        format!("{{{expression}}}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::prelude::IntoAny;

    const VARIANTS: &[&str] = &["Primary", "Secondary", "Warning"];

    fn bench() -> Workbench {
        Workbench {
            component: "Button",
            props: &[
                Prop {
                    name: "variant",
                    label: "Variant",
                    kind: PropKind::Choice {
                        rust_type: "ButtonVariant",
                        variants: VARIANTS,
                    },
                    default: "Primary",
                },
                Prop {
                    name: "small",
                    label: "Small",
                    kind: PropKind::Flag,
                    default: "false",
                },
                Prop {
                    name: "items",
                    label: "Items",
                    kind: PropKind::Json {
                        rust: |json| {
                            serde_json::from_str::<Vec<String>>(json)
                                .ok()
                                .map(|v| format!("vec!{v:?}"))
                        },
                    },
                    default: "[]",
                },
                Prop {
                    name: "children",
                    label: "Text",
                    kind: PropKind::Text,
                    default: "",
                },
            ],
            presets: &[Preset {
                example: "secondary",
                values: &[
                    ("variant", "Secondary"),
                    ("children", "Find \"my\" location"),
                ],
            }],
            render: |_| Ok(().into_any()),
            rust: None,
        }
    }

    #[test]
    fn an_examples_values_are_its_own_over_the_defaults() {
        let bench = bench();
        let preset = bench.preset("secondary").expect("a preset");
        let values = bench.values(preset);
        assert_eq!(values.text("variant"), "Secondary");
        assert_eq!(values.text("small"), "false");
        assert_eq!(values.choice("variant", VARIANTS), 1);
        assert!(bench.preset("default").is_none());
    }

    #[test]
    fn the_address_holds_what_was_changed_and_brings_it_back() {
        let bench = bench();
        let preset = bench.preset("secondary").expect("a preset");
        let mut values = bench.values(preset);
        values.set("small", "true".into());
        let query = bench.query(preset, &values);
        assert_eq!(query, vec![("small", "true".to_string())]);
        let back = bench.values_from(preset, |name| {
            query
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(back, values);
        let ignored =
            bench.values_from(preset, |name| (name == "colour").then(|| "red".to_string()));
        assert_eq!(
            ignored,
            bench.values(preset),
            "a name that is no prop changes nothing"
        );
    }

    #[test]
    fn the_rust_call_leaves_defaults_out_and_escapes_text() {
        let bench = bench();
        let mut values = bench.values(bench.preset("secondary").expect("a preset"));
        assert_eq!(
            bench.rust(&values),
            r#"view! { <Button variant=ButtonVariant::Secondary>"Find \"my\" location"</Button> }"#
        );
        values.set("small", "true".into());
        values.set("items", r#"["a", "b"]"#.into());
        assert_eq!(
            bench.rust(&values),
            r#"view! { <Button variant=ButtonVariant::Secondary small=true items={vec!["a", "b"]}>"Find \"my\" location"</Button> }"#
        );
        values.set("items", "[".into());
        assert!(bench.rust(&values).contains("items={/* not valid JSON */}"));
    }

    #[test]
    fn values_read_as_their_kinds() {
        let mut values = Props::default();
        values.set("count", " 12 ".into());
        values.set("list", "[1, 2]".into());
        assert_eq!(values.number::<u32>("count"), Ok(12));
        assert!(values.number::<u32>("list").is_err());
        assert_eq!(values.json::<Vec<u8>>("list"), Ok(vec![1, 2]));
        assert!(values.json::<Vec<u8>>("count").is_err());
        assert!(!values.flag("missing"));
    }
}
