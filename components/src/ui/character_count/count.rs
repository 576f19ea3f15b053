//! Counting what someone typed, and the messages that say how much is left.

/// What a limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CountType {
    /// Characters as a reader sees them: an emoji built of several code
    /// points (a skin tone, a zero-width joiner) counts once.
    #[default]
    Characters,
    /// Words: runs of characters between spaces and line breaks.
    Words,
}

impl CountType {
    /// nhsuk-frontend's `countType` name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Characters => "characters",
            Self::Words => "words",
        }
    }

    /// How many of this unit `text` has.
    pub fn count(self, text: &str) -> usize {
        match self {
            Self::Characters => count_characters(text),
            Self::Words => text.split_whitespace().count(),
        }
    }

    fn unit(self, n: usize) -> &'static str {
        match (self, n) {
            (Self::Characters, 1) => "character",
            (Self::Characters, _) => "characters",
            (Self::Words, 1) => "word",
            (Self::Words, _) => "words",
        }
    }
}

/// Characters as a reader sees them, following the common cases of Unicode
/// text segmentation's grapheme clusters (UAX #29,
/// <https://www.unicode.org/reports/tr29/>): a code point joins the one
/// before it when it is a combining mark, a variation selector, an emoji
/// skin tone or tag, or follows a zero-width joiner; a pair of regional
/// indicators (a flag) is one. nhsuk-frontend counts with the browser's
/// `Intl.Segmenter`; this needs no tables, so it costs the download almost
/// nothing, and matches it on the text clinicians type.
pub fn count_characters(text: &str) -> usize {
    let mut count = 0;
    let mut after_joiner = false;
    let mut open_flag = false;
    for c in text.chars() {
        let joins = after_joiner || extends(c);
        after_joiner = c == '\u{200D}';
        if is_regional_indicator(c) {
            if open_flag {
                open_flag = false;
                continue;
            }
            open_flag = true;
        } else if !joins {
            open_flag = false;
        }
        if !joins {
            count += 1;
        }
    }
    count
}

/// Code points that extend the character before them.
fn extends(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'     // combining diacritical marks
        | '\u{1AB0}'..='\u{1AFF}'   // … extended
        | '\u{1DC0}'..='\u{1DFF}'   // … supplement
        | '\u{20D0}'..='\u{20FF}'   // … for symbols
        | '\u{FE20}'..='\u{FE2F}'   // combining half marks
        | '\u{FE00}'..='\u{FE0F}'   // variation selectors
        | '\u{1F3FB}'..='\u{1F3FF}' // emoji skin tones
        | '\u{E0020}'..='\u{E007F}' // emoji tag sequences (regional flags)
        | '\u{200D}'                // zero-width joiner
    )
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// What is left of `limit` once `used` are used, in nhsuk-frontend's words
/// ("You have 3 characters remaining", "You have 1 word too many").
pub fn remaining_message(count_type: CountType, limit: usize, used: usize) -> String {
    if used == limit {
        return format!("You have 0 {} remaining", count_type.unit(0));
    }
    if used < limit {
        let n = limit - used;
        format!("You have {n} {} remaining", count_type.unit(n))
    } else {
        let n = used - limit;
        format!("You have {n} {} too many", count_type.unit(n))
    }
}

/// Whether the count is worth showing: at or past `threshold` per cent of
/// the limit (always, without a threshold), as nhsuk-frontend decides.
pub fn over_threshold(threshold: Option<u8>, limit: usize, used: usize) -> bool {
    match threshold {
        None | Some(0) => true,
        Some(t) => limit * usize::from(t) <= used * 100,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_counted_as_a_reader_sees_them() {
        assert_eq!(count_characters(""), 0);
        assert_eq!(count_characters("BP 120/80"), 9);
        assert_eq!(count_characters("line\nbreak"), 10);
        // é as e + combining acute.
        assert_eq!(count_characters("cafe\u{0301}"), 4);
        // Woman astronaut, light skin tone: woman, tone, joiner, rocket.
        assert_eq!(count_characters("\u{1F469}\u{1F3FB}\u{200D}\u{1F680}"), 1);
        // Family: four people joined by three joiners.
        assert_eq!(
            count_characters("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"),
            1
        );
        // Red heart with its emoji variation selector.
        assert_eq!(count_characters("\u{2764}\u{FE0F}"), 1);
        // Two flags: UK (GB) and Ireland (IE), then a letter.
        assert_eq!(
            count_characters("\u{1F1EC}\u{1F1E7}\u{1F1EE}\u{1F1EA}a"),
            3
        );
        // An odd regional indicator stands alone.
        assert_eq!(count_characters("\u{1F1EC}a"), 2);
        // Wales' flag: black flag and its tag sequence.
        assert_eq!(
            count_characters(
                "\u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}"
            ),
            1
        );
    }

    #[test]
    fn words_are_runs_between_spaces() {
        assert_eq!(CountType::Words.count(""), 0);
        assert_eq!(CountType::Words.count("   "), 0);
        assert_eq!(CountType::Words.count("  fell at\thome\n today "), 4);
        assert_eq!(CountType::Words.count("end-to-end"), 1);
    }

    #[test]
    fn messages_say_what_is_left_in_nhsuk_frontends_words() {
        use CountType::{Characters, Words};
        assert_eq!(remaining_message(Characters, 200, 0), "You have 200 characters remaining");
        assert_eq!(remaining_message(Characters, 200, 199), "You have 1 character remaining");
        assert_eq!(remaining_message(Characters, 200, 200), "You have 0 characters remaining");
        assert_eq!(remaining_message(Characters, 200, 201), "You have 1 character too many");
        assert_eq!(remaining_message(Characters, 200, 210), "You have 10 characters too many");
        assert_eq!(remaining_message(Words, 50, 49), "You have 1 word remaining");
        assert_eq!(remaining_message(Words, 50, 50), "You have 0 words remaining");
        assert_eq!(remaining_message(Words, 50, 52), "You have 2 words too many");
    }

    #[test]
    fn the_count_shows_from_the_threshold() {
        assert!(over_threshold(None, 100, 0));
        assert!(over_threshold(Some(0), 100, 0));
        assert!(!over_threshold(Some(75), 112, 83)); // 83 < 84
        assert!(over_threshold(Some(75), 112, 84)); // 75% of 112 is 84
        assert!(over_threshold(Some(75), 112, 200));
        assert!(!over_threshold(Some(100), 10, 9));
        assert!(over_threshold(Some(100), 10, 10));
    }
}
