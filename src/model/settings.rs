//! App settings that a person chooses: for now, where quick exit leads.

use serde::{Deserialize, Serialize};

use super::schema::Versioned;

/// A neutral, non-personalised page that looks unremarkable in a browser history
/// (the same choice as the GOV.UK "Exit this page" component).
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.com/weather";

/// The longest language code kept (BCP 47 tags are short; more is not a choice made here).
pub const MAX_LANGUAGE_CODE: usize = 35;

/// The longest destination we accept; longer text is refused with a message, never cut.
pub const MAX_EXIT_URL_LEN: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Where quick exit sends the person.
    pub exit_url: String,
    /// Blur answer text on screen (against people looking over a shoulder).
    pub hide_answers: bool,
    /// Present mode answers the single-letter keys R, T, F and ? (WCAG 2.1.4: can be switched off).
    pub present_letter_keys: bool,
    /// A soft tone when the discussion timer ends (off unless chosen).
    pub timer_sound: bool,
    /// The interface language chosen in the switcher (`en`, `ru`); `None` follows the browser.
    /// Older copies lack it and read as `None` (`serde(default)`), so no new schema version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            exit_url: DEFAULT_EXIT_URL.to_string(),
            hide_answers: false,
            present_letter_keys: true,
            timer_sound: false,
            language: None,
        }
    }
}

impl Settings {
    /// Where quick exit goes: the stored address if it is still a valid web address, else the
    /// default. Checked at the moment of use, so an empty, damaged or hostile stored value
    /// (`javascript:`) can never stop the exit or run code.
    pub fn exit_destination(&self) -> String {
        validate_exit_url(&self.exit_url).unwrap_or_else(|_| DEFAULT_EXIT_URL.to_string())
    }
}

impl Versioned for Settings {
    const VERSION: u32 = 1;
}

/// Why a quick-exit destination was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitUrlError {
    Empty,
    TooLong,
    /// Only `https://` and `http://` addresses: anything else (`javascript:`, `data:`, a bare word)
    /// could run code or fail to leave the page.
    NotWebAddress,
}

/// Checks and tidies a quick-exit destination typed by a person.
pub fn validate_exit_url(input: &str) -> Result<String, ExitUrlError> {
    let url = input.trim();
    if url.is_empty() {
        return Err(ExitUrlError::Empty);
    }
    if url.len() > MAX_EXIT_URL_LEN {
        return Err(ExitUrlError::TooLong);
    }
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or(ExitUrlError::NotWebAddress)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !host_ok || url.chars().any(char::is_whitespace) {
        return Err(ExitUrlError::NotWebAddress);
    }
    Ok(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_destination_is_valid() {
        assert_eq!(
            validate_exit_url(DEFAULT_EXIT_URL).as_deref(),
            Ok(DEFAULT_EXIT_URL)
        );
    }

    #[test]
    fn web_addresses_are_accepted_and_trimmed() {
        assert_eq!(
            validate_exit_url("  https://example.org/path?q=1 ").as_deref(),
            Ok("https://example.org/path?q=1")
        );
        assert!(validate_exit_url("HTTP://Example.org").is_ok());
        assert!(validate_exit_url("http://127.0.0.1:8080/").is_ok());
    }

    #[test]
    fn other_schemes_and_junk_are_refused() {
        for bad in [
            "javascript:alert(1)",
            "data:text/html,hi",
            "example.org",
            "https://",
            "https:///x",
            "https://exa mple.org",
            "ftp://example.org",
            "https://ex<ample>.org",
        ] {
            assert_eq!(
                validate_exit_url(bad),
                Err(ExitUrlError::NotWebAddress),
                "{bad}"
            );
        }
        assert_eq!(validate_exit_url("   "), Err(ExitUrlError::Empty));
    }

    #[test]
    fn overlong_input_is_refused_not_truncated() {
        let long = format!("https://example.org/{}", "a".repeat(MAX_EXIT_URL_LEN));
        assert_eq!(validate_exit_url(&long), Err(ExitUrlError::TooLong));
    }

    #[test]
    fn a_bad_stored_destination_falls_back_to_the_default() {
        for stored in [
            "",
            "   ",
            "javascript:alert(1)",
            "data:text/html,x",
            "not a url",
        ] {
            let s = Settings {
                exit_url: stored.into(),
                ..Settings::default()
            };
            assert_eq!(s.exit_destination(), DEFAULT_EXIT_URL, "{stored:?}");
        }
        let good = Settings {
            exit_url: " https://example.org/ ".into(),
            ..Settings::default()
        };
        assert_eq!(good.exit_destination(), "https://example.org/");
    }

    #[test]
    fn missing_fields_fall_back_to_defaults() {
        let s: Settings = serde_json::from_str("{}").unwrap();
        assert_eq!(s, Settings::default());
    }

    #[test]
    fn settings_saved_by_the_foundation_still_load() {
        // Version 1 as the foundation wrote it, before `hide_answers` existed.
        let raw = r#"{"v":1,"rev":3,"data":{"exit_url":"https://example.org/"}}"#;
        let s = crate::model::schema::decode::<Settings>(raw).unwrap().data;
        assert_eq!(s.exit_url, "https://example.org/");
        assert!(!s.hide_answers);
        // Present mode's choices arrived later: letter keys on, timer sound off.
        assert!(s.present_letter_keys);
        assert!(!s.timer_sound);
    }
}
