//! Variant and option types for [`Button`](super::Button).

/// The look of a button, as nhsuk-frontend's `variant` option.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ButtonVariant {
    /// The main call to action on a page: one per page.
    #[default]
    Primary,
    /// Secondary actions, outlined on the page background.
    Secondary,
    /// Secondary actions on a coloured or white panel.
    SecondarySolid,
    /// For dark backgrounds, such as the header.
    Reverse,
    /// Destructive actions: deleting, cancelling, revoking.
    Warning,
    /// Signing in through NHS login.
    Login,
}

impl ButtonVariant {
    /// The modifier class (`nhsuk-button--secondary`); empty for primary.
    ///
    /// Written out whole, never assembled from parts, so the CSS build's
    /// purge step can see every class the app may use.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Primary => "",
            Self::Secondary => "nhsuk-button--secondary",
            Self::SecondarySolid => "nhsuk-button--secondary-solid",
            Self::Reverse => "nhsuk-button--reverse",
            Self::Warning => "nhsuk-button--warning",
            Self::Login => "nhsuk-button--login",
        }
    }
}

/// The `type` attribute of a `<button>`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ButtonType {
    /// Submits the enclosing form, as nhsuk-frontend defaults to.
    #[default]
    Submit,
    /// Does nothing by itself; use with `on_click`.
    Button,
    /// Resets the enclosing form.
    Reset,
}

impl ButtonType {
    /// The attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Button => "button",
            Self::Reset => "reset",
        }
    }
}

/// The class list: `nhsuk-button`, then the variant and size modifiers, then
/// the caller's classes, in nhsuk-frontend's order.
pub(crate) fn button_classes(variant: ButtonVariant, small: bool, extra: Option<String>) -> String {
    let mut classes = String::from("nhsuk-button");
    if variant != ButtonVariant::Primary {
        classes.push(' ');
        classes.push_str(variant.as_str());
    }
    if small {
        classes.push_str(" nhsuk-button--small");
    }
    crate::ui::class_list(&classes, extra)
}

/// nhsuk-frontend ignores a second click within one second when
/// `preventDoubleClick` is set, so an impatient double click cannot submit a
/// form (and, here, record an observation) twice.
pub(crate) const DOUBLE_CLICK_WINDOW_MS: f64 = 1000.0;

/// Remembers when the last accepted click happened.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct DoubleClickGuard {
    last_accepted_ms: Option<f64>,
}

impl DoubleClickGuard {
    /// Whether a click at `now_ms` should go through; accepted clicks restart the window.
    pub(crate) fn accept(&mut self, now_ms: f64) -> bool {
        match self.last_accepted_ms {
            Some(last) if now_ms >= last && now_ms - last < DOUBLE_CLICK_WINDOW_MS => false,
            _ => {
                self.last_accepted_ms = Some(now_ms);
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primary_has_no_modifier() {
        assert_eq!(
            button_classes(ButtonVariant::Primary, false, None),
            "nhsuk-button"
        );
    }

    #[test]
    fn modifiers_follow_nhsuk_order() {
        assert_eq!(
            button_classes(ButtonVariant::SecondarySolid, true, Some(" app-x ".into())),
            "nhsuk-button nhsuk-button--secondary-solid nhsuk-button--small app-x"
        );
        assert_eq!(
            button_classes(ButtonVariant::Warning, false, Some("  ".into())),
            "nhsuk-button nhsuk-button--warning"
        );
    }

    #[test]
    fn every_variant_but_primary_names_a_modifier() {
        use ButtonVariant::*;
        for v in [Secondary, SecondarySolid, Reverse, Warning, Login] {
            assert!(v.as_str().starts_with("nhsuk-button--"), "{v:?}");
        }
        assert_eq!(ButtonVariant::default(), Primary);
        assert_eq!(ButtonType::default().as_str(), "submit");
    }

    #[test]
    fn double_click_guard_blocks_inside_the_window_only() {
        let mut guard = DoubleClickGuard::default();
        assert!(guard.accept(5_000.0));
        assert!(!guard.accept(5_001.0));
        assert!(!guard.accept(5_999.9));
        // The window is measured from the last *accepted* click, as nhsuk-frontend's timer is.
        assert!(guard.accept(6_000.0));
        assert!(!guard.accept(6_500.0));
        assert!(guard.accept(7_000.0));
    }

    #[test]
    fn double_click_guard_survives_a_clock_going_backwards() {
        // Event time stamps come from different time origins after bfcache restores.
        let mut guard = DoubleClickGuard::default();
        assert!(guard.accept(10_000.0));
        assert!(guard.accept(20.0));
    }
}
