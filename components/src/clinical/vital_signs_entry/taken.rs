//! When a set was taken, as the nurse enters it: a UK date and a time on
//! the 24-hour clock, which default to now. A set entered after the round
//! is charted, scored and ordered by when it was taken, not when it was
//! saved (that is `Observation.issued`).

use crate::clinical::cui::{CalendarDate, Instant, UkDateTime};

/// Later than now by more than this is the future, not a clock's drift.
const CLOCK_SLACK_SECONDS: i64 = 60;

/// Older than this, the form asks the nurse to check the date.
pub const WARN_AFTER_SECONDS: i64 = 24 * 60 * 60;

/// The date field's text for `now`: `04/12/2026`.
pub fn date_text(now: Instant) -> String {
    let d = now.uk().date;
    format!("{:02}/{:02}/{:04}", d.day, d.month, d.year)
}

/// The time field's text for `now`: `14:05`.
pub fn time_text(now: Instant) -> String {
    now.uk().time()
}

/// `4/12/2026` or `04/12/2026` (also with `-` or `.`), as a real date.
pub fn parse_date(text: &str) -> Result<CalendarDate, String> {
    let bad = || "Date taken must be a real date, like 04/12/2026".to_string();
    let parts: Vec<&str> = text.trim().split(['/', '-', '.']).map(str::trim).collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(bad());
    };
    if year.len() != 4 {
        return Err(bad());
    }
    let number = |s: &str| (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<i32>().ok()).flatten();
    let (Some(day), Some(month), Some(year)) = (number(day), number(month), number(year)) else {
        return Err(bad());
    };
    CalendarDate::new(year, u8::try_from(month).map_err(|_| bad())?, u8::try_from(day).map_err(|_| bad())?).ok_or_else(bad)
}

/// `14:05`, `9:05`, `14.05` or `1405`, on the 24-hour clock.
pub fn parse_time(text: &str) -> Result<(u8, u8), String> {
    let bad = || "Time taken must be a time on the 24-hour clock, like 14:05".to_string();
    let text = text.trim();
    let (hour, minute) = match text.split_once([':', '.']) {
        Some(parts) => parts,
        None if text.len() == 4 => text.split_at(2),
        None => return Err(bad()),
    };
    let number = |s: &str, max: u8| {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u8>().ok())
            .flatten()
            .filter(|n| *n <= max)
    };
    match (number(hour, 23), number(minute, 59)) {
        (Some(h), Some(m)) if minute.len() == 2 => Ok((h, m)),
        _ => Err(bad()),
    }
}

/// The instant the two fields name, on UK clocks.
pub fn taken_at(date: &str, time: &str) -> Result<Instant, String> {
    let date = parse_date(date)?;
    let (hour, minute) = parse_time(time)?;
    Ok(Instant::from_uk(UkDateTime { date, hour, minute }))
}

/// Whether a set taken `at` can be saved `now`: never from the future.
pub fn check(at: Instant, now: Instant) -> Result<(), String> {
    if at.0 > now.0 + CLOCK_SLACK_SECONDS {
        Err("Time taken must be now or in the past".into())
    } else {
        Ok(())
    }
}

/// Whether a set taken `at` is old enough, `now`, for the form to ask the
/// nurse to check the date (more than 24 hours ago: a slip of a day is the
/// likeliest cause).
pub fn is_over_a_day_old(at: Instant, now: Instant) -> bool {
    now.0 - at.0 > WARN_AFTER_SECONDS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Instant {
        Instant::parse(text).expect(text)
    }

    #[test]
    fn the_fields_default_to_now_on_uk_clocks() {
        let now = at("2026-07-01T13:05:00Z");
        assert_eq!((date_text(now), time_text(now)), ("01/07/2026".into(), "14:05".into()), "BST");
        let winter = at("2026-12-04T23:10:00Z");
        assert_eq!(taken_at(&date_text(winter), &time_text(winter)), Ok(winter));
    }

    #[test]
    fn dates_and_times_are_read_as_nurses_write_them() {
        for (date, time) in [("04/12/2026", "14:05"), ("4/12/2026", "14.05"), ("4-12-2026", "1405"), (" 04.12.2026 ", " 14:05 ")] {
            assert_eq!(taken_at(date, time), Ok(at("2026-12-04T14:05:00Z")), "{date} {time}");
        }
        assert_eq!(parse_time("9:05"), Ok((9, 5)));
        assert_eq!(parse_time("00:00"), Ok((0, 0)));
        assert_eq!(parse_time("23:59"), Ok((23, 59)));
        for bad in ["24:00", "12:60", "9:5", "905", "noon", "", "12:5a", "-1:00"] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
        for bad in ["31/11/2026", "29/02/2026", "04/12/26", "04/13/2026", "2026-12-04", "", "0/12/2026"] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
        assert!(parse_date("29/02/2028").is_ok(), "a leap day");
    }

    /// Issue 32: a set's time was its save time. The edges: a minute of
    /// clock drift is allowed, past it is the future; the warning starts
    /// after exactly 24 hours.
    #[test]
    fn a_set_cannot_be_taken_in_the_future_and_an_old_one_is_questioned() {
        let now = at("2026-12-04T14:05:00Z");
        assert!(check(now, now).is_ok());
        assert!(check(Instant(now.0 + 60), now).is_ok());
        assert_eq!(check(Instant(now.0 + 61), now), Err("Time taken must be now or in the past".into()));
        assert!(!is_over_a_day_old(Instant(now.0 - WARN_AFTER_SECONDS), now));
        assert!(is_over_a_day_old(Instant(now.0 - WARN_AFTER_SECONDS - 1), now));
    }
}
