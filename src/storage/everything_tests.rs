use proptest::prelude::*;

use super::*;
use crate::model::data_file::{self, FORMAT};
use crate::storage::{ItemId, MemoryStore, save, save_item};

/// Add what is new, keep what differs here.
const ADD: ImportMode = ImportMode::Merge {
    replace_changed: false,
};
/// Add what is new, and take the file's version where the two differ.
const ADD_TAKING_THE_FILES: ImportMode = ImportMode::Merge {
    replace_changed: true,
};

fn id(s: &str) -> ItemId {
    ItemId::new(s).unwrap()
}

fn answer(text: &str) -> Answer {
    Answer {
        text: text.into(),
        updated_at: 7,
    }
}

/// A device with one of (nearly) everything, plus a backup copy.
fn filled() -> MemoryStore {
    let store = MemoryStore::new();
    save(&store, &Settings::default(), 0, 1).unwrap();
    save_item(
        &store,
        &id("1.benefits"),
        &answer("Мой ответ <b>bold</b>"),
        0,
        1,
    )
    .unwrap();
    save_item(&store, &id("1.costs"), &answer("second"), 0, 1).unwrap();
    let mut norms = NormList::default();
    norms.add("Men should not cry");
    save_item(&store, &id("1"), &norms, 0, 1).unwrap();
    let note = CardNote {
        text: "note".into(),
        updated_at: 3,
    };
    save_item(&store, &id("parental-leave"), &note, 0, 1).unwrap();
    let areas = CustomAreas {
        areas: vec![crate::model::custom_cards::CustomArea {
            id: "my-area-x".into(),
            name: "Sport".into(),
        }],
    };
    save(&store, &areas, 0, 1).unwrap();
    let card = CustomCard {
        id: "my-1".into(),
        area: "my-area-x".into(),
        topic: "Football".into(),
        questions: vec!["Why?".into()],
        ..CustomCard::default()
    };
    save_item(&store, &id("my-1"), &card, 0, 1).unwrap();
    store.set("tpa:backup:settings:5", "{broken").unwrap();
    store.set("other-app", "not ours").unwrap();
    store
}

fn file_of(store: &MemoryStore) -> DataFile {
    // Through the text, as a person's file would travel.
    data_file::parse(&export(store, 99).unwrap().to_json()).unwrap()
}

/// The data of every app key, without revisions (which an import moves on).
fn data_of(store: &MemoryStore) -> BTreeMap<String, String> {
    store
        .snapshot()
        .into_iter()
        .filter(|(k, _)| k.starts_with(PREFIX) && !k.starts_with(crate::storage::BACKUP_PREFIX))
        .map(|(k, v)| {
            let key = Key::from_storage_key(&k).unwrap();
            let normal = decode_entry(&key, &v).unwrap();
            (k, normal.data)
        })
        .collect()
}

#[test]
fn the_summary_counts_each_kind_and_the_bytes() {
    let store = filled();
    let summary = summary(&store).unwrap();
    assert_eq!(summary.count(Kind::Answers), 2);
    assert_eq!(summary.count(Kind::NormLists), 1);
    assert_eq!(summary.count(Kind::CardNotes), 1);
    assert_eq!(summary.count(Kind::OwnCards), 1);
    assert_eq!(summary.count(Kind::Settings), 2);
    assert_eq!(summary.count(Kind::Plans), 0);
    assert_eq!(summary.copies, 1);
    let ours: usize = store
        .snapshot()
        .iter()
        .filter(|(k, _)| k.starts_with(PREFIX))
        .map(|(k, v)| 2 * (k.encode_utf16().count() + v.encode_utf16().count()))
        .sum();
    assert_eq!(summary.bytes, ours);
    assert!(super::summary(&MemoryStore::new()).unwrap().is_empty());
}

#[test]
fn export_carries_every_key_of_ours_and_nothing_else() {
    let store = filled();
    let file = file_of(&store);
    assert_eq!(file.format, FORMAT);
    assert_eq!(file.exported_at, 99);
    assert_eq!(file.entries.len(), 7);
    assert_eq!(
        file.copies.get("tpa:backup:settings:5").map(String::as_str),
        Some("{broken")
    );
    assert!(!file.entries.contains_key("other-app") && !file.copies.contains_key("other-app"));
    // Text that cannot be read goes in as text, so the file loses nothing.
    store.set("tpa:answer:1.odd", "not json").unwrap();
    let file = file_of(&store);
    assert_eq!(
        file.copies.get("tpa:answer:1.odd").map(String::as_str),
        Some("not json")
    );
}

#[test]
fn export_then_replace_on_an_empty_device_gives_the_same_data() {
    let from = filled();
    let file = file_of(&from);
    let to = MemoryStore::new();
    let plan = plan_import(&to, &file).unwrap();
    assert_eq!(plan.count(Incoming::New), 7);
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    assert_eq!(plan.copies, 1);
    let done = apply_import(&to, &plan, ImportMode::Replace, 5).unwrap();
    assert_eq!(
        done,
        Imported {
            written: 7,
            removed: 0
        }
    );
    assert_eq!(data_of(&to), data_of(&from));
    // Markup is data: stored exactly as written, never interpreted here.
    let loaded = crate::storage::load_item::<Answer>(&to, &id("1.benefits"), 1).unwrap();
    assert_eq!(loaded.value.text, "Мой ответ <b>bold</b>");
    // Importing the same file again finds everything the same and writes nothing.
    let again = plan_import(&to, &file).unwrap();
    assert_eq!(again.count(Incoming::Same), 7);
    let writes = to.writes();
    apply_import(&to, &again, ADD_TAKING_THE_FILES, 6).unwrap();
    assert_eq!(to.writes(), writes);
}

#[test]
fn merge_adds_new_and_keeps_changed_unless_chosen() {
    let file = file_of(&filled());
    let here = MemoryStore::new();
    save_item(&here, &id("1.benefits"), &answer("written here"), 0, 1).unwrap();
    save_item(&here, &id("2.costs"), &answer("only here"), 0, 1).unwrap();
    let plan = plan_import(&here, &file).unwrap();
    assert_eq!(plan.count(Incoming::Changed), 1);
    assert_eq!(plan.count_kind(Kind::Answers, Incoming::New), 1);
    assert_eq!(
        plan.only_here,
        vec![Key::Item(Collection::Answer, id("2.costs"))]
    );

    apply_import(&here, &plan, ADD, 5).unwrap();
    let kept = crate::storage::load_item::<Answer>(&here, &id("1.benefits"), 1).unwrap();
    assert_eq!(kept.value.text, "written here");
    assert!(here.get("tpa:answer:1.costs").unwrap().is_some());

    // A plan is made for one import: after the first, it is made again (as the page does).
    let plan = plan_import(&here, &file).unwrap();
    apply_import(&here, &plan, ADD_TAKING_THE_FILES, 5).unwrap();
    let replaced = crate::storage::load_item::<Answer>(&here, &id("1.benefits"), 1).unwrap();
    assert_eq!(replaced.value.text, "Мой ответ <b>bold</b>");
    // The revision moves on, so another tab holding the old one cannot write over it unseen.
    assert_eq!(replaced.rev, 2);
    assert!(here.get("tpa:answer:2.costs").unwrap().is_some());
}

#[test]
fn replace_removes_what_the_file_lacks_but_keeps_backups_and_unreadable_text() {
    let file = file_of(&filled());
    let here = MemoryStore::new();
    save_item(&here, &id("2.costs"), &answer("only here"), 0, 1).unwrap();
    here.set("tpa:norms:9", "{corrupt").unwrap();
    here.set("tpa:backup:journey:1", "old copy").unwrap();
    let plan = plan_import(&here, &file).unwrap();
    let done = apply_import(&here, &plan, ImportMode::Replace, 77).unwrap();
    assert_eq!(done.removed, 2);
    assert_eq!(here.get("tpa:answer:2.costs").unwrap(), None);
    assert_eq!(here.get("tpa:norms:9").unwrap(), None);
    let backups = crate::storage::backup_keys(&here).unwrap();
    assert_eq!(
        backups,
        vec!["tpa:backup:journey:1", "tpa:backup:norms:9:77"]
    );
    assert_eq!(
        here.get("tpa:backup:norms:9:77").unwrap().as_deref(),
        Some("{corrupt")
    );
}

#[test]
fn a_full_storage_midway_leaves_everything_as_it_was() {
    let file = file_of(&filled());
    for mode in [ImportMode::Replace, ADD_TAKING_THE_FILES] {
        let here = MemoryStore::new();
        save_item(&here, &id("1.benefits"), &answer("mine"), 0, 1).unwrap();
        save_item(&here, &id("2.costs"), &answer("only here"), 0, 1).unwrap();
        let before = here.snapshot();
        let plan = plan_import(&here, &file).unwrap();
        here.set_quota(Some(here.used_bytes() + 300));
        let result = apply_import(&here, &plan, mode, 5);
        assert_eq!(
            result,
            Err(SaveError::Store(StoreError::QuotaExceeded)),
            "{mode:?}"
        );
        assert_eq!(here.snapshot(), before, "{mode:?}");
    }
}

#[test]
fn a_change_made_elsewhere_after_the_preview_stops_the_import() {
    let file = file_of(&filled());
    let here = MemoryStore::new();
    save_item(&here, &id("1.benefits"), &answer("mine"), 0, 1).unwrap();
    let plan = plan_import(&here, &file).unwrap();
    // Another tab writes the same answer while the preview is on screen.
    save_item(
        &here,
        &id("1.benefits"),
        &answer("typed in another tab"),
        1,
        2,
    )
    .unwrap();
    let before = here.snapshot();
    for mode in [ImportMode::Replace, ADD_TAKING_THE_FILES] {
        let result = apply_import(&here, &plan, mode, 5);
        assert_eq!(result, Err(SaveError::Conflict { stored_rev: 0 }));
        assert_eq!(here.snapshot(), before);
    }
}

#[test]
fn unreadable_text_that_cannot_be_backed_up_stops_the_import_before_any_write() {
    let file = file_of(&filled());
    let here = MemoryStore::new();
    here.set("tpa:answer:1.benefits", "{corrupt").unwrap();
    let before = here.snapshot();
    let plan = plan_import(&here, &file).unwrap();
    here.set_quota(Some(here.used_bytes()));
    let result = apply_import(&here, &plan, ADD_TAKING_THE_FILES, 5);
    assert!(matches!(result, Err(SaveError::Unbacked(_))), "{result:?}");
    assert_eq!(here.snapshot(), before);
}

fn plan_one(key: &str, entry: serde_json::Value) -> ImportPlan {
    let mut file = DataFile::new(1);
    file.entries.insert(key.into(), entry);
    plan_import(&MemoryStore::new(), &file).unwrap()
}

#[test]
fn hostile_entries_are_left_out_each_with_its_reason() {
    let long = "x".repeat(crate::model::text::MAX_TEXT_CHARS + 1);
    let cases: Vec<(&str, serde_json::Value, EntryProblem)> = vec![
        (
            "__proto__",
            serde_json::json!({"v":1,"rev":1,"data":{}}),
            EntryProblem::UnknownKey,
        ),
        (
            "tpa:constructor",
            serde_json::json!({}),
            EntryProblem::UnknownKey,
        ),
        (
            "tpa:answer:../../etc",
            serde_json::json!({}),
            EntryProblem::UnknownKey,
        ),
        (
            "tpa:backup:settings:1",
            serde_json::json!("x"),
            EntryProblem::UnknownKey,
        ),
        (
            "tpa:answer:1.benefits",
            serde_json::json!({"v":1,"rev":1,"data":{"text":5}}),
            EntryProblem::Unreadable(Unreadable::Corrupt(String::new())),
        ),
        (
            "tpa:answer:1.benefits",
            serde_json::json!({"v":9,"rev":1,"data":{}}),
            EntryProblem::Unreadable(Unreadable::NewerSchema { found: 9, known: 1 }),
        ),
        (
            "tpa:answer:1.benefits",
            serde_json::json!({"v":1,"rev":1,"data":{"text": long}}),
            EntryProblem::NotAllowed,
        ),
        (
            "tpa:settings",
            serde_json::json!({"v":1,"rev":1,"data":{"exit_url":"javascript:alert(1)"}}),
            EntryProblem::NotAllowed,
        ),
        (
            "tpa:card:my-2",
            serde_json::json!({"v":1,"rev":1,"data":{"area":"family","topic":""}}),
            EntryProblem::NotAllowed,
        ),
        (
            "tpa:card:my-3",
            serde_json::json!({"v":1,"rev":1,"data":{"area":"my-area-gone","topic":"T","questions":["Q"]}}),
            EntryProblem::NotAllowed,
        ),
        (
            "tpa:services",
            serde_json::json!({"v":1,"rev":1,"data":{"services":[{"name":""}]}}),
            EntryProblem::NotAllowed,
        ),
        (
            "tpa:note:x",
            serde_json::json!({"v":1,"rev":1,"data":{"text": "y".repeat(MAX_ENTRY_BYTES)}}),
            EntryProblem::TooLarge,
        ),
    ];
    for (key, entry, problem) in cases {
        let plan = plan_one(key, entry);
        assert!(plan.entries.is_empty(), "{key}");
        assert_eq!(plan.problems.len(), 1, "{key}");
        let (named, found) = &plan.problems[0];
        assert_eq!(named, key);
        match (found, &problem) {
            // The parser's position is detail; the kind of problem is what matters.
            (
                EntryProblem::Unreadable(Unreadable::Corrupt(_)),
                EntryProblem::Unreadable(Unreadable::Corrupt(_)),
            ) => {}
            _ => assert_eq!(found, &problem, "{key}"),
        }
    }
}

#[test]
fn extra_fields_and_odd_formatting_do_not_reach_storage() {
    let plan = plan_one(
        "tpa:answer:1.benefits",
        serde_json::json!({"v":1,"rev":99,"extra":true,"data":{"text":"<script>alert(1)</script>","updated_at":1,"__proto__":{"x":1}}}),
    );
    let here = MemoryStore::new();
    apply_import(&here, &plan, ImportMode::Replace, 1).unwrap();
    assert_eq!(
        here.get("tpa:answer:1.benefits").unwrap().as_deref(),
        Some(r#"{"v":1,"rev":1,"data":{"text":"<script>alert(1)</script>","updated_at":1}}"#)
    );
}

#[test]
fn a_card_may_use_a_theme_from_the_file_or_from_here() {
    let card = serde_json::json!({"v":1,"rev":1,"data":{"area":"my-area-x","topic":"T","questions":["Q"]}});
    let mut file = DataFile::new(1);
    file.entries.insert("tpa:card:my-3".into(), card.clone());
    let here = MemoryStore::new();
    assert_eq!(plan_import(&here, &file).unwrap().entries.len(), 0);
    let areas = CustomAreas {
        areas: vec![crate::model::custom_cards::CustomArea {
            id: "my-area-x".into(),
            name: "Sport".into(),
        }],
    };
    save(&here, &areas, 0, 1).unwrap();
    assert_eq!(plan_import(&here, &file).unwrap().entries.len(), 1);
    file.entries.insert(
        "tpa:areas".into(),
        serde_json::json!({"v":1,"rev":1,"data":areas}),
    );
    assert_eq!(
        plan_import(&MemoryStore::new(), &file)
            .unwrap()
            .entries
            .len(),
        2
    );
}

#[test]
fn erase_removes_every_key_of_ours_and_only_ours() {
    let store = filled();
    assert_eq!(erase(&store).unwrap(), 8);
    assert_eq!(
        store.snapshot().into_keys().collect::<Vec<_>>(),
        vec!["other-app".to_string()]
    );
}

#[test]
fn the_shared_device_marker_is_not_data() {
    let store = filled();
    store.set(crate::storage::SHARED_DEVICE_FLAG, "1").unwrap();
    let file = export(&store, 1).unwrap();
    assert!(!file.copies.contains_key(crate::storage::SHARED_DEVICE_FLAG));
    assert!(
        !file
            .entries
            .contains_key(crate::storage::SHARED_DEVICE_FLAG)
    );
    assert_eq!(summary(&store).unwrap().copies, 1);
    // Erasing in shared-device mode leaves the tab in the mode (it must not switch to the
    // device's storage unseen); everything else goes.
    erase(&store).unwrap();
    assert_eq!(
        store.snapshot().into_keys().collect::<Vec<_>>(),
        vec![
            "other-app".to_string(),
            crate::storage::SHARED_DEVICE_FLAG.to_string()
        ]
    );
}

#[test]
fn what_a_tab_kept_can_be_copied_to_the_device() {
    let tab = filled();
    let device = MemoryStore::new();
    save_item(
        &device,
        &id("1.benefits"),
        &answer("older, on the device"),
        0,
        1,
    )
    .unwrap();
    save_item(&device, &id("5.costs"), &answer("only on the device"), 0, 1).unwrap();
    tab.set("tpa:answer:1.odd", "not json").unwrap();
    let done = copy_all(&tab, &device, 9).unwrap();
    assert_eq!(done.removed, 0);
    assert_eq!(data_of(&device).len(), 8);
    let copied = crate::storage::load_item::<Answer>(&device, &id("1.benefits"), 1).unwrap();
    assert_eq!(copied.value.text, "Мой ответ <b>bold</b>");
    // The device's own version of what the tab changed is kept, and so are the tab's copies.
    let backups = crate::storage::backup_keys(&device).unwrap();
    let kept: Vec<String> = backups
        .iter()
        .map(|k| device.get(k).unwrap().unwrap())
        .collect();
    assert!(
        kept.iter().any(|v| v.contains("older, on the device")),
        "{backups:?}"
    );
    assert!(kept.iter().any(|v| v == "{broken"), "{backups:?}");
    assert!(kept.iter().any(|v| v == "not json"), "{backups:?}");
    // A device that fills up at any point keeps everything it had (backups may stay: copies).
    let mut failed = 0;
    for room in [0, 100, 300, 600, 900, 1200] {
        let full = MemoryStore::new();
        save_item(&full, &id("1.benefits"), &answer("older"), 0, 1).unwrap();
        save_item(&full, &id("5.costs"), &answer("kept"), 0, 1).unwrap();
        let before = full.snapshot();
        full.set_quota(Some(full.used_bytes() + room));
        if copy_all(&tab, &full, 9).is_err() {
            failed += 1;
            for (key, value) in &before {
                assert_eq!(
                    full.get(key).unwrap().as_ref(),
                    Some(value),
                    "room {room}: {key}"
                );
            }
            assert_eq!(
                data_of(&full),
                before
                    .into_iter()
                    .filter(|(k, _)| !k.contains("backup"))
                    .map(|(k, v)| {
                        let key = Key::from_storage_key(&k).unwrap();
                        (k, decode_entry(&key, &v).unwrap().data)
                    })
                    .collect::<BTreeMap<_, _>>(),
                "room {room}"
            );
        }
    }
    assert!(failed >= 3, "the quota never interrupted the copy");
}

#[test]
fn blocked_storage_is_an_error_not_a_panic() {
    let store = MemoryStore::new();
    store.block();
    assert!(summary(&store).is_err());
    assert!(export(&store, 1).is_err());
    assert!(erase(&store).is_err());
}

const KEYS: [&str; 13] = [
    "tpa:settings",
    "tpa:journey",
    "tpa:rounds",
    "tpa:areas",
    "tpa:show",
    "tpa:services",
    "tpa:exported",
    "tpa:answer:1.benefits",
    "tpa:norms:1",
    "tpa:aims:1",
    "tpa:note:family-money",
    "tpa:card:my-1",
    "tpa:agenda:plan-1",
];

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u32>().prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
        Just(serde_json::Value::from("my-area-x")),
        Just(serde_json::Value::from("https://example.org/")),
    ];
    leaf.prop_recursive(4, 24, 5, |inner| {
        let names = prop_oneof![
            Just("v".to_string()),
            Just("rev".to_string()),
            Just("data".to_string()),
            Just("text".to_string()),
            Just("norms".to_string()),
            Just("items".to_string()),
            Just("areas".to_string()),
            ".{0,6}".prop_map(|s| s),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::btree_map(names, inner, 0..5)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any stored text under any key is read or refused: never a panic.
    #[test]
    fn any_stored_text_is_decoded_or_refused(key in 0..KEYS.len(), text in ".{0,200}") {
        let key = Key::from_storage_key(KEYS[key]).unwrap();
        let _ = decode_entry(&key, &text);
    }

    /// Envelopes of any shape, under every key: read as the app reads them, or left out. What is
    /// read is stored in the app's own form and reads back the same; nothing else changes.
    #[test]
    fn any_entry_is_imported_faithfully_or_left_out(
        key in 0..KEYS.len(),
        v in 0u32..3,
        data in arbitrary_json(),
    ) {
        let entry = serde_json::json!({"v": v, "rev": 1, "data": data});
        let here = filled();
        let before = here.snapshot();
        let plan = plan_one_into(&here, KEYS[key], entry);
        prop_assert_eq!(plan.entries.len() + plan.problems.len(), 1);
        apply_import(&here, &plan, ADD_TAKING_THE_FILES, 3).unwrap();
        for (k, value) in here.snapshot() {
            if k == KEYS[key] && plan.entries.len() == 1 {
                let key = Key::from_storage_key(&k).unwrap();
                prop_assert_eq!(&decode_entry(&key, &value).unwrap(), &plan.entries[0].normal);
            } else if !k.starts_with(crate::storage::BACKUP_PREFIX) {
                prop_assert_eq!(Some(&value), before.get(&k));
            }
        }
    }

    /// A full storage at any point of an import changes nothing.
    #[test]
    fn a_quota_anywhere_changes_nothing(room in 0usize..2_000, replace in proptest::bool::ANY) {
        let file = file_of(&filled());
        let here = MemoryStore::new();
        save_item(&here, &id("1.benefits"), &answer("mine"), 0, 1).unwrap();
        save_item(&here, &id("3.costs"), &answer("only here"), 0, 1).unwrap();
        let before = here.snapshot();
        let plan = plan_import(&here, &file).unwrap();
        here.set_quota(Some(here.used_bytes() + room));
        let mode = if replace { ImportMode::Replace } else { ADD_TAKING_THE_FILES };
        match apply_import(&here, &plan, mode, 5) {
            Err(_) => prop_assert_eq!(here.snapshot(), before),
            // Success means all of it: every entry of the file is stored as planned.
            Ok(_) => {
                for entry in &plan.entries {
                    let stored = here.get(&entry.key.storage_key()).unwrap().unwrap();
                    prop_assert_eq!(&decode_entry(&entry.key, &stored).unwrap(), &entry.normal);
                }
            }
        }
    }
}

fn plan_one_into(store: &MemoryStore, key: &str, entry: serde_json::Value) -> ImportPlan {
    let mut file = DataFile::new(1);
    file.entries.insert(key.into(), entry);
    plan_import(store, &file).unwrap()
}

/// The files of `tests/corpus/data_import/` do what `expected.json` says, and a device holding
/// data loses none of it, whatever the file.
#[test]
fn the_committed_corpus_gives_what_expected_json_says() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/data_import");
    let expected: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    assert!(expected.len() >= 14);
    for (name, want) in expected {
        let bytes = std::fs::read(dir.join(&name)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let parsed = data_file::parse(&text);
        if let Some(refused) = want.get("refused").and_then(|r| r.as_str()) {
            let kind = match parsed {
                Err(data_file::FileError::NewerVersion { .. }) => "newer",
                Err(data_file::FileError::NotDataFile { is_card_file: true }) => "cards",
                Err(data_file::FileError::NotDataFile { .. }) => "not_data",
                Err(data_file::FileError::Unreadable) => "unreadable",
                Err(data_file::FileError::Truncated) => "truncated",
                Err(data_file::FileError::Empty) => "empty",
                other => panic!("{name}: {other:?}"),
            };
            assert_eq!(kind, refused, "{name}");
            continue;
        }
        let file = parsed.unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let here = filled();
        let before = here.snapshot();
        let plan = plan_import(&here, &file).unwrap();
        let count = |k: &str| want[k].as_u64().unwrap() as usize;
        assert_eq!(
            plan.entries.len(),
            count("entries"),
            "{name}: {:?}",
            plan.problems
        );
        assert_eq!(
            plan.problems.len(),
            count("left_out"),
            "{name}: {:?}",
            plan.problems
        );
        assert_eq!(plan.copies, count("copies"), "{name}");
        apply_import(&here, &plan, ADD, 5).unwrap();
        for (key, value) in before {
            assert_eq!(
                here.get(&key).unwrap(),
                Some(value),
                "{name}: {key} changed"
            );
        }
    }
}
