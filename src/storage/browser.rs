//! [`Store`] on the browser's localStorage. The only file that calls the Storage API.

use wasm_bindgen::{JsCast, JsValue};

use super::{SHARED_DEVICE_FLAG, Store, StoreError};

pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// Opens where this tab keeps things: localStorage, or in shared-device mode this tab's
    /// sessionStorage (the browser forgets it when the tab closes). Fails (instead of
    /// panicking) where the browser blocks storage.
    pub fn open() -> Result<Self, StoreError> {
        Self::pick().map(|(store, _)| store)
    }

    /// The store in use, and whether it is the tab's (shared-device mode). Decided once per tab
    /// and written into the tab's own flag (`"1"` or `"0"`): a choice made later in another tab
    /// ("start every new tab this way", or undoing it) must not move a tab that is already open
    /// to other storage in the middle of someone's writing.
    fn pick() -> Result<(Self, bool), StoreError> {
        let device = Self::device()?;
        let Ok(tab) = Self::tab() else {
            return Ok((device, false));
        };
        let shared = match tab.storage.get_item(SHARED_DEVICE_FLAG).ok().flatten() {
            Some(flag) => flag == "1",
            None => {
                let shared = is_on(&device);
                let _ = tab.set(SHARED_DEVICE_FLAG, if shared { "1" } else { "0" });
                shared
            }
        };
        Ok(if shared { (tab, true) } else { (device, false) })
    }

    /// localStorage, whatever the mode.
    pub fn device() -> Result<Self, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(Self { storage }),
            Ok(None) => Err(StoreError::Unavailable("no localStorage".into())),
            Err(e) => Err(StoreError::Unavailable(describe(&e))),
        }
    }

    /// This tab's sessionStorage. Looked up by name rather than through `Window::session_storage`,
    /// whose binding would add glue to the first download; both are the same `Storage` object.
    pub fn tab() -> Result<Self, StoreError> {
        web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("sessionStorage")).ok())
            .filter(JsValue::is_object)
            .map(|storage| Self {
                storage: storage.unchecked_into(),
            })
            .ok_or(StoreError::Unavailable(String::new()))
    }
}

fn is_on(store: &LocalStore) -> bool {
    store
        .storage
        .get_item(SHARED_DEVICE_FLAG)
        .ok()
        .flatten()
        .as_deref()
        == Some("1")
}

/// Whether this tab is in shared-device mode (keeps nothing after it closes).
pub fn shared_device() -> bool {
    LocalStore::pick().is_ok_and(|(_, shared)| shared)
}

/// Whether every new tab starts in shared-device mode (the person asked to remember it).
pub fn shared_device_remembered() -> bool {
    LocalStore::device().is_ok_and(|d| is_on(&d))
}

/// Quick exit in shared-device mode: everything this tab keeps is forgotten at once (the mode
/// itself stays, so the tab keeps nothing if the person comes back to it).
pub fn forget_tab() {
    if let Ok((tab, true)) = LocalStore::pick() {
        for key in tab.keys().unwrap_or_default() {
            if key != SHARED_DEVICE_FLAG {
                let _ = tab.remove(&key);
            }
        }
    }
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

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(to_store_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(to_store_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
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
