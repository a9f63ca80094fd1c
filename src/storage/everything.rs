//! Everything stored, at once: what is there (for "My data"), all of it into one file, a file
//! read back in (checked entry by entry, previewed, then written all or nothing), and erasing.
//!
//! Each key's type is known here (see `decode_entry`), so an entry of a file is read exactly as the
//! app reads it from storage: same schema versions, same migrations, same limits as typing.

use std::collections::BTreeMap;

use serde_json::Value;

use super::keys::{BACKUP_PREFIX, Collection, Key, LOCK_KEY, PREFIX, SHARED_DEVICE_FLAG};
use super::{SaveError, Store, StoreError, backup};
use crate::content::cards::Area;
use crate::model::agenda::Agenda;
use crate::model::aims::AimChoice;
use crate::model::answer::{Answer, CardNote};
use crate::model::custom_cards::{
    AREA_ID_PREFIX, CustomAreas, CustomCard, MAX_AREA_NAME_CHARS, is_card_id,
};
use crate::model::data_file::{DataFile, ExportMark, MAX_ENTRY_BYTES};
use crate::model::journey::Journey;
use crate::model::norms::NormList;
use crate::model::presenter::Show;
use crate::model::reflections::parse_answer_id;
use crate::model::rounds::Rounds;
use crate::model::schema::{Unreadable, Versioned, decode};
use crate::model::settings::{MAX_LANGUAGE_CODE, Settings, validate_exit_url};
use crate::model::support::{MAX_SERVICES, SupportServices};
use crate::model::text::check_text;

/// What a stored value is, in the words a person knows (the rows of "My data").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Answers,
    NormLists,
    Aims,
    CardNotes,
    OwnCards,
    Plans,
    SupportServices,
    /// Settings, where one is in the exercise and in present mode, own themes, the export date.
    Settings,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Answers,
        Kind::NormLists,
        Kind::Aims,
        Kind::CardNotes,
        Kind::OwnCards,
        Kind::Plans,
        Kind::SupportServices,
        Kind::Settings,
    ];

    pub fn of(key: &Key) -> Kind {
        match key {
            Key::Item(Collection::Answer, _) => Kind::Answers,
            Key::Item(Collection::Norms, _) => Kind::NormLists,
            Key::Item(Collection::Aims, _) => Kind::Aims,
            Key::Item(Collection::CardNote, _) => Kind::CardNotes,
            Key::Item(Collection::CustomCard, _) => Kind::OwnCards,
            Key::Item(Collection::Agenda, _) => Kind::Plans,
            Key::SupportServices => Kind::SupportServices,
            Key::Settings
            | Key::Journey
            | Key::Rounds
            | Key::CustomAreas
            | Key::Show
            | Key::ExportMark => Kind::Settings,
        }
    }
}

/// How much of each kind is stored, and how many bytes it takes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub counts: BTreeMap<Kind, usize>,
    /// Copies of text that could not be read (`tpa:backup:…`) and keys of ours this build does
    /// not know.
    pub copies: usize,
    /// What the app's keys and values take in the browser (which counts UTF-16: 2 bytes a unit).
    pub bytes: usize,
}

impl Summary {
    pub fn count(&self, kind: Kind) -> usize {
        self.counts.get(&kind).copied().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty() && self.copies == 0
    }
}

/// Every key of ours, sorted.
struct OurKeys {
    /// The app's own keys, with what they are.
    known: Vec<(Key, String)>,
    /// Everything else that starts with `tpa:` (backups, keys of a newer version).
    other: Vec<String>,
}

fn our_keys(store: &impl Store) -> Result<OurKeys, StoreError> {
    let mut keys: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(PREFIX) && k != SHARED_DEVICE_FLAG && k != LOCK_KEY)
        .collect();
    keys.sort();
    let mut known = Vec::new();
    let mut other = Vec::new();
    for raw in keys {
        match Key::from_storage_key(&raw) {
            Some(key) => known.push((key, raw)),
            None => other.push(raw),
        }
    }
    Ok(OurKeys { known, other })
}

pub fn summary(store: &impl Store) -> Result<Summary, StoreError> {
    let OurKeys { known, other } = our_keys(store)?;
    let mut summary = Summary {
        copies: other.len(),
        ..Summary::default()
    };
    for (key, _) in &known {
        *summary.counts.entry(Kind::of(key)).or_default() += 1;
    }
    for raw in known.iter().map(|(_, raw)| raw).chain(&other) {
        let value = store.get(raw)?.unwrap_or_default();
        summary.bytes += 2 * (raw.encode_utf16().count() + value.encode_utf16().count());
    }
    Ok(summary)
}

/// Everything stored, as one file. Values this build can read go in as they are stored; anything
/// else (backups, unreadable or unknown keys) goes in as text, so the file loses nothing.
pub fn export(store: &impl Store, now_ms: u64) -> Result<DataFile, StoreError> {
    let OurKeys { known, other } = our_keys(store)?;
    let mut file = DataFile::new(now_ms);
    for (key, raw) in known {
        let Some(text) = store.get(&raw)? else {
            continue;
        };
        let readable = decode_entry(&key, &text).is_ok();
        match serde_json::from_str::<Value>(&text) {
            Ok(value) if readable => {
                file.entries.insert(raw, value);
            }
            _ => {
                file.copies.insert(raw, text);
            }
        }
    }
    for raw in other {
        if let Some(text) = store.get(&raw)? {
            file.copies.insert(raw, text);
        }
    }
    Ok(file)
}

/// Why one entry of a file is left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    /// A key this app does not use (or a backup copy, which is never imported as data).
    UnknownKey,
    TooLarge,
    /// Not the shape of its kind, or written by a newer version.
    Unreadable(Unreadable),
    /// Readable, but outside what the app allows (too long, a quick-exit address that is not a
    /// web address, a card without a topic).
    NotAllowed,
}

/// One entry, as the app would store it: the schema version and the data, re-encoded (so a file
/// cannot smuggle extra fields or odd formatting into storage).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normal {
    pub v: u32,
    pub data: String,
}

impl Normal {
    fn envelope(&self, rev: u64) -> String {
        format!(r#"{{"v":{},"rev":{rev},"data":{}}}"#, self.v, self.data)
    }
}

fn normal<T: Versioned>(
    raw: &str,
    allowed: impl FnOnce(&mut T) -> bool,
) -> Result<Normal, EntryProblem> {
    let mut data = decode::<T>(raw).map_err(EntryProblem::Unreadable)?.data;
    if !allowed(&mut data) {
        return Err(EntryProblem::NotAllowed);
    }
    let data = serde_json::to_string(&data)
        .map_err(|e| EntryProblem::Unreadable(Unreadable::Corrupt(e.to_string())))?;
    Ok(Normal {
        v: T::VERSION,
        data,
    })
}

/// One of the app's own values back from its normal form.
fn from_normal<T: serde::de::DeserializeOwned>(normal: &Normal) -> Option<T> {
    serde_json::from_str(&normal.data).ok()
}

fn anything<T>(_: &mut T) -> bool {
    true
}

/// Whether an item id is one the app itself would make for this collection: answers are
/// `<round>.<question>`, norm lists and aims a round number, plans `plan-…`, own cards `my-…`.
fn id_fits(collection: Collection, id: &str) -> bool {
    let round = |r: &str| r.parse::<u32>().is_ok_and(|r| r > 0);
    match collection {
        Collection::Answer => parse_answer_id(id).is_some(),
        Collection::Norms | Collection::Aims => round(id),
        Collection::Agenda => id.starts_with("plan-"),
        Collection::CustomCard => is_card_id(id),
        Collection::CardNote => true,
    }
}

/// Reads one stored value (`{v, rev, data}` as text) as the type its key holds, with the limits
/// that apply when a person types it.
pub fn decode_entry(key: &Key, raw: &str) -> Result<Normal, EntryProblem> {
    if raw.len() > MAX_ENTRY_BYTES {
        return Err(EntryProblem::TooLarge);
    }
    let text_ok = |text: &str| check_text(text).is_ok();
    match key {
        Key::Settings => normal::<Settings>(raw, |s| {
            validate_exit_url(&s.exit_url).is_ok()
                && s.language
                    .as_ref()
                    .is_none_or(|code| code.len() <= MAX_LANGUAGE_CODE)
        }),
        Key::Journey => normal::<Journey>(raw, anything),
        Key::Rounds => normal::<Rounds>(raw, anything),
        Key::CustomAreas => normal::<CustomAreas>(raw, |a| {
            a.areas.len() <= crate::model::custom_cards::MAX_AREAS
                && a.areas.iter().all(|area| {
                    area.id.starts_with(AREA_ID_PREFIX)
                        && !area.name.trim().is_empty()
                        && area.name.chars().count() <= MAX_AREA_NAME_CHARS
                })
        }),
        Key::Show => normal::<Show>(raw, anything),
        Key::SupportServices => normal::<SupportServices>(raw, |s| {
            s.services.len() <= MAX_SERVICES && s.services.iter().all(|x| x.check().is_ok())
        }),
        Key::ExportMark => normal::<ExportMark>(raw, anything),
        Key::Item(collection, id) if !id_fits(*collection, id.as_str()) => {
            Err(EntryProblem::NotAllowed)
        }
        Key::Item(collection, id) => match collection {
            Collection::Answer => normal::<Answer>(raw, |a| text_ok(&a.text)),
            Collection::CardNote => normal::<CardNote>(raw, |n| text_ok(&n.text)),
            Collection::Norms => {
                normal::<NormList>(raw, |n| n.named().all(|norm| text_ok(&norm.text)))
            }
            Collection::Aims => normal::<AimChoice>(raw, |a| a.chosen.len() <= 100),
            Collection::Agenda => normal::<Agenda>(raw, |a| a.check().is_ok()),
            Collection::CustomCard => normal::<CustomCard>(raw, |card| {
                // The key names the card (as when the deck loads it). Its theme is checked
                // against the guidance's when the plan is made (own themes: see `plan_import`).
                card.id = id.as_str().to_string();
                let areas: Vec<&str> = Area::ALL.iter().map(|a| a.id()).collect();
                let mut with_own = areas.clone();
                with_own.push(card.area.as_str());
                card.area.starts_with(AREA_ID_PREFIX) && card.check(&with_own).is_ok()
                    || card.check(&areas).is_ok()
            }),
        },
    }
}

/// How an entry of a file compares with what is stored here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Incoming {
    New,
    /// Stored here too, with other content (or stored here unreadably).
    Changed,
    Same,
}

/// One readable entry of a file, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub key: Key,
    pub incoming: Incoming,
    normal: Normal,
}

/// A file compared with what is stored: shown to the person before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan {
    /// What every key the import would write or remove held when the plan was made: if another
    /// tab changes one meanwhile, the import is refused instead of writing over it unseen.
    seen: BTreeMap<String, Option<String>>,
    pub entries: Vec<Planned>,
    /// Entries left out, by their key in the file (a hostile file may use any text as a key).
    pub problems: Vec<(String, EntryProblem)>,
    /// Copies of unreadable text the file carries (kept in the file, never imported).
    pub copies: usize,
    /// What is stored here and not in the file: what "replace" would remove.
    pub only_here: Vec<Key>,
}

impl ImportPlan {
    pub fn count(&self, incoming: Incoming) -> usize {
        self.entries
            .iter()
            .filter(|e| e.incoming == incoming)
            .count()
    }

    /// Entries of one kind, by how they compare.
    pub fn count_kind(&self, kind: Kind, incoming: Incoming) -> usize {
        self.entries
            .iter()
            .filter(|e| e.incoming == incoming && Kind::of(&e.key) == kind)
            .count()
    }
}

/// How a file is brought in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Add what is new; entries stored here with other content are replaced only if chosen.
    Merge { replace_changed: bool },
    /// Afterwards the app holds exactly the file's entries (backup copies here stay).
    Replace,
}

/// Compares a file with what is stored. Reads only.
pub fn plan_import(store: &impl Store, file: &DataFile) -> Result<ImportPlan, StoreError> {
    let here = our_keys(store)?.known;
    let mut plan = ImportPlan {
        copies: file.copies.len(),
        ..ImportPlan::default()
    };
    for (raw_key, value) in &file.entries {
        let Some(key) = Key::from_storage_key(raw_key) else {
            plan.problems
                .push((raw_key.clone(), EntryProblem::UnknownKey));
            continue;
        };
        let text = serde_json::to_string(value).unwrap_or_default();
        let normal = match decode_entry(&key, &text) {
            Ok(normal) => normal,
            Err(problem) => {
                plan.problems.push((raw_key.clone(), problem));
                continue;
            }
        };
        let stored = store.get(raw_key)?;
        let incoming = match &stored {
            None => Incoming::New,
            Some(stored) => match decode_entry(&key, stored) {
                Ok(stored) if stored == normal => Incoming::Same,
                _ => Incoming::Changed,
            },
        };
        plan.seen.insert(raw_key.clone(), stored);
        plan.entries.push(Planned {
            key,
            incoming,
            normal,
        });
    }
    drop_cards_without_theme(store, &mut plan)?;
    for (key, raw) in here {
        if !file.entries.contains_key(&raw) {
            plan.seen.insert(raw.clone(), store.get(&raw)?);
            plan.only_here.push(key);
        }
    }
    Ok(plan)
}

/// An own card must have a theme of the guidance, of the file or of this device.
fn drop_cards_without_theme(store: &impl Store, plan: &mut ImportPlan) -> Result<(), StoreError> {
    let mut themes: Vec<String> = Area::ALL.iter().map(|a| a.id().to_string()).collect();
    if let Some(areas) = plan.entries.iter().find(|e| e.key == Key::CustomAreas) {
        let areas: CustomAreas = from_normal(&areas.normal).unwrap_or_default();
        themes.extend(areas.areas.into_iter().map(|a| a.id));
    }
    if let Some(text) = store.get(&Key::CustomAreas.storage_key())?
        && let Ok(here) = decode_entry(&Key::CustomAreas, &text)
    {
        let here: CustomAreas = from_normal(&here).unwrap_or_default();
        themes.extend(here.areas.into_iter().map(|a| a.id));
    }
    let (keep, drop): (Vec<_>, Vec<_>) =
        std::mem::take(&mut plan.entries)
            .into_iter()
            .partition(|e| match e.key {
                Key::Item(Collection::CustomCard, _) => from_normal::<CustomCard>(&e.normal)
                    .is_some_and(|card| themes.contains(&card.area)),
                _ => true,
            });
    plan.entries = keep;
    plan.problems.extend(
        drop.into_iter()
            .map(|e| (e.key.storage_key(), EntryProblem::NotAllowed)),
    );
    Ok(())
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Imported {
    pub written: usize,
    pub removed: usize,
}

/// Stores a planned import: every write and removal happens, or none does (a full storage
/// midway puts every key back as it was). Stored text this build cannot read is backed up before
/// it is replaced or removed; if no backup can be made, nothing is changed.
pub fn apply_import(
    store: &impl Store,
    plan: &ImportPlan,
    mode: ImportMode,
    now_ms: u64,
) -> Result<Imported, SaveError> {
    for (key, seen) in &plan.seen {
        if store.get(key)? != *seen {
            // Changed in another tab since the preview: the person decides again.
            return Err(SaveError::Conflict { stored_rev: 0 });
        }
    }
    let mut changes: Vec<(String, Option<String>)> = Vec::new();
    if mode == ImportMode::Replace {
        for key in &plan.only_here {
            keep_if_unreadable(store, key, now_ms)?;
            changes.push((key.storage_key(), None));
        }
    }
    let removed = changes.len();
    for entry in &plan.entries {
        let wanted = match entry.incoming {
            Incoming::New => true,
            Incoming::Same => false,
            Incoming::Changed => !matches!(
                mode,
                ImportMode::Merge {
                    replace_changed: false
                }
            ),
        };
        if !wanted {
            continue;
        }
        let rev = keep_if_unreadable(store, &entry.key, now_ms)?;
        changes.push((
            entry.key.storage_key(),
            Some(entry.normal.envelope(rev.saturating_add(1))),
        ));
    }
    write_all_or_nothing(store, &changes)?;
    Ok(Imported {
        written: changes.len() - removed,
        removed,
    })
}

/// The revision stored under `key` (0 if none); unreadable text is backed up first.
fn keep_if_unreadable(store: &impl Store, key: &Key, now_ms: u64) -> Result<u64, SaveError> {
    let Some(raw) = store.get(&key.storage_key())? else {
        return Ok(0);
    };
    if decode_entry(key, &raw).is_err() {
        backup(store, key, &raw, now_ms).map_err(SaveError::Unbacked)?;
        return Ok(0);
    }
    #[derive(serde::Deserialize)]
    struct Rev {
        rev: u64,
    }
    Ok(serde_json::from_str::<Rev>(&raw).map_or(0, |r| r.rev))
}

/// Sets (`Some`) or removes (`None`) every key, in order. On the first failure every key
/// changed so far is put back, newest first, and the error is returned.
pub fn write_all_or_nothing(
    store: &impl Store,
    changes: &[(String, Option<String>)],
) -> Result<(), StoreError> {
    let mut done: Vec<(&str, Option<String>)> = Vec::new();
    let result = changes.iter().try_for_each(|(key, value)| {
        let before = store.get(key)?;
        done.push((key.as_str(), before));
        match value {
            Some(text) => store.set(key, text),
            None => store.remove(key),
        }
    });
    if result.is_err() {
        for (key, before) in done.into_iter().rev() {
            let _ = match before {
                Some(raw) => store.set(key, &raw),
                None => store.remove(key),
            };
        }
    }
    result
}

/// Copies everything `from` holds into `to` (shared-device mode ending with "keep what I wrote"):
/// entries of `to` that differ are replaced by `from`'s (all or nothing) after `to`'s version is
/// kept as a backup copy; `from`'s copies of unreadable text become backup keys of `to`; `from`
/// is left as it is.
pub fn copy_all(from: &impl Store, to: &impl Store, now_ms: u64) -> Result<Imported, SaveError> {
    let file = export(from, now_ms)?;
    let plan = plan_import(to, &file)?;
    // What the device holds and the tab changed is kept as a backup copy first, and so are the
    // tab's own copies of unreadable text: nothing of either side is lost.
    for entry in plan
        .entries
        .iter()
        .filter(|e| e.incoming == Incoming::Changed)
    {
        if let Some(raw) = to.get(&entry.key.storage_key())? {
            backup(to, &entry.key, &raw, now_ms).map_err(SaveError::Unbacked)?;
        }
    }
    for (raw_key, text) in &file.copies {
        let key_name = if raw_key.starts_with(BACKUP_PREFIX) {
            raw_key.clone()
        } else {
            let name = raw_key.strip_prefix(PREFIX).unwrap_or(raw_key);
            format!("{BACKUP_PREFIX}{name}:{now_ms}")
        };
        if to.get(&key_name)?.is_none() {
            to.set(&key_name, text).map_err(SaveError::Unbacked)?;
        }
    }
    apply_import(
        to,
        &plan,
        ImportMode::Merge {
            replace_changed: true,
        },
        now_ms,
    )
}

/// Removes every key the app ever wrote (`tpa:…`, backups too), but for the shared-device
/// marker: erasing in shared-device mode must not quietly switch the tab back to the device's
/// storage. Returns how many were removed.
pub fn erase(store: &impl Store) -> Result<usize, StoreError> {
    let mut keys: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(PREFIX) && k != SHARED_DEVICE_FLAG)
        .collect();
    // The lock goes last: if removing stops halfway, what is left is still known to be sealed.
    keys.sort_by_key(|k| k == LOCK_KEY);
    for key in &keys {
        store.remove(key)?;
    }
    Ok(keys.len())
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "everything_tests.rs"]
mod tests;
