//! [`Store`] on the browser's localStorage. The only file that calls the Storage API.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};

use super::keys::LOCK_KEY;
use super::lock::kept_sealed;
use super::{Store, StoreError, shared_device};

thread_local! {
    /// The device's store seen through the open passphrase lock (a `lock::SealedStore`), while
    /// this tab holds the key. Set and dropped by `lock_session` (a lazy room): behind `dyn`, so
    /// the cipher's code travels with that room instead of the first download.
    static UNLOCKED: RefCell<Option<Rc<dyn Store>>> = const { RefCell::new(None) };
}

pub struct LocalStore {
    storage: web_sys::Storage,
    /// How values pass the lock (see [`Through`]).
    through: Through,
}

/// The lock as this store meets it.
enum Through {
    /// No lock on this store: values pass as they are.
    Plain,
    /// The device is locked and this tab has no key: sealed keys are refused (nothing is read as
    /// unreadable and backed up, nothing is written open), the rest passes.
    Closed,
    /// The lock is open in this tab.
    Open(Rc<dyn Store>),
}

impl LocalStore {
    /// Opens where this tab keeps things: localStorage, or in shared-device mode this tab's
    /// sessionStorage (the browser forgets it when the tab closes). Fails (instead of
    /// panicking) where the browser blocks storage.
    pub fn open() -> Result<Self, StoreError> {
        Self::pick().map(|(store, _)| store)
    }

    /// The store in use, and whether it is the tab's (shared-device mode; decided once per tab,
    /// see `storage::shared_device`).
    fn pick() -> Result<(Self, bool), StoreError> {
        let device = Self::raw_device()?;
        match Self::tab() {
            Ok(tab) if shared_device::tab_is_shared(&device, &tab) => Ok((tab, true)),
            _ => Ok((Self::device()?, false)),
        }
    }

    /// localStorage, whatever the mode, through the passphrase lock if there is one.
    pub fn device() -> Result<Self, StoreError> {
        let raw = Self::raw_device()?;
        let through = match UNLOCKED.with(|u| u.borrow().clone()) {
            Some(open) => Through::Open(open),
            // Read every time: a lock turned on in another tab holds here at once.
            None if raw.get(LOCK_KEY)?.is_some() => Through::Closed,
            None => Through::Plain,
        };
        Ok(Self { through, ..raw })
    }

    /// localStorage as it is, sealed values and all (for the lock's own rules).
    pub fn raw_device() -> Result<Self, StoreError> {
        let window =
            crate::web::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(Self {
                storage,
                through: Through::Plain,
            }),
            Ok(None) => Err(StoreError::Unavailable("no localStorage".into())),
            Err(e) => Err(StoreError::Unavailable(describe(&e))),
        }
    }

    /// This tab's sessionStorage. Looked up by name rather than through `Window::session_storage`,
    /// whose binding would add glue to the first download; both are the same `Storage` object.
    pub fn tab() -> Result<Self, StoreError> {
        crate::web::window()
            .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("sessionStorage")).ok())
            .filter(JsValue::is_object)
            .map(|storage| Self {
                storage: storage.unchecked_into(),
                through: Through::Plain,
            })
            .ok_or(StoreError::Unavailable(String::new()))
    }
}

/// Whether this tab is in shared-device mode (keeps nothing after it closes).
pub fn shared_device() -> bool {
    LocalStore::pick().is_ok_and(|(_, shared)| shared)
}

/// Quick exit: in shared-device mode, what this tab kept is forgotten before the page goes; an
/// open lock is closed (the key is dropped).
pub fn forget_tab() {
    // What is being typed is saved first, while the key is still there to seal it.
    crate::web::save_everything_now();
    close_lock();
    if let Ok((tab, true)) = LocalStore::pick() {
        shared_device::forget_tab(&tab);
    }
}

/// Whether this tab must ask for the passphrase: the device is locked, this tab has no key and
/// keeps its values on the device (a shared-device tab keeps its own, never sealed).
pub fn lock_closed() -> bool {
    LocalStore::pick().is_ok_and(|(store, _)| matches!(store.through, Through::Closed))
}

/// Whether the device's storage is locked with a passphrase (whatever this tab uses).
pub fn device_has_lock() -> bool {
    LocalStore::raw_device().is_ok_and(|d| d.get(LOCK_KEY).ok().flatten().is_some())
}

/// Whether the lock is open in this tab.
pub fn lock_open() -> bool {
    UNLOCKED.with(|u| u.borrow().is_some())
}

/// Opens the lock in this tab: from now on the device's values pass through `sealed`.
pub fn open_lock(sealed: Rc<dyn Store>) {
    UNLOCKED.with(|u| *u.borrow_mut() = Some(sealed));
}

/// Drops this tab's key: sealed values can no longer be read or written until the next unlock.
pub fn close_lock() {
    UNLOCKED.with(|u| u.borrow_mut().take());
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| format!("{}: {}", d.name(), d.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn to_store_error(e: JsValue) -> StoreError {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        // Chromium and Safari say QuotaExceededError (legacy code 22); old Firefox its own name.
        if d.name() == "QuotaExceededError"
            || d.name() == "NS_ERROR_DOM_QUOTA_REACHED"
            || d.code() == 22
        {
            return StoreError::QuotaExceeded;
        }
        if d.name() == "SecurityError" {
            return StoreError::Unavailable(describe(&e));
        }
    }
    StoreError::Other(describe(&e))
}

impl LocalStore {
    /// Refuses a sealed key while the lock is closed.
    fn passes(&self, key: &str) -> Result<(), StoreError> {
        match self.through {
            Through::Closed if kept_sealed(key) => Err(StoreError::Unavailable("locked".into())),
            _ => Ok(()),
        }
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if let Through::Open(open) = &self.through {
            return open.get(key);
        }
        self.passes(key)?;
        self.storage.get_item(key).map_err(to_store_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Through::Open(open) = &self.through {
            return open.set(key, value);
        }
        self.passes(key)?;
        self.storage.set_item(key, value).map_err(to_store_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        // Removing needs no key: erasing everything is the way on from a forgotten passphrase.
        self.storage.remove_item(key).map_err(to_store_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let len = self.storage.length().map_err(to_store_error)?;
        let mut keys = Vec::with_capacity(len as usize);
        for i in 0..len {
            if let Some(key) = self.storage.key(i).map_err(to_store_error)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
