//! Which language the app speaks to a person, and counted words in it.
//!
//! The first choice follows the browser's list of languages; a choice made in the switcher is
//! kept in [`Settings::language`](super::settings::Settings) and wins from then on.

use crate::content::Lang;

/// Languages of Central Asia the app does not speak yet. Someone whose browser lists one of them
/// before any language the app speaks most likely reads Russian, the language the region shares,
/// better than English. When one of them is added, its exact match wins before this rule.
const READS_RUSSIAN_FIRST: [&str; 5] = ["kk", "ky", "uz", "tg", "tk"];

/// The language to start in: the one chosen before (if the app still speaks it), else the first
/// of the browser's languages the app speaks, with Russian for a Central Asian language listed
/// before those, else English.
pub fn first_choice<S: AsRef<str>>(chosen: Option<&str>, browser: &[S]) -> Lang {
    if let Some(lang) = chosen.and_then(Lang::from_code) {
        return lang;
    }
    for code in browser {
        let code = code.as_ref();
        if let Some(lang) = Lang::from_code(code) {
            return lang;
        }
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if READS_RUSSIAN_FIRST.contains(&primary.as_str()) {
            return Lang::Ru;
        }
    }
    Lang::En
}

/// The form a counted word takes after a number (CLDR's cardinal categories for the language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralForm {
    /// 1 card; 1, 21, 101 карточка.
    One,
    /// 2–4, 22–24 карточки (Russian only).
    Few,
    /// 0, 5–20, 25 карточек; English "cards".
    Many,
}

/// Which form follows `n` in `lang`.
pub fn plural_form(lang: Lang, n: u64) -> PluralForm {
    match lang {
        Lang::En if n == 1 => PluralForm::One,
        Lang::En => PluralForm::Many,
        Lang::Ru => match (n % 10, n % 100) {
            (1, tens) if tens != 11 => PluralForm::One,
            (2..=4, tens) if !(12..=14).contains(&tens) => PluralForm::Few,
            _ => PluralForm::Many,
        },
    }
}

/// `n` followed by the right one of three forms (`one`, `few`, `many`): "1 карточка".
pub fn counted(lang: Lang, n: u64, forms: [&str; 3]) -> String {
    let [one, few, many] = forms;
    let word = match plural_form(lang, n) {
        PluralForm::One => one,
        PluralForm::Few => few,
        PluralForm::Many => many,
    };
    format!("{n} {word}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_choice_wins_over_the_browser() {
        assert_eq!(first_choice(Some("ru"), &["en-GB"]), Lang::Ru);
        assert_eq!(first_choice(Some("en"), &["ru-RU"]), Lang::En);
    }

    #[test]
    fn a_kept_choice_the_app_no_longer_speaks_is_ignored() {
        assert_eq!(first_choice(Some("xx"), &["ru"]), Lang::Ru);
        assert_eq!(first_choice(Some(""), &["en-US"]), Lang::En);
    }

    #[test]
    fn the_first_spoken_browser_language_wins() {
        assert_eq!(first_choice(None, &["ru-KZ", "en"]), Lang::Ru);
        assert_eq!(first_choice(None, &["en-US", "ru"]), Lang::En);
        assert_eq!(first_choice(None, &["de", "RU"]), Lang::Ru);
        assert_eq!(first_choice(None, &["de-DE", "fr"]), Lang::En);
        assert_eq!(first_choice::<&str>(None, &[]), Lang::En);
    }

    #[test]
    fn a_central_asian_language_first_means_russian() {
        for code in ["kk-KZ", "ky", "uz-Latn-UZ", "uz-Cyrl", "tg-TJ", "tk"] {
            assert_eq!(first_choice(None, &[code, "en"]), Lang::Ru, "{code}");
        }
        // English listed before it is a choice of English.
        assert_eq!(first_choice(None, &["en", "kk"]), Lang::En);
    }

    #[test]
    fn russian_counts_take_three_forms() {
        let forms = ["карточка", "карточки", "карточек"];
        let said: Vec<String> = [
            0, 1, 2, 4, 5, 11, 12, 14, 16, 21, 22, 25, 101, 111, 112, 122,
        ]
        .into_iter()
        .map(|n| counted(Lang::Ru, n, forms))
        .collect();
        assert_eq!(
            said,
            [
                "0 карточек",
                "1 карточка",
                "2 карточки",
                "4 карточки",
                "5 карточек",
                "11 карточек",
                "12 карточек",
                "14 карточек",
                "16 карточек",
                "21 карточка",
                "22 карточки",
                "25 карточек",
                "101 карточка",
                "111 карточек",
                "112 карточек",
                "122 карточки",
            ]
        );
    }

    #[test]
    fn english_counts_take_two_forms() {
        let forms = ["card", "cards", "cards"];
        assert_eq!(counted(Lang::En, 1, forms), "1 card");
        assert_eq!(counted(Lang::En, 0, forms), "0 cards");
        assert_eq!(counted(Lang::En, 21, forms), "21 cards");
    }
}
