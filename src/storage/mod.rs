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

#[cfg(target_arch = "wasm32")]
pub mod browser;
mod memory;

pub use memory::MemoryStore;

use crate::model::schema::{Unreadable, Versioned, decode, encode};
use crate::model::settings::Settings;

/// Every key the app writes starts with this.
pub const PREFIX: &str = "tpa:";
/// Copies of unreadable text: `tpa:backup:<key name>:<milliseconds since 1970>`.
pub const BACKUP_PREFIX: &str = "tpa:backup:";

/// Every stored value the app knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Settings,
}

impl Key {
    pub const ALL: &'static [Key] = &[Key::Settings];

    pub fn name(self) -> &'static str {
        match self {
            Key::Settings => "settings",
        }
    }

    pub fn storage_key(self) -> String {
        format!("{PREFIX}{}", self.name())
    }

    /// The key behind a raw localStorage key, e.g. from a `storage` event of another tab.
    pub fn from_storage_key(raw: &str) -> Option<Key> {
        Key::ALL.iter().copied().find(|k| k.storage_key() == raw)
    }
}

/// Ties a stored type to its key, so a value can never be read from or written to the wrong one.
pub trait Stored: Versioned {
    const KEY: Key;
}

impl Stored for Settings {
    const KEY: Key = Key::Settings;
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

/// Loads a value; unreadable text is backed up and reported, never thrown away.
pub fn load<T: Stored>(store: &impl Store, now_ms: u64) -> Result<Loaded<T>, StoreError> {
    let Some(raw) = store.get(&T::KEY.storage_key())? else {
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
            let backup = backup(store, T::KEY, &raw, now_ms);
            Ok(Loaded {
                value: T::default(),
                // The unreadable text has no revision we can trust; a later save backs it up first.
                rev: 0,
                problem: Some(LoadProblem {
                    key: T::KEY,
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

/// Saves a value that was loaded (or last saved) at `base_rev`; returns the new revision.
pub fn save<T: Stored>(
    store: &impl Store,
    value: &T,
    base_rev: u64,
    now_ms: u64,
) -> Result<u64, SaveError> {
    let key = T::KEY.storage_key();
    let new_rev = match store.get(&key)? {
        None => base_rev + 1,
        Some(raw) => match decode::<T>(&raw) {
            Ok(stored) if stored.rev > base_rev => {
                return Err(SaveError::Conflict {
                    stored_rev: stored.rev,
                });
            }
            Ok(_) => base_rev + 1,
            Err(_) => {
                backup(store, T::KEY, &raw, now_ms).map_err(SaveError::Unbacked)?;
                base_rev + 1
            }
        },
    };
    let text = encode(value, new_rev).map_err(SaveError::Encode)?;
    store.set(&key, &text)?;
    Ok(new_rev)
}

/// Keeps a copy of unreadable text. Reuses an identical earlier copy, so reloading a page with
/// the same bad data does not pile up backups. Returns the backup key.
pub fn backup(store: &impl Store, key: Key, raw: &str, now_ms: u64) -> Result<String, StoreError> {
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
