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

/// A long explanation cut into a short lead (its first sentence) and the rest, shown on request:
/// on a phone the guidance's full paragraph before each question fills the screen. A text of one
/// sentence, or whose first sentence is shorter than `MIN_LEAD` characters, stays whole (the rest
/// is empty), so the lead is never a fragment like "Note." alone.
pub fn lead_and_rest(text: &str) -> (&str, &str) {
    const MIN_LEAD: usize = 40;
    let mut seen = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        seen += 1;
        if matches!(c, '.' | '!' | '?')
            && seen >= MIN_LEAD
            && chars.peek().is_some_and(|(_, next)| next.is_whitespace())
        {
            let end = at + c.len_utf8();
            let rest = text[end..].trim_start();
            if !rest.is_empty() {
                return (&text[..end], rest);
            }
        }
    }
    (text, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_is_the_first_whole_sentence_and_the_rest_follows() {
        let text = "Gender roles and expectations influence both men and women. Often, men face pressure. And more.";
        assert_eq!(
            lead_and_rest(text),
            (
                "Gender roles and expectations influence both men and women.",
                "Often, men face pressure. And more."
            )
        );
        // Cyrillic, and a question mark.
        let ru = "Как гендерные нормы в вашем сообществе влияют на мужчин? Подумайте о семье.";
        assert_eq!(
            lead_and_rest(ru),
            (
                "Как гендерные нормы в вашем сообществе влияют на мужчин?",
                "Подумайте о семье."
            )
        );
    }

    #[test]
    fn one_sentence_or_a_short_first_one_stays_whole() {
        let one = "Patriarchal norms and practices reduce the space available for women.";
        assert_eq!(lead_and_rest(one), (one, ""));
        let short = "Note. This first sentence is far too short to stand alone as a lead.";
        assert_eq!(lead_and_rest(short).1, "");
        // A full stop inside a word or number does not cut ("e.g.", "1.5").
        let inside = "Roles of about 1.5 million people in the region, e.g.in towns, change slowly";
        assert_eq!(lead_and_rest(inside), (inside, ""));
        assert_eq!(lead_and_rest(""), ("", ""));
    }

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
