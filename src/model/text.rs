//! Limits on what a person types. Long text is refused with a message, never cut short silently.

/// The most characters one answer or note may hold. Generous (a long essay is ~50,000), yet small
/// enough that a few hundred answers still fit in a browser's ~5 MB of local storage.
pub const MAX_TEXT_CHARS: usize = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextError {
    /// `chars` characters, more than `max`.
    TooLong { chars: usize, max: usize },
}

/// Accepts any text (empty, whitespace, emoji, Cyrillic, right-to-left) up to the limit.
/// Counts Unicode scalar values, so an emoji or a Cyrillic letter counts as one.
pub fn check_text(text: &str) -> Result<(), TextError> {
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        Err(TextError::TooLong {
            chars,
            max: MAX_TEXT_CHARS,
        })
    } else {
        Ok(())
    }
}

/// True when the text has nothing but white space: such an answer is kept as written but
/// counts as "not answered yet".
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_text_within_the_limit_is_accepted() {
        for text in [
            "",
            "   \n\t",
            "🙂👨‍👩‍👧",
            "Гендерные нормы",
            "ә ғ қ ң ө ұ ү һ і ӣ ӯ ҳ ҷ ğ ş ç ñ ň ž ý ä",
            "مرحبا بالعالم",
            "שלום",
        ] {
            assert_eq!(check_text(text), Ok(()), "{text}");
        }
        assert_eq!(check_text(&"x".repeat(50_000)), Ok(()));
        assert_eq!(
            check_text(&"я".repeat(MAX_TEXT_CHARS)),
            Ok(()),
            "the limit counts characters, not bytes"
        );
    }

    #[test]
    fn text_over_the_limit_is_refused_with_its_length() {
        let long = "🙂".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            check_text(&long),
            Err(TextError::TooLong {
                chars: MAX_TEXT_CHARS + 1,
                max: MAX_TEXT_CHARS
            })
        );
    }

    #[test]
    fn blank_means_only_white_space() {
        assert!(is_blank(" \n\u{3000}"));
        assert!(!is_blank(" a "));
    }
}
