//! The passphrase lock at rest, as rules over a [`Store`] (plain Rust, tested natively).
//!
//! While the lock is on, every value a person wrote (answers, norms, aims, notes, own cards and
//! themes, plans, support services, what present mode shows, backups) is stored as a sealed
//! envelope (`model::lock`): AES-GCM-256 with a fresh 12-byte IV per write and the storage key's
//! name as additional data (a value moved to another key does not open), under a key that
//! the browser derives from the passphrase (PBKDF2-SHA-256, `browser_crypto.rs`). What is not
//! written by a person stays readable, so the app can start, say it is locked and lead to quick
//! exit: settings, the THINK position, rounds, the export date, the shared-device flag.
//!
//! Sealing is synchronous Rust (RustCrypto's `aes-gcm`), not Web Crypto: its promises cannot
//! finish while a page is closing, and a save at `pagehide` must be written, sealed, at once.
//! Only the slow key derivation runs in the browser, once per unlock.
//!
//! [`LOCK_KEY`] holds the lock itself: how long to wait before locking again, and a check text
//! sealed under the key, which tells a right passphrase from a wrong one.

use std::rc::Rc;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use rand::TryRng;
use serde::{Deserialize, Serialize};

use super::everything::write_all_or_nothing;
use super::keys::{BACKUP_PREFIX, Key, LOCK_KEY, PREFIX, SHARED_DEVICE_FLAG};
use super::{SaveError, Store, StoreError};
use crate::model::lock::{IV_BYTES, MIN_ITERATIONS, SALT_BYTES, Sealed, SealedError};
use crate::model::schema::{Versioned, decode, encode};

/// What the check envelope holds: opening it proves the passphrase.
const CHECK_TEXT: &str = "think-plan-act: this passphrase opens the lock";
/// The rounds of PBKDF2 this build uses for a new lock or file.
pub const ITERATIONS: u32 = MIN_ITERATIONS;
/// A passphrase is at least this many characters (a sentence is easier to keep than a code).
pub const MIN_PASSPHRASE_CHARS: usize = 8;
pub const MAX_PASSPHRASE_CHARS: usize = 1000;
/// The idle times a person can choose, in minutes; 0 means "only when I lock it".
pub const IDLE_CHOICES: [u32; 5] = [1, 5, 15, 60, 0];
pub const DEFAULT_IDLE_MINUTES: u32 = 5;

/// Whether a key's value is sealed while the lock is on: everything of the app's but the few
/// values that let it start and leave (see the module comment).
pub fn kept_sealed(storage_key: &str) -> bool {
    if storage_key.starts_with(BACKUP_PREFIX) {
        return true;
    }
    match Key::from_storage_key(storage_key) {
        Some(Key::Settings | Key::Journey | Key::Rounds | Key::ExportMark) => false,
        Some(_) => true,
        // The lock, the shared-device flag and other sites' keys.
        None => false,
    }
}

/// Why a passphrase was not taken. Said before any key is derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassphraseProblem {
    TooShort,
    TooLong,
    /// The two fields differ.
    NotRepeated,
}

/// Checks a new passphrase and its repetition. Any characters are fine, pasting too.
pub fn check_new_passphrase(passphrase: &str, repeated: &str) -> Result<(), PassphraseProblem> {
    let chars = passphrase.chars().count();
    if chars < MIN_PASSPHRASE_CHARS {
        Err(PassphraseProblem::TooShort)
    } else if chars > MAX_PASSPHRASE_CHARS {
        Err(PassphraseProblem::TooLong)
    } else if passphrase != repeated {
        Err(PassphraseProblem::NotRepeated)
    } else {
        Ok(())
    }
}

/// A key derived from a passphrase, with the salt and rounds it came from (each envelope
/// names them, so a file sealed elsewhere says how to derive its key).
pub struct SealKey {
    cipher: Aes256Gcm,
    pub salt: [u8; SALT_BYTES],
    pub iterations: u32,
}

/// Why a sealed text could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Not an envelope this build can read (its reason).
    Envelope(SealedError),
    /// Sealed under another salt or number of rounds: another passphrase.
    OtherKey,
    /// The passphrase is wrong, or the text was changed (AES-GCM checks both).
    WrongKey,
}

impl SealKey {
    pub fn new(key: [u8; 32], salt: [u8; SALT_BYTES], iterations: u32) -> Self {
        Self {
            cipher: Aes256Gcm::new(&key.into()),
            salt,
            iterations,
        }
    }

    /// A fresh random salt for a new lock or file.
    pub fn new_salt() -> Result<[u8; SALT_BYTES], StoreError> {
        let mut salt = [0; SALT_BYTES];
        random(&mut salt)?;
        Ok(salt)
    }

    /// Seals a text with a fresh IV. `key` (the storage key it is written under) is bound to it
    /// as AES-GCM's additional data: a sealed value moved to another key no longer opens.
    pub fn seal(&self, key: &str, plaintext: &str) -> Result<String, StoreError> {
        let mut iv = [0; IV_BYTES];
        random(&mut iv)?;
        let payload = Payload {
            msg: plaintext.as_bytes(),
            aad: key.as_bytes(),
        };
        let ciphertext = self
            .cipher
            .encrypt(&Nonce::from(iv), payload)
            .map_err(|_| StoreError::Other("sealing failed".into()))?;
        Ok(Sealed {
            iterations: self.iterations,
            salt: self.salt.to_vec(),
            iv: iv.to_vec(),
            ciphertext,
        }
        .to_json())
    }

    /// Opens a text sealed under this key, for the storage key `key`.
    pub fn open(&self, key: &str, text: &str) -> Result<String, OpenError> {
        let sealed = Sealed::from_json(text).map_err(OpenError::Envelope)?;
        self.open_checked(key, &sealed)
    }

    pub fn open_checked(&self, key: &str, sealed: &Sealed) -> Result<String, OpenError> {
        if sealed.salt != self.salt || sealed.iterations != self.iterations {
            return Err(OpenError::OtherKey);
        }
        let iv: [u8; IV_BYTES] = sealed
            .iv
            .as_slice()
            .try_into()
            .map_err(|_| OpenError::WrongKey)?;
        let payload = Payload {
            msg: sealed.ciphertext.as_slice(),
            aad: key.as_bytes(),
        };
        let plain = self
            .cipher
            .decrypt(&Nonce::from(iv), payload)
            .map_err(|_| OpenError::WrongKey)?;
        String::from_utf8(plain).map_err(|_| OpenError::WrongKey)
    }
}

fn random(bytes: &mut [u8]) -> Result<(), StoreError> {
    rand::rngs::SysRng
        .try_fill_bytes(bytes)
        .map_err(|_| StoreError::Other("no random numbers".into()))
}

/// A store seen through an open lock: values of sealed keys are opened as they are read and
/// sealed as they are written; everything else passes through.
///
/// It remembers the lock as it was when it was opened: once the lock is changed (another tab
/// chose a new passphrase, turned the lock off, erased everything), sealed keys are refused, so
/// this key never writes over values it can no longer read, nor seals values where no lock is.
/// A value sealed under another salt is refused the same way (a browser may deliver another
/// tab's resealed values before its new lock). A sealed value that does not open under this
/// key and salt (damaged) is read as it is stored, so the usual rules back it up as unreadable
/// text and never overwrite it unbacked.
pub struct SealedStore<S> {
    pub inner: S,
    key: Rc<SealKey>,
    lock: Option<String>,
}

impl<S: Store> SealedStore<S> {
    /// Opens the lock as it is stored now (call right after unlocking or writing the lock).
    pub fn new(inner: S, key: Rc<SealKey>) -> Self {
        let lock = inner.get(LOCK_KEY).ok().flatten();
        Self { inner, key, lock }
    }

    fn lock_unchanged(&self) -> Result<(), StoreError> {
        if self.inner.get(LOCK_KEY)? == self.lock {
            Ok(())
        } else {
            Err(StoreError::Unavailable("the lock was changed".into()))
        }
    }
}

impl<S: Store> Store for SealedStore<S> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if kept_sealed(key) {
            self.lock_unchanged()?;
        }
        let raw = self.inner.get(key)?;
        match raw {
            Some(text) if kept_sealed(key) && Sealed::is_sealed(&text) => {
                match self.key.open(key, &text) {
                    Ok(plain) => Ok(Some(plain)),
                    // Sealed under another salt: another passphrase, chosen in another tab. A
                    // browser may show that tab's new values a moment before its new lock, so
                    // this counts as "the lock was changed", never as damaged text.
                    Err(OpenError::OtherKey) => Err(StoreError::Unavailable(
                        "sealed under another passphrase".into(),
                    )),
                    Err(_) => Ok(Some(text)),
                }
            }
            other => Ok(other),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if kept_sealed(key) {
            self.lock_unchanged()?;
            self.inner.set(key, &self.key.seal(key, value)?)
        } else {
            self.inner.set(key, value)
        }
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

/// The lock as stored under [`LOCK_KEY`] (an ordinary envelope `{v, rev, data}`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LockRecord {
    /// [`CHECK_TEXT`], sealed: its envelope also names the salt and rounds of the key.
    pub check: String,
    /// Lock again after this many minutes without use; 0 = only when the person locks it.
    pub idle_minutes: u32,
}

impl Versioned for LockRecord {
    const VERSION: u32 = 1;
}

/// What [`LOCK_KEY`] says about this device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockState {
    /// No lock: values are stored as they are.
    Off,
    /// A lock whose envelope names how to derive its key.
    On { record: LockRecord, check: Sealed },
    /// Something is stored under the lock's key that this build cannot read (damaged, or
    /// written by a newer version). The app treats the device as locked and changes nothing;
    /// only erasing goes on from here.
    Unreadable,
}

/// Reads the lock. A store that cannot be read counts as no lock: there is nothing to protect.
pub fn lock_state(store: &impl Store) -> LockState {
    let Ok(Some(text)) = store.get(LOCK_KEY) else {
        return LockState::Off;
    };
    let Ok(envelope) = decode::<LockRecord>(&text) else {
        return LockState::Unreadable;
    };
    match Sealed::from_json(&envelope.data.check) {
        Ok(check) => LockState::On {
            record: envelope.data,
            check,
        },
        Err(_) => LockState::Unreadable,
    }
}

/// Whether a derived key opens this lock (the passphrase was right).
pub fn opens(check: &Sealed, key: &SealKey) -> bool {
    key.open_checked(LOCK_KEY, check).as_deref() == Ok(CHECK_TEXT)
}

fn record_text(key: &SealKey, idle_minutes: u32) -> Result<String, SaveError> {
    let record = LockRecord {
        check: key.seal(LOCK_KEY, CHECK_TEXT)?,
        idle_minutes,
    };
    encode(&record, 1).map_err(SaveError::Encode)
}

/// Every key whose value is sealed under the lock, with the value as the person would read it
/// (`read`: the raw store when the lock is off, a [`SealedStore`] when it is on).
fn sealed_values(read: &impl Store) -> Result<Vec<(String, String)>, StoreError> {
    let mut out = Vec::new();
    for key in read.keys()? {
        if key.starts_with(PREFIX)
            && key != SHARED_DEVICE_FLAG
            && kept_sealed(&key)
            && let Some(value) = read.get(&key)?
        {
            out.push((key, value));
        }
    }
    Ok(out)
}

/// Turns the lock on: every value to be sealed is sealed under `key`, and the lock written,
/// all or nothing (a full storage puts every value back as it was).
pub fn start(store: &impl Store, key: &SealKey, idle_minutes: u32) -> Result<usize, SaveError> {
    if lock_state(store) != LockState::Off {
        return Err(SaveError::Store(StoreError::Other("already locked".into())));
    }
    let mut changes = Vec::new();
    for (name, value) in sealed_values(store)? {
        // A value already sealed (left by an earlier lock that was lost) stays as it is.
        if !Sealed::is_sealed(&value) {
            let sealed = key.seal(&name, &value)?;
            changes.push((name, Some(sealed)));
        }
    }
    let count = changes.len();
    changes.push((LOCK_KEY.to_string(), Some(record_text(key, idle_minutes)?)));
    write_all_or_nothing(store, &changes)?;
    Ok(count)
}

/// Seals everything again under a new key (a new passphrase), all or nothing. Values that do
/// not open with the old key (damaged, another passphrase) are left as they are.
pub fn change(
    store: &impl Store,
    old: &SealKey,
    new: &SealKey,
    idle_minutes: u32,
) -> Result<usize, SaveError> {
    still_opens(store, old)?;
    let mut changes = Vec::new();
    for (name, raw) in sealed_values(store)? {
        // Open text under a sealed key (written by a tab that did not know of the lock yet) is
        // sealed now too.
        let plain = if Sealed::is_sealed(&raw) {
            match old.open(&name, &raw) {
                Ok(plain) => plain,
                Err(_) => continue,
            }
        } else {
            raw
        };
        let sealed = new.seal(&name, &plain)?;
        changes.push((name, Some(sealed)));
    }
    let count = changes.len();
    changes.push((LOCK_KEY.to_string(), Some(record_text(new, idle_minutes)?)));
    write_all_or_nothing(store, &changes)?;
    Ok(count)
}

/// Turns the lock off: every value that opens is stored open again and the lock removed, all or
/// nothing. Values that do not open are left sealed (the person sees them as unreadable copies).
pub fn stop(store: &impl Store, key: &SealKey) -> Result<usize, SaveError> {
    still_opens(store, key)?;
    let mut changes = Vec::new();
    for (name, raw) in sealed_values(store)? {
        if let Ok(plain) = key.open(&name, &raw) {
            changes.push((name, Some(plain)));
        }
    }
    let count = changes.len();
    changes.push((LOCK_KEY.to_string(), None));
    write_all_or_nothing(store, &changes)?;
    Ok(count)
}

/// Refuses when `key` does not open the lock as it is stored now (another tab changed it while
/// this one derived the key): nothing may be resealed or opened under a passphrase in doubt.
fn still_opens(store: &impl Store, key: &SealKey) -> Result<(), SaveError> {
    match lock_state(store) {
        LockState::On { check, .. } if opens(&check, key) => Ok(()),
        _ => Err(SaveError::Store(StoreError::Other(
            "the lock was changed meanwhile".into(),
        ))),
    }
}

/// Changes how long the app waits before locking again.
/// Changes how long the app waits before locking again (the check stays as it is: no key is
/// needed).
pub fn set_idle(store: &impl Store, idle_minutes: u32) -> Result<(), SaveError> {
    let LockState::On { record, .. } = lock_state(store) else {
        return Err(SaveError::Store(StoreError::Other("no lock".into())));
    };
    let record = LockRecord {
        idle_minutes,
        ..record
    };
    store.set(LOCK_KEY, &encode(&record, 1).map_err(SaveError::Encode)?)?;
    Ok(())
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "lock_tests.rs"]
mod tests;
