//! [`Store`] on the browser's localStorage. The only file that calls the Storage API.

use wasm_bindgen::{JsCast, JsValue};

use super::{Store, StoreError, shared_device};

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

    /// The store in use, and whether it is the tab's (shared-device mode; decided once per tab,
    /// see `storage::shared_device`).
    fn pick() -> Result<(Self, bool), StoreError> {
        let device = Self::device()?;
        match Self::tab() {
            Ok(tab) if shared_device::tab_is_shared(&device, &tab) => Ok((tab, true)),
            _ => Ok((device, false)),
        }
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

/// Whether this tab is in shared-device mode (keeps nothing after it closes).
pub fn shared_device() -> bool {
    LocalStore::pick().is_ok_and(|(_, shared)| shared)
}

/// Quick exit: in shared-device mode, what this tab kept is forgotten before the page goes.
pub fn forget_tab() {
    if let Ok((tab, true)) = LocalStore::pick() {
        shared_device::forget_tab(&tab);
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
