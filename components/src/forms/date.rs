//! Dates typed as day, month and year, and the checks NHS.UK's date input
//! guidance asks for, each error naming the parts to correct.
//!
//! Messages follow the NHS digital service manual's date input page
//! (<https://service-manual.nhs.uk/design-system/components/date-input>,
//! "Error messages"): "Enter [whatever it is]" when nothing is entered;
//! "[Whatever it is] must include a day" (or month, year, or two of them)
//! when a part is missing; "[Whatever it is] must be a real date" when the
//! parts make no date; "Year must include 4 numbers"; and "[Whatever it is]
//! must be today or in the past" for a date that cannot be in the future.
//! A date once checked is a [`CalendarDate`], the crate's one date type.

use bedside_core::clinical::CalendarDate;

/// The parts of a date as typed, kept as text so nothing typed is lost.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateParts {
    /// The day, as typed.
    pub day: String,
    /// The month, as typed (a number; names are accepted too: "Mar").
    pub month: String,
    /// The year, as typed.
    pub year: String,
}

impl DateParts {
    /// Parts typed as these.
    pub fn new(day: impl Into<String>, month: impl Into<String>, year: impl Into<String>) -> Self {
        Self {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    /// The part's text.
    pub fn part(&self, part: DatePart) -> &str {
        match part {
            DatePart::Day => &self.day,
            DatePart::Month => &self.month,
            DatePart::Year => &self.year,
        }
    }

    /// The part's text, to change.
    pub fn part_mut(&mut self, part: DatePart) -> &mut String {
        match part {
            DatePart::Day => &mut self.day,
            DatePart::Month => &mut self.month,
            DatePart::Year => &mut self.year,
        }
    }
}

/// A part of a date input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DatePart {
    /// The day.
    Day,
    /// The month.
    Month,
    /// The year.
    Year,
}

impl DatePart {
    /// Every part, in the order NHS.UK shows them.
    pub const ALL: [DatePart; 3] = [DatePart::Day, DatePart::Month, DatePart::Year];

    /// Its name: the `name` sent with the form and the suffix of its `id`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Month => "month",
            Self::Year => "year",
        }
    }

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Day => "Day",
            Self::Month => "Month",
            Self::Year => "Year",
        }
    }
}

/// What is wrong with a date, and which parts to correct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem {
    /// The message, in NHS.UK's words.
    pub message: String,
    /// The parts to mark in error (all of them when the date as a whole is
    /// wrong).
    pub parts: Vec<DatePart>,
}

/// The checks for one date question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRules {
    /// What the date is, as a sentence starts: "Date of birth".
    pub what: String,
    /// What to say when nothing is entered: "Enter your date of birth".
    /// `None`: the date may be left out.
    pub required: Option<String>,
    /// The latest date allowed (today, for a date of birth); later dates
    /// get "\[What\] must be today or in the past".
    pub latest: Option<CalendarDate>,
}

impl DateRules {
    /// A date that must be given and cannot be in the future: a date of
    /// birth, the date something happened.
    pub fn in_the_past(what: impl Into<String>, enter: impl Into<String>) -> Self {
        Self {
            what: what.into(),
            required: Some(enter.into()),
            latest: Some(CalendarDate::today()),
        }
    }

    /// Checks `parts`: the date, `None` if none was given and none is
    /// required, or what is wrong.
    pub fn check(&self, parts: &DateParts) -> Result<Option<CalendarDate>, DateProblem> {
        let what = &self.what;
        let blank: Vec<DatePart> = DatePart::ALL
            .into_iter()
            .filter(|&p| parts.part(p).trim().is_empty())
            .collect();
        if blank.len() == 3 {
            return match &self.required {
                Some(enter) => Err(problem(enter.clone(), &DatePart::ALL)),
                None => Ok(None),
            };
        }
        if !blank.is_empty() {
            let names: Vec<&str> = blank.iter().map(|p| p.as_str()).collect();
            let missing = match names.as_slice() {
                [one] => format!("a {one}"),
                [a, b] => format!("a {a} and {b}"),
                _ => String::new(),
            };
            return Err(problem(format!("{what} must include {missing}"), &blank));
        }
        let day = parts.day.trim().parse::<u8>().ok();
        let month = parse_month(&parts.month);
        let year_text = parts.year.trim();
        let year = year_text.parse::<i32>().ok();
        let mut wrong: Vec<DatePart> = Vec::new();
        if day.is_none_or(|d| !(1..=31).contains(&d)) {
            wrong.push(DatePart::Day);
        }
        if month.is_none() {
            wrong.push(DatePart::Month);
        }
        if year.is_none() {
            wrong.push(DatePart::Year);
        }
        if !wrong.is_empty() {
            return Err(problem(format!("{what} must be a real date"), &wrong));
        }
        if year_text.len() != 4 {
            return Err(problem("Year must include 4 numbers", &[DatePart::Year]));
        }
        let (Some(day), Some(month), Some(year)) = (day, month, year) else {
            return Err(problem(
                format!("{what} must be a real date"),
                &DatePart::ALL,
            ));
        };
        let Some(date) = CalendarDate::new(year, month, day) else {
            return Err(problem(
                format!("{what} must be a real date"),
                &DatePart::ALL,
            ));
        };
        if self.latest.is_some_and(|latest| date > latest) {
            return Err(problem(
                format!("{what} must be today or in the past"),
                &DatePart::ALL,
            ));
        }
        Ok(Some(date))
    }
}

fn problem(message: impl Into<String>, parts: &[DatePart]) -> DateProblem {
    DateProblem {
        message: message.into(),
        parts: parts.to_vec(),
    }
}

/// A month as a number (1 to 12) or a name or its first three letters, as
/// NHS.UK asks services to accept.
fn parse_month(text: &str) -> Option<u8> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let text = text.trim().to_ascii_lowercase();
    if let Ok(n) = text.parse::<u8>() {
        return (1..=12).contains(&n).then_some(n);
    }
    NAMES
        .iter()
        .position(|name| text.len() >= 3 && name.starts_with(&text))
        .and_then(|i| u8::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn birth() -> DateRules {
        DateRules {
            what: "Date of birth".into(),
            required: Some("Enter your date of birth".into()),
            latest: CalendarDate::new(2026, 11, 21),
        }
    }

    fn err(parts: DateParts) -> (String, Vec<DatePart>) {
        let p = birth().check(&parts).expect_err("a problem");
        (p.message, p.parts)
    }

    use DatePart::{Day, Month, Year};

    #[test]
    fn real_dates_pass_and_become_fhir_dates() {
        let date = birth()
            .check(&DateParts::new("31", "3", "1980"))
            .expect("valid");
        assert_eq!(
            date.map(CalendarDate::to_fhir).as_deref(),
            Some("1980-03-31")
        );
        let date = birth()
            .check(&DateParts::new(" 1 ", "Mar", "1980"))
            .expect("valid");
        assert_eq!(date, CalendarDate::new(1980, 3, 1));
        assert_eq!(parse_month("september"), Some(9));
        assert_eq!(parse_month("Sep"), Some(9));
        assert_eq!(parse_month("se"), None);
        // Leap years: every fourth, not centuries, but every fourth century.
        assert!(birth().check(&DateParts::new("29", "2", "2024")).is_ok());
        assert!(birth().check(&DateParts::new("29", "2", "2000")).is_ok());
        assert_eq!(
            err(DateParts::new("29", "2", "1900")).0,
            "Date of birth must be a real date"
        );
        assert_eq!(
            err(DateParts::new("29", "2", "2023")).0,
            "Date of birth must be a real date"
        );
        assert_eq!(
            err(DateParts::new("31", "4", "1980")).0,
            "Date of birth must be a real date"
        );
        assert!(birth().check(&DateParts::new("30", "4", "1980")).is_ok());
    }

    #[test]
    fn nothing_entered_says_what_to_enter_unless_optional() {
        assert_eq!(
            err(DateParts::default()),
            ("Enter your date of birth".into(), vec![Day, Month, Year])
        );
        let optional = DateRules {
            required: None,
            ..birth()
        };
        assert_eq!(optional.check(&DateParts::new(" ", "", "")), Ok(None));
    }

    #[test]
    fn missing_parts_are_named_and_marked() {
        assert_eq!(
            err(DateParts::new("", "3", "1980")),
            ("Date of birth must include a day".into(), vec![Day])
        );
        assert_eq!(
            err(DateParts::new("31", "", "1980")),
            ("Date of birth must include a month".into(), vec![Month])
        );
        assert_eq!(
            err(DateParts::new("31", "3", "")),
            ("Date of birth must include a year".into(), vec![Year])
        );
        assert_eq!(
            err(DateParts::new("", "", "1980")),
            (
                "Date of birth must include a day and month".into(),
                vec![Day, Month]
            )
        );
        assert_eq!(
            err(DateParts::new("", "3", "")),
            (
                "Date of birth must include a day and year".into(),
                vec![Day, Year]
            )
        );
    }

    #[test]
    fn impossible_parts_are_marked_and_years_need_four_numbers() {
        assert_eq!(
            err(DateParts::new("32", "3", "1980")),
            ("Date of birth must be a real date".into(), vec![Day])
        );
        assert_eq!(
            err(DateParts::new("0", "13", "1980")),
            ("Date of birth must be a real date".into(), vec![Day, Month])
        );
        assert_eq!(
            err(DateParts::new("1", "1", "nineteen")),
            ("Date of birth must be a real date".into(), vec![Year])
        );
        assert_eq!(
            err(DateParts::new("1", "1", "80")),
            ("Year must include 4 numbers".into(), vec![Year])
        );
    }

    #[test]
    fn the_latest_date_is_allowed_and_the_day_after_is_not() {
        assert!(birth().check(&DateParts::new("21", "11", "2026")).is_ok());
        assert_eq!(
            err(DateParts::new("22", "11", "2026")),
            (
                "Date of birth must be today or in the past".into(),
                vec![Day, Month, Year]
            )
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn today_is_the_uk_date() {
        use bedside_core::clinical::Instant;
        let at = |t: &str| CalendarDate::on(Instant::parse(t).expect("an instant"));
        let today = CalendarDate::today();
        assert!(CalendarDate::new(today.year, today.month, today.day).is_some());
        assert!(today.year >= 2024);
        // Winter: UK time is UTC. Summer: an hour ahead, so late evening
        // UTC is already tomorrow on the ward.
        assert_eq!(
            at("2026-01-31T23:30:00Z"),
            CalendarDate {
                year: 2026,
                month: 1,
                day: 31
            }
        );
        assert_eq!(
            at("2026-06-30T23:30:00Z"),
            CalendarDate {
                year: 2026,
                month: 7,
                day: 1
            }
        );
        assert_eq!(
            at("2024-02-28T23:30:00Z"),
            CalendarDate {
                year: 2024,
                month: 2,
                day: 28
            }
        );
        assert_eq!(
            at("2024-02-29T23:30:00+00:00"),
            CalendarDate {
                year: 2024,
                month: 2,
                day: 29
            }
        );
        // A time written in another zone is the UK date of that instant.
        assert_eq!(
            at("2026-11-22T01:00:00+05:30"),
            CalendarDate {
                year: 2026,
                month: 11,
                day: 21
            }
        );
    }
}
