//! NEWS2, the National Early Warning Score.
//!
//! Source: Royal College of Physicians, *National Early Warning Score
//! (NEWS) 2: Standardising the assessment of acute-illness severity in the
//! NHS*, updated report of a working party, London: RCP, 2017. Chart 1 (the
//! NEWS2 scoring system) gives each parameter's bands; Chart 3 (NEWS
//! thresholds and triggers) the clinical risk; Chart 4 (clinical response
//! to NEWS trigger thresholds) the response.
//!
//! SpO2 Scale 2 is for patients with hypercapnic respiratory failure (most
//! often from COPD) whose target saturation is 88–92%, and only when a
//! clinician has chosen it for that patient and recorded so: the RCP warns
//! that using it for anyone else may be dangerous. Scale 1 is for everyone
//! else. Scale 2 scores a saturation of 93% or more only when the patient is
//! on oxygen; on air it scores 0.

/// Which SpO2 scale the patient is scored on. Chosen per patient by a
/// clinician, never inferred from a reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpO2Scale {
    /// For every patient not prescribed Scale 2.
    #[default]
    Scale1,
    /// Hypercapnic respiratory failure with a target range of 88–92%.
    Scale2,
}

/// What the patient is breathing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Inspired {
    /// Room air.
    #[default]
    Air,
    /// Supplemental oxygen, by any device.
    Oxygen,
}

/// Level of consciousness: ACVPU (Alert, new Confusion, Voice, Pain,
/// Unresponsive). Only *new* confusion scores; a patient's usual confusion
/// is recorded as Alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Acvpu {
    /// Alert.
    #[default]
    Alert,
    /// New confusion (or new disorientation or agitation).
    NewConfusion,
    /// Responds to voice.
    Voice,
    /// Responds to pain.
    Pain,
    /// Unresponsive.
    Unresponsive,
}

impl Acvpu {
    /// Every level, in the scale's order (A, C, V, P, U).
    pub const ALL: [Acvpu; 5] = [
        Self::Alert,
        Self::NewConfusion,
        Self::Voice,
        Self::Pain,
        Self::Unresponsive,
    ];
}

/// One complete set of the seven NEWS2 parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observations {
    /// Breaths per minute.
    pub respiration_rate: u32,
    /// Oxygen saturation, percent.
    pub spo2: u32,
    /// The scale the patient's clinician chose.
    pub scale: SpO2Scale,
    /// Air or oxygen.
    pub inspired: Inspired,
    /// Systolic blood pressure, mmHg.
    pub systolic_bp: u32,
    /// Pulse, beats per minute.
    pub pulse: u32,
    /// Level of consciousness.
    pub consciousness: Acvpu,
    /// Temperature, °C. Scored at the chart's resolution, a tenth of a
    /// degree, rounded half away from zero (38.05 scores as 38.1).
    pub temperature: f64,
}

/// The clinical risk a NEWS2 score puts a patient at (RCP Chart 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClinicalRisk {
    /// Aggregate 0–4, no single parameter scoring 3.
    Low,
    /// Aggregate 0–4 with a single parameter scoring 3 (a "red score").
    LowMedium,
    /// Aggregate 5–6.
    Medium,
    /// Aggregate 7 or more.
    High,
}

impl ClinicalRisk {
    /// The risk in words, as the RCP names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "Low",
            Self::LowMedium => "Low–medium",
            Self::Medium => "Medium",
            Self::High => "High",
        }
    }
}

/// The RCP's clinical response to a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response {
    /// How often to observe.
    pub frequency: &'static str,
    /// What to do, in order.
    pub actions: &'static [&'static str],
}

/// A NEWS2 score: each parameter's part, the total and the risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct News2 {
    /// Respiration rate's score.
    pub respiration_rate: u32,
    /// SpO2's score, on the patient's scale.
    pub spo2: u32,
    /// Air or oxygen's score.
    pub inspired: u32,
    /// Systolic blood pressure's score.
    pub systolic_bp: u32,
    /// Pulse's score.
    pub pulse: u32,
    /// Consciousness's score.
    pub consciousness: u32,
    /// Temperature's score.
    pub temperature: u32,
    /// The aggregate score, 0 to 20.
    pub total: u32,
    /// Some single parameter scored 3 (a "red score").
    pub single_three: bool,
    /// The clinical risk.
    pub risk: ClinicalRisk,
}

impl News2 {
    /// How often to observe, and who must be told (RCP Chart 4). A total of
    /// 0 is low risk with 12-hourly observations; 1–4 is low risk with
    /// 4–6-hourly ones.
    pub fn response(&self) -> Response {
        use ClinicalRisk::*;
        match self.risk {
            Low if self.total == 0 => Response {
                frequency: "Minimum 12-hourly",
                actions: &["Continue routine NEWS monitoring"],
            },
            Low => Response {
                frequency: "Minimum 4–6-hourly",
                actions: &[
                    "Inform a registered nurse, who must assess the patient",
                    "The registered nurse decides whether more frequent monitoring or escalation of care is needed",
                ],
            },
            LowMedium => Response {
                frequency: "Minimum 1-hourly",
                actions: &[
                    "The registered nurse informs the medical team caring for the patient, who will review and decide whether escalation of care is needed",
                ],
            },
            Medium => Response {
                frequency: "Minimum 1-hourly",
                actions: &[
                    "The registered nurse immediately informs the medical team caring for the patient",
                    "The registered nurse requests an urgent assessment by a clinician or team with core competencies in the care of acutely ill patients",
                    "Provide clinical care in an environment with monitoring facilities",
                ],
            },
            High => Response {
                frequency: "Continuous monitoring of vital signs",
                actions: &[
                    "The registered nurse immediately informs the medical team caring for the patient, at least at specialist registrar level",
                    "Emergency assessment by a team with critical care competencies, including a practitioner with advanced airway management skills",
                    "Consider transfer to a level 2 or 3 clinical care facility (a higher-dependency unit or ICU)",
                    "Provide clinical care in an environment with monitoring facilities",
                ],
            },
        }
    }
}

/// Scores one set of observations (RCP Chart 1), and says the risk
/// (Chart 3).
pub fn score(obs: &Observations) -> News2 {
    let parts = [
        respiration_rate(obs.respiration_rate),
        spo2(obs.spo2, obs.scale, obs.inspired),
        match obs.inspired {
            Inspired::Air => 0,
            Inspired::Oxygen => 2,
        },
        systolic_bp(obs.systolic_bp),
        pulse(obs.pulse),
        match obs.consciousness {
            Acvpu::Alert => 0,
            _ => 3,
        },
        temperature(obs.temperature),
    ];
    let total = parts.iter().sum();
    let single_three = parts.contains(&3);
    let risk = match total {
        7.. => ClinicalRisk::High,
        5..=6 => ClinicalRisk::Medium,
        _ if single_three => ClinicalRisk::LowMedium,
        _ => ClinicalRisk::Low,
    };
    News2 {
        respiration_rate: parts[0],
        spo2: parts[1],
        inspired: parts[2],
        systolic_bp: parts[3],
        pulse: parts[4],
        consciousness: parts[5],
        temperature: parts[6],
        total,
        single_three,
        risk,
    }
}

/// A measured NEWS2 parameter: the five scored from a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parameter {
    /// Breaths per minute.
    RespirationRate,
    /// Oxygen saturation, percent.
    SpO2,
    /// Systolic blood pressure, mmHg.
    SystolicBp,
    /// Pulse, beats per minute.
    Pulse,
    /// Temperature, °C.
    Temperature,
}

/// One parameter's score for `value` (RCP Chart 1): the same bands
/// [`score`] uses, so a chart that shades its bands from this function can
/// never disagree with the score. Whole-number parameters are scored at the
/// nearest whole number, temperature at the nearest tenth; SpO2 on `scale`,
/// breathing `inspired`.
pub fn parameter_score(
    parameter: Parameter,
    value: f64,
    scale: SpO2Scale,
    inspired: Inspired,
) -> u32 {
    // Negative values and NaN cannot be measured; they score as the lowest
    // band would (`temperature` says so itself, since it compares floats).
    // Infinities score as the band they point to: what a saturating
    // conversion gives.
    let whole = value.round().max(0.0) as u32;
    match parameter {
        Parameter::RespirationRate => respiration_rate(whole),
        Parameter::SpO2 => spo2(whole, scale, inspired),
        Parameter::SystolicBp => systolic_bp(whole),
        Parameter::Pulse => pulse(whole),
        Parameter::Temperature => temperature(value),
    }
}

/// ≤8: 3; 9–11: 1; 12–20: 0; 21–24: 2; ≥25: 3.
fn respiration_rate(rate: u32) -> u32 {
    match rate {
        ..=8 => 3,
        9..=11 => 1,
        12..=20 => 0,
        21..=24 => 2,
        25.. => 3,
    }
}

/// Scale 1: ≤91: 3; 92–93: 2; 94–95: 1; ≥96: 0.
/// Scale 2: ≤83: 3; 84–85: 2; 86–87: 1; 88–92 (or ≥93 on air): 0; on
/// oxygen 93–94: 1, 95–96: 2, ≥97: 3.
fn spo2(saturation: u32, scale: SpO2Scale, inspired: Inspired) -> u32 {
    match scale {
        SpO2Scale::Scale1 => match saturation {
            ..=91 => 3,
            92..=93 => 2,
            94..=95 => 1,
            96.. => 0,
        },
        SpO2Scale::Scale2 => match (saturation, inspired) {
            (..=83, _) => 3,
            (84..=85, _) => 2,
            (86..=87, _) => 1,
            (88..=92, _) | (93.., Inspired::Air) => 0,
            (93..=94, Inspired::Oxygen) => 1,
            (95..=96, Inspired::Oxygen) => 2,
            (97.., Inspired::Oxygen) => 3,
        },
    }
}

/// ≤90: 3; 91–100: 2; 101–110: 1; 111–219: 0; ≥220: 3.
fn systolic_bp(pressure: u32) -> u32 {
    match pressure {
        ..=90 => 3,
        91..=100 => 2,
        101..=110 => 1,
        111..=219 => 0,
        220.. => 3,
    }
}

/// ≤40: 3; 41–50: 1; 51–90: 0; 91–110: 1; 111–130: 2; ≥131: 3.
fn pulse(rate: u32) -> u32 {
    match rate {
        ..=40 => 3,
        41..=50 => 1,
        51..=90 => 0,
        91..=110 => 1,
        111..=130 => 2,
        131.. => 3,
    }
}

/// ≤35.0: 3; 35.1–36.0: 1; 36.1–38.0: 0; 38.1–39.0: 1; ≥39.1: 2. Compared
/// in tenths of a degree, so 36.0 is exactly 36.0 whatever its float. NaN
/// scores as the lowest band, as the other parameters' non-numbers do: it
/// compares false with every edge and would otherwise fall through to ≥39.1.
fn temperature(celsius: f64) -> u32 {
    let tenths = (celsius * 10.0).round();
    if tenths.is_nan() || tenths <= 350.0 {
        3
    } else if tenths <= 360.0 {
        1
    } else if tenths <= 380.0 {
        0
    } else if tenths <= 390.0 {
        1
    } else {
        2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every parameter in its 0 band, on Scale 1 and air.
    fn normal() -> Observations {
        Observations {
            respiration_rate: 16,
            spo2: 97,
            scale: SpO2Scale::Scale1,
            inspired: Inspired::Air,
            systolic_bp: 120,
            pulse: 70,
            consciousness: Acvpu::Alert,
            temperature: 37.0,
        }
    }

    #[test]
    fn each_parameter_scores_as_the_whole_score_does() {
        let obs = normal();
        let cases = [
            (Parameter::RespirationRate, 8.0, 3),
            (Parameter::RespirationRate, 21.0, 2),
            (Parameter::SpO2, 93.0, 2),
            (Parameter::SystolicBp, 100.0, 2),
            (Parameter::Pulse, 131.0, 3),
            (Parameter::Temperature, 38.05, 1),
            (Parameter::Temperature, 36.0, 1),
        ];
        for (parameter, value, expected) in cases {
            assert_eq!(
                parameter_score(parameter, value, obs.scale, obs.inspired),
                expected,
                "{parameter:?} {value}"
            );
        }
        // Scale 2 above 92% scores only on oxygen, here as in `score`.
        assert_eq!(
            parameter_score(Parameter::SpO2, 97.0, SpO2Scale::Scale2, Inspired::Air),
            0
        );
        assert_eq!(
            parameter_score(Parameter::SpO2, 97.0, SpO2Scale::Scale2, Inspired::Oxygen),
            3
        );
        assert_eq!(
            parameter_score(Parameter::Pulse, f64::NAN, obs.scale, obs.inspired),
            3
        );
    }

    /// (value, score) at both edges of every band.
    #[test]
    fn respiration_rate_at_every_band_edge() {
        for (rate, expected) in [
            (0, 3),
            (8, 3),
            (9, 1),
            (11, 1),
            (12, 0),
            (20, 0),
            (21, 2),
            (24, 2),
            (25, 3),
            (60, 3),
        ] {
            assert_eq!(respiration_rate(rate), expected, "{rate}/min");
        }
    }

    #[test]
    fn spo2_scale_1_at_every_band_edge_on_air_and_oxygen() {
        for inspired in [Inspired::Air, Inspired::Oxygen] {
            for (sat, expected) in [
                (50, 3),
                (91, 3),
                (92, 2),
                (93, 2),
                (94, 1),
                (95, 1),
                (96, 0),
                (100, 0),
            ] {
                assert_eq!(
                    spo2(sat, SpO2Scale::Scale1, inspired),
                    expected,
                    "{sat}% {inspired:?}"
                );
            }
        }
    }

    #[test]
    fn spo2_scale_2_below_93_is_the_same_on_air_and_oxygen() {
        for inspired in [Inspired::Air, Inspired::Oxygen] {
            for (sat, expected) in [
                (50, 3),
                (83, 3),
                (84, 2),
                (85, 2),
                (86, 1),
                (87, 1),
                (88, 0),
                (92, 0),
            ] {
                assert_eq!(
                    spo2(sat, SpO2Scale::Scale2, inspired),
                    expected,
                    "{sat}% {inspired:?}"
                );
            }
        }
    }

    #[test]
    fn spo2_scale_2_from_93_scores_only_on_oxygen() {
        for (sat, on_oxygen) in [(93, 1), (94, 1), (95, 2), (96, 2), (97, 3), (100, 3)] {
            assert_eq!(
                spo2(sat, SpO2Scale::Scale2, Inspired::Oxygen),
                on_oxygen,
                "{sat}% on oxygen"
            );
            assert_eq!(
                spo2(sat, SpO2Scale::Scale2, Inspired::Air),
                0,
                "{sat}% on air"
            );
        }
    }

    #[test]
    fn systolic_bp_at_every_band_edge() {
        for (bp, expected) in [
            (40, 3),
            (90, 3),
            (91, 2),
            (100, 2),
            (101, 1),
            (110, 1),
            (111, 0),
            (219, 0),
            (220, 3),
            (280, 3),
        ] {
            assert_eq!(systolic_bp(bp), expected, "{bp} mmHg");
        }
    }

    #[test]
    fn pulse_at_every_band_edge() {
        for (rate, expected) in [
            (20, 3),
            (40, 3),
            (41, 1),
            (50, 1),
            (51, 0),
            (90, 0),
            (91, 1),
            (110, 1),
            (111, 2),
            (130, 2),
            (131, 3),
            (200, 3),
        ] {
            assert_eq!(pulse(rate), expected, "{rate}/min");
        }
    }

    #[test]
    fn temperature_at_every_band_edge_in_tenths() {
        for (celsius, expected) in [
            (30.0, 3),
            (35.0, 3),
            (35.1, 1),
            (36.0, 1),
            (36.1, 0),
            (38.0, 0),
            (38.1, 1),
            (39.0, 1),
            (39.1, 2),
            (42.0, 2),
            // Rounded to the chart's tenth first: 38.04 is 38.0, 38.05 is 38.1.
            (38.04, 0),
            (38.05, 1),
            (35.04, 3),
        ] {
            assert_eq!(temperature(celsius), expected, "{celsius} °C");
        }
        // 36.0 computed, not typed: floats that miss 36.0 by a hair still
        // score as 36.0.
        assert_eq!(temperature(35.9 + 0.1), 1);
        assert_eq!(temperature(36.1 - 0.1), 1);
    }

    /// A value that is not a number scores as the lowest band of each
    /// parameter (RCP Chart 1's first column), temperature included: it
    /// used to score 2, the band above 39.0 °C.
    #[test]
    fn not_a_number_scores_as_each_parameters_lowest_band() {
        for (parameter, lowest) in [
            (Parameter::RespirationRate, 3),
            (Parameter::SpO2, 3),
            (Parameter::SystolicBp, 3),
            (Parameter::Pulse, 3),
            (Parameter::Temperature, 3),
        ] {
            for value in [f64::NAN, -1.0] {
                assert_eq!(
                    parameter_score(parameter, value, SpO2Scale::Scale1, Inspired::Air),
                    lowest,
                    "{parameter:?} {value}"
                );
            }
        }
    }

    #[test]
    fn oxygen_scores_2_and_any_acvpu_but_alert_scores_3() {
        let on_oxygen = score(&Observations {
            inspired: Inspired::Oxygen,
            ..normal()
        });
        assert_eq!((on_oxygen.inspired, on_oxygen.total), (2, 2));
        for level in [
            Acvpu::NewConfusion,
            Acvpu::Voice,
            Acvpu::Pain,
            Acvpu::Unresponsive,
        ] {
            let news = score(&Observations {
                consciousness: level,
                ..normal()
            });
            assert_eq!(news.consciousness, 3, "{level:?}");
            assert!(news.single_three);
        }
    }

    /// RCP NEWS2 (2017) Chart 4, "Clinical response to the NEWS trigger
    /// thresholds", for every band: the frequency and the actions are
    /// written here from the chart, not read back through `response`.
    #[test]
    fn rcp_chart_4_response_at_totals_0_1_4_a_single_3_and_5_6_7() {
        const ROUTINE: &[&str] = &["Continue routine NEWS monitoring"];
        const NURSE: &[&str] = &[
            "Inform a registered nurse, who must assess the patient",
            "The registered nurse decides whether more frequent monitoring or escalation of care is needed",
        ];
        const TEAM: &[&str] = &[
            "The registered nurse informs the medical team caring for the patient, who will review and decide whether escalation of care is needed",
        ];
        const URGENT: &[&str] = &[
            "The registered nurse immediately informs the medical team caring for the patient",
            "The registered nurse requests an urgent assessment by a clinician or team with core competencies in the care of acutely ill patients",
            "Provide clinical care in an environment with monitoring facilities",
        ];
        const EMERGENCY: &[&str] = &[
            "The registered nurse immediately informs the medical team caring for the patient, at least at specialist registrar level",
            "Emergency assessment by a team with critical care competencies, including a practitioner with advanced airway management skills",
            "Consider transfer to a level 2 or 3 clinical care facility (a higher-dependency unit or ICU)",
            "Provide clinical care in an environment with monitoring facilities",
        ];
        let cases: [(&str, Observations, u32, &str, &[&str]); 7] = [
            ("0", normal(), 0, "Minimum 12-hourly", ROUTINE),
            (
                "1",
                Observations {
                    pulse: 91,
                    ..normal()
                },
                1,
                "Minimum 4–6-hourly",
                NURSE,
            ),
            (
                "4",
                Observations {
                    pulse: 111,
                    inspired: Inspired::Oxygen,
                    ..normal()
                },
                4,
                "Minimum 4–6-hourly",
                NURSE,
            ),
            (
                "a single 3",
                Observations {
                    respiration_rate: 8,
                    ..normal()
                },
                3,
                "Minimum 1-hourly",
                TEAM,
            ),
            (
                "5",
                Observations {
                    respiration_rate: 8,
                    inspired: Inspired::Oxygen,
                    ..normal()
                },
                5,
                "Minimum 1-hourly",
                URGENT,
            ),
            (
                "6",
                Observations {
                    respiration_rate: 21,
                    pulse: 111,
                    inspired: Inspired::Oxygen,
                    ..normal()
                },
                6,
                "Minimum 1-hourly",
                URGENT,
            ),
            (
                "7",
                Observations {
                    respiration_rate: 25,
                    pulse: 111,
                    inspired: Inspired::Oxygen,
                    ..normal()
                },
                7,
                "Continuous monitoring of vital signs",
                EMERGENCY,
            ),
        ];
        for (band, obs, total, frequency, actions) in cases {
            let news = score(&obs);
            assert_eq!(news.total, total, "{band}");
            let response = news.response();
            assert_eq!(
                (response.frequency, response.actions),
                (frequency, actions),
                "{band}"
            );
        }
    }

    #[test]
    fn risk_at_every_threshold() {
        // 0: low, 12-hourly.
        let zero = score(&normal());
        assert_eq!((zero.total, zero.risk), (0, ClinicalRisk::Low));
        assert_eq!(zero.response().frequency, "Minimum 12-hourly");
        // 4 without a 3: low, 4–6-hourly (pulse 111 → 2, oxygen → 2).
        let four = score(&Observations {
            pulse: 111,
            inspired: Inspired::Oxygen,
            ..normal()
        });
        assert_eq!(
            (four.total, four.single_three, four.risk),
            (4, false, ClinicalRisk::Low)
        );
        assert_eq!(four.response().frequency, "Minimum 4–6-hourly");
        // 3 from one parameter: low–medium.
        let red = score(&Observations {
            respiration_rate: 8,
            ..normal()
        });
        assert_eq!(
            (red.total, red.single_three, red.risk),
            (3, true, ClinicalRisk::LowMedium)
        );
        // 4 with a single 3: still low–medium.
        let red_four = score(&Observations {
            respiration_rate: 8,
            pulse: 91,
            ..normal()
        });
        assert_eq!(
            (red_four.total, red_four.risk),
            (4, ClinicalRisk::LowMedium)
        );
        // 5: medium, even with a single 3 (the higher band wins).
        let five = score(&Observations {
            respiration_rate: 8,
            inspired: Inspired::Oxygen,
            ..normal()
        });
        assert_eq!((five.total, five.risk), (5, ClinicalRisk::Medium));
        // 6: medium.
        let six = score(&Observations {
            respiration_rate: 21,
            pulse: 111,
            inspired: Inspired::Oxygen,
            ..normal()
        });
        assert_eq!((six.total, six.risk), (6, ClinicalRisk::Medium));
        // 7: high, continuous monitoring.
        let seven = score(&Observations {
            respiration_rate: 8,
            pulse: 111,
            inspired: Inspired::Oxygen,
            ..normal()
        });
        assert_eq!((seven.total, seven.risk), (7, ClinicalRisk::High));
        assert_eq!(
            seven.response().frequency,
            "Continuous monitoring of vital signs"
        );
    }

    #[test]
    fn the_worst_set_scores_20() {
        let worst = score(&Observations {
            respiration_rate: 30,
            spo2: 85,
            scale: SpO2Scale::Scale1,
            inspired: Inspired::Oxygen,
            systolic_bp: 80,
            pulse: 140,
            consciousness: Acvpu::Unresponsive,
            temperature: 34.0,
        });
        assert_eq!(
            [
                worst.respiration_rate,
                worst.spo2,
                worst.inspired,
                worst.systolic_bp,
                worst.pulse,
                worst.consciousness,
                worst.temperature
            ],
            [3, 3, 2, 3, 3, 3, 3]
        );
        assert_eq!((worst.total, worst.risk), (20, ClinicalRisk::High));
    }

    #[test]
    fn the_same_saturation_scores_differently_on_each_scale() {
        // 89% on oxygen: Scale 1 scores 3 (below 92), Scale 2 scores 0 (in
        // its 88–92 target range).
        let on = |scale| {
            score(&Observations {
                spo2: 89,
                scale,
                inspired: Inspired::Oxygen,
                ..normal()
            })
        };
        assert_eq!(on(SpO2Scale::Scale1).spo2, 3);
        assert_eq!(on(SpO2Scale::Scale2).spo2, 0);
        // 97% on oxygen: the other way round.
        let high = |scale| {
            score(&Observations {
                spo2: 97,
                scale,
                inspired: Inspired::Oxygen,
                ..normal()
            })
        };
        assert_eq!(high(SpO2Scale::Scale1).spo2, 0);
        assert_eq!(high(SpO2Scale::Scale2).spo2, 3);
    }
}
