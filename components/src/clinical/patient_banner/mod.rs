#![doc = include_str!("docs.md")]

pub(crate) mod model;

use leptos::prelude::*;

use crate::clinical::cui::Instant;
use crate::fhir::resources::Patient;

pub use model::{ALLERGY_LIST, AllergyStatus, BannerFields, NOT_KNOWN, display_name};

stylance::import_crate_style!(style, "src/clinical/patient_banner/patient_banner.module.css");

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// How much of the banner to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BannerVariant {
    /// Name, date of birth with age, gender, NHS number, allergies, and the
    /// contact details and GP practice behind a details element.
    #[default]
    Full,
    /// Name, date of birth with age, gender and NHS number on one line, for
    /// lists and narrow panels.
    Compact,
}

impl BannerVariant {
    /// The modifier class; `None` for the full banner.
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            Self::Full => None,
            Self::Compact => Some("bedside-patient-banner--compact"),
        }
    }
}

/// The NHS CUI patient banner: who this patient is, in the same place and
/// form on every screen (NHS CUI, "Patient Banner" design guide v4.0.0.0).
/// The name as `FAMILY, Given (Title)`, then "Born" with the date and age,
/// "Gender" and "NHS No." in that order (PAB-0016), labels without colons
/// (PAB-0042), "Not known" for a missing value (PAB-0019), a deceased
/// patient marked in words and look, and the allergy status in one of four
/// states that are never confused.
///
/// Hidden when `shown` is false: an EHR that launches an app with
/// `need_patient_banner=false` shows its own banner already (SMART App
/// Launch), and two would compete.
#[component]
pub fn PatientBanner(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The patient.
    #[prop(into)]
    patient: Signal<Patient>,
    /// The allergy status ([`AllergyStatus::from_records`] reads it from
    /// AllergyIntolerance resources). Not recorded unless given.
    #[prop(optional, into)]
    allergies: MaybeProp<AllergyStatus>,
    /// Full or compact.
    #[prop(optional)]
    variant: BannerVariant,
    /// Whether to show the banner (the launch's `need_patient_banner`).
    #[prop(optional, into)]
    shown: MaybeProp<bool>,
    /// The moment ages are counted at; now unless given (tests and
    /// examples fix it).
    #[prop(optional)]
    at: Option<Instant>,
) -> impl IntoView {
    let fields = Memo::new(move |_| BannerFields::new(&patient.get(), at.unwrap_or_else(Instant::now)));
    let compact = variant == BannerVariant::Compact;
    let classes = move || {
        let died = fields.with(|f| f.died.is_some());
        let mut own = format!("bedside-patient-banner {}", style::banner);
        if let Some(modifier) = variant.as_str() {
            own.push_str(&format!(" {modifier} {}", style::compact));
        }
        if died {
            own.push_str(&format!(" bedside-patient-banner--deceased {}", style::deceased));
        }
        crate::ui::class_list(&own, class.get())
    };
    let fact = move |label: &'static str, read: fn(&BannerFields) -> String| {
        view! {
            <div class=style::fact>
                <dt class=style::label>{label}</dt>
                <dd class=style::value>{move || fields.with(read)}</dd>
            </div>
        }
    };
    let allergy_line = move || {
        let status = allergies.get().unwrap_or_default();
        let look = match status {
            AllergyStatus::Listed(_) => style::allergies_listed,
            AllergyStatus::NotRecorded | AllergyStatus::UnableToAssess | AllergyStatus::Unavailable => {
                style::allergies_unchecked
            }
            AllergyStatus::NoKnownAllergies => "",
        };
        view! {
            <p class=format!(
                "bedside-patient-banner__allergies bedside-patient-banner__allergies--{} {} {look}",
                status.as_str(),
                style::allergies,
            )>
                <span class=style::label>"Allergies "</span>
                <strong>{status.text()}</strong>
            </p>
        }
    };
    let banner = move || {
        view! {
            <section class=classes aria-label="Patient">
                <p class=format!("bedside-patient-banner__name {}", style::name)>
                    {move || fields.with(|f| f.name.clone())}
                </p>
                {move || {
                    fields
                        .with(|f| f.preferred_name.clone())
                        .filter(|_| !compact)
                        .map(|preferred| {
                            view! {
                                <p class=style::line>
                                    <span class=style::label>"Preferred name "</span>
                                    <strong>{preferred}</strong>
                                </p>
                            }
                        })
                }}
                <dl class=format!("bedside-patient-banner__facts {}", style::facts)>
                    {fact("Born", |f| f.born.clone())}
                    {fact("Gender", |f| f.gender.clone())}
                    {fact("NHS No.", |f| f.nhs_number.clone())}
                </dl>
                {move || {
                    fields
                        .with(|f| f.died.clone())
                        .map(|died| {
                            view! { <p class=format!("bedside-patient-banner__died {}", style::died)>{died}</p> }
                        })
                }}
                {(!compact).then_some(allergy_line)}
                {(!compact)
                    .then(|| {
                        view! {
                            <details class=format!("nhsuk-details {}", style::details)>
                                <summary class="nhsuk-details__summary">
                                    <span class="nhsuk-details__summary-text">"Contact details and GP practice"</span>
                                </summary>
                                <div class="nhsuk-details__text">
                                    <dl class=style::facts>
                                        {fact("Address", |f| f.address.clone())}
                                        {fact("Phone", |f| f.phone.clone())}
                                        {fact("GP practice", |f| f.gp_practice.clone())}
                                    </dl>
                                </div>
                            </details>
                        }
                    })}
            </section>
        }
    };
    move || shown.get().unwrap_or(true).then(banner)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::{normalize_html, render_to_html};

    fn html(render: impl FnOnce() -> AnyView + 'static) -> String {
        normalize_html(&render_to_html(render))
    }

    fn example(name: &str) -> String {
        html(DOCS.example(name).expect(name).render)
    }

    #[test]
    fn the_banner_reads_name_born_gender_nhs_number_in_order() {
        let out = example("default");
        let order = ["OKAFOR, Adaeze Grace (Mrs)", "Preferred name", "Ada", "Born", "07-Mar-1958 (68y)", "Gender", "Female", "NHS No.", "999 000 1235"];
        let mut from = 0;
        for part in order {
            let at = out[from..].find(part).unwrap_or_else(|| panic!("{part} after {from} in {out}"));
            from += at;
        }
        assert!(out.contains("Penicillin, Latex"));
        assert!(out.contains("bedside-patient-banner__allergies--listed"));
        assert!(out.contains("Calder Valley Medical Practice"));
        assert!(!out.contains("Born:") && !out.contains("No.:"), "no colon after a label");
    }

    #[test]
    fn each_allergy_state_has_its_own_words() {
        assert!(example("no-known-allergies").contains("No known allergies"));
        let missing = example("not-recorded");
        assert!(missing.contains("Allergies not recorded"));
        assert!(missing.contains("bedside-patient-banner__allergies--not-recorded"));
        assert!(missing.contains("9d"), "a newborn's age in days: {missing}");
        assert_eq!(missing.matches(NOT_KNOWN).count(), 5, "gender, NHS number, address, phone, GP: {missing}");
        assert!(example("unable-to-assess").contains("Unable to assess allergies"));
        assert!(example("unable-to-assess").contains("7y 3m"));
    }

    #[test]
    fn a_deceased_patient_is_marked_in_words_and_class() {
        let out = example("deceased");
        assert!(out.contains("bedside-patient-banner--deceased"));
        assert!(out.contains("Died 19-Nov-2026 03:40"));
        assert!(out.contains("19-Jan-1936 (90y)"));
        assert!(!example("default").contains("--deceased"));
    }

    #[test]
    fn the_compact_banner_leaves_out_allergies_and_details() {
        let out = example("compact");
        assert!(out.contains("bedside-patient-banner--compact"));
        assert!(out.contains("999 000 1235"));
        assert!(!out.contains("Allergies"));
        assert!(!out.contains("nhsuk-details"));
        assert!(!out.contains("Preferred name"));
    }

    #[test]
    fn the_banner_is_not_drawn_when_the_launch_says_so() {
        let hidden = html(|| {
            view! { <PatientBanner patient=examples::adult() shown=false at=examples::at() /> }.into_any()
        });
        assert!(!hidden.contains("bedside-patient-banner"), "{hidden}");
        let shown = html(|| {
            view! { <PatientBanner patient=examples::adult() shown=true at=examples::at() /> }.into_any()
        });
        assert!(shown.contains("bedside-patient-banner"));
    }
}
