//! The NHS number: ten digits, the last a Modulus 11 check digit.
//!
//! Source: NHS England, NHS Data Model and Dictionary, "NHS Number"
//! (the check digit validation): multiply each of the first nine digits by a
//! weight, 10 for the first down to 2 for the ninth; add the products;
//! divide by 11; subtract the remainder from 11. A result of 11 makes the
//! check digit 0; a result of 10 means the number is not valid (no NHS number
//! is issued with it); otherwise the result must equal the tenth digit.
//!
//! Display follows the NHS Common User Interface guidance and NHS.UK's
//! design system: three, three and four digits with spaces, `943 476 5919`.

use std::fmt;
use std::str::FromStr;

/// Why text is not an NHS number. Each says which rule failed, so a form
/// can tell the clinician what to correct.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NhsNumberError {
    /// Nothing but spaces and dashes.
    #[error("Enter an NHS number")]
    Empty,
    /// A character other than a digit, a space or a dash.
    #[error("NHS number must only include numbers, spaces and dashes, not '{0}'")]
    NotADigit(char),
    /// Not ten digits.
    #[error("NHS number must be 10 numbers, not {0}")]
    WrongLength(usize),
    /// The first nine digits give a check digit of 10, which no NHS number
    /// has.
    #[error("{0} is not a valid NHS number: no NHS number starts with these 9 digits")]
    CheckDigitTen(String),
    /// The tenth digit is not the one the first nine give.
    #[error("{0} is not a valid NHS number: check the digits, one may be wrong or swapped")]
    CheckDigitMismatch(String),
}

/// A valid NHS number: ten digits whose last is the Modulus 11 check digit
/// of the first nine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NhsNumber([u8; 10]);

impl NhsNumber {
    /// Reads an NHS number as people write it: spaces and dashes between
    /// the digits are ignored (`943 476 5919`, `943-476-5919`).
    pub fn parse(text: &str) -> Result<Self, NhsNumberError> {
        let mut digits = [0u8; 10];
        let mut count = 0;
        for c in text.chars() {
            match c {
                '0'..='9' => {
                    // Counted past ten too, so the message says how many.
                    if let Some(slot) = digits.get_mut(count) {
                        *slot = c as u8 - b'0';
                    }
                    count += 1;
                }
                ' ' | '-' | '\u{a0}' => {}
                other => return Err(NhsNumberError::NotADigit(other)),
            }
        }
        match count {
            0 => return Err(NhsNumberError::Empty),
            10 => {}
            n => return Err(NhsNumberError::WrongLength(n)),
        }
        let spaced = spaced(&digits);
        match check_digit(&digits) {
            None => Err(NhsNumberError::CheckDigitTen(spaced)),
            Some(check) if check != digits[9] => Err(NhsNumberError::CheckDigitMismatch(spaced)),
            Some(_) => Ok(Self(digits)),
        }
    }

    /// The ten digits with nothing between them, as FHIR's
    /// `https://fhir.nhs.uk/Id/nhs-number` identifier holds them.
    /// As NHS.UK shows it: `943 476 5919` (the same as `Display`).
    pub fn formatted(&self) -> String {
        self.to_string()
    }

    /// The ten digits, without spaces.
    pub fn digits(&self) -> String {
        self.0.iter().map(|d| char::from(b'0' + d)).collect()
    }
}

/// The Modulus 11 check digit of the first nine digits; `None` when it
/// would be 10 (the number is not valid).
fn check_digit(digits: &[u8; 10]) -> Option<u8> {
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10u32).rev())
        .map(|(&d, weight)| u32::from(d) * weight)
        .sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        check => u8::try_from(check).ok(),
    }
}

fn spaced(digits: &[u8; 10]) -> String {
    let mut out = String::with_capacity(12);
    for (i, d) in digits.iter().enumerate() {
        if i == 3 || i == 6 {
            out.push(' ');
        }
        out.push(char::from(b'0' + d));
    }
    out
}

/// `943 476 5919`: three, three and four digits.
impl fmt::Display for NhsNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&spaced(&self.0))
    }
}

impl FromStr for NhsNumber {
    type Err = NhsNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_number_reads_with_or_without_separators_and_shows_3_3_4() {
        for text in [
            "9434765919",
            "943 476 5919",
            "943-476-5919",
            " 943 476-5919 ",
        ] {
            let n = NhsNumber::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(n.to_string(), "943 476 5919");
            assert_eq!(n.digits(), "9434765919");
        }
    }

    #[test]
    fn known_valid_numbers_pass() {
        // 943 476 5919: 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2
        // = 299; 299 mod 11 = 2; 11 − 2 = 9, the tenth digit.
        for text in ["9434765919", "9000000009", "4010232137"] {
            assert!(NhsNumber::parse(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn a_check_digit_that_would_be_11_is_0() {
        // 9 876 543 21: 90 + 72 + 56 + 42 + 30 + 20 + 12 + 6 + 2 = 330, a
        // multiple of 11; 11 − 0 = 11, so the check digit is 0.
        assert!(NhsNumber::parse("9876543210").is_ok());
        assert_eq!(
            NhsNumber::parse("9876543211"),
            Err(NhsNumberError::CheckDigitMismatch("987 654 3211".into()))
        );
        // 1 at weight 5 and 2 at weight 3: 5 + 6 = 11.
        assert!(NhsNumber::parse("0000010200").is_ok());
    }

    #[test]
    fn a_check_digit_of_10_is_never_valid() {
        // 1 at weight 10 and 1 at weight 2: 12 mod 11 = 1; 11 − 1 = 10.
        // Whatever the tenth digit, no such NHS number exists.
        for last in 0..=9 {
            assert_eq!(
                NhsNumber::parse(&format!("100000001{last}")),
                Err(NhsNumberError::CheckDigitTen(format!("100 000 001{last}"))),
            );
        }
    }

    #[test]
    fn a_wrong_or_swapped_digit_is_caught() {
        // The last digit changed, and two neighbours swapped.
        for text in ["9434765918", "9434765991", "4934765919"] {
            assert!(
                matches!(
                    NhsNumber::parse(text),
                    Err(NhsNumberError::CheckDigitMismatch(_))
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn the_wrong_number_of_digits_says_how_many_there_are() {
        assert_eq!(
            NhsNumber::parse("943476591"),
            Err(NhsNumberError::WrongLength(9))
        );
        assert_eq!(
            NhsNumber::parse("94347659190"),
            Err(NhsNumberError::WrongLength(11))
        );
        assert_eq!(NhsNumber::parse("1"), Err(NhsNumberError::WrongLength(1)));
    }

    #[test]
    fn anything_but_digits_spaces_and_dashes_names_the_character() {
        assert_eq!(
            NhsNumber::parse("943 476 591O"),
            Err(NhsNumberError::NotADigit('O'))
        );
        assert_eq!(
            NhsNumber::parse("943.476.5919"),
            Err(NhsNumberError::NotADigit('.'))
        );
        assert_eq!(
            NhsNumber::parse("９434765919"),
            Err(NhsNumberError::NotADigit('９'))
        );
    }

    #[test]
    fn nothing_but_separators_is_empty() {
        for text in ["", "   ", " - - "] {
            assert_eq!(
                NhsNumber::parse(text),
                Err(NhsNumberError::Empty),
                "{text:?}"
            );
        }
    }

    #[test]
    fn messages_say_what_to_correct() {
        assert_eq!(
            NhsNumberError::WrongLength(9).to_string(),
            "NHS number must be 10 numbers, not 9"
        );
        assert_eq!(
            NhsNumberError::NotADigit('x').to_string(),
            "NHS number must only include numbers, spaces and dashes, not 'x'"
        );
    }
}
