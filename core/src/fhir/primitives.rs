//! FHIR number primitives that keep their JSON text and read values that
//! serde's `flatten` has buffered.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a number is not a valid FHIR primitive.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrimitiveError {
    /// Not a JSON number at all.
    #[error("\"{0}\" is not a number")]
    NotANumber(String),
    /// A fraction or exponent where a whole number is required.
    #[error("{0} is not a whole number")]
    NotWhole(String),
    /// Outside the type's range (FHIR integers are 32-bit).
    #[error("{value} is outside {range}")]
    OutOfRange {
        /// The value as written.
        value: String,
        /// The allowed range.
        range: &'static str,
    },
}

/// A FHIR `decimal`, kept exactly as written: `1.50` stays `1.50`, because
/// trailing zeros state the precision of a measurement.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Decimal(serde_json::Number);

impl Decimal {
    /// The text as written.
    pub fn as_str(&self) -> String {
        self.0.to_string()
    }

    /// The value as a float, for arithmetic and display (precision is lost).
    pub fn to_f64(&self) -> f64 {
        self.0.as_f64().unwrap_or(f64::NAN)
    }
}

impl FromStr for Decimal {
    type Err = PrimitiveError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        serde_json::Number::from_str(s)
            .map(Self)
            .map_err(|_| PrimitiveError::NotANumber(s.to_string()))
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Decimal({})", self.0)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde_json::Number::deserialize(d).map(Self)
    }
}

/// Reads a whole number in `min..=max` from a JSON number.
fn whole(
    n: &serde_json::Number,
    min: i64,
    max: i64,
    range: &'static str,
) -> Result<i64, PrimitiveError> {
    let text = n.to_string();
    let value = n.as_i64().ok_or_else(|| {
        if text.contains(['.', 'e', 'E']) {
            PrimitiveError::NotWhole(text.clone())
        } else {
            PrimitiveError::OutOfRange {
                value: text.clone(),
                range,
            }
        }
    })?;
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(PrimitiveError::OutOfRange { value: text, range })
    }
}

macro_rules! whole_number {
    ($(#[$doc:meta])* $name:ident($inner:ty), $min:expr, $max:expr, $range:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub $inner);

        impl $name {
            /// The value.
            pub fn get(self) -> $inner {
                self.0
            }
        }

        impl TryFrom<&serde_json::Number> for $name {
            type Error = PrimitiveError;

            fn try_from(n: &serde_json::Number) -> Result<Self, Self::Error> {
                // The range check makes the narrowing cast exact.
                whole(n, $min, $max, $range).map(|v| Self(v as $inner))
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.0.serialize(s)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let n = serde_json::Number::deserialize(d)?;
                Self::try_from(&n).map_err(serde::de::Error::custom)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
    };
}

whole_number!(
    /// A FHIR `integer`: a signed 32-bit whole number.
    Integer(i32), i32::MIN as i64, i32::MAX as i64, "-2147483648..=2147483647"
);
whole_number!(
    /// A FHIR `unsignedInt`: 0 to 2³¹ − 1.
    UnsignedInt(u32), 0, i32::MAX as i64, "0..=2147483647"
);
whole_number!(
    /// A FHIR `positiveInt`: 1 to 2³¹ − 1.
    PositiveInt(u32), 1, i32::MAX as i64, "1..=2147483647"
);

#[cfg(test)]
mod tests {
    use super::*;

    fn number(s: &str) -> serde_json::Number {
        s.parse().expect("a JSON number")
    }

    #[test]
    fn decimals_keep_their_text() {
        for text in [
            "1.50",
            "0.100",
            "-0.0",
            "100",
            "3.14159265358979323846264338327950288",
        ] {
            let d: Decimal = serde_json::from_str(text).expect(text);
            assert_eq!(d.as_str(), text);
            assert_eq!(serde_json::to_string(&d).expect("serialise"), text);
        }
        assert_eq!("1.50".parse::<Decimal>().map(|d| d.to_f64()), Ok(1.5));
        assert!("1,5".parse::<Decimal>().is_err());
    }

    #[test]
    fn integers_are_32_bit_at_the_edges() {
        assert_eq!(
            Integer::try_from(&number("2147483647")),
            Ok(Integer(i32::MAX))
        );
        assert_eq!(
            Integer::try_from(&number("-2147483648")),
            Ok(Integer(i32::MIN))
        );
        assert!(matches!(
            Integer::try_from(&number("2147483648")),
            Err(PrimitiveError::OutOfRange { .. })
        ));
        assert!(matches!(
            Integer::try_from(&number("-2147483649")),
            Err(PrimitiveError::OutOfRange { .. })
        ));
        assert!(matches!(
            Integer::try_from(&number("1.5")),
            Err(PrimitiveError::NotWhole(_))
        ));
        assert!(matches!(
            Integer::try_from(&number("1e2")),
            Err(PrimitiveError::NotWhole(_))
        ));
    }

    #[test]
    fn unsigned_and_positive_bounds() {
        assert_eq!(UnsignedInt::try_from(&number("0")), Ok(UnsignedInt(0)));
        assert!(UnsignedInt::try_from(&number("-1")).is_err());
        assert!(UnsignedInt::try_from(&number("2147483648")).is_err());
        assert!(PositiveInt::try_from(&number("0")).is_err());
        assert_eq!(PositiveInt::try_from(&number("1")), Ok(PositiveInt(1)));
        let err = serde_json::from_str::<PositiveInt>("0").expect_err("zero");
        assert!(err.to_string().contains("outside 1..=2147483647"), "{err}");
    }
}
