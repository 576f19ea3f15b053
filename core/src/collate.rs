//! Ordering text as people read a list: "Bay 2" before "Bay 10", "Ward 3"
//! before "Ward 12", "Ó Briain" beside "O'Brien" rather than after "Zaman".
//!
//! One comparator, [`natural`], for the ward list, the ward chooser and
//! every sortable table column of clinical text, so a list never orders one
//! way on one screen and another way on the next.
//!
//! What it follows: the Unicode Collation Algorithm's default ordering (UTS
//! #10, the root collation that en-GB uses unchanged) at its first level,
//! for the Latin letters names on an NHS ward use (Latin-1 Supplement,
//! Latin Extended-A and -B): letters compare without case or accents, and
//! digits come before letters. Spaces and punctuation are ignored at that
//! level, as UCA's "shifted" option and a telephone directory do: O'Brien
//! files as OBrien, between Oakes and Okafor.
//! Digit runs compare by value, as CLDR's `numeric` collation option does
//! (the option `Intl.Collator(…, {numeric: true})` turns on). Ties are broken
//! accents first (unaccented before accented), then case, then by the
//! exact text, so the order is total and the same on every run. It is plain
//! Rust, not the browser's `Intl.Collator`, so that native tests and the
//! browser order the same way, and no ICU tables are shipped.

use std::cmp::Ordering;

/// Letters with a diacritic in Latin-1 Supplement and Latin Extended-A/-B
/// that Unicode decomposes to an ASCII base letter, and those bases, one
/// for one (generated from the Unicode Character Database's canonical
/// decompositions).
const ACCENTED: &str = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ";
const BASES: &str = "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy";

/// One unit of the first-level comparison. The variants' order is the
/// order of the classes: numbers before letters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Unit {
    /// A run of digits by value: its length without leading zeros, then
    /// the digits, compares as the number would, however long.
    Number(usize, String),
    Letter(char),
}

/// A letter's base for the first level: lower case, accents removed,
/// ligatures and letters with no decomposition spelt as UCA orders them
/// (ß as ss, Æ as ae, Ø as o, Ł as l).
fn base(c: char, out: &mut Vec<Unit>) {
    let letters = match c {
        'ß' => "ss",
        'Æ' | 'æ' => "ae",
        'Œ' | 'œ' => "oe",
        'Ĳ' | 'ĳ' => "ij",
        'Þ' | 'þ' => "th",
        'Ø' | 'ø' => "o",
        'Ð' | 'ð' | 'Đ' | 'đ' => "d",
        'Ł' | 'ł' | 'Ŀ' | 'ŀ' => "l",
        'Ħ' | 'ħ' => "h",
        'ı' => "i",
        'Ŧ' | 'ŧ' => "t",
        _ => {
            let folded = ACCENTED
                .chars()
                .position(|a| a == c)
                .and_then(|i| BASES.chars().nth(i));
            match folded {
                Some(b) => out.push(Unit::Letter(b)),
                None => out.extend(c.to_lowercase().map(Unit::Letter)),
            }
            return;
        }
    };
    out.extend(letters.chars().map(Unit::Letter));
}

/// The first-level units of `text`: numbers and letters. Combining marks (U+0300–U+036F, as in
/// text stored decomposed) are accents: ignored here, like a precomposed
/// letter's.
fn units(text: &str) -> Vec<Unit> {
    let mut out = Vec::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut digits = String::from(c);
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                digits.push(d);
            }
            let value = digits.trim_start_matches('0');
            let value = if value.is_empty() { "0" } else { value };
            out.push(Unit::Number(value.len(), value.to_string()));
        } else if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        } else if c.is_alphabetic() {
            base(c, &mut out);
        }
        // Anything else (spaces, punctuation) only separates numbers.
    }
    out
}

/// `text` as [`natural`] compares it at its first level: letters in lower
/// case without accents, digits, and nothing else ("Siân O'Brien" is
/// `sianobrien`). FHIR's string search ignores case and accents the same
/// way (R4 search §3.1.1.4.8), so a search and the list it fills agree.
pub fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_digit() {
            out.push(c);
        } else if c.is_alphabetic() {
            let mut letters = Vec::new();
            base(c, &mut letters);
            out.extend(letters.into_iter().filter_map(|u| match u {
                Unit::Letter(l) => Some(l),
                Unit::Number(..) => None,
            }));
        }
    }
    out
}

/// The order of `a` and `b` as a reader expects it: see the module docs.
pub fn natural(a: &str, b: &str) -> Ordering {
    units(a.trim())
        .cmp(&units(b.trim()))
        // Second level: unaccented before accented ("Ole" before "Ólé").
        .then_with(|| accents(a).cmp(&accents(b)))
        // Third level: lower case before upper, as UCA's default.
        .then_with(|| {
            let case = |s: &str| s.chars().map(|c| c.is_uppercase()).collect::<Vec<_>>();
            case(a).cmp(&case(b))
        })
        .then_with(|| a.cmp(b))
}

/// How many letters carry an accent, position by position.
fn accents(text: &str) -> Vec<bool> {
    text.chars()
        .filter(|c| c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(c))
        .map(|c| !c.is_ascii())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(items: &[&str]) -> Vec<String> {
        let mut items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        items.sort_by(|a, b| natural(a, b));
        items
    }

    /// The sandbox's own beds and wards (issue 32): as strings, "Bay 10"
    /// came before "Bay 2" and "Ward 12" before "Ward 3".
    #[test]
    fn folded_text_drops_case_accents_and_punctuation() {
        assert_eq!(folded("Siân O'Brien"), "sianobrien");
        assert_eq!(folded("Ward 7 (Respiratory)"), "ward7respiratory");
        assert_eq!(folded("Łukasz Straße"), "lukaszstrasse");
    }

    #[test]
    fn numbers_in_text_compare_by_value() {
        assert_eq!(
            sorted(&[
                "Bay 10, bed 1",
                "Bay 2, bed 10",
                "Bay 2, bed 7",
                "Bay 1, bed 2"
            ]),
            [
                "Bay 1, bed 2",
                "Bay 2, bed 7",
                "Bay 2, bed 10",
                "Bay 10, bed 1"
            ]
        );
        assert_eq!(
            sorted(&[
                "Ward 12 (Acute Medical Unit)",
                "Ward 21 (Care of the Elderly)",
                "Ward 3 (Cardiology)",
                "Ward 7 (Respiratory)"
            ]),
            [
                "Ward 3 (Cardiology)",
                "Ward 7 (Respiratory)",
                "Ward 12 (Acute Medical Unit)",
                "Ward 21 (Care of the Elderly)"
            ]
        );
        // Longer than any machine integer, and with leading zeros.
        assert_eq!(
            natural(
                "Bed 99999999999999999999999",
                "Bed 100000000000000000000000"
            ),
            Ordering::Less
        );
        assert_eq!(
            natural("Bed 007", "Bed 7"),
            Ordering::Greater,
            "equal values: the exact text decides, the same every time"
        );
        assert_eq!(natural("Bed 08", "Bed 10"), Ordering::Less);
    }

    /// Names sorted by bytes put "Ó…" after "Z" (issue 32).
    #[test]
    fn accented_letters_sort_with_their_base_letter() {
        assert_eq!(
            sorted(&[
                "ZAMAN, Ayesha",
                "Ó BRIAIN, Siobhán",
                "OKAFOR, Adaeze",
                "ÉVORA, Lúcia",
                "EVANS, Tom",
                "ÅSTRÖM, Lars",
                "ABBOTT, Jo"
            ]),
            [
                "ABBOTT, Jo",
                "ÅSTRÖM, Lars",
                "EVANS, Tom",
                "ÉVORA, Lúcia",
                "Ó BRIAIN, Siobhán",
                "OKAFOR, Adaeze",
                "ZAMAN, Ayesha"
            ]
        );
        assert_eq!(
            natural("Weiß", "Weiss"),
            Ordering::Greater,
            "ß sorts as ss, after it at the second level"
        );
        assert_eq!(natural("Łukasz", "Lukas"), Ordering::Greater);
        assert_eq!(
            natural("Øyvind", "Oliver"),
            Ordering::Greater,
            "Ø as o: Oy after Ol"
        );
        // The same name stored decomposed (O + combining acute) sorts as
        // the precomposed one does.
        assert_eq!(natural("O\u{301}scar", "Oscar"), Ordering::Greater);
        assert_eq!(natural("O\u{301}scar", "Otto"), Ordering::Less);
    }

    #[test]
    fn case_spaces_and_punctuation() {
        assert_eq!(
            sorted(&["bay 2", "Bay 1", "BAY 3"]),
            ["Bay 1", "bay 2", "BAY 3"]
        );
        assert_eq!(
            natural("bay 2", "Bay 2"),
            Ordering::Less,
            "lower case first at the last level"
        );
        assert!(
            natural("Bay  2", "Bay 2").is_ne(),
            "still told apart, but next to each other"
        );
        assert_eq!(natural("Bay  2", "Bay 10"), Ordering::Less);
        assert_eq!(natural("Side room", "Side room 1"), Ordering::Less);
        assert_eq!(
            sorted(&["OKAFOR, Adaeze", "O'BRIEN, Sean", "OAKES, Amy"]),
            ["OAKES, Amy", "O'BRIEN, Sean", "OKAFOR, Adaeze"]
        );
        assert_eq!(
            natural("1.5", "15"),
            Ordering::Less,
            "punctuation still ends a number"
        );
        assert_eq!(
            natural("Bed 1", "Bed A"),
            Ordering::Less,
            "digits before letters"
        );
        assert_eq!(natural("", "A"), Ordering::Less);
        assert_eq!(natural("A", "A"), Ordering::Equal);
    }
}
