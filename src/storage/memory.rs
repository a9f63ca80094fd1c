//! An in-memory [`Store`] for native tests, with switches to play a full or a blocked storage.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use super::{Store, StoreError};

#[derive(Debug, Default)]
pub struct MemoryStore {
    items: RefCell<BTreeMap<String, String>>,
    /// Total bytes (keys + values, as UTF-8) the store may hold; `None` = unlimited.
    quota: Cell<Option<usize>>,
    blocked: Cell<bool>,
    writes: Cell<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(bytes: usize) -> Self {
        let store = Self::new();
        store.quota.set(Some(bytes));
        store
    }

    /// Makes every call fail as if storage were blocked.
    pub fn block(&self) {
        self.blocked.set(true);
    }

    pub fn set_quota(&self, bytes: Option<usize>) {
        self.quota.set(bytes);
    }

    /// How many successful `set` calls were made: lets tests prove that a write did or did not happen.
    pub fn writes(&self) -> usize {
        self.writes.get()
    }

    /// Every key and value, to prove that a failed operation changed nothing.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.items.borrow().clone()
    }

    /// Bytes held now (keys + values, as UTF-8).
    pub fn used_bytes(&self) -> usize {
        self.used_without("")
    }

    fn used_without(&self, key: &str) -> usize {
        self.items
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }

    fn check(&self) -> Result<(), StoreError> {
        if self.blocked.get() {
            Err(StoreError::Unavailable("blocked".into()))
        } else {
            Ok(())
        }
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.check()?;
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check()?;
        if let Some(quota) = self.quota.get()
            && self.used_without(key) + key.len() + value.len() > quota
        {
            return Err(StoreError::QuotaExceeded);
        }
        self.items
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        self.writes.set(self.writes.get() + 1);
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.check()?;
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.check()?;
        Ok(self.items.borrow().keys().cloned().collect())
    }
}
