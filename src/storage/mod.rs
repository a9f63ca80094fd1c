//! The one owner of every key in localStorage.
//!
//! Rules, all enforced here and tested natively against [`MemoryStore`]:
//! - every key starts with [`PREFIX`]; the [`Key`] enum names each one;
//! - every value is an [`Envelope`](crate::model::schema::Envelope) with a schema version and a revision;
//! - text that this build cannot read (corrupt, newer schema) is copied to a backup key before anything
//!   could overwrite it, and a write that would destroy unbacked text is refused;
//! - a write whose base revision is older than the stored one is refused as a [`SaveError::Conflict`]
//!   (another tab saved newer data), so two tabs never silently overwrite each other.
//!
//! The browser implementation of [`Store`] lives in `browser.rs` (wasm32 only).

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod browser;
pub mod everything;
mod keys;
pub mod lock;
mod memory;
pub mod shared_device;

pub use keys::{BACKUP_PREFIX, Collection, ItemId, Key, LOCK_KEY, PREFIX, SHARED_DEVICE_FLAG};
pub use memory::MemoryStore;

use crate::model::agenda::Agenda;
use crate::model::aims::AimChoice;
use crate::model::answer::{Answer, CardNote};
use crate::model::custom_cards::{CustomAreas, CustomCard};
use crate::model::data_file::ExportMark;
use crate::model::journey::Journey;
use crate::model::norms::NormList;
use crate::model::presenter::Show;
use crate::model::rounds::Rounds;
use crate::model::schema::{Unreadable, Versioned, decode, encode};
use crate::model::settings::Settings;
use crate::model::support::SupportServices;

/// Ties a type to its fixed key, so a value can never be read from or written to the wrong one.
pub trait Stored: Versioned {
    const KEY: Key;
}

impl Stored for Settings {
    const KEY: Key = Key::Settings;
}

impl Stored for Journey {
    const KEY: Key = Key::Journey;
}

impl Stored for Rounds {
    const KEY: Key = Key::Rounds;
}

impl Stored for CustomAreas {
    const KEY: Key = Key::CustomAreas;
}

impl Stored for Show {
    const KEY: Key = Key::Show;
}

impl Stored for SupportServices {
    const KEY: Key = Key::SupportServices;
}

impl Stored for ExportMark {
    const KEY: Key = Key::ExportMark;
}

/// Ties a type to its collection: each item has its own key `tpa:<collection>:<id>`.
pub trait StoredItem: Versioned {
    const COLLECTION: Collection;
}

impl StoredItem for Answer {
    const COLLECTION: Collection = Collection::Answer;
}
impl StoredItem for CardNote {
    const COLLECTION: Collection = Collection::CardNote;
}
impl StoredItem for CustomCard {
    const COLLECTION: Collection = Collection::CustomCard;
}

impl StoredItem for NormList {
    const COLLECTION: Collection = Collection::Norms;
}

impl StoredItem for AimChoice {
    const COLLECTION: Collection = Collection::Aims;
}

impl StoredItem for Agenda {
    const COLLECTION: Collection = Collection::Agenda;
}

/// What can go wrong when talking to the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is blocked or missing (some private modes, blocked cookies).
    Unavailable(String),
    /// The browser's storage for this site is full.
    QuotaExceeded,
    /// Anything else the browser reported.
    Other(String),
}

/// A key-value store of strings: localStorage in the browser, a map in native tests.
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// A borrowed store is a store (a [`lock::SealedStore`] over the device's, in tests).
impl<S: Store + ?Sized> Store for &S {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        (**self).keys()
    }
}

/// Stored text that could not be read, and where a copy of it was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    pub key: Key,
    pub reason: Unreadable,
    /// The text exactly as it was stored, so the person can download it.
    pub raw: String,
    /// The backup key holding a copy, or the error that prevented the copy.
    pub backup: Result<String, StoreError>,
}

/// The result of loading one value.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    /// The stored value, or the default when nothing (readable) is stored.
    pub value: T,
    /// The revision to pass to the next [`save`].
    pub rev: u64,
    pub problem: Option<LoadProblem>,
}

/// Loads the value of a fixed key; unreadable text is backed up and reported, never thrown away.
pub fn load<T: Stored>(store: &impl Store, now_ms: u64) -> Result<Loaded<T>, StoreError> {
    load_at(store, &T::KEY, now_ms)
}

/// Loads one item of a collection (its default when absent).
pub fn load_item<T: StoredItem>(
    store: &impl Store,
    id: &ItemId,
    now_ms: u64,
) -> Result<Loaded<T>, StoreError> {
    load_at(store, &Key::Item(T::COLLECTION, id.clone()), now_ms)
}

fn load_at<T: Versioned>(
    store: &impl Store,
    key: &Key,
    now_ms: u64,
) -> Result<Loaded<T>, StoreError> {
    let Some(raw) = store.get(&key.storage_key())? else {
        return Ok(Loaded {
            value: T::default(),
            rev: 0,
            problem: None,
        });
    };
    match decode::<T>(&raw) {
        Ok(envelope) => Ok(Loaded {
            value: envelope.data,
            rev: envelope.rev,
            problem: None,
        }),
        Err(reason) => {
            let backup = backup(store, key, &raw, now_ms);
            Ok(Loaded {
                value: T::default(),
                // The unreadable text has no revision we can trust; a later save backs it up first.
                rev: 0,
                problem: Some(LoadProblem {
                    key: key.clone(),
                    reason,
                    raw,
                    backup,
                }),
            })
        }
    }
}

/// Why a value was not saved. In every case the stored data is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    Store(StoreError),
    /// Another tab saved a newer revision; load it before saving again.
    Conflict {
        stored_rev: u64,
    },
    /// The stored text is unreadable and no backup of it could be made, so it was not overwritten.
    Unbacked(StoreError),
    Encode(String),
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        SaveError::Store(e)
    }
}

/// Saves the value of a fixed key, loaded (or last saved) at `base_rev`; returns the new revision.
pub fn save<T: Stored>(
    store: &impl Store,
    value: &T,
    base_rev: u64,
    now_ms: u64,
) -> Result<u64, SaveError> {
    save_at(store, &T::KEY, value, base_rev, now_ms)
}

/// Saves a value where the newest action simply wins (what present mode shows: two windows
/// drive one presentation, and a click must never be refused). Readable stored values are
/// replaced whatever their revision; unreadable text is still backed up first.
pub fn save_latest<T: Stored>(
    store: &impl Store,
    value: &T,
    now_ms: u64,
) -> Result<u64, SaveError> {
    let stored_rev = match store.get(&T::KEY.storage_key())? {
        Some(raw) => decode::<T>(&raw).map_or(0, |stored| stored.rev),
        None => 0,
    };
    save_at(store, &T::KEY, value, stored_rev, now_ms)
}

/// Saves one item of a collection. Writes that item's key and nothing else.
pub fn save_item<T: StoredItem>(
    store: &impl Store,
    id: &ItemId,
    value: &T,
    base_rev: u64,
    now_ms: u64,
) -> Result<u64, SaveError> {
    save_at(
        store,
        &Key::Item(T::COLLECTION, id.clone()),
        value,
        base_rev,
        now_ms,
    )
}

fn save_at<T: Versioned>(
    store: &impl Store,
    key: &Key,
    value: &T,
    base_rev: u64,
    now_ms: u64,
) -> Result<u64, SaveError> {
    let storage_key = key.storage_key();
    let new_rev = match store.get(&storage_key)? {
        None => base_rev.saturating_add(1),
        Some(raw) => match decode::<T>(&raw) {
            Ok(stored) if stored.rev > base_rev => {
                return Err(SaveError::Conflict {
                    stored_rev: stored.rev,
                });
            }
            Ok(_) => base_rev.saturating_add(1),
            Err(_) => {
                backup(store, key, &raw, now_ms).map_err(SaveError::Unbacked)?;
                base_rev.saturating_add(1)
            }
        },
    };
    let text = encode(value, new_rev).map_err(SaveError::Encode)?;
    store.set(&storage_key, &text)?;
    Ok(new_rev)
}

/// Saves several items so that either all are stored or none is: after a failed write (a full
/// storage, say) every key written so far is put back as it was. Items that exist are replaced
/// (the person chose to, e.g. in an import preview); text this build cannot read is backed up
/// before it is replaced.
pub fn save_items_all_or_nothing<T: StoredItem>(
    store: &impl Store,
    items: &[(ItemId, T)],
    now_ms: u64,
) -> Result<(), SaveError> {
    let mut changes = Vec::with_capacity(items.len());
    for (id, value) in items {
        let key = Key::Item(T::COLLECTION, id.clone());
        let storage_key = key.storage_key();
        let rev = match store.get(&storage_key)? {
            None => 0,
            Some(raw) => match decode::<T>(&raw) {
                Ok(stored) => stored.rev,
                Err(_) => {
                    backup(store, &key, &raw, now_ms).map_err(SaveError::Unbacked)?;
                    0
                }
            },
        };
        let text = encode(value, rev.saturating_add(1)).map_err(SaveError::Encode)?;
        changes.push((storage_key, Some(text)));
    }
    everything::write_all_or_nothing(store, &changes)?;
    Ok(())
}

/// The ids of every stored item of a collection, sorted.
pub fn list_items(store: &impl Store, collection: Collection) -> Result<Vec<ItemId>, StoreError> {
    let mut ids: Vec<ItemId> = store
        .keys()?
        .iter()
        .filter_map(|raw| match Key::from_storage_key(raw) {
            Some(Key::Item(c, id)) if c == collection => Some(id),
            _ => None,
        })
        .collect();
    ids.sort();
    Ok(ids)
}

/// Deletes one item. Text this build cannot read is backed up first, so deleting never destroys
/// data that might belong to a newer version of the app.
pub fn remove_item<T: StoredItem>(
    store: &impl Store,
    id: &ItemId,
    now_ms: u64,
) -> Result<(), StoreError> {
    let key = Key::Item(T::COLLECTION, id.clone());
    let storage_key = key.storage_key();
    if let Some(raw) = store.get(&storage_key)?
        && decode::<T>(&raw).is_err()
    {
        backup(store, &key, &raw, now_ms)?;
    }
    store.remove(&storage_key)
}

/// Keeps a copy of an item as it is stored now: before a tab that lost a race (another tab saved
/// the same item meanwhile) saves its own text over it. `None` when nothing is stored.
pub fn backup_item<T: StoredItem>(
    store: &impl Store,
    id: &ItemId,
    now_ms: u64,
) -> Result<Option<String>, StoreError> {
    let key = Key::Item(T::COLLECTION, id.clone());
    match store.get(&key.storage_key())? {
        Some(raw) => backup(store, &key, &raw, now_ms).map(Some),
        None => Ok(None),
    }
}

/// Keeps a copy of unreadable text. Reuses an identical earlier copy, so reloading a page with
/// the same bad data does not pile up backups. Returns the backup key.
pub fn backup(store: &impl Store, key: &Key, raw: &str, now_ms: u64) -> Result<String, StoreError> {
    let prefix = format!("{BACKUP_PREFIX}{}:", key.name());
    let mut existing: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(&prefix))
        .collect();
    existing.sort();
    for k in &existing {
        if store.get(k)?.as_deref() == Some(raw) {
            return Ok(k.clone());
        }
    }
    let mut candidate = format!("{prefix}{now_ms}");
    let mut n = 1;
    while existing.contains(&candidate) {
        candidate = format!("{prefix}{now_ms}-{n}");
        n += 1;
    }
    store.set(&candidate, raw)?;
    Ok(candidate)
}

/// Every backup key, oldest first.
pub fn backup_keys(store: &impl Store) -> Result<Vec<String>, StoreError> {
    let mut keys: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .collect();
    keys.sort();
    Ok(keys)
}

#[cfg(test)]
mod tests;
