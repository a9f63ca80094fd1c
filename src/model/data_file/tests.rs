use proptest::prelude::*;

use super::*;
use crate::content::Lang;

fn file_text(body: &str) -> String {
    format!(r#"{{"format":"{FORMAT}","version":1,"exported_at":5,{body}}}"#)
}

#[test]
fn an_exported_file_reads_back_the_same() {
    let mut file = DataFile::new(42);
    file.entries.insert(
        "tpa:answer:1.benefits".into(),
        serde_json::json!({"v": 1, "rev": 3, "data": {"text": "mine", "updated_at": 9}}),
    );
    file.copies
        .insert("tpa:backup:settings:1".into(), "{broken".into());
    assert_eq!(parse(&file.to_json()), Ok(file));
}

#[test]
fn a_byte_order_mark_and_missing_sections_are_fine() {
    let text = format!("\u{feff}{}", file_text(r#""entries":{}"#));
    let file = parse(&text).unwrap();
    assert!(file.entries.is_empty() && file.copies.is_empty());
}

#[test]
fn what_is_not_a_data_file_says_what_it_is() {
    assert_eq!(parse(""), Err(FileError::Empty));
    assert_eq!(parse("  \n"), Err(FileError::Empty));
    assert_eq!(parse("\u{89}PNG\r\n"), Err(FileError::Unreadable));
    for other in [
        "[1,2]",
        "42",
        "\"text\"",
        "null",
        r#"{"format":"other"}"#,
        "{}",
    ] {
        assert_eq!(
            parse(other),
            Err(FileError::NotDataFile {
                is_card_file: false
            }),
            "{other}"
        );
    }
    assert_eq!(
        parse(r#"{"format":"think-plan-act/cards","version":1,"cards":[]}"#),
        Err(FileError::NotDataFile { is_card_file: true })
    );
    let cut = file_text(r#""entries":{"tpa:settings":{"v":1"#);
    assert_eq!(parse(&cut[..cut.len() - 1]), Err(FileError::Truncated));
}

#[test]
fn a_newer_file_says_so_before_its_shape_is_read() {
    let text = format!(r#"{{"format":"{FORMAT}","version":7,"entries":"a new shape"}}"#);
    assert_eq!(
        parse(&text),
        Err(FileError::NewerVersion {
            found: 7,
            known: FORMAT_VERSION
        })
    );
}

#[test]
fn wrong_types_in_the_file_are_refused_whole() {
    for body in [
        r#""entries":[]"#,
        r#""entries":{"tpa:settings":1},"copies":{"a":5}"#,
    ] {
        assert_eq!(
            parse(&file_text(body)),
            Err(FileError::Unreadable),
            "{body}"
        );
    }
    // Not a duplicate field (file_text has a date already): a date of the wrong type.
    let date = format!(r#"{{"format":"{FORMAT}","version":1,"exported_at":"yesterday"}}"#);
    assert_eq!(parse(&date), Err(FileError::Unreadable));
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let text = file_text(&format!(r#""entries":{{"tpa:settings":{deep}}}"#));
    assert_eq!(parse(&text), Err(FileError::Unreadable));
    assert!(matches!(
        parse(&"{\"a\":".repeat(50_000)),
        Err(FileError::Unreadable | FileError::Truncated)
    ));
}

#[test]
fn too_large_files_and_too_many_entries_are_refused() {
    let huge = " ".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(
        parse(&huge),
        Err(FileError::TooLarge {
            bytes: MAX_FILE_BYTES + 1,
            max: MAX_FILE_BYTES
        })
    );
    let many: Vec<String> = (0..=MAX_ENTRIES)
        .map(|i| format!(r#""tpa:x{i}":"""#))
        .collect();
    let text = file_text(&format!(r#""copies":{{{}}}"#, many.join(",")));
    assert_eq!(
        parse(&text),
        Err(FileError::TooManyEntries {
            count: MAX_ENTRIES + 1,
            max: MAX_ENTRIES
        })
    );
}

#[test]
fn the_reminder_comes_after_enough_writing_and_rests_after_not_now() {
    let mark = ExportMark::default();
    assert!(!mark.reminder_due(1..REMIND_AFTER_CHANGES as u64));
    assert!(mark.reminder_due(1..=REMIND_AFTER_CHANGES as u64));
    let exported = ExportMark {
        exported_at: 5,
        ..mark
    };
    // Only what changed after the export counts.
    assert!(!exported.reminder_due(1..=(REMIND_AFTER_CHANGES as u64 + 4)));
    let dismissed = ExportMark {
        reminder_dismissed_at: 100,
        ..mark
    };
    assert!(!dismissed.reminder_due(50..100 + REMIND_AFTER_CHANGES as u64));
    assert!(dismissed.reminder_due(50..=100 + REMIND_AFTER_CHANGES as u64));
}

#[test]
fn a_long_key_is_shortened_by_characters_not_bytes() {
    assert_eq!(short_key("tpa:answer:1.x"), "tpa:answer:1.x");
    let long = "я".repeat(61);
    assert_eq!(short_key(&long), format!("{}…", "я".repeat(60)));
    assert_eq!(short_key(&"я".repeat(60)), "я".repeat(60));
}

#[test]
fn marks_record_an_export_and_a_not_now() {
    let mark = ExportMark::default().exported(5).dismissed(9);
    assert_eq!(
        mark,
        ExportMark {
            exported_at: 5,
            reminder_dismissed_at: 9
        }
    );
    assert_eq!(mark.exported(12).reminder_dismissed_at, 9);
}

#[test]
fn the_file_name_carries_the_date() {
    assert_eq!(
        file_name("2026-12-01"),
        "think-plan-act-data-2026-12-01.json"
    );
}

#[test]
fn sizes_are_put_in_words() {
    assert_eq!(size_words(0.0, Lang::En), "0 B");
    assert_eq!(size_words(999.0, Lang::En), "999 B");
    assert_eq!(size_words(1_000.0, Lang::En), "1 kB");
    assert_eq!(size_words(12_345.0, Lang::En), "12 kB");
    assert_eq!(size_words(4_800_000.0, Lang::En), "4.8 MB");
    assert_eq!(size_words(5_000_000.0, Lang::En), "5 MB");
    assert_eq!(size_words(300_000_000_000.0, Lang::En), "300 GB");
    assert_eq!(size_words(-5.0, Lang::En), "0 B");
    assert_eq!(size_words(999.0, Lang::Ru), "999 Б");
    assert_eq!(size_words(12_345.0, Lang::Ru), "12 КБ");
    assert_eq!(size_words(4_800_000.0, Lang::Ru), "4,8 МБ");
    assert_eq!(size_words(300_000_000_000.0, Lang::Ru), "300 ГБ");
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        ".{0,20}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::btree_map(".{0,12}", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in ".{0,400}") {
        let _ = parse(&text);
    }

    #[test]
    fn any_json_in_the_file_is_read_or_refused(
        entries in arbitrary_json(),
        copies in arbitrary_json(),
        version in any::<u32>(),
    ) {
        let text = format!(
            r#"{{"format":"{FORMAT}","version":{version},"entries":{entries},"copies":{copies}}}"#
        );
        match parse(&text) {
            Ok(file) => prop_assert!(version <= FORMAT_VERSION && file.entries.len() < 6),
            Err(FileError::NewerVersion { found, .. }) => prop_assert_eq!(found, version),
            Err(e) => prop_assert_eq!(e, FileError::Unreadable),
        }
    }
}
