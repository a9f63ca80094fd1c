use super::*;
use crate::model::settings::DEFAULT_EXIT_URL;

fn settings(url: &str) -> Settings {
    Settings {
        exit_url: url.into(),
        ..Settings::default()
    }
}

#[test]
fn nothing_stored_gives_defaults() {
    let store = MemoryStore::new();
    let loaded = load::<Settings>(&store, 1).unwrap();
    assert_eq!(loaded.value.exit_url, DEFAULT_EXIT_URL);
    assert_eq!(loaded.rev, 0);
    assert!(loaded.problem.is_none());
}

#[test]
fn save_then_load_round_trips_under_the_prefixed_key() {
    let store = MemoryStore::new();
    let rev = save(&store, &settings("https://example.org/"), 0, 1).unwrap();
    assert_eq!(rev, 1);
    let raw = store.get("tpa:settings").unwrap().unwrap();
    assert_eq!(
        raw,
        r#"{"v":1,"rev":1,"data":{"exit_url":"https://example.org/","hide_answers":false,"present_letter_keys":true,"timer_sound":false}}"#
    );
    let loaded = load::<Settings>(&store, 2).unwrap();
    assert_eq!(loaded.value.exit_url, "https://example.org/");
    assert_eq!(loaded.rev, 1);
}

fn id(s: &str) -> ItemId {
    ItemId::new(s).unwrap()
}

#[test]
fn every_key_is_prefixed_and_maps_back() {
    let mut keys = vec![
        Key::Settings,
        Key::Journey,
        Key::Rounds,
        Key::CustomAreas,
        Key::Show,
        Key::SupportServices,
    ];
    for c in Collection::ALL {
        keys.push(Key::Item(c, id("1.norms")));
    }
    for key in keys {
        assert!(key.storage_key().starts_with(PREFIX));
        assert_eq!(Key::from_storage_key(&key.storage_key()), Some(key.clone()));
    }
    assert_eq!(
        Key::Item(Collection::Answer, id("2.benefits")).storage_key(),
        "tpa:answer:2.benefits"
    );
    for foreign in [
        "other:settings",
        "tpa:backup:settings:1",
        "tpa:answer:",
        "tpa:answer:Bad Id",
        "tpa:nothing:1",
        "tpa:",
    ] {
        assert_eq!(Key::from_storage_key(foreign), None, "{foreign}");
    }
}

#[test]
fn item_ids_are_restricted_to_safe_characters() {
    for good in ["1.norms", "a", "round-2_x", &"a".repeat(64)] {
        assert!(ItemId::new(good).is_some(), "{good}");
    }
    for bad in ["", "A", "a:b", "a b", "я", &"a".repeat(65), "../x"] {
        assert!(ItemId::new(bad).is_none(), "{bad}");
    }
}

#[test]
fn saving_one_answer_writes_only_that_answer() {
    use crate::model::answer::{Answer, answer_id};
    let store = MemoryStore::new();
    for q in ["norms", "men_and_boys", "women_and_girls", "benefits"] {
        let a = Answer {
            text: format!("about {q}"),
            updated_at: 1,
        };
        save_item(&store, &id(&answer_id(1, q)), &a, 0, 1).unwrap();
    }
    let before: Vec<_> = store
        .keys()
        .unwrap()
        .iter()
        .map(|k| (k.clone(), store.get(k).unwrap()))
        .collect();
    let writes = store.writes();
    let changed = Answer {
        text: "Нормы 🙂".into(),
        updated_at: 2,
    };
    let rev = save_item(&store, &id("1.benefits"), &changed, 1, 2).unwrap();
    assert_eq!(rev, 2);
    assert_eq!(store.writes(), writes + 1, "exactly one key written");
    for (k, v) in before {
        if k != "tpa:answer:1.benefits" {
            assert_eq!(store.get(&k).unwrap(), v, "{k} must be untouched");
        }
    }
    let loaded = load_item::<Answer>(&store, &id("1.benefits"), 3).unwrap();
    assert_eq!(loaded.value, changed);
}

#[test]
fn list_items_finds_one_collection_only() {
    use crate::model::answer::Answer;
    use crate::model::norms::NormList;
    let store = MemoryStore::new();
    save_item(&store, &id("2.norms"), &Answer::default(), 0, 1).unwrap();
    save_item(&store, &id("1.norms"), &Answer::default(), 0, 1).unwrap();
    save_item(&store, &id("1"), &NormList::default(), 0, 1).unwrap();
    save(&store, &Settings::default(), 0, 1).unwrap();
    store.set("tpa:backup:answer:3.norms:5", "x").unwrap();
    assert_eq!(
        list_items(&store, Collection::Answer).unwrap(),
        vec![id("1.norms"), id("2.norms")]
    );
    assert_eq!(
        list_items(&store, Collection::Norms).unwrap(),
        vec![id("1")]
    );
}

#[test]
fn an_unreadable_item_is_backed_up_under_its_own_name() {
    use crate::model::answer::Answer;
    let store = MemoryStore::new();
    store.set("tpa:answer:1.norms", "{half").unwrap();
    let loaded = load_item::<Answer>(&store, &id("1.norms"), 8).unwrap();
    assert_eq!(
        loaded.problem.unwrap().backup.as_deref(),
        Ok("tpa:backup:answer:1.norms:8")
    );
}

#[test]
fn removing_an_item_keeps_a_copy_of_text_this_build_cannot_read() {
    use crate::model::answer::Answer;
    let store = MemoryStore::new();
    save_item(
        &store,
        &id("1.norms"),
        &Answer {
            text: "mine".into(),
            updated_at: 1,
        },
        0,
        1,
    )
    .unwrap();
    remove_item::<Answer>(&store, &id("1.norms"), 2).unwrap();
    assert_eq!(store.get("tpa:answer:1.norms").unwrap(), None);
    assert!(
        backup_keys(&store).unwrap().is_empty(),
        "a readable item needs no backup"
    );

    let future = r#"{"v":7,"rev":1,"data":{}}"#;
    store.set("tpa:answer:1.benefits", future).unwrap();
    remove_item::<Answer>(&store, &id("1.benefits"), 3).unwrap();
    assert_eq!(
        store
            .get("tpa:backup:answer:1.benefits:3")
            .unwrap()
            .as_deref(),
        Some(future)
    );
}

#[test]
fn corrupt_text_is_backed_up_and_left_in_place() {
    let store = MemoryStore::new();
    store.set("tpa:settings", "{not json").unwrap();
    let loaded = load::<Settings>(&store, 42).unwrap();
    assert_eq!(loaded.value, Settings::default());
    let problem = loaded.problem.unwrap();
    assert!(matches!(problem.reason, Unreadable::Corrupt(_)));
    assert_eq!(problem.raw, "{not json");
    assert_eq!(problem.backup.as_deref(), Ok("tpa:backup:settings:42"));
    assert_eq!(
        store.get("tpa:backup:settings:42").unwrap().as_deref(),
        Some("{not json")
    );
    assert_eq!(
        store.get("tpa:settings").unwrap().as_deref(),
        Some("{not json"),
        "original untouched"
    );
}

#[test]
fn reloading_the_same_bad_data_reuses_one_backup() {
    let store = MemoryStore::new();
    store.set("tpa:settings", "{not json").unwrap();
    load::<Settings>(&store, 1).unwrap();
    load::<Settings>(&store, 2).unwrap();
    assert_eq!(
        backup_keys(&store).unwrap(),
        vec!["tpa:backup:settings:1".to_string()]
    );
}

#[test]
fn different_bad_data_at_the_same_millisecond_gets_its_own_backup() {
    let store = MemoryStore::new();
    backup(&store, &Key::Settings, "one", 5).unwrap();
    let second = backup(&store, &Key::Settings, "two", 5).unwrap();
    assert_eq!(second, "tpa:backup:settings:5-1");
    assert_eq!(store.get(&second).unwrap().as_deref(), Some("two"));
}

#[test]
fn a_newer_schema_is_backed_up_and_reported() {
    let store = MemoryStore::new();
    let raw = r#"{"v":999,"rev":3,"data":{"exit_url":"x","future":true}}"#;
    store.set("tpa:settings", raw).unwrap();
    let problem = load::<Settings>(&store, 7).unwrap().problem.unwrap();
    assert_eq!(
        problem.reason,
        Unreadable::NewerSchema {
            found: 999,
            known: 1
        }
    );
    assert_eq!(
        store.get("tpa:backup:settings:7").unwrap().as_deref(),
        Some(raw)
    );
}

#[test]
fn saving_over_unreadable_text_first_makes_sure_a_backup_exists() {
    let store = MemoryStore::new();
    store.set("tpa:settings", "garbage").unwrap();
    // No load happened (so no backup yet): save must back up before it overwrites.
    save(&store, &settings("https://example.org/"), 0, 9).unwrap();
    assert_eq!(
        store.get("tpa:backup:settings:9").unwrap().as_deref(),
        Some("garbage")
    );
    assert!(
        store
            .get("tpa:settings")
            .unwrap()
            .unwrap()
            .contains("example.org")
    );
}

#[test]
fn unreadable_text_that_cannot_be_backed_up_is_never_overwritten() {
    let store = MemoryStore::new();
    store.set("tpa:settings", "garbage").unwrap();
    store.set_quota(Some(store.used_bytes() + 1)); // full: no room for a backup
    let got = save(&store, &settings("https://example.org/"), 0, 9);
    assert_eq!(got, Err(SaveError::Unbacked(StoreError::QuotaExceeded)));
    assert_eq!(
        store.get("tpa:settings").unwrap().as_deref(),
        Some("garbage")
    );
}

#[test]
fn a_full_store_reports_quota_and_keeps_the_old_value() {
    let store = MemoryStore::new();
    let rev = save(&store, &settings("https://a.example/"), 0, 1).unwrap();
    store.set_quota(Some(store.used_bytes() + 5));
    let long = format!("https://b.example/{}", "x".repeat(100));
    assert_eq!(
        save(&store, &settings(&long), rev, 2),
        Err(SaveError::Store(StoreError::QuotaExceeded))
    );
    assert_eq!(
        load::<Settings>(&store, 3).unwrap().value.exit_url,
        "https://a.example/"
    );
}

#[test]
fn a_stale_tab_cannot_overwrite_newer_data() {
    let store = MemoryStore::new();
    // Both tabs load revision 0.
    let tab_a = load::<Settings>(&store, 1).unwrap().rev;
    let tab_b = load::<Settings>(&store, 1).unwrap().rev;
    let a_rev = save(&store, &settings("https://a.example/"), tab_a, 2).unwrap();
    let writes = store.writes();
    assert_eq!(
        save(&store, &settings("https://b.example/"), tab_b, 3),
        Err(SaveError::Conflict { stored_rev: a_rev })
    );
    assert_eq!(store.writes(), writes, "the refused save wrote nothing");
    // After reloading, tab B can save on top.
    let reloaded = load::<Settings>(&store, 4).unwrap();
    assert_eq!(reloaded.value.exit_url, "https://a.example/");
    assert_eq!(
        save(&store, &settings("https://b.example/"), reloaded.rev, 5),
        Ok(2)
    );
}

#[test]
fn the_presentation_is_saved_by_whichever_window_acts_last() {
    use crate::model::presenter::Show;
    let store = MemoryStore::new();
    let mut show = Show {
        position: 1,
        ..Show::default()
    };
    assert_eq!(save_latest(&store, &show, 1), Ok(1));
    // Another window saved twice meanwhile; this one's click still lands, on top.
    show.position = 2;
    save(&store, &show, 1, 2).unwrap();
    save(&store, &show, 2, 3).unwrap();
    show.position = 7;
    assert_eq!(save_latest(&store, &show, 4), Ok(4));
    assert_eq!(load::<Show>(&store, 5).unwrap().value.position, 7);
    // Unreadable text is still kept as a copy before it is replaced.
    store.set("tpa:show", "{not json").unwrap();
    assert_eq!(save_latest(&store, &show, 6), Ok(1));
    assert_eq!(backup_keys(&store).unwrap(), ["tpa:backup:show:6"]);
    assert_eq!(
        store.get("tpa:backup:show:6").unwrap().as_deref(),
        Some("{not json")
    );
}

#[test]
fn blocked_storage_is_an_error_not_a_panic() {
    let store = MemoryStore::new();
    store.block();
    assert!(matches!(
        load::<Settings>(&store, 1),
        Err(StoreError::Unavailable(_))
    ));
    assert!(matches!(
        save(&store, &Settings::default(), 0, 1),
        Err(SaveError::Store(StoreError::Unavailable(_)))
    ));
}

#[test]
fn saving_one_value_writes_exactly_one_key() {
    let store = MemoryStore::new();
    store.set("tpa:other", "untouched").unwrap();
    let before = store.writes();
    save(&store, &Settings::default(), 0, 1).unwrap();
    assert_eq!(store.writes(), before + 1);
    assert_eq!(
        store.get("tpa:other").unwrap().as_deref(),
        Some("untouched")
    );
}

#[test]
fn the_other_tabs_version_can_be_kept_before_it_is_overwritten() {
    use crate::model::answer::Answer;
    let store = MemoryStore::new();
    let id = ItemId::new("1.benefits").unwrap();
    let mine = Answer {
        text: "mine".into(),
        updated_at: 1,
    };
    let theirs = Answer {
        text: "theirs".into(),
        updated_at: 2,
    };
    assert_eq!(
        backup_item::<Answer>(&store, &id, 5).unwrap(),
        None,
        "nothing stored yet"
    );
    // Both tabs loaded revision 0; the other tab saved first.
    save_item(&store, &id, &theirs, 0, 1).unwrap();
    assert!(matches!(
        save_item(&store, &id, &mine, 0, 2),
        Err(SaveError::Conflict { stored_rev: 1 })
    ));
    let backup_key = backup_item::<Answer>(&store, &id, 3)
        .unwrap()
        .expect("a backup");
    let kept = store.get(&backup_key).unwrap().unwrap();
    assert!(kept.contains("theirs"), "{kept}");
    save_item(&store, &id, &mine, 1, 4).unwrap();
    let loaded = load_item::<Answer>(&store, &id, 5).unwrap();
    assert_eq!(loaded.value.text, "mine");
}

fn custom(id: &str, topic: &str) -> CustomCard {
    CustomCard {
        id: id.into(),
        area: "family".into(),
        topic: topic.into(),
        questions: vec!["Why?".into()],
        ..Default::default()
    }
}

#[test]
fn an_import_writes_every_card_or_none() {
    let store = MemoryStore::new();
    save_item(&store, &id("my-1"), &custom("my-1", "Mine"), 0, 1).unwrap();
    let before_mine = store.get("tpa:card:my-1").unwrap();
    let items = vec![
        (id("my-1"), custom("my-1", "Replaced")),
        (id("my-2"), custom("my-2", "New")),
        (id("my-3"), custom("my-3", &"x".repeat(500))),
    ];
    // Room for the first two writes, not the third.
    store.set_quota(Some(store.used_bytes() + 300));
    let result = save_items_all_or_nothing(&store, &items, 5);
    assert_eq!(result, Err(SaveError::Store(StoreError::QuotaExceeded)));
    assert_eq!(
        store.get("tpa:card:my-1").unwrap(),
        before_mine,
        "put back as it was"
    );
    assert_eq!(store.get("tpa:card:my-2").unwrap(), None, "removed again");
    assert_eq!(store.get("tpa:card:my-3").unwrap(), None);

    store.set_quota(None);
    save_items_all_or_nothing(&store, &items, 6).unwrap();
    let mine = load_item::<CustomCard>(&store, &id("my-1"), 7).unwrap();
    assert_eq!(mine.value.topic, "Replaced");
    assert_eq!(mine.rev, 2, "a replaced card continues its revisions");
    assert_eq!(list_items(&store, Collection::CustomCard).unwrap().len(), 3);
}

#[test]
fn an_import_over_unreadable_text_keeps_a_copy_first() {
    let store = MemoryStore::new();
    store.set("tpa:card:my-1", "{broken").unwrap();
    save_items_all_or_nothing(&store, &[(id("my-1"), custom("my-1", "New"))], 9).unwrap();
    let backups = backup_keys(&store).unwrap();
    assert_eq!(backups, ["tpa:backup:card:my-1:9"]);
    assert_eq!(store.get(&backups[0]).unwrap().as_deref(), Some("{broken"));
}
