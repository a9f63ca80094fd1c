//! Shared-device mode as rules over two stores: the device's (localStorage) and the tab's
//! (sessionStorage). Plain Rust over [`Store`], so every rule is tested natively with two
//! [`MemoryStore`](super::MemoryStore)s; `browser.rs` hands in the real ones.
//!
//! The marker [`SHARED_DEVICE_FLAG`] is `"1"` in the tab when the tab keeps nothing beyond itself,
//! `"0"` when it is an ordinary tab, and `"1"` in the device's store when new tabs should start in
//! the mode. Each tab decides once, the first time it opens storage: a choice made later in
//! another tab never moves an open tab's writing to other storage.

use super::everything::{Imported, copy_all};
use super::keys::{PREFIX, SHARED_DEVICE_FLAG};
use super::{SaveError, Store, StoreError, Stored};
use crate::model::settings::Settings;

fn is_on(store: &impl Store) -> bool {
    store.get(SHARED_DEVICE_FLAG).ok().flatten().as_deref() == Some("1")
}

/// Whether this tab keeps its values in its own store. Decided once per tab: the first call
/// follows the device's choice and writes it into the tab.
pub fn tab_is_shared(device: &impl Store, tab: &impl Store) -> bool {
    match tab.get(SHARED_DEVICE_FLAG).ok().flatten() {
        Some(flag) => flag == "1",
        None => {
            let shared = is_on(device);
            let _ = tab.set(SHARED_DEVICE_FLAG, if shared { "1" } else { "0" });
            shared
        }
    }
}

/// Whether new tabs start in the mode (the person asked for that).
pub fn remembered(device: &impl Store) -> bool {
    is_on(device)
}

/// Starts the mode in this tab; with `remember`, new tabs start so too. The settings come along
/// (the quick-exit destination), since the tab would otherwise start with defaults.
pub fn start(device: &impl Store, tab: &impl Store, remember: bool) -> Result<(), StoreError> {
    let settings = Settings::KEY.storage_key();
    if tab.get(&settings)?.is_none()
        && let Some(text) = device.get(&settings)?
    {
        tab.set(&settings, &text)?;
    }
    tab.set(SHARED_DEVICE_FLAG, "1")?;
    if remember {
        device.set(SHARED_DEVICE_FLAG, "1")?;
    }
    Ok(())
}

/// Remembers, or no longer remembers, that new tabs start in the mode. Open tabs keep theirs.
pub fn remember(device: &impl Store, on: bool) -> Result<(), StoreError> {
    if on {
        device.set(SHARED_DEVICE_FLAG, "1")
    } else {
        device.remove(SHARED_DEVICE_FLAG)
    }
}

/// Ends the mode. With `keep`, the tab's values are first copied to the device (all or nothing,
/// the device's other versions kept as backups: `copy_all`); on failure nothing changes and the
/// mode stays on. Then the tab's copy goes, marker included.
pub fn stop(
    device: &impl Store,
    tab: &impl Store,
    keep: bool,
    now_ms: u64,
) -> Result<Imported, SaveError> {
    let done = if keep {
        copy_all(tab, device, now_ms)?
    } else {
        Imported::default()
    };
    device.remove(SHARED_DEVICE_FLAG)?;
    for key in tab.keys()?.iter().filter(|k| k.starts_with(PREFIX)) {
        tab.remove(key)?;
    }
    Ok(done)
}

/// Quick exit in the mode: everything the tab keeps is forgotten at once; the marker stays, so
/// the tab keeps nothing if the person comes back to it.
pub fn forget_tab(tab: &impl Store) {
    for key in tab.keys().unwrap_or_default() {
        if key != SHARED_DEVICE_FLAG {
            let _ = tab.remove(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    #[test]
    fn a_tab_decides_once_and_keeps_its_decision() {
        let device = MemoryStore::new();
        let (ordinary, shared) = (MemoryStore::new(), MemoryStore::new());
        assert!(!tab_is_shared(&device, &ordinary));
        start(&device, &shared, true).unwrap();
        assert!(tab_is_shared(&device, &shared));
        // Remembered for new tabs, but the ordinary tab already open stays ordinary...
        assert!(!tab_is_shared(&device, &ordinary));
        assert!(tab_is_shared(&device, &MemoryStore::new()));
        // ...and forgetting the choice does not move the shared tab either.
        remember(&device, false).unwrap();
        assert!(tab_is_shared(&device, &shared));
        assert!(!tab_is_shared(&device, &MemoryStore::new()));
        assert!(!remembered(&device));
    }

    #[test]
    fn starting_brings_the_settings_and_remembers_only_when_asked() {
        let device = MemoryStore::new();
        device.set("tpa:settings", "{\"v\":1}").unwrap();
        let tab = MemoryStore::new();
        start(&device, &tab, false).unwrap();
        assert_eq!(
            tab.get("tpa:settings").unwrap().as_deref(),
            Some("{\"v\":1}")
        );
        assert_eq!(device.get(SHARED_DEVICE_FLAG).unwrap(), None);
        start(&device, &MemoryStore::new(), true).unwrap();
        assert!(remembered(&device));
    }

    #[test]
    fn stopping_keeps_or_forgets_and_a_full_device_changes_nothing() {
        let device = MemoryStore::new();
        let tab = MemoryStore::new();
        start(&device, &tab, true).unwrap();
        tab.set(
            "tpa:answer:1.costs",
            r#"{"v":1,"rev":1,"data":{"text":"mine"}}"#,
        )
        .unwrap();
        // A device with no room: nothing changes, the tab is still in the mode.
        device.set_quota(Some(device.used_bytes()));
        let before = (device.snapshot(), tab.snapshot());
        assert!(stop(&device, &tab, true, 1).is_err());
        assert_eq!((device.snapshot(), tab.snapshot()), before);
        device.set_quota(None);
        stop(&device, &tab, true, 1).unwrap();
        assert!(device.get("tpa:answer:1.costs").unwrap().is_some());
        assert!(tab.snapshot().is_empty());
        assert!(!remembered(&device));

        let tab = MemoryStore::new();
        start(&device, &tab, false).unwrap();
        tab.set(
            "tpa:answer:2.costs",
            r#"{"v":1,"rev":1,"data":{"text":"gone"}}"#,
        )
        .unwrap();
        stop(&device, &tab, false, 1).unwrap();
        assert_eq!(device.get("tpa:answer:2.costs").unwrap(), None);
        assert!(tab.snapshot().is_empty());
    }

    #[test]
    fn quick_exit_forgets_the_tab_but_not_its_mode() {
        let tab = MemoryStore::new();
        start(&MemoryStore::new(), &tab, false).unwrap();
        tab.set("tpa:answer:1.costs", "x").unwrap();
        forget_tab(&tab);
        assert_eq!(
            tab.snapshot().into_keys().collect::<Vec<_>>(),
            vec![SHARED_DEVICE_FLAG.to_string()]
        );
    }
}
