//! Checks of the interface words in `locales/<code>.json` (leptos_i18n reads them at compile time;
//! a key missing in one language would quietly fall back to English there, so it fails here).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use super::Lang;

/// Every string of a locale file by its dotted key (`nav.home`).
fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, inner, out);
            }
        }
        Value::String(text) => {
            out.insert(prefix.to_string(), text.clone());
        }
        other => panic!("{prefix}: only strings and objects are expected, found {other}"),
    }
}

fn words_of(code: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{code}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{code}.json: {e}"));
    let mut out = BTreeMap::new();
    flatten("", &value, &mut out);
    out
}

/// The `{{ name }}` placeholders of a string, sorted.
fn placeholders(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .split("{{")
        .skip(1)
        .filter_map(|rest| {
            rest.split_once("}}")
                .map(|(name, _)| name.trim().to_string())
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_language_has_a_locale_file_and_cargo_lists_them_all() {
    let manifest = include_str!("../../Cargo.toml");
    let line = manifest
        .lines()
        .find(|l| l.starts_with("locales = "))
        .expect("[package.metadata.leptos-i18n] locales");
    for lang in Lang::ALL {
        assert!(
            line.contains(&format!("\"{}\"", lang.code())),
            "{line} lacks {}",
            lang.code()
        );
        assert!(!words_of(lang.code()).is_empty());
    }
    assert_eq!(
        line.matches('"').count(),
        Lang::ALL.len() * 2,
        "{line}: a locale without a Lang"
    );
}

#[test]
fn every_key_and_placeholder_is_in_every_language() {
    let english = words_of("en");
    for lang in Lang::ALL {
        let words = words_of(lang.code());
        let missing: Vec<_> = english.keys().filter(|k| !words.contains_key(*k)).collect();
        let extra: Vec<_> = words.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{}.json lacks {missing:?}", lang.code());
        assert!(
            extra.is_empty(),
            "{}.json has keys English lacks: {extra:?}",
            lang.code()
        );
        for (key, text) in &words {
            assert!(!text.trim().is_empty(), "{}: {key} is empty", lang.code());
            assert_eq!(
                placeholders(text),
                placeholders(&english[key]),
                "{}: {key} has other placeholders than English",
                lang.code()
            );
        }
    }
}

#[test]
fn no_english_is_left_in_the_russian_interface() {
    // Words that stay as they are in Russian: key names, file kinds, units, web prefixes.
    const LATIN_ALLOWED: &[&str] = &[
        "Shift",
        "Esc",
        "R",
        "T",
        "F",
        "CSV",
        "JSON",
        "json",
        "PDF",
        "MB",
        "kB",
        "https",
        "http",
        "Safari",
        "Enter",
        "Tab",
        "Excel",
        "LibreOffice",
        "Google",
    ];
    let english = words_of("en");
    let russian = words_of("ru");
    for (key, text) in &russian {
        let without_placeholders: String = text
            .split("{{")
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once("}}").map_or("", |(_, rest)| rest)
                }
            })
            .collect();
        for word in without_placeholders.split(|c: char| !c.is_ascii_alphanumeric()) {
            if word.chars().any(|c| c.is_ascii_alphabetic()) {
                assert!(
                    LATIN_ALLOWED.contains(&word),
                    "ru {key}: Latin word «{word}» in «{text}»"
                );
            }
        }
        let has_words = without_placeholders.chars().any(char::is_alphabetic);
        assert!(
            !has_words || text != &english[key],
            "ru {key} is still the English «{text}»"
        );
    }
}

#[test]
fn placeholders_are_read_as_the_library_reads_them() {
    assert_eq!(
        placeholders("Cards shown: {{ shown }} of {{ n }}"),
        ["n", "shown"]
    );
    assert_eq!(placeholders("no placeholder"), Vec::<String>::new());
}

#[test]
fn every_language_is_named_in_itself_alike_in_the_app_and_the_static_shell() {
    // The app's switcher uses `Lang::native_name`; index.html's shell (shell.js) `language.name`.
    for lang in Lang::ALL {
        assert_eq!(words_of(lang.code())["language.name"], lang.native_name());
    }
}
