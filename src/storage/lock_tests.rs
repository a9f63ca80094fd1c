use std::rc::Rc;

use proptest::prelude::*;

use super::*;
use crate::model::answer::{Answer, CardNote};
use crate::model::custom_cards::CustomAreas;
use crate::model::journey::Journey;
use crate::model::settings::Settings;
use crate::storage::everything::{self, ImportMode};
use crate::storage::{ItemId, MemoryStore, load, load_item, save, save_item};

const SECRET: &str = "Мой ответ о деньгах и семье";

fn id(s: &str) -> ItemId {
    ItemId::new(s).unwrap()
}

fn key(byte: u8, salt: u8) -> SealKey {
    SealKey::new([byte; 32], [salt; SALT_BYTES], ITERATIONS)
}

fn answer(text: &str) -> Answer {
    Answer {
        text: text.into(),
        updated_at: 7,
    }
}

/// A device with an answer, a note, own themes, settings, the THINK position and a backup.
fn filled() -> MemoryStore {
    let store = MemoryStore::new();
    save(&store, &Settings::default(), 0, 1).unwrap();
    save(&store, &Journey::default(), 0, 1).unwrap();
    save(&store, &CustomAreas::default(), 0, 1).unwrap();
    save_item(&store, &id("1.benefits"), &answer(SECRET), 0, 1).unwrap();
    let note = CardNote {
        text: format!("{SECRET} (note)"),
        updated_at: 3,
    };
    save_item(&store, &id("parental-leave"), &note, 0, 1).unwrap();
    store
        .set("tpa:backup:answer:1.costs:5", &format!("{SECRET} (backup)"))
        .unwrap();
    store.set("other-site", "theirs").unwrap();
    store
}

/// Whether any stored value shows the person's words.
fn shows_the_secret(store: &MemoryStore) -> bool {
    store
        .snapshot()
        .values()
        .any(|v| v.contains("деньгах") || v.contains(&json_escaped("деньгах")))
}

fn json_escaped(text: &str) -> String {
    serde_json::to_string(text)
        .unwrap()
        .trim_matches('"')
        .to_string()
}

#[test]
fn what_a_person_wrote_is_sealed_and_what_lets_the_app_start_is_not() {
    for sealed in [
        "tpa:answer:1.benefits",
        "tpa:norms:1",
        "tpa:aims:1",
        "tpa:note:parental-leave",
        "tpa:card:my-abc",
        "tpa:agenda:plan-1",
        "tpa:areas",
        "tpa:services",
        "tpa:show",
        "tpa:backup:answer:1.costs:5",
        "tpa:backup:settings:5",
    ] {
        assert!(kept_sealed(sealed), "{sealed}");
    }
    for open in [
        "tpa:settings",
        "tpa:journey",
        "tpa:rounds",
        "tpa:exported",
        LOCK_KEY,
        SHARED_DEVICE_FLAG,
        "other-site",
        "tpa:unknown",
    ] {
        assert!(!kept_sealed(open), "{open}");
    }
}

#[test]
fn a_sealed_text_opens_with_its_key_only_and_every_seal_has_a_fresh_iv() {
    let right = key(1, 9);
    let a = right.seal("tpa:a", SECRET).unwrap();
    let b = right.seal("tpa:a", SECRET).unwrap();
    assert_ne!(a, b, "a fresh IV per write");
    assert!(!a.contains("деньгах"));
    assert_eq!(right.open("tpa:a", &a).as_deref(), Ok(SECRET));
    assert_eq!(right.open("tpa:a", &b).as_deref(), Ok(SECRET));
    // Same salt, other passphrase: the tag check fails.
    assert_eq!(key(2, 9).open("tpa:a", &a), Err(OpenError::WrongKey));
    // Another salt names another passphrase.
    assert_eq!(key(1, 8).open("tpa:a", &a), Err(OpenError::OtherKey));
    // One changed byte of ciphertext.
    let mut sealed = Sealed::from_json(&a).unwrap();
    sealed.ciphertext[0] ^= 1;
    assert_eq!(
        right.open("tpa:a", &sealed.to_json()),
        Err(OpenError::WrongKey)
    );
    assert!(matches!(
        right.open("tpa:a", "{}"),
        Err(OpenError::Envelope(_))
    ));
    // Bound to its key: moved under another key, it does not open.
    assert_eq!(right.open("tpa:b", &a), Err(OpenError::WrongKey));
}

#[test]
fn through_an_open_lock_the_app_reads_and_writes_as_before_but_nothing_is_stored_open() {
    let store = filled();
    let lock_key = Rc::new(key(1, 9));
    start(&store, &lock_key, 5).unwrap();
    assert!(!shows_the_secret(&store));
    let open = SealedStore::new(&store, lock_key.clone());
    let loaded = load_item::<Answer>(&open, &id("1.benefits"), 1).unwrap();
    assert_eq!(loaded.value.text, SECRET);
    assert_eq!(loaded.problem, None);
    // A save keeps the revision rules: a stale base revision is refused.
    let rev = save_item(&open, &id("1.benefits"), &answer("newer"), loaded.rev, 2).unwrap();
    assert!(save_item(&open, &id("1.benefits"), &answer("stale"), loaded.rev, 3).is_err());
    assert_eq!(
        load_item::<Answer>(&open, &id("1.benefits"), 4)
            .unwrap()
            .value
            .text,
        "newer"
    );
    assert_eq!(rev, loaded.rev + 1);
    assert!(
        !store
            .get("tpa:answer:1.benefits")
            .unwrap()
            .unwrap()
            .contains("newer")
    );
    // Settings stay readable without the key (quick exit works while locked).
    assert_eq!(
        load::<Settings>(&store, 1).unwrap().value,
        Settings::default()
    );
    // Other sites' keys are never touched.
    assert_eq!(store.get("other-site").unwrap().as_deref(), Some("theirs"));
}

#[test]
fn a_sealed_value_moved_to_another_key_does_not_open_there() {
    let store = filled();
    let lock_key = Rc::new(key(1, 9));
    start(&store, &lock_key, 5).unwrap();
    let moved = store.get("tpa:answer:1.benefits").unwrap().unwrap();
    store.set("tpa:answer:1.costs", &moved).unwrap();
    let open = SealedStore::new(&store, lock_key.clone());
    let loaded = load_item::<Answer>(&open, &id("1.costs"), 10).unwrap();
    assert_eq!(loaded.value, Answer::default());
    assert!(loaded.problem.is_some(), "read as unreadable, and kept");
    assert_eq!(store.get("tpa:answer:1.costs").unwrap(), Some(moved));
}

#[test]
fn the_lock_tells_a_right_passphrase_from_a_wrong_one() {
    let store = filled();
    assert_eq!(lock_state(&store), LockState::Off);
    start(&store, &key(1, 9), 15).unwrap();
    let LockState::On { record, check } = lock_state(&store) else {
        panic!("locked");
    };
    assert_eq!(record.idle_minutes, 15);
    assert_eq!(check.salt, vec![9; SALT_BYTES]);
    assert_eq!(check.iterations, ITERATIONS);
    assert!(opens(&check, &key(1, 9)));
    assert!(!opens(&check, &key(2, 9)));
    // Starting again over a lock is refused and changes nothing.
    let before = store.snapshot();
    assert!(start(&store, &key(3, 3), 1).is_err());
    assert_eq!(store.snapshot(), before);
}

#[test]
fn a_damaged_lock_is_read_as_unreadable_never_as_no_lock() {
    for text in [
        "",
        "not json",
        r#"{"v":1,"rev":1,"data":{"check":"{}","idle_minutes":5}}"#,
    ] {
        let store = MemoryStore::new();
        store.set(LOCK_KEY, text).unwrap();
        assert_eq!(lock_state(&store), LockState::Unreadable, "{text}");
    }
    let store = MemoryStore::new();
    store.set(LOCK_KEY, r#"{"v":9,"rev":1,"data":{}}"#).unwrap();
    assert_eq!(lock_state(&store), LockState::Unreadable);
}

#[test]
fn a_value_sealed_under_another_salt_is_refused_and_left_as_it_is() {
    // What a browser may show for a moment after another tab chose a new passphrase: the new
    // values before the new lock. Nothing may be read as damaged, backed up or written over.
    let store = filled();
    let lock_key = Rc::new(key(1, 9));
    start(&store, &lock_key, 5).unwrap();
    let foreign = key(4, 4)
        .seal(
            "tpa:answer:1.costs",
            r#"{"v":1,"rev":3,"data":{"text":"x","updated_at":1}}"#,
        )
        .unwrap();
    store.set("tpa:answer:1.costs", &foreign).unwrap();
    let before = store.snapshot();
    let open = SealedStore::new(&store, lock_key.clone());
    assert!(load_item::<Answer>(&open, &id("1.costs"), 10).is_err());
    assert!(save_item(&open, &id("1.costs"), &answer("here"), 0, 10).is_err());
    assert_eq!(store.snapshot(), before);
}

#[test]
fn a_damaged_sealed_value_is_backed_up_as_unreadable_and_kept() {
    let store = filled();
    let lock_key = Rc::new(key(1, 9));
    start(&store, &lock_key, 5).unwrap();
    // Same salt, so the same passphrase; but the text was changed, so it does not open.
    let sealed = lock_key
        .seal(
            "tpa:answer:1.costs",
            r#"{"v":1,"rev":3,"data":{"text":"x","updated_at":1}}"#,
        )
        .unwrap();
    let mut damaged = Sealed::from_json(&sealed).unwrap();
    damaged.ciphertext[3] ^= 0x40;
    let foreign = damaged.to_json();
    store.set("tpa:answer:1.costs", &foreign).unwrap();
    let open = SealedStore::new(&store, lock_key.clone());
    let loaded = load_item::<Answer>(&open, &id("1.costs"), 10).unwrap();
    let problem = loaded.problem.expect("reported");
    assert_eq!(problem.raw, foreign);
    assert_eq!(
        store.get("tpa:answer:1.costs").unwrap(),
        Some(foreign.clone())
    );
    // The backup is sealed too, and holds the text exactly.
    let backup = problem.backup.unwrap();
    assert_ne!(store.get(&backup).unwrap(), Some(foreign.clone()));
    assert_eq!(open.get(&backup).unwrap(), Some(foreign));
}

#[test]
fn an_open_store_refuses_sealed_keys_once_the_lock_changed_elsewhere() {
    let store = filled();
    let old = Rc::new(key(1, 9));
    start(&store, &old, 5).unwrap();
    // This tab's store, opened with the old key.
    let open = SealedStore::new(&store, old.clone());
    assert!(open.get("tpa:answer:1.benefits").unwrap().is_some());
    // Another tab chooses a new passphrase.
    change(&store, &old, &key(2, 7), 5).unwrap();
    let before = store.snapshot();
    assert!(matches!(
        open.get("tpa:answer:1.benefits"),
        Err(StoreError::Unavailable(_))
    ));
    assert!(save_item(&open, &id("1.benefits"), &answer("typed here"), 1, 9).is_err());
    assert!(load_item::<Answer>(&open, &id("1.benefits"), 9).is_err());
    assert_eq!(
        store.snapshot(),
        before,
        "nothing written, nothing backed up"
    );
    // Settings still pass.
    assert!(open.get("tpa:settings").unwrap().is_some());
    // Turned off elsewhere: nothing is sealed where no lock is.
    let store = filled();
    start(&store, &old, 5).unwrap();
    let open = SealedStore::new(&store, old.clone());
    stop(&store, &old).unwrap();
    assert!(open.set("tpa:note:y", "typed").is_err());
    assert_eq!(store.get("tpa:note:y").unwrap(), None);
}

#[test]
fn a_change_or_stop_with_a_key_that_no_longer_opens_the_lock_changes_nothing() {
    let store = filled();
    let old = key(1, 9);
    start(&store, &old, 5).unwrap();
    change(&store, &old, &key(2, 7), 5).unwrap();
    let before = store.snapshot();
    assert!(change(&store, &old, &key(3, 3), 5).is_err());
    assert!(stop(&store, &old).is_err());
    assert_eq!(store.snapshot(), before);
}

#[test]
fn a_new_passphrase_reseals_everything_and_the_old_one_no_longer_opens_anything() {
    let store = filled();
    let old = Rc::new(key(1, 9));
    start(&store, &old, 5).unwrap();
    // Open text under a sealed key, left by a tab that did not know of the lock.
    store.set("tpa:note:x", "open text").unwrap();
    let new = Rc::new(key(2, 7));
    let count = change(&store, &old, &new, 60).unwrap();
    assert_eq!(count, 5, "answer, note, areas, backup, the open note");
    let LockState::On { record, check } = lock_state(&store) else {
        panic!("locked");
    };
    assert_eq!(record.idle_minutes, 60);
    assert!(opens(&check, &new) && !opens(&check, &old));
    let open = SealedStore::new(&store, new.clone());
    assert_eq!(
        load_item::<Answer>(&open, &id("1.benefits"), 1)
            .unwrap()
            .value
            .text,
        SECRET
    );
    assert_eq!(
        open.get("tpa:note:x").unwrap().as_deref(),
        Some("open text")
    );
    for (name, raw) in store.snapshot() {
        if kept_sealed(&name) {
            assert!(old.open(&name, &raw).is_err(), "{name}");
            assert!(new.open(&name, &raw).is_ok(), "{name}");
        }
    }
}

#[test]
fn turning_the_lock_off_stores_everything_open_again() {
    let before = filled().snapshot();
    let store = filled();
    let lock_key = Rc::new(key(1, 9));
    start(&store, &lock_key, 5).unwrap();
    assert_eq!(stop(&store, &lock_key).unwrap(), 4);
    assert_eq!(lock_state(&store), LockState::Off);
    assert_eq!(store.snapshot(), before, "every value exactly as it was");
}

#[test]
fn export_and_import_through_an_open_lock_carry_open_values_and_store_sealed_ones() {
    let store = filled();
    let lock_key = Rc::new(key(1, 9));
    start(&store, &lock_key, 5).unwrap();
    let open = SealedStore::new(&store, lock_key.clone());
    let file = everything::export(&open, 1).unwrap();
    assert!(
        file.to_json().contains("деньгах"),
        "the file is the person's to read"
    );
    assert!(!file.to_json().contains(LOCK_KEY), "the lock is not data");
    let summary = everything::summary(&open).unwrap();
    assert_eq!(summary.copies, 1, "the backup; the lock is not counted");

    let elsewhere = MemoryStore::new();
    let other_key = Rc::new(key(5, 5));
    start(&elsewhere, &other_key, 5).unwrap();
    let there = SealedStore::new(&elsewhere, other_key);
    let plan = everything::plan_import(&there, &file).unwrap();
    everything::apply_import(&there, &plan, ImportMode::Replace, 2).unwrap();
    assert!(!shows_the_secret(&elsewhere));
    assert_eq!(
        load_item::<Answer>(&there, &id("1.benefits"), 1)
            .unwrap()
            .value
            .text,
        SECRET
    );
    assert!(matches!(lock_state(&elsewhere), LockState::On { .. }));
}

#[test]
fn erasing_removes_the_lock_too_and_leaves_other_sites_alone() {
    let store = filled();
    start(&store, &key(1, 9), 5).unwrap();
    everything::erase(&store).unwrap();
    assert_eq!(lock_state(&store), LockState::Off);
    assert_eq!(store.keys().unwrap(), vec!["other-site".to_string()]);
}

#[test]
fn a_new_passphrase_is_checked_before_anything_is_derived() {
    use PassphraseProblem::*;
    assert_eq!(check_new_passphrase("short", "short"), Err(TooShort));
    assert_eq!(
        check_new_passphrase("долгий путь домой", "долгий путь"),
        Err(NotRepeated)
    );
    assert_eq!(
        check_new_passphrase(&"x".repeat(1001), &"x".repeat(1001)),
        Err(TooLong)
    );
    assert_eq!(check_new_passphrase("8 chars!", "8 chars!"), Ok(()));
    // Eight letters, not eight bytes.
    assert_eq!(check_new_passphrase("ғқңөұүһі", "ғқңөұүһі"), Ok(()));
}

proptest! {
    /// A full storage at any point of turning the lock on, changing the passphrase or turning
    /// it off leaves every key exactly as it was.
    #[test]
    fn a_full_storage_at_any_point_changes_nothing(room in 0usize..4000, step in 0usize..3) {
        let store = filled();
        let old = Rc::new(key(1, 9));
        if step > 0 {
            start(&store, &old, 5).unwrap();
        }
        let before = store.snapshot();
        store.set_quota(Some(store.used_bytes() + room));
        let result = match step {
            0 => start(&store, &old, 5),
            1 => change(&store, &old, &key(2, 7), 5),
            _ => stop(&store, &old),
        };
        if result.is_err() {
            prop_assert_eq!(store.snapshot(), before);
        } else {
            prop_assert_ne!(store.snapshot(), before);
            // Done: every value reads back as it was written, under the lock now in place.
            let open: Box<dyn Store> = match (step, lock_state(&store)) {
                (2, LockState::Off) => Box::new(&store),
                (0, LockState::On { check, .. }) if opens(&check, &old) => {
                    Box::new(SealedStore::new(&store, old.clone()))
                }
                (1, LockState::On { check, .. }) if opens(&check, &key(2, 7)) => {
                    Box::new(SealedStore::new(&store, Rc::new(key(2, 7))))
                }
                (_, state) => return Err(TestCaseError::fail(format!("{state:?} after step {step}"))),
            };
            let text = load_item::<Answer>(&open.as_ref(), &id("1.benefits"), 1).unwrap().value.text;
            prop_assert_eq!(text, SECRET);
            prop_assert_eq!(
                open.get("tpa:backup:answer:1.costs:5").unwrap(),
                Some(format!("{SECRET} (backup)"))
            );
        }
    }

    /// Any text is sealed and opened back exactly.
    #[test]
    fn any_text_round_trips(text in ".{0,400}") {
        let k = key(3, 3);
        prop_assert_eq!(k.open("tpa:x", &k.seal("tpa:x", &text).unwrap()), Ok(text));
    }

    /// Any stored text under the lock's key gives a state, never a panic.
    #[test]
    fn any_lock_text_is_read_without_panicking(text in ".{0,300}") {
        let store = MemoryStore::new();
        store.set(LOCK_KEY, &text).unwrap();
        prop_assert_ne!(lock_state(&store), LockState::Off);
    }
}
