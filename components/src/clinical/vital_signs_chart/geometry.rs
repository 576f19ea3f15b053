//! The chart's arithmetic: each parameter's axis, its NEWS2 bands (taken
//! from the scoring function itself, so a band can never disagree with a
//! score), and the time ticks on UK clocks. Plain Rust, tested natively.

use crate::clinical::cui::Instant;
use crate::clinical::news2::{Inspired, SpO2Scale, parameter_score};
use crate::clinical::vital_signs::{Measure, VitalSet};

/// What one chart plots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plot {
    /// The NEWS2 total, in risk bands.
    News2,
    /// One measure; blood pressure plots diastolic beside systolic.
    Measure(Measure),
}

impl Plot {
    /// The charts, in the RCP chart's order.
    pub const ALL: [Plot; 6] = [
        Plot::News2,
        Plot::Measure(Measure::RespirationRate),
        Plot::Measure(Measure::SpO2),
        Plot::Measure(Measure::Systolic),
        Plot::Measure(Measure::Pulse),
        Plot::Measure(Measure::Temperature),
    ];

    /// The chart's heading.
    pub fn title(self) -> &'static str {
        match self {
            Plot::News2 => "NEWS2 score",
            Plot::Measure(Measure::Systolic) => "Blood pressure",
            Plot::Measure(m) => m.spec().label,
        }
    }

    /// Its unit, for the values in words.
    pub fn unit(self) -> &'static str {
        match self {
            Plot::News2 => "",
            Plot::Measure(m) => m.spec().unit,
        }
    }

    /// The values shown on the axis, low to high: wide enough for every
    /// band's edge; values beyond are drawn at the edge and said in full.
    pub fn axis(self) -> (f64, f64) {
        match self {
            Plot::News2 => (0.0, 20.0),
            Plot::Measure(Measure::RespirationRate) => (4.0, 40.0),
            Plot::Measure(Measure::SpO2) => (80.0, 100.0),
            Plot::Measure(Measure::Systolic | Measure::Diastolic) => (40.0, 240.0),
            Plot::Measure(Measure::Pulse) => (30.0, 150.0),
            Plot::Measure(Measure::Temperature) => (34.0, 41.0),
        }
    }

    /// The value plotted for a set.
    pub fn value(self, set: &VitalSet) -> Option<f64> {
        match self {
            Plot::News2 => set.news2().map(|s| f64::from(s.total)),
            Plot::Measure(m) => set.get(m),
        }
    }

    /// What a value scores: its NEWS2 band, or for the total its risk band
    /// (0 for 0–4, 2 for 5–6, 3 for 7 and over: RCP Chart 3).
    pub fn band(self, value: f64, scale: SpO2Scale) -> u32 {
        match self {
            Plot::News2 => match value.round() as i64 {
                ..=4 => 0,
                5..=6 => 2,
                _ => 3,
            },
            Plot::Measure(m) => m.news2().map_or(0, |p| {
                // Scale 2's bands above 92% are for a patient on oxygen;
                // the chart shows them, and says so.
                parameter_score(p, value, scale, Inspired::Oxygen)
            }),
        }
    }

    /// The band's name at its right-hand edge.
    pub fn band_label(self, band: u32) -> String {
        match (self, band) {
            (Plot::News2, 0) => "Low".into(),
            (Plot::News2, 2) => "Medium".into(),
            (Plot::News2, _) => "High".into(),
            (_, score) => score.to_string(),
        }
    }

    fn step(self) -> f64 {
        match self {
            Plot::Measure(Measure::Temperature) => 0.1,
            _ => 1.0,
        }
    }

    /// The bands from the axis's low end up: (lowest value, highest value,
    /// band), each value a whole step (a tenth for temperature).
    pub fn bands(self, scale: SpO2Scale) -> Vec<(f64, f64, u32)> {
        let (low, high) = self.axis();
        let step = self.step();
        let steps = ((high - low) / step).round() as i64;
        let mut bands: Vec<(f64, f64, u32)> = Vec::new();
        for i in 0..=steps {
            let value = low + i as f64 * step;
            let band = self.band(value, scale);
            match bands.last_mut() {
                Some(last) if last.2 == band => last.1 = value,
                _ => bands.push((value, value, band)),
            }
        }
        bands
    }
}

/// Whether a Scale 2 chart's SpO2 bands above 92% need saying (they score
/// only on oxygen).
pub fn scale_note(plot: Plot, scale: SpO2Scale) -> bool {
    plot == Plot::Measure(Measure::SpO2) && scale == SpO2Scale::Scale2
}

/// Ticks on the time axis from `start` to `end`: on the hour on UK
/// clocks, every 6 hours over a day, 12 over three, else whole days.
pub fn time_ticks(start: Instant, end: Instant) -> Vec<Instant> {
    let span = (end.0 - start.0).max(1);
    let step = if span <= 86_400 {
        6 * 3_600
    } else if span <= 3 * 86_400 {
        12 * 3_600
    } else {
        (span / 86_400 / 6).max(1) * 86_400
    };
    // Aligned on UK clock time, then back to the instant.
    let offset = |t: i64| if Instant(t).is_bst() { 3_600 } else { 0 };
    let local_start = start.0 + offset(start.0);
    let mut local = local_start.div_euclid(step) * step;
    if local < local_start {
        local += step;
    }
    let mut ticks = Vec::new();
    while local - offset(local) <= end.0 {
        ticks.push(Instant(local - offset(local)));
        local += step;
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Instant {
        Instant::parse(text).expect(text)
    }

    #[test]
    fn bands_follow_the_scores_at_every_edge() {
        let rr = Plot::Measure(Measure::RespirationRate).bands(SpO2Scale::Scale1);
        assert_eq!(
            rr,
            vec![(4.0, 8.0, 3), (9.0, 11.0, 1), (12.0, 20.0, 0), (21.0, 24.0, 2), (25.0, 40.0, 3)]
        );
        let pulse = Plot::Measure(Measure::Pulse).bands(SpO2Scale::Scale1);
        assert_eq!(pulse.iter().map(|b| b.2).collect::<Vec<_>>(), vec![3, 1, 0, 1, 2, 3]);
        assert_eq!((pulse[2].0, pulse[2].1), (51.0, 90.0));
        let temperature = Plot::Measure(Measure::Temperature).bands(SpO2Scale::Scale1);
        let edges: Vec<(String, u32)> =
            temperature.iter().map(|(low, _, band)| (format!("{low:.1}"), *band)).collect();
        assert_eq!(
            edges,
            vec![("34.0".into(), 3), ("35.1".into(), 1), ("36.1".into(), 0), ("38.1".into(), 1), ("39.1".into(), 2)]
        );
        let scale1 = Plot::Measure(Measure::SpO2).bands(SpO2Scale::Scale1);
        assert_eq!(scale1, vec![(80.0, 91.0, 3), (92.0, 93.0, 2), (94.0, 95.0, 1), (96.0, 100.0, 0)]);
        let scale2 = Plot::Measure(Measure::SpO2).bands(SpO2Scale::Scale2);
        assert_eq!(scale2.iter().map(|b| b.2).collect::<Vec<_>>(), vec![3, 2, 1, 0, 1, 2, 3]);
        assert!(scale_note(Plot::Measure(Measure::SpO2), SpO2Scale::Scale2));
        let total = Plot::News2.bands(SpO2Scale::Scale1);
        assert_eq!(total, vec![(0.0, 4.0, 0), (5.0, 6.0, 2), (7.0, 20.0, 3)]);
    }

    #[test]
    fn ticks_fall_on_uk_clock_hours_across_the_clock_change() {
        let ticks = time_ticks(at("2026-11-20T16:00:00Z"), at("2026-11-21T16:00:00Z"));
        let shown: Vec<String> = ticks.iter().map(|t| t.uk().to_string()).collect();
        assert_eq!(
            shown,
            ["20-Nov-2026 18:00", "21-Nov-2026 00:00", "21-Nov-2026 06:00", "21-Nov-2026 12:00"]
        );
        // In summer, 06:00 on the clock is 05:00 UTC.
        let summer = time_ticks(at("2026-07-01T00:30:00Z"), at("2026-07-01T12:00:00Z"));
        assert_eq!(summer[0], at("2026-07-01T05:00:00Z"));
        assert_eq!(time_ticks(at("2026-11-18T16:00:00Z"), at("2026-11-21T16:00:00Z")).len(), 6);
        assert_eq!(time_ticks(at("2026-11-01T00:00:00Z"), at("2026-11-21T00:00:00Z")).len(), 7);
    }
}
