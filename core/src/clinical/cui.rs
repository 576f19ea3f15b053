//! Names, dates, times and ages as the NHS Common User Interface shows them.
//!
//! Sources:
//! - NHS CUI, "Patient Name Display" design guide (v4.0.0.0): the family
//!   name in capitals, a comma, the given names, then the title in
//!   brackets: `CHANDRASEKHAR, Subramanyan (Mr)`.
//! - NHS CUI, "Date Display" design guide (v4.0.0.0): a short date is the
//!   day as two digits, the month as its three-letter English abbreviation
//!   and the year as four digits, joined by hyphens: `21-Nov-2026`. A date
//!   known only to the month or year shows only what is known (`Nov-2026`,
//!   `2026`), never an invented day.
//! - NHS CUI, "Time Display" design guide (v4.0.0.0): times on the 24-hour
//!   clock with a colon, hours and minutes as two digits each: `14:05`.
//! - NHS CUI, "Patient Banner" design guide (v4.0.0.0), the age display
//!   table, as the NHS CUI toolkit implements it
//!   (`CuiTimeSpan.FixGranularityAndThreshold`): under 2 hours in minutes
//!   (`45min`), under 2 days in hours (`26hr`), under 4 weeks in days
//!   (`15d`), under 1 year in weeks and days (`4w 1d`), under 2 years in
//!   months and days (`13m 2d`), under 18 years in years and months
//!   (`5y 2m`), and from 18 in years (`36y`). No space between a number and
//!   its unit, a space between parts, a part that is zero left out.
//!
//! Times are shown in UK time, as a ward's clocks show them. FHIR
//! `dateTime`s carry their own offset, so a time recorded in GMT in winter
//! and one in BST in summer are both read as instants and then shown in the
//! UK time of that instant. The rule is the UK's since 1996 (the EU's
//! summer-time directive, in UK law by the Summer Time Order 2002): British
//! Summer Time from 01:00 GMT on the last Sunday in March to 01:00 GMT on
//! the last Sunday in October. It is computed here, not looked up in a
//! time-zone database, because it is a few lines of arithmetic that native
//! tests can cover at every change, where the browser's `Intl` would need a
//! browser to test and glue in the wasm to call. Instants before 1996 are
//! shown by the same rule, which differs from what clocks showed then by up
//! to a week around each change; clinical times that old are rare, and birth
//! dates, the usual old dates, carry no time.
//!
//! Ages are counted in calendar terms: a month is complete on the same day
//! of the next month, a year on the same date of the next year, and an
//! anniversary that falls on a day the month lacks (the 31st, or 29
//! February) falls on the first day of the month after, so someone born on
//! 29 February 2024 is one year old on 1 March 2025, as UK law counts it.

use std::fmt;

/// Why a FHIR date or time could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not a FHIR `date`, `dateTime` or `instant`.
    #[error("'{0}' is not a date")]
    NotADate(String),
    /// A time of day without the offset FHIR requires with one.
    #[error("'{0}' has a time but no time zone")]
    NoOffset(String),
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A day in the calendar: the one date type, for what FHIR records
/// ([`FhirDate::day`]) and what a user types (checked by `bedside::forms::DateRules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    /// The year, four digits in FHIR.
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the month's length.
    pub day: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl CalendarDate {
    /// The date, if it exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Self { year, month, day })
    }

    /// Today on UK clocks: the day a ward's clocks show, and the same
    /// "today" that the CUI's ages count to ([`Instant::uk`]), whatever time
    /// zone the computer is set to.
    pub fn today() -> Self {
        Self::on(Instant::now())
    }

    /// The date on UK clocks at `instant`.
    pub fn on(instant: Instant) -> Self {
        instant.uk().date
    }

    /// As FHIR writes a date: `1980-03-31`.
    pub fn to_fhir(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1 January 1970 (negative before): the proleptic
    /// Gregorian calendar's day number, after Howard Hinnant's
    /// `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1 January 1970 (`civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// Day of the week, 0 for Sunday.
    fn weekday(self) -> i64 {
        (self.days_since_epoch() + 4).rem_euclid(7)
    }

    /// The `months`th monthly anniversary of this date; one that falls on a
    /// day its month lacks falls on the first of the month after.
    fn plus_months(self, months: i64) -> Self {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = index.div_euclid(12) as i32;
        let month = (index.rem_euclid(12) + 1) as u8;
        match Self::new(year, month, self.day) {
            Some(date) => date,
            None => Self::from_days_since_epoch(
                Self {
                    year,
                    month,
                    day: days_in_month(year, month),
                }
                .days_since_epoch()
                    + 1,
            ),
        }
    }

    /// The last Sunday of `month` in `year`.
    fn last_sunday(year: i32, month: u8) -> Self {
        let last = Self {
            year,
            month,
            day: days_in_month(year, month),
        };
        Self::from_days_since_epoch(last.days_since_epoch() - last.weekday())
    }
}

/// `21-Nov-2026`.
impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}-{}-{:04}",
            self.day,
            MONTHS[usize::from(self.month - 1)],
            self.year
        )
    }
}

/// A FHIR `date`: known to the day, the month or only the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FhirDate {
    /// `1945`
    Year(i32),
    /// `1945-07`
    Month(i32, u8),
    /// `1945-07-14`
    Day(CalendarDate),
}

fn number<T: std::str::FromStr>(text: &str, width: usize) -> Option<T> {
    (text.len() == width && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

impl FhirDate {
    /// Reads a FHIR `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let bad = || DateError::NotADate(text.to_string());
        let mut parts = text.split('-');
        let year = parts.next().and_then(|y| number(y, 4)).ok_or_else(bad)?;
        let Some(month) = parts.next() else {
            return Ok(Self::Year(year));
        };
        let month: u8 = number(month, 2)
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(bad)?;
        let Some(day) = parts.next() else {
            return Ok(Self::Month(year, month));
        };
        let day = number(day, 2).ok_or_else(bad)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        CalendarDate::new(year, month, day)
            .map(Self::Day)
            .ok_or_else(bad)
    }

    /// The whole day, when the date has one.
    pub fn day(self) -> Option<CalendarDate> {
        match self {
            Self::Day(date) => Some(date),
            _ => None,
        }
    }
}

/// `14-Jul-1945`, `Jul-1945` or `1945`.
impl fmt::Display for FhirDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Year(year) => write!(f, "{year:04}"),
            Self::Month(year, month) => {
                write!(f, "{}-{year:04}", MONTHS[usize::from(month - 1)])
            }
            Self::Day(date) => date.fmt(f),
        }
    }
}

/// A moment in time: seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(pub i64);

impl Instant {
    /// Reads a FHIR `dateTime` or `instant` with a time
    /// (`2026-11-21T14:05:00+00:00`, `…Z`, fractions of a second ignored).
    /// A `dateTime` that is only a date is not an instant: read it with
    /// [`FhirDateTime::parse`].
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let bad = || DateError::NotADate(text.to_string());
        let (date, rest) = text.split_once('T').ok_or_else(bad)?;
        let date = FhirDate::parse(date)
            .ok()
            .and_then(FhirDate::day)
            .ok_or_else(bad)?;
        let (time, offset_minutes) = if let Some(time) = rest.strip_suffix('Z') {
            (time, 0)
        } else if let Some(at) = rest.rfind(['+', '-']) {
            let (time, offset) = rest.split_at(at);
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let (h, m) = offset[1..].split_once(':').ok_or_else(bad)?;
            let h: i64 = number(h, 2).filter(|h| *h <= 14).ok_or_else(bad)?;
            let m: i64 = number(m, 2).filter(|m| *m < 60).ok_or_else(bad)?;
            (time, sign * (h * 60 + m))
        } else {
            return Err(DateError::NoOffset(text.to_string()));
        };
        let mut hms = time.split(':');
        let mut field = |max: i64| {
            hms.next()
                .and_then(|t| number::<i64>(t, 2))
                .filter(|v| *v <= max)
        };
        let hour = field(23).ok_or_else(bad)?;
        let minute = field(59).ok_or_else(bad)?;
        // Seconds, with any fraction (`05.123`) dropped: the CUI shows
        // minutes.
        let seconds = match hms.next() {
            Some(s) => {
                let (whole, fraction) = s.split_once('.').unwrap_or((s, "0"));
                if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(bad());
                }
                number::<i64>(whole, 2)
                    .filter(|v| *v <= 60)
                    .ok_or_else(bad)?
            }
            None => return Err(bad()),
        };
        if hms.next().is_some() {
            return Err(bad());
        }
        let local = date.days_since_epoch() * 86_400 + hour * 3_600 + minute * 60 + seconds;
        Ok(Self(local - offset_minutes * 60))
    }

    /// As a FHIR `instant` in UTC, to the second: `2026-11-21T14:05:00Z`.
    pub fn to_fhir(self) -> String {
        let day = CalendarDate::from_days_since_epoch(self.0.div_euclid(86_400));
        let seconds = self.0.rem_euclid(86_400);
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            day.year,
            day.month,
            day.day,
            seconds / 3_600,
            seconds / 60 % 60,
            seconds % 60
        )
    }

    /// Now, by the browser's clock (or the system's, natively).
    pub fn now() -> Self {
        #[cfg(target_arch = "wasm32")]
        {
            Self((js_sys::Date::now() / 1000.0).floor() as i64)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let since = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            Self(i64::try_from(since).unwrap_or(i64::MAX))
        }
    }

    /// Whether British Summer Time is in force at this instant.
    pub fn is_bst(self) -> bool {
        let year = CalendarDate::from_days_since_epoch(self.0.div_euclid(86_400)).year;
        let change =
            |month| CalendarDate::last_sunday(year, month).days_since_epoch() * 86_400 + 3_600;
        (change(3)..change(10)).contains(&self.0)
    }

    /// The instant UK clocks showed `time` (to the minute). In the hour
    /// October's change repeats, the first (BST) of the two; a time March's
    /// change skips (01:00 to 01:59) did not happen on UK clocks, and is
    /// read as GMT, an hour after the same time in BST.
    pub fn from_uk(time: UkDateTime) -> Self {
        let local = time.date.days_since_epoch() * 86_400
            + i64::from(time.hour) * 3_600
            + i64::from(time.minute) * 60;
        let summer = Self(local - 3_600);
        if summer.is_bst() { summer } else { Self(local) }
    }

    /// The date and time UK clocks show at this instant.
    pub fn uk(self) -> UkDateTime {
        let local = self.0 + if self.is_bst() { 3_600 } else { 0 };
        let of_day = local.rem_euclid(86_400);
        UkDateTime {
            date: CalendarDate::from_days_since_epoch(local.div_euclid(86_400)),
            hour: (of_day / 3_600) as u8,
            minute: (of_day % 3_600 / 60) as u8,
        }
    }
}

/// A date and time on UK clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct UkDateTime {
    /// The day.
    pub date: CalendarDate,
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
}

impl UkDateTime {
    /// `14:05`.
    pub fn time(&self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

/// `21-Nov-2026 14:05`.
impl fmt::Display for UkDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:02}:{:02}", self.date, self.hour, self.minute)
    }
}

/// A FHIR `dateTime`: a date (to the day, month or year) or an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FhirDateTime {
    /// Only a date.
    Date(FhirDate),
    /// A time with its offset.
    At(Instant),
}

impl FhirDateTime {
    /// Reads a FHIR `dateTime` or `instant`.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        if text.contains('T') {
            Instant::parse(text).map(Self::At)
        } else {
            FhirDate::parse(text).map(Self::Date)
        }
    }

    /// The instant, when there is a time; else the start of the day,
    /// month or year in UK time (for ordering and ranges).
    pub fn instant(self) -> Instant {
        match self {
            Self::At(instant) => instant,
            Self::Date(date) => {
                let day = match date {
                    FhirDate::Year(y) => CalendarDate {
                        year: y,
                        month: 1,
                        day: 1,
                    },
                    FhirDate::Month(y, m) => CalendarDate {
                        year: y,
                        month: m,
                        day: 1,
                    },
                    FhirDate::Day(d) => d,
                };
                let midnight = Instant(day.days_since_epoch() * 86_400);
                // Midnight UK time is 23:00 GMT the day before in summer.
                Instant(midnight.0 - if midnight.is_bst() { 3_600 } else { 0 })
            }
        }
    }
}

/// `21-Nov-2026 14:05` in UK time, or the date alone when there is no time.
impl fmt::Display for FhirDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Date(date) => date.fmt(f),
            Self::At(instant) => instant.uk().fmt(f),
        }
    }
}

/// When someone was born: the date, and the time if it was recorded (the
/// FHIR `patient-birthTime` extension), which the youngest ages need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Born {
    /// The date only.
    On(CalendarDate),
    /// The moment.
    At(Instant),
}

impl Born {
    fn date(self) -> CalendarDate {
        match self {
            Self::On(date) => date,
            Self::At(instant) => instant.uk().date,
        }
    }
}

/// Why an age cannot be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AgeError {
    /// The birth is after `now`: a wrong date of birth or a wrong clock.
    #[error("the date of birth is in the future")]
    BornInFuture,
}

/// An age in the units the CUI sets for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age {
    /// Under 2 hours (birth time known).
    Minutes(i64),
    /// Under 2 days (birth time known).
    Hours(i64),
    /// Under 4 weeks.
    Days(i64),
    /// Under 1 year.
    WeeksDays(i64, i64),
    /// Under 2 years.
    MonthsDays(i64, i64),
    /// Under 18 years.
    YearsMonths(i64, i64),
    /// 18 years and over.
    Years(i64),
}

impl Age {
    /// The age at `now` of someone `born` then. With a date of birth only,
    /// the first two days are counted in days (`0d`, `1d`): hours need the
    /// time of birth.
    pub fn at(born: Born, now: Instant) -> Result<Self, AgeError> {
        let today = now.uk().date;
        if let Born::At(birth) = born {
            let seconds = now.0 - birth.0;
            if seconds < 0 {
                return Err(AgeError::BornInFuture);
            }
            if seconds < 2 * 3_600 {
                return Ok(Self::Minutes(seconds / 60));
            }
            if seconds < 2 * 86_400 {
                return Ok(Self::Hours(seconds / 3_600));
            }
        }
        let birthday = born.date();
        let days = today.days_since_epoch() - birthday.days_since_epoch();
        if days < 0 {
            return Err(AgeError::BornInFuture);
        }
        if days < 28 {
            return Ok(Self::Days(days));
        }
        let months = whole_months(birthday, today);
        if months < 12 {
            return Ok(Self::WeeksDays(days / 7, days % 7));
        }
        if months < 24 {
            let since = today.days_since_epoch() - birthday.plus_months(months).days_since_epoch();
            return Ok(Self::MonthsDays(months, since));
        }
        if months < 18 * 12 {
            return Ok(Self::YearsMonths(months / 12, months % 12));
        }
        Ok(Self::Years(months / 12))
    }
}

/// Complete calendar months from `from` to `to` (`to` not before `from`).
fn whole_months(from: CalendarDate, to: CalendarDate) -> i64 {
    let mut months = (i64::from(to.year) - i64::from(from.year)) * 12 + i64::from(to.month)
        - i64::from(from.month);
    // At most one too many: the anniversary in `to`'s month may be later.
    while months > 0 && from.plus_months(months) > to {
        months -= 1;
    }
    months
}

/// `45min`, `26hr`, `15d`, `4w 1d`, `13m 2d`, `5y 2m`, `36y`: no space
/// between number and unit, a zero part left out (`4w`, `2y`), but never
/// nothing (`0d` on the day of birth).
impl fmt::Display for Age {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (first, unit, second, second_unit) = match *self {
            Self::Minutes(n) => (n, "min", 0, ""),
            Self::Hours(n) => (n, "hr", 0, ""),
            Self::Days(n) => (n, "d", 0, ""),
            Self::WeeksDays(w, d) => (w, "w", d, "d"),
            Self::MonthsDays(m, d) => (m, "m", d, "d"),
            Self::YearsMonths(y, m) => (y, "y", m, "m"),
            Self::Years(n) => (n, "y", 0, ""),
        };
        write!(f, "{first}{unit}")?;
        if second > 0 {
            write!(f, " {second}{second_unit}")?;
        }
        Ok(())
    }
}

/// What the CUI shows for a value that is missing (PAB-0019: never a
/// question mark, never a blank that looks like a fault).
pub const NOT_KNOWN: &str = "Not known";

/// A patient's name in the CUI's order, `FAMILY, Given Middle (Title)`,
/// from a FHIR `HumanName`'s parts. A name with no family name shows its
/// given names alone (never a leading comma); one with neither, the name
/// as written (`text`), else [`NOT_KNOWN`]. Blank parts count as missing.
pub fn patient_name(
    family: Option<&str>,
    given: &[&str],
    title: Option<&str>,
    text: Option<&str>,
) -> String {
    let present = |part: &&str| !part.trim().is_empty();
    let family = family.map(str::trim).filter(present);
    let given = given
        .iter()
        .map(|g| g.trim())
        .filter(present)
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = match (family, given.is_empty()) {
        (Some(family), false) => format!("{}, {given}", family.to_uppercase()),
        (Some(family), true) => family.to_uppercase(),
        (None, false) => given,
        (None, true) => text
            .map(str::trim)
            .filter(present)
            .unwrap_or(NOT_KNOWN)
            .to_string(),
    };
    if let Some(title) = title.map(str::trim).filter(present) {
        out.push_str(" (");
        out.push_str(title);
        out.push(')');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn patient_names_follow_the_cui_order_and_fall_back_part_by_part() {
        use super::patient_name as name;
        assert_eq!(
            name(Some("Smith"), &["Jane", "Ann"], Some("Mrs"), None),
            "SMITH, Jane Ann (Mrs)"
        );
        assert_eq!(name(Some(" Smith "), &[], None, None), "SMITH");
        assert_eq!(
            name(None, &["Ann", "Marie"], None, None),
            "Ann Marie",
            "no leading comma"
        );
        assert_eq!(
            name(Some(" "), &["Ann", ""], None, Some("Ann Smith")),
            "Ann"
        );
        assert_eq!(
            name(None, &[], None, Some("Baby of Smith")),
            "Baby of Smith"
        );
        assert_eq!(name(None, &[" "], Some("Dr"), Some("")), "Not known (Dr)");
        assert_eq!(name(None, &[], None, None), super::NOT_KNOWN);
        assert_eq!(
            name(Some("o'brien"), &["Siân"], Some(" "), None),
            "O'BRIEN, Siân",
            "a blank title is none"
        );
    }

    use super::*;

    fn date(text: &str) -> CalendarDate {
        FhirDate::parse(text)
            .ok()
            .and_then(FhirDate::day)
            .expect(text)
    }

    fn at(text: &str) -> Instant {
        Instant::parse(text).expect(text)
    }

    /// The age on `today` (noon UK time) of someone born on `born`.
    fn age_on(born: &str, today: &str) -> String {
        let noon = at(&format!("{today}T12:00:00Z"));
        Age::at(Born::On(date(born)), noon)
            .expect("born before")
            .to_string()
    }

    #[test]
    fn dates_are_day_month_abbreviation_and_year() {
        assert_eq!(date("2026-11-21").to_string(), "21-Nov-2026");
        assert_eq!(date("1945-07-04").to_string(), "04-Jul-1945");
        assert_eq!(
            FhirDate::parse("1945-07").map(|d| d.to_string()),
            Ok("Jul-1945".into())
        );
        assert_eq!(
            FhirDate::parse("1945").map(|d| d.to_string()),
            Ok("1945".into())
        );
        for month in 1..=12u8 {
            let d = CalendarDate::new(2026, month, 1).expect("exists");
            assert_eq!(&d.to_string()[3..6], MONTHS[usize::from(month - 1)]);
        }
    }

    #[test]
    fn instants_write_as_fhir_utc_and_read_back() {
        for text in [
            "1970-01-01T00:00:00Z",
            "2024-02-29T23:59:59Z",
            "1969-12-31T23:00:00Z",
            "2026-11-21T14:05:00Z",
        ] {
            assert_eq!(at(text).to_fhir(), text);
        }
        assert_eq!(
            at("2026-07-01T09:30:00+01:00").to_fhir(),
            "2026-07-01T08:30:00Z"
        );
    }

    #[test]
    fn impossible_or_malformed_dates_are_refused() {
        for bad in [
            "2026-02-29",
            "2024-02-30",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-11-21",
            "2026-1-5",
            "2026-11-21-01",
            "",
            "abcd",
            "2026/11/21",
        ] {
            assert!(FhirDate::parse(bad).is_err(), "{bad}");
        }
        assert!(FhirDate::parse("2024-02-29").is_ok());
        assert!(FhirDate::parse("2000-02-29").is_ok(), "2000 is a leap year");
        assert!(FhirDate::parse("1900-02-29").is_err(), "1900 is not");
    }

    #[test]
    fn day_numbers_round_trip_across_centuries() {
        assert_eq!(date("1970-01-01").days_since_epoch(), 0);
        assert_eq!(date("2000-03-01").days_since_epoch(), 11_017);
        for days in (-800_000..800_000).step_by(997) {
            let d = CalendarDate::from_days_since_epoch(days);
            assert_eq!(d.days_since_epoch(), days, "{d}");
            assert!(CalendarDate::new(d.year, d.month, d.day).is_some());
        }
    }

    #[test]
    fn a_uk_clock_time_is_the_instant_it_was_shown() {
        let uk = |d: u8, m: u8, h: u8, min: u8| UkDateTime {
            date: CalendarDate::new(2026, m, d).expect("a date"),
            hour: h,
            minute: min,
        };
        let fhir = |t| Instant::from_uk(t).to_fhir();
        assert_eq!(fhir(uk(21, 11, 14, 5)), "2026-11-21T14:05:00Z", "GMT");
        assert_eq!(fhir(uk(1, 7, 14, 5)), "2026-07-01T13:05:00Z", "BST");
        // 2026's changes: Sunday 29 March and Sunday 25 October, 01:00 UTC.
        assert_eq!(
            fhir(uk(29, 3, 0, 59)),
            "2026-03-29T00:59:00Z",
            "the last GMT minute"
        );
        assert_eq!(
            fhir(uk(29, 3, 2, 0)),
            "2026-03-29T01:00:00Z",
            "the first BST minute"
        );
        assert_eq!(
            fhir(uk(29, 3, 1, 30)),
            "2026-03-29T01:30:00Z",
            "skipped: read as GMT"
        );
        assert_eq!(fhir(uk(25, 10, 0, 59)), "2026-10-24T23:59:00Z");
        assert_eq!(
            fhir(uk(25, 10, 1, 30)),
            "2026-10-25T00:30:00Z",
            "repeated: the first, BST"
        );
        assert_eq!(fhir(uk(25, 10, 2, 0)), "2026-10-25T02:00:00Z", "GMT again");
        // And back: every minute of a day round-trips, changes included.
        for day in [(29, 3), (25, 10), (4, 12)] {
            for minute in 0..24 * 60 {
                let t = uk(day.0, day.1, (minute / 60) as u8, (minute % 60) as u8);
                if day == (29, 3) && t.hour == 1 {
                    continue;
                }
                assert_eq!(Instant::from_uk(t).uk(), t, "{t}");
            }
        }
    }

    #[test]
    fn times_are_24_hour_in_uk_time() {
        // Winter: GMT.
        let winter = at("2026-11-21T14:05:00Z").uk();
        assert_eq!(winter.to_string(), "21-Nov-2026 14:05");
        assert_eq!(winter.time(), "14:05");
        // Summer: BST, an hour ahead of UTC.
        assert_eq!(
            at("2026-07-01T13:05:00Z").uk().to_string(),
            "01-Jul-2026 14:05"
        );
        // The same instant written with another offset.
        assert_eq!(at("2026-07-01T15:05:00+02:00").uk().time(), "14:05");
        assert_eq!(at("2026-07-01T08:35:00-04:30").uk().time(), "14:05");
        // Midnight and one minute before.
        assert_eq!(
            at("2026-11-21T00:00:00Z").uk().to_string(),
            "21-Nov-2026 00:00"
        );
        assert_eq!(
            at("2026-11-21T23:59:59Z").uk().to_string(),
            "21-Nov-2026 23:59"
        );
        // Fractions of a second are accepted and dropped.
        assert_eq!(at("2026-11-21T14:05:59.999Z").uk().time(), "14:05");
    }

    #[test]
    fn british_summer_time_starts_and_ends_at_01_00_gmt_on_the_last_sundays() {
        // 2026: BST from Sunday 29 March to Sunday 25 October.
        assert!(!at("2026-03-29T00:59:59Z").is_bst());
        assert!(at("2026-03-29T01:00:00Z").is_bst());
        assert_eq!(at("2026-03-29T00:59:00Z").uk().time(), "00:59");
        assert_eq!(
            at("2026-03-29T01:00:00Z").uk().time(),
            "02:00",
            "clocks go forward"
        );
        assert!(at("2026-10-25T00:59:59Z").is_bst());
        assert!(!at("2026-10-25T01:00:00Z").is_bst());
        assert_eq!(
            at("2026-10-25T00:30:00Z").uk().time(),
            "01:30",
            "first 01:30 (BST)"
        );
        assert_eq!(
            at("2026-10-25T01:30:00Z").uk().time(),
            "01:30",
            "second 01:30 (GMT)"
        );
        // Other years' last Sundays: 31 March 2024 (the month's last day),
        // 27 October 2024, 30 March 2025, 26 October 2025, 26 March 2028.
        for (before, after) in [
            ("2024-03-31T00:59:59Z", "2024-03-31T01:00:00Z"),
            ("2025-03-30T00:59:59Z", "2025-03-30T01:00:00Z"),
            ("2028-03-26T00:59:59Z", "2028-03-26T01:00:00Z"),
        ] {
            assert!(!at(before).is_bst() && at(after).is_bst(), "{after}");
        }
        for (before, after) in [
            ("2024-10-27T00:59:59Z", "2024-10-27T01:00:00Z"),
            ("2025-10-26T00:59:59Z", "2025-10-26T01:00:00Z"),
        ] {
            assert!(at(before).is_bst() && !at(after).is_bst(), "{after}");
        }
        // A BST date just after midnight UTC is the next UK day.
        assert_eq!(
            at("2026-07-01T23:30:00Z").uk().to_string(),
            "02-Jul-2026 00:30"
        );
    }

    #[test]
    fn date_times_without_offset_or_malformed_are_refused() {
        assert_eq!(
            Instant::parse("2026-11-21T14:05:00"),
            Err(DateError::NoOffset("2026-11-21T14:05:00".into()))
        );
        for bad in [
            "2026-11-21T24:00:00Z",
            "2026-11-21T14:60:00Z",
            "2026-11-21T14:05Z",
            "2026-11-21T14:05:00+1:00",
            "2026-11-21T14:05:00.Z",
            "2026-11-21 14:05:00Z",
            "2026-11-21T14:05:00+15:00",
            "2026-02-30T14:05:00Z",
        ] {
            assert!(Instant::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            FhirDateTime::parse("2026-11-21").map(|d| d.to_string()),
            Ok("21-Nov-2026".into())
        );
        assert_eq!(
            FhirDateTime::parse("2026-11-21T14:05:00+00:00").map(|d| d.to_string()),
            Ok("21-Nov-2026 14:05".into())
        );
    }

    #[test]
    fn a_date_starts_at_uk_midnight() {
        let summer = FhirDateTime::parse("2026-07-01").map(FhirDateTime::instant);
        assert_eq!(summer, Ok(at("2026-06-30T23:00:00Z")));
        let winter = FhirDateTime::parse("2026-11-21").map(FhirDateTime::instant);
        assert_eq!(winter, Ok(at("2026-11-21T00:00:00Z")));
    }

    #[test]
    fn newborns_with_a_birth_time_are_aged_in_minutes_then_hours() {
        let born = Born::At(at("2026-11-21T08:00:00Z"));
        let age = |now: &str| Age::at(born, at(now)).map(|a| a.to_string());
        assert_eq!(age("2026-11-21T08:00:00Z"), Ok("0min".into()));
        assert_eq!(age("2026-11-21T08:45:30Z"), Ok("45min".into()));
        assert_eq!(age("2026-11-21T09:59:59Z"), Ok("119min".into()));
        assert_eq!(
            age("2026-11-21T10:00:00Z"),
            Ok("2hr".into()),
            "2 hours: hours"
        );
        assert_eq!(age("2026-11-22T10:00:00Z"), Ok("26hr".into()));
        assert_eq!(age("2026-11-23T07:59:59Z"), Ok("47hr".into()));
        assert_eq!(age("2026-11-23T08:00:00Z"), Ok("2d".into()), "2 days: days");
        assert_eq!(age("2026-11-21T07:59:00Z"), Err(AgeError::BornInFuture));
    }

    #[test]
    fn hours_count_real_time_across_the_clock_change() {
        // Born 00:30 BST on 25 October 2026; 01:30 BST and 01:30 GMT follow.
        let born = Born::At(at("2026-10-24T23:30:00Z"));
        let later = at("2026-10-25T02:30:00Z"); // 02:30 GMT: three real hours.
        assert_eq!(
            Age::at(born, later).map(|a| a.to_string()),
            Ok("3hr".into())
        );
    }

    #[test]
    fn infants_are_aged_in_days_then_weeks_and_days() {
        assert_eq!(age_on("2026-11-21", "2026-11-21"), "0d");
        assert_eq!(age_on("2026-11-21", "2026-11-22"), "1d");
        assert_eq!(age_on("2026-11-01", "2026-11-28"), "27d");
        assert_eq!(age_on("2026-11-01", "2026-11-29"), "4w", "4 weeks: weeks");
        assert_eq!(age_on("2026-11-01", "2026-11-30"), "4w 1d");
        assert_eq!(
            age_on("2025-11-22", "2026-11-21"),
            "52w",
            "a day short of a year"
        );
    }

    #[test]
    fn toddlers_are_aged_in_months_and_days_then_children_in_years_and_months() {
        assert_eq!(age_on("2025-11-21", "2026-11-21"), "12m", "first birthday");
        assert_eq!(age_on("2025-10-19", "2026-11-21"), "13m 2d");
        assert_eq!(
            age_on("2024-11-22", "2026-11-21"),
            "23m 30d",
            "a day short of two"
        );
        assert_eq!(age_on("2024-11-21", "2026-11-21"), "2y", "second birthday");
        assert_eq!(age_on("2021-09-21", "2026-11-21"), "5y 2m");
        assert_eq!(
            age_on("2008-11-22", "2026-11-21"),
            "17y 11m",
            "a day short of 18"
        );
        assert_eq!(age_on("2008-11-21", "2026-11-21"), "18y", "18th birthday");
        assert_eq!(age_on("1945-07-14", "2026-11-21"), "81y");
    }

    #[test]
    fn leap_day_births_have_birthdays_on_1_march_in_common_years() {
        assert_eq!(age_on("2024-02-29", "2025-02-28"), "52w 1d");
        assert_eq!(age_on("2024-02-29", "2025-03-01"), "12m");
        assert_eq!(age_on("2008-02-29", "2026-02-28"), "17y 11m");
        assert_eq!(age_on("2008-02-29", "2026-03-01"), "18y");
        assert_eq!(
            age_on("2008-02-29", "2028-02-29"),
            "20y",
            "on the day in a leap year"
        );
        // Months from the 31st: the anniversary in a 30-day month is the 1st.
        assert_eq!(age_on("2025-01-31", "2026-04-30"), "14m 30d");
        assert_eq!(age_on("2025-01-31", "2026-05-01"), "15m");
    }

    #[test]
    fn the_age_is_counted_on_the_uk_date() {
        // 23:30 UTC on 20 July, in summer time, is already the 21st in the UK.
        let born = Born::On(date("2008-07-21"));
        let late = at("2026-07-20T23:30:00Z");
        assert_eq!(Age::at(born, late).map(|a| a.to_string()), Ok("18y".into()));
        let earlier = at("2026-07-20T22:30:00Z");
        assert_eq!(
            Age::at(born, earlier).map(|a| a.to_string()),
            Ok("17y 11m".into())
        );
        assert_eq!(
            Age::at(Born::On(date("2026-11-22")), at("2026-11-21T12:00:00Z")),
            Err(AgeError::BornInFuture)
        );
    }
}
