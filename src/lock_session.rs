//! The passphrase lock in this tab: the key from the passphrase (`web_crypto`), unlocking,
//! locking again (by hand, after the chosen idle time, on quick exit), and turning the lock on,
//! changing it or turning it off. The rules over storage are `storage::lock`; this file holds
//! what needs the browser. Only the privacy room calls it, so it travels in that room's chunk.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::lock::{Idle, SALT_BYTES, Sealed};
use crate::storage::browser::{self, LocalStore};
use crate::storage::lock::{self as rules, ITERATIONS, LockState, SealKey, SealedStore};
use crate::storage::{SaveError, StoreError};
use crate::web_crypto;

/// Why the lock did not do what was asked. Nothing changed in any of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// The passphrase does not open the lock.
    Wrong,
    /// What is stored as the lock cannot be read (damaged, or from a newer version).
    Damaged,
    /// This browser offers no Web Crypto here (an old browser, or a page not served securely).
    NoCrypto,
    Save(SaveError),
}

impl From<SaveError> for LockError {
    fn from(e: SaveError) -> Self {
        LockError::Save(e)
    }
}

impl From<StoreError> for LockError {
    fn from(e: StoreError) -> Self {
        LockError::Save(SaveError::Store(e))
    }
}

/// The key for `passphrase` (Web Crypto's PBKDF2, see `web_crypto`).
async fn derive_key(
    passphrase: &str,
    salt: [u8; SALT_BYTES],
    iterations: u32,
) -> Result<SealKey, LockError> {
    web_crypto::derive_seal_key(passphrase, salt, iterations)
        .await
        .map_err(|_| LockError::NoCrypto)
}

/// The lock as stored, with the salt and rounds its key needs.
fn stored_lock() -> Result<(rules::LockRecord, Sealed), LockError> {
    match rules::lock_state(&LocalStore::raw_device()?) {
        LockState::On { record, check } => Ok((record, check)),
        LockState::Off | LockState::Unreadable => Err(LockError::Damaged),
    }
}

/// The key for the stored lock, if `passphrase` opens it.
async fn key_for_lock(passphrase: &str) -> Result<(SealKey, rules::LockRecord), LockError> {
    let (record, check) = stored_lock()?;
    let salt: [u8; SALT_BYTES] = check
        .salt
        .as_slice()
        .try_into()
        .map_err(|_| LockError::Damaged)?;
    let key = derive_key(passphrase, salt, check.iterations).await?;
    if rules::opens(&check, &key) {
        Ok((key, record))
    } else {
        Err(LockError::Wrong)
    }
}

/// A new key for a new passphrase, with a fresh salt.
async fn new_key(passphrase: &str) -> Result<SealKey, LockError> {
    derive_key(passphrase, SealKey::new_salt()?, ITERATIONS).await
}

/// Opens the lock in this tab. No lock at all (turned off in another tab meanwhile) counts as
/// open: there is nothing to unlock.
pub async fn unlock(passphrase: String) -> Result<(), LockError> {
    if rules::lock_state(&LocalStore::raw_device()?) == LockState::Off {
        return Ok(());
    }
    let (key, record) = key_for_lock(&passphrase).await?;
    open_with(key, record.idle_minutes)
}

/// Turns the lock on: everything written is sealed under the new passphrase, all or nothing;
/// the tab stays unlocked.
pub async fn turn_on(passphrase: String, idle_minutes: u32) -> Result<(), LockError> {
    let key = new_key(&passphrase).await?;
    rules::start(&LocalStore::raw_device()?, &key, idle_minutes)?;
    open_with(key, idle_minutes)
}

/// A new passphrase: everything is sealed again under it, all or nothing.
pub async fn change(current: String, new: String) -> Result<(), LockError> {
    let (old, record) = key_for_lock(&current).await?;
    let key = new_key(&new).await?;
    rules::change(&LocalStore::raw_device()?, &old, &key, record.idle_minutes)?;
    open_with(key, record.idle_minutes)
}

/// Turns the lock off: everything is stored open again, all or nothing.
pub async fn turn_off(current: String) -> Result<(), LockError> {
    let (key, _) = key_for_lock(&current).await?;
    rules::stop(&LocalStore::raw_device()?, &key)?;
    stop_watching();
    forget_key();
    remove_lock_button();
    Ok(())
}

/// How long to wait before locking again.
pub fn set_idle(minutes: u32) -> Result<(), LockError> {
    rules::set_idle(&LocalStore::raw_device()?, minutes)?;
    // The stored lock changed: the open store takes it as the one it was opened with.
    if let Some(key) = KEY.with(|k| k.borrow().clone()) {
        browser::open_lock(Rc::new(SealedStore::new(LocalStore::raw_device()?, key)));
    }
    watch_idle(minutes);
    Ok(())
}

/// The idle time of the stored lock, in minutes.
pub fn idle_minutes() -> Option<u32> {
    stored_lock().ok().map(|(record, _)| record.idle_minutes)
}

thread_local! {
    /// This tab's key while the lock is open (the store holds it too, behind `dyn Store`).
    static KEY: RefCell<Option<Rc<SealKey>>> = const { RefCell::new(None) };
}

fn forget_key() {
    KEY.with(|k| k.borrow_mut().take());
    browser::close_lock();
}

fn open_with(key: SealKey, idle_minutes: u32) -> Result<(), LockError> {
    let key = Rc::new(key);
    KEY.with(|k| *k.borrow_mut() = Some(key.clone()));
    let sealed = SealedStore::new(LocalStore::raw_device()?, key);
    browser::open_lock(Rc::new(sealed));
    watch_idle(idle_minutes);
    add_lock_button();
    // A change of language rebuilds the header: the button comes back, in the new word.
    crate::web::on_rebuilt(|word| {
        set_lock_word(word);
        let button = crate::web::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(LOCK_BUTTON_ID));
        match button {
            Some(button) => button.set_text_content(Some(word)),
            None => add_lock_button(),
        }
    });
    Ok(())
}

/// Locks now. What is being typed is saved first (sealed), then the key is dropped and the page
/// loads afresh, so nothing read while the lock was open stays in memory.
pub fn lock_now() {
    crate::web::save_everything_now();
    stop_watching();
    forget_key();
    // Home, Safety and About stay as they are, but afresh all the same: the Lock button goes,
    // and nothing read while the lock was open stays in memory.
    if !crate::state::leave_if_locked() {
        crate::web::load_afresh("");
    }
}

/// The passphrase lock as this tab sees it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// No lock (or a shared-device tab, which keeps its own values).
    Off,
    /// Locked, and this tab has no key.
    Closed,
    /// Unlocked in this tab.
    Open,
}

pub fn status() -> Lock {
    if browser::lock_open() {
        Lock::Open
    } else if browser::lock_closed() {
        Lock::Closed
    } else {
        Lock::Off
    }
}

const LOCK_BUTTON_ID: &str = "lock-now";

thread_local! {
    /// The words on the Lock button, taken while a component had the language at hand.
    static LOCK_WORD: std::cell::Cell<&'static str> = const { std::cell::Cell::new("Lock") };
}

/// Remembers the Lock button's words (call from a component of this room).
pub fn set_lock_word(word: &'static str) {
    LOCK_WORD.with(|w| w.set(word));
}

/// Puts a Lock button into the header, before quick exit, while the lock is open. Added from
/// here rather than by the frame, so its code travels with the lock's room, not in the first
/// download for everyone. The page loads afresh when the lock closes, which removes it.
fn add_lock_button() {
    let Some(document) = crate::web::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(LOCK_BUTTON_ID).is_some() {
        return;
    }
    let (Some(header), Ok(button)) = (
        document.query_selector(".site-header").ok().flatten(),
        document.create_element("button"),
    ) else {
        return;
    };
    let quick_exit = document.query_selector(".quick-exit").ok().flatten();
    button.set_id(LOCK_BUTTON_ID);
    button.set_class_name("lock-now");
    let _ = button.set_attribute("type", "button");
    button.set_text_content(Some(LOCK_WORD.with(|w| w.get())));
    let on_click = wasm_bindgen::closure::Closure::<dyn Fn()>::new(lock_now);
    let _ = button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // The button lives until the page loads afresh; so does its handler.
    on_click.forget();
    let _ = header.insert_before(&button, quick_exit.as_ref().map(|q| q.unchecked_ref()));
}

fn remove_lock_button() {
    if let Some(button) = crate::web::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(LOCK_BUTTON_ID))
    {
        button.remove();
    }
}

/// What watches for use while the lock is open.
struct Watch {
    listeners: Vec<WindowListenerHandle>,
    interval: Option<IntervalHandle>,
}

thread_local! {
    static WATCH: RefCell<Option<Watch>> = const { RefCell::new(None) };
}

fn stop_watching() {
    if let Some(watch) = WATCH.with(|w| w.borrow_mut().take()) {
        for listener in watch.listeners {
            listener.remove();
        }
        if let Some(interval) = watch.interval {
            interval.clear();
        }
    }
}

/// Locks after `minutes` without use (wall-clock time: it also counts while the device sleeps).
/// Checked every ten seconds, and at once when the page comes back into view (timers sleep in a
/// hidden tab) or back from the browser's page cache. Whatever the idle time, a page brought back
/// from that cache after quick exit (which dropped the key) gives way to the unlock page.
fn watch_idle(minutes: u32) {
    stop_watching();
    let mut listeners = vec![
        window_event_listener_untyped("pageshow", move |_| {
            if !browser::lock_open() {
                crate::state::leave_if_locked();
            }
        }),
        // Another tab changed the lock (turned it off, a new passphrase, another idle time): the
        // key held here may no longer fit. The page loads afresh and asks again if the lock is on.
        // (Text being typed cannot be saved any more: the open store refuses sealed keys once
        // the lock changed, rather than write what no passphrase would open. What autosave
        // saved before, after its 600 ms pause, is kept.)
        window_event_listener(leptos::ev::storage, |event| {
            if event.key().as_deref() == Some(crate::storage::LOCK_KEY) && browser::lock_open() {
                forget_key();
                crate::web::load_afresh("");
            }
        }),
    ];
    if minutes == 0 {
        WATCH.with(|w| {
            *w.borrow_mut() = Some(Watch {
                listeners,
                interval: None,
            })
        });
        return;
    }
    let idle = Rc::new(RefCell::new(Idle::new(minutes, js_sys::Date::now())));
    for name in ["pointerdown", "keydown", "wheel", "touchstart", "input"] {
        let idle = idle.clone();
        listeners.push(window_event_listener_untyped(name, move |_| {
            idle.borrow_mut().used(js_sys::Date::now());
        }));
    }
    let check = {
        let idle = idle.clone();
        move || {
            // The projector's window shows only what the room sees, and nobody touches it while
            // presenting: it does not lock by itself (Lock and quick exit still do).
            let projecting = crate::web::current_address().starts_with("/present/show");
            if browser::lock_open() && !projecting && idle.borrow().expired(js_sys::Date::now()) {
                lock_now();
            }
        }
    };
    for name in ["visibilitychange", "pageshow", "focus"] {
        let check = check.clone();
        listeners.push(window_event_listener_untyped(name, move |_| check()));
    }
    let interval = set_interval_with_handle(check, Duration::from_secs(10)).ok();
    WATCH.with(|w| {
        *w.borrow_mut() = Some(Watch {
            listeners,
            interval,
        })
    });
}
